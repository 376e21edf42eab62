package dev.dbtls.warehouse;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A warehouse reached through its vendor's client library instead of a JDBC driver (BigQuery): it
 * runs one query as a job and hands back its rows as {@link QueryRows}, so that previews page,
 * cancel, time out, record history and export through the same code as a JDBC result. Loaded with
 * the library by its own class loader ({@link EngineLoader}). A failure is a {@link SQLException}
 * whose SQLState is {@code 08001} when the engine could not be reached or signed in to, and whose
 * message is the engine's own words.
 */
public interface ClientEngine extends AutoCloseable {
  /** What a query would do, asked without running it (BigQuery's dry run), and its columns. */
  record DryRun(
      String statementType, long bytesProcessed, boolean fromCache, List<PreviewColumn> columns) {
    public DryRun(String statementType, long bytesProcessed, boolean fromCache) {
      this(statementType, bytesProcessed, fromCache, List.of());
    }

    /** Whether the engine says the statement only reads. */
    public boolean query() {
      return statementType == null || statementType.equalsIgnoreCase("SELECT");
    }
  }

  /**
   * One stage of a finished job's plan, as BigQuery reports it: its inputs (other stages' ids), the
   * records it read and wrote, the slot time it used, its shuffle output and each worker's average
   * milliseconds waiting, reading, computing and writing, and its steps ({@code READ …}, {@code
   * AGGREGATE …}) as text.
   */
  record Stage(
      String id,
      String name,
      List<String> inputs,
      long recordsRead,
      long recordsWritten,
      long slotMs,
      long shuffleOutputBytes,
      long waitMsAvg,
      long readMsAvg,
      long computeMsAvg,
      long writeMsAvg,
      long startMs,
      long endMs,
      List<String> steps) {}

  /**
   * A query's plan: the dry run's bytes, and after a run ({@code stages} not empty) what it billed,
   * its slot time, its stages and how long it took; {@code raw} the engine's statistics as JSON.
   */
  record JobPlan(
      String statementType,
      long bytesProcessed,
      long bytesBilled,
      long slotMs,
      long elapsedMs,
      List<Stage> stages,
      List<String> tables,
      String raw) {}

  /**
   * The plan of a query: with {@code run} false only the dry run (nothing runs or bills); with
   * {@code run} true the query runs as a job, without the result cache, and its stages come back
   * (its rows are not read). {@code running} gets what stops the job.
   */
  JobPlan plan(String sql, boolean run, Consumer<RunningQuery> running) throws SQLException;

  /**
   * Where the engine's information schema is for the target, as SQL names it (BigQuery: the
   * location's region, {@code `project`.`region-eu`.INFORMATION_SCHEMA}, else the target's
   * dataset).
   */
  String informationSchema();

  /** The target's own dataset's information schema (where BigQuery keeps table constraints). */
  String datasetInformationSchema();

  /** The most bytes a job may bill, as the target's profile says (0: no limit). */
  long maxBytesBilled();

  /** Signs in and proves the engine answers; the first call, made when the target opens. */
  void check() throws SQLException;

  /** Plans the statement without running it: its kind and the bytes it would read. */
  DryRun dryRun(String sql) throws SQLException;

  /**
   * Starts the query and returns its rows as they arrive, {@code pageRows} at a time; {@code
   * running} gets what stops the job before the engine is waited on. {@code cache} false asks the
   * engine not to answer from its result cache (a benchmark's runs).
   */
  QueryRows query(String sql, int pageRows, boolean cache, Consumer<RunningQuery> running)
      throws SQLException;

  /** Releases the client; never throws. */
  @Override
  void close();
}
