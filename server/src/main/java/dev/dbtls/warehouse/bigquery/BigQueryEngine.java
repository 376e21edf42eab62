package dev.dbtls.warehouse.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import dev.dbtls.warehouse.BigQuerySettings;
import dev.dbtls.warehouse.ClientEngine;
import dev.dbtls.warehouse.QueryRows;
import dev.dbtls.warehouse.RunningQuery;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * BigQuery through Google's client library: a query is a job (created with an id of ours so that it
 * can be cancelled while it runs), waited for, and read page by page; a dry run plans it without
 * running and says its statement type and the bytes it would read.
 */
public final class BigQueryEngine implements ClientEngine {
  private final BigQuerySettings settings;
  private final BigQuery bigquery;

  /**
   * The client for a target; no call is made yet.
   *
   * @throws IOException when the credentials cannot be made (no application default credentials, a
   *     key that is not a service account's), with the library's reason
   */
  public BigQueryEngine(BigQuerySettings settings) throws IOException {
    this(
        settings,
        BigQueryClient.options(settings, BigQueryClient.credentials(settings)).getService());
  }

  /** The engine over a client made elsewhere (tests point one at a local endpoint). */
  public BigQueryEngine(BigQuerySettings settings, BigQuery bigquery) {
    this.settings = settings;
    this.bigquery = bigquery;
  }

  /**
   * The location's region ({@code region-eu}, {@code region-europe-west2}): every dataset of the
   * project there; without a location only the target's dataset.
   */
  @Override
  public String informationSchema() {
    String project = "`" + settings.project() + "`";
    return settings.location() != null
        ? project
            + ".`region-"
            + settings.location().toLowerCase(java.util.Locale.ROOT)
            + "`.INFORMATION_SCHEMA"
        : datasetInformationSchema();
  }

  @Override
  public String datasetInformationSchema() {
    return "`" + settings.project() + "`.`" + settings.dataset() + "`.INFORMATION_SCHEMA";
  }

  @Override
  public long maxBytesBilled() {
    return settings.maximumBytesBilled();
  }

  @Override
  public void check() throws SQLException {
    dryRun("select 1");
  }

  @Override
  public DryRun dryRun(String sql) throws SQLException {
    try {
      Job job = bigquery.create(JobInfo.of(BigQueryClient.job(settings, sql, true, true)));
      JobStatistics.QueryStatistics stats = job.getStatistics();
      return new DryRun(
          stats.getStatementType() == null ? null : stats.getStatementType().toString(),
          stats.getTotalBytesProcessed() == null ? 0 : stats.getTotalBytesProcessed(),
          Boolean.TRUE.equals(stats.getCacheHit()),
          stats.getSchema() == null
              ? List.of()
              : stats.getSchema().getFields().stream().map(BigQueryValues::column).toList());
    } catch (BigQueryException e) {
      throw failure(e);
    }
  }

  @Override
  public JobPlan plan(String sql, boolean run, Consumer<RunningQuery> running) throws SQLException {
    if (!run) {
      try {
        Job job = bigquery.create(JobInfo.of(BigQueryClient.job(settings, sql, true, true)));
        return BigQueryPlan.of(job.getStatistics(), false);
      } catch (BigQueryException e) {
        throw failure(e);
      }
    }
    Job job = finished(sql, false, running);
    return BigQueryPlan.of(job.getStatistics(), true);
  }

  @Override
  public QueryRows query(String sql, int pageRows, boolean cache, Consumer<RunningQuery> running)
      throws SQLException {
    Job job = finished(sql, cache, running);
    try {
      return new BigQueryRows(
          job.getQueryResults(BigQuery.QueryResultsOption.pageSize(Math.max(1, pageRows))),
          () -> {});
    } catch (BigQueryException e) {
      throw failure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while reading the job's rows", e);
    }
  }

  /**
   * Runs the query as a job with an id of ours, so that {@code running} can cancel it while it
   * runs, and waits for it to end; a job that failed is its error as one SQLException.
   */
  private Job finished(String sql, boolean cache, Consumer<RunningQuery> running)
      throws SQLException {
    JobId id =
        JobId.newBuilder()
            .setProject(settings.jobProject())
            .setLocation(settings.location())
            .setJob("dbtls_" + UUID.randomUUID().toString().replace("-", ""))
            .build();
    RunningQuery stop =
        () -> {
          try {
            bigquery.cancel(id);
          } catch (RuntimeException e) {
            // the job ended, or cannot be reached: nothing more to do
          }
        };
    running.accept(stop);
    try {
      Job job =
          bigquery.create(
              JobInfo.newBuilder(BigQueryClient.job(settings, sql, false, cache))
                  .setJobId(id)
                  .build());
      job = job.waitFor();
      if (job == null) {
        throw new SQLException("the job " + id.getJob() + " is gone");
      }
      BigQueryError error = job.getStatus().getError();
      if (error != null) {
        throw new SQLException(error.getMessage());
      }
      return job;
    } catch (BigQueryException e) {
      throw failure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.stop();
      throw new SQLException("interrupted while waiting for the job", e);
    }
  }

  /**
   * The library's exception as one SQLException: SQLState 08001 when BigQuery could not be reached
   * or signed in to (a network error, 401), the cause kept so that its kind can be told.
   */
  static SQLException failure(BigQueryException e) {
    boolean unreached =
        e.getCode() == 401 || e.getCode() == 0 && e.getCause() instanceof IOException;
    String message = e.getMessage();
    if (e.getError() != null && e.getError().getMessage() != null) {
      message = e.getError().getMessage();
    }
    return new SQLException(message, unreached ? "08001" : null, e);
  }

  @Override
  public void close() {
    // the client holds no connection of its own: its HTTP transport is shared and idles out
  }
}
