/**
 * dbt's run loop — {@code dbt test} first: selected data tests executed on the target in the order
 * of the graph, with dbt's failure semantics ({@code severity}, {@code warn_if}, {@code error_if},
 * {@code fail_calc}, {@code limit}), their results written as dbt writes them ({@code
 * target/run_results.json}); unit tests ({@link dev.dbtls.run.UnitTests}) too. Reads through the
 * warehouse layer only (a data test is a query); building models, seeds and snapshots is still to
 * come. Never throws on a test that fails to compile or run: that test's result says so.
 */
package dev.dbtls.run;
