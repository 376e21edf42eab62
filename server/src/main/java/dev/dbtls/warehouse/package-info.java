/**
 * The warehouse layer: profile targets as pooled JDBC connections, and previews of SQL on them.
 *
 * <p>{@link dev.dbtls.warehouse.Warehouses} keeps one HikariCP pool per (project folder, target),
 * replaced when the target changes and closed on {@code close()}; {@link
 * dev.dbtls.warehouse.Warehouse#open} builds one from a {@link dev.dbtls.project.Target} (DuckDB,
 * PostgreSQL, SQLite, MySQL/MariaDB, Trino, Redshift, Snowflake, or any JDBC driver; the vendors'
 * drivers are nested jars loaded by their own class loaders, see {@link
 * dev.dbtls.warehouse.BundledDrivers}). {@link dev.dbtls.warehouse.Preview} runs one read-only
 * query wrapped in the dialect's row limit and returns typed columns and the first page, keeping a
 * streaming cursor open for further pages; {@link dev.dbtls.warehouse.Profile} summarizes a query's
 * columns with SQL run by the warehouse.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Network and database IO happen only here; results are plain data (records of strings,
 *       numbers, lists), no LSP or JDBC types.
 *   <li>Public entry points never throw: every failure is a {@link
 *       dev.dbtls.warehouse.WarehouseError} with a stable code and one sentence naming the target,
 *       the host or file, and what failed.
 *   <li>Credentials never leave: not in messages (driver messages are scrubbed of them), not in
 *       {@code toString()}, not in logs.
 *   <li>Read-only by default: SQL is parsed (JSqlParser); only queries run, wrapped in {@code
 *       select * from (...)} so the database itself refuses anything else; connections are
 *       read-only where the driver can be told (PostgreSQL, MariaDB: {@code setReadOnly}; SQLite:
 *       {@code pragma query_only}; DuckDB files are opened read-only).
 *   <li>Results stream: a fetch size (and, for PostgreSQL, a transaction) so that only one page is
 *       in memory; a cursor holds one pooled connection until read, closed or expired.
 * </ul>
 */
package dev.dbtls.warehouse;
