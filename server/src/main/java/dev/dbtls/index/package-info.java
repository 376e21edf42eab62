/**
 * The manifest: a project's nodes (models with versions, seeds, snapshots — also those defined in
 * YAML —, analyses, singular, generic and unit tests, sources, exposures, user-defined functions,
 * semantic models, metrics and saved queries), macros and docs blocks, linked as dbt links them.
 * Entry: {@link dev.dbtls.index.ManifestBuilder}; then {@link dev.dbtls.index.Manifest} ({@code
 * ref} and {@code source} resolved as dbt does: root project, then the referring package, then any;
 * the latest version unless {@code v=} is given), {@link dev.dbtls.index.Dag} and {@link
 * dev.dbtls.index.Selector} (dbt's selection syntax).
 *
 * <p>Static parser first, as dbt: refs, sources and configs come from the tolerant scan; only a
 * file whose calls are not literal, that calls a macro which itself calls {@code ref}/{@code
 * source}/{@code config}, or that calls them under {@code if}, in a loop or in an inline if, gets a
 * parse render. A render that ran to its end decided every branch: its calls replace the scanner's
 * (a ref in a branch not taken is no dependency), plus the scanner's calls outside every if or loop
 * when the render had errors ({@code StaticFacts.RefCall.conditional}); a render that stopped
 * ({@code raise_compiler_error}) keeps all the scanner's calls.
 *
 * <p>Config precedence: a package's dbt_project.yml, then the root's, then property YAML, then
 * {@code config()} in the file; {@code enabled: false} moves a node to {@code Manifest.disabled()}.
 * Data tests whose target is disabled or missing are disabled as dbt disables them; a generic
 * test's configs are taken out of its arguments as dbt's TestBuilder does.
 *
 * <p>Three speeds of rebuild: a full build; a build with a {@link dev.dbtls.index.ParseCache} (only
 * files whose text changed are parsed again, linking is redone; the cache also lives on disk
 * between sessions); and {@link dev.dbtls.index.ManifestBuilder#update}, which swaps in the nodes
 * of edited SQL files and keeps the DAG when their edges did not change (tens of milliseconds
 * instead of seconds on 10k models), or declines when the edit may reach further. What the manifest
 * keeps of a file is its static facts, problems and line index, never its tokens or YAML tree:
 * those outweighed everything else on a 10k-model project.
 */
package dev.dbtls.index;
