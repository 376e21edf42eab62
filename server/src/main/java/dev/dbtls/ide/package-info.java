/**
 * Editor features on immutable project snapshots, in plain data (display paths, {@code
 * Problem}s, offsets), reached through {@link dev.dbtls.ide.Analysis}: diagnostics, completion,
 * hover, definition, references, highlights, rename, code actions, outline, folding, semantic
 * tokens, links, lenses, compiled SQL, plan steps traced to the source. Invariants: knows
 * nothing of LSP (the {@code lsp} package converts), does no network or database IO and reads
 * files only through a {@code FileSource}, never throws to its caller on bad input. The SQL
 * inside templates is read by one lexer ({@link dev.dbtls.ide.SqlTokens}) and one CTE reader
 * ({@link dev.dbtls.ide.Ctes}), which {@code query} uses too.
 */
package dev.dbtls.ide;
