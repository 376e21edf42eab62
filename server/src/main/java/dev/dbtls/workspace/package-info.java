/**
 * The editor's workspace: the dbt projects it has open, the unsaved buffers laid over the disk
 * ({@link dev.dbtls.workspace.OverlayFileSource}), the editor's settings, and the background builds
 * that turn changes into new snapshots and their {@link dev.dbtls.ide.Analysis}. Above {@code ide}
 * and {@code query}; used by {@code lsp} (and by tests as an editor would).
 *
 * <ul>
 *   <li>Projects are the folders with a {@code dbt_project.yml} under the workspace folders ({@link
 *       dev.dbtls.workspace.DbtProjects}; never inside {@code dbt_packages/}, {@code node_modules/}
 *       or Python's {@code site-packages/}); a file belongs to the innermost one.
 *   <li>A change marks its file dirty (also in every project that reads it as a local package) and
 *       restarts the project's quiet period (as long as its last rebuild took, 25 to 300 ms, unless
 *       {@code dbtls.rebuildDelayMs} says); then one background thread rebuilds with the project's
 *       parse cache, a full load only when a file was added or dbt_project.yml, profiles or
 *       packages changed. A build that throws keeps the last good snapshot and puts its files back
 *       for the next build. Files under {@code target/} and {@code logs/} never rebuild.
 *   <li>{@link dev.dbtls.workspace.Workspace#analysis} answers the last snapshot built, at once
 *       (before the first load ends, when it does): what editor features use. {@link
 *       dev.dbtls.workspace.Workspace#upToDateAnalysis} waits for every change sent so far: for
 *       {@code dbt/compile}, warehouse requests and rename, whose answers must match the buffers.
 *   <li>{@link dev.dbtls.workspace.ProjectSession}, one per project, owns what is derived after a
 *       build: the project's {@link dev.dbtls.ide.ProjectFacts} (catalog.json, and the warehouse's
 *       columns restored from the store once) and the columns job ({@link
 *       dev.dbtls.workspace.ProjectColumns} on the threads the workspace shares among sessions). A
 *       session announces {@code diagnosticsChanged} after each build and again when its columns
 *       are inferred; a closed session announces and starts nothing.
 *   <li>Column inference: parents before children in waves, the open files' models first; the next
 *       snapshot's run reuses every entry whose node and parents' columns did not change; a newer
 *       build stops an unfinished run, whose results the next run takes over; between two models a
 *       run gives way to the editor's requests. Each model's result is kept under a key of what it
 *       read, and on disk between sessions ({@link dev.dbtls.workspace.ColumnsCache}); a session's
 *       first table may restore results without rendering, then a run that renders every model
 *       checks them. Until a session has a complete table, completion, hover and definition read
 *       the first one as far as it has come; impact diagnostics, lineage and {@code dbt/columns}
 *       keep to complete tables.
 * </ul>
 */
package dev.dbtls.workspace;
