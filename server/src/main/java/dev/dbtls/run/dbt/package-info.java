/**
 * The second executor of {@code dbt/run} and {@code dbtls build|run|seed|snapshot|test}: the user's
 * own dbt, as a process. {@link DbtExecutable} finds it ({@code dbtls.dbt.path}, the workspace's
 * virtual environment, {@code PATH}), {@link DbtVersion} asks it its version, {@link DbtProcessRun}
 * runs it with {@code --log-format json} and reads its stdout line by line: each line becomes a
 * {@link DbtLogEvent} (dbt's structured events, named as dbt-core's {@code core_types.proto} names
 * them; dbt v2 writes the same names), and {@link DbtEventStream} turns them into the same {@code
 * DataTests.Listener} calls the native runner makes. When dbt ends, {@link RunResultsReader} reads
 * the {@code run_results.json} it wrote as the final word on each node. Starting a process is IO,
 * as a network call is: it lives here, above the core layers.
 */
package dev.dbtls.run.dbt;
