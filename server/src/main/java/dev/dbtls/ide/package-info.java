/**
 * Editor features on immutable project snapshots, in plain data (display paths, {@code Problem}s,
 * offsets), reached through {@link dev.dbtls.ide.Analysis}: diagnostics, completion, hover,
 * definition, references, highlights, rename, code actions, outline, folding, semantic tokens,
 * links, lenses, compiled SQL, lineage, plan steps traced to the source. Invariants: knows nothing
 * of LSP (the {@code lsp} package converts), starts no thread and does no network or database IO
 * (ArchitectureTest), reads file contents only through a {@code FileSource}, never throws to its
 * caller on bad input. The SQL inside templates is read by one lexer ({@link
 * dev.dbtls.ide.SqlTokens}) and one CTE reader ({@link dev.dbtls.ide.Ctes}), which {@code query}
 * uses too.
 *
 * <p>Why one package: the features' own entry points are package-private {@code find} methods that
 * may throw; {@link dev.dbtls.ide.Analysis} calls them, logs a failure once and answers the
 * feature's empty answer. Sub-packages would make every entry point public and the door one of
 * many.
 *
 * <p>What the project's owner knows beside a snapshot comes in {@link dev.dbtls.ide.ProjectFacts}:
 * the {@link dev.dbtls.ide.ProjectCatalog} (catalog.json, else the warehouse's columns) and the
 * inferred columns as a {@link dev.dbtls.ide.ColumnsTable}, which {@code ide} only reads: the
 * newest complete table, or for features that read one node at a time the one being inferred as far
 * as it has come. {@link dev.dbtls.ide.NodeColumns} is the one precedence of a node's column
 * sources.
 */
package dev.dbtls.ide;
