package dev.dbtls.query;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.warehouse.PreviewOptions;
import dev.dbtls.warehouse.QueryCancel;
import java.nio.file.Path;

/**
 * What a preview runs, from the editor ({@code dbt/preview}) or the command line ({@code dbtls
 * preview}): the file's model, one of its CTEs, or ad-hoc SQL, and how much of the result to bring
 * back.
 *
 * @param snapshot the project as compiled
 * @param file the model's file; null for ad-hoc SQL outside any model
 * @param sql ad-hoc SQL (Jinja allowed); null or blank for the file's model
 * @param cte one CTE of the model to preview instead of the whole; null for the whole
 * @param limit rows the query may return in all
 * @param pageRows rows of the first page, capped at {@link ModelPreview#MAX_PAGE_ROWS}
 * @param maxPageBytes about how many bytes of values the first page may hold
 * @param timeoutSeconds the query's time limit until its first page; 0 = none
 * @param allowWrites run statements that are not queries too
 * @param cancel cancels the query from another thread; may be null
 */
public record PreviewRequest(
    ProjectSnapshot snapshot,
    Path file,
    String sql,
    String cte,
    long limit,
    long pageRows,
    long maxPageBytes,
    int timeoutSeconds,
    boolean allowWrites,
    QueryCancel cancel) {

  /** The warehouse's options: the page capped so that it travels in one message. */
  PreviewOptions options() {
    return PreviewOptions.defaults()
        .withLimit(limit)
        .withPage(ModelPreview.pageRows(pageRows), maxPageBytes)
        .withTimeout(timeoutSeconds)
        .withWrites(allowWrites)
        .withCancel(cancel);
  }

  /** Whether the request names ad-hoc SQL rather than the file's model. */
  public boolean adHoc() {
    return sql != null && !sql.isBlank();
  }
}
