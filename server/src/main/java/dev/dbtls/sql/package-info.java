/**
 * The SQL layer: what the compiled SQL of a node says. {@link dev.dbtls.sql.SqlSyntax} reports
 * syntax errors only where two independent checks agree (JSqlParser in the adapter's dialect, and
 * our own dialect-aware token checks), so that valid SQL a parser does not know is never marked.
 */
package dev.dbtls.sql;
