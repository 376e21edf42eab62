/**
 * The editor's workspace: the dbt projects it has open, the unsaved buffers laid over the disk
 * ({@link dev.dbtls.workspace.OverlayFileSource}), the editor's settings, and the background
 * builds that turn changes into new snapshots and their {@link dev.dbtls.ide.Analysis}. Above
 * {@code ide} and {@code query}; used by {@code lsp} (and by tests as an editor would).
 */
package dev.dbtls.workspace;
