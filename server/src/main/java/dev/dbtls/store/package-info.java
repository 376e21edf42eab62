/**
 * The local store: one SQLite file in the user's data folder holding query history and saved
 * queries ({@link dev.dbtls.store.Store}), and export of results to files ({@link
 * dev.dbtls.store.export.Export}).
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Local file IO only: no network, no warehouse connection (the warehouse layer feeds rows in
 *       through {@link dev.dbtls.store.export.RowSource}).
 *   <li>Never throws to callers: every public method answers a {@link dev.dbtls.store.StoreResult}
 *       (value or message), an {@link dev.dbtls.store.export.ExportResult}, or plain data. A
 *       corrupt store file is moved aside and a fresh one created, with a notice; a store that
 *       cannot be opened at all falls back to an in-memory database, with a notice.
 *   <li>Nothing secret stored: the store receives SQL text, names and timings, never credentials or
 *       connection properties.
 *   <li>Every write is one SQLite transaction (WAL mode): a killed process loses at most the write
 *       in flight, never leaves a half-written row.
 *   <li>An export is written to a temporary file next to the target and renamed at the end: a
 *       failure or a cancel leaves no file behind.
 * </ul>
 */
package dev.dbtls.store;
