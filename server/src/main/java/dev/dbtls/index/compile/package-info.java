/**
 * A project's snapshot and the compilation of its nodes. {@link
 * dev.dbtls.index.compile.ProjectSnapshot} is inputs, template engine and manifest, immutable; the
 * engine is built lazily ({@code LazyEngine}), so listing a project whose refs and configs are
 * literal never pays for it. {@link dev.dbtls.index.compile.NodeCompiler} renders one node with
 * {@code DbtContext} (dbt's {@code ref}, {@code source}, {@code config}, {@code var}, ...) and puts
 * ephemeral parents in front as CTEs, byte for byte as dbt Core's {@code inject_ctes_into_sql} does
 * ({@code EphemeralCtes}). {@code BuiltinMacros} loads dbt's macros as dbtls writes them, with
 * placeholders for those only a warehouse answers ({@code warehouse-macro}). A var's string value
 * with Jinja is rendered where {@code var()} is called.
 *
 * <p>No warehouse (docs/ARCHITECTURE.md): introspective Jinja never invents data. A relation asked
 * for exists ({@code adapter.get_relation}, {@code load_relation}), and every query answers an
 * empty table (no rows, no columns), so macros take their path for an empty result (dbt_utils'
 * {@code get_column_values} its default, {@code star} its {@code *}). {@code
 * adapter.get_columns_in_relation} asks the render's {@link dev.dbtls.jinja.KnownColumns} ({@code
 * ProjectKnownColumns}, one per snapshot), which answers in order of node type: a seed's CSV
 * header, named as dbt's seed creates it ({@code quote_columns}) and typed by {@code column_types},
 * else by agate's inference converted per adapter ({@code SeedColumnTypes}); a model, snapshot or
 * source whose YAML gives a {@code data_type} to every column (some columns documented is not the
 * whole table); a model whose compiled SQL is only {@code select * from} a relation ({@code
 * SelectStar}), that relation's columns. Otherwise the empty list with an {@code
 * introspection-skipped} info.
 */
package dev.dbtls.index.compile;
