/**
 * What dbtls runs on a warehouse for a model, shared by the command line and the language server,
 * each command one pipeline with a request in and an outcome out (the front ends only convert and
 * print): preview ({@link dev.dbtls.query.ModelPreview}: the SQL a preview runs, {@link
 * dev.dbtls.query.PreviewSql}, with unbuilt parents inlined, {@link
 * dev.dbtls.query.UpstreamInliner}, its page cap and its history text), explain with its steps
 * traced to the source ({@link dev.dbtls.query.ModelExplain}), benchmarks and their jobs,
 * recommendations applied for real, the database explorer, the warehouse schema cache. The layer
 * between {@code ide} (pure) and {@code warehouse}/{@code store}/{@code benchmark} (IO).
 *
 * <p>What the warehouse said is remembered in the store per project (its absolute, normalized
 * folder) and target, so the next session knows it before anything is asked: {@link
 * dev.dbtls.query.SchemaMemory} (the columns, given back to the project's catalog at its first
 * build) and {@link dev.dbtls.query.ForeignKeyMemory} (declared foreign keys, for the ERD).
 */
package dev.dbtls.query;
