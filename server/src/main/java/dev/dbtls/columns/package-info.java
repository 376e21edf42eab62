/**
 * The columns a query produces, inferred from its SQL: names, types where the SQL says them, and
 * for each column the parent columns it derives from ({@link dev.dbtls.columns.Upstream}, an edge
 * labelled by {@link dev.dbtls.columns.EdgeKind}). Pure: SQL text and the parents' columns in,
 * plain data out; no IO, never throws on bad SQL. Entry: {@link dev.dbtls.columns.ColumnInference}.
 */
package dev.dbtls.columns;
