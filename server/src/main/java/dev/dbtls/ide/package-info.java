/**
 * Editor features on immutable project snapshots, in plain data (paths, {@code Problem}s,
 * offsets): the workspace of dbt projects with unsaved buffers laid over the disk, diagnostics,
 * compiled SQL, hover, go to definition and find references. Knows nothing of LSP; the {@code
 * lsp} package converts.
 */
package dev.dbtls.ide;
