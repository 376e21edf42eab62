package dev.dbtls.warehouse;

/**
 * How a preview runs.
 *
 * @param limit rows the query may return at most (the dialect's row limit); 0 = no limit
 * @param pageRows rows per page
 * @param maxPageBytes about how many bytes of values a page may hold (at least one row)
 * @param timeoutSeconds the query's time limit until its first page; 0 = none
 * @param allowWrites run statements that are not queries too
 * @param cancel cancels the query from another thread; may be null
 */
public record PreviewOptions(
    long limit,
    int pageRows,
    long maxPageBytes,
    int timeoutSeconds,
    boolean allowWrites,
    QueryCancel cancel) {

  public PreviewOptions {
    pageRows = Math.max(1, pageRows);
    maxPageBytes = Math.max(1, maxPageBytes);
    limit = Math.max(0, limit);
    timeoutSeconds = Math.max(0, timeoutSeconds);
  }

  /** 500 rows in pages of 500, 4 MB a page, 60 s, read-only. */
  public static PreviewOptions defaults() {
    return new PreviewOptions(500, 500, 4L << 20, 60, false, null);
  }

  public PreviewOptions withLimit(long rows) {
    return new PreviewOptions(rows, pageRows, maxPageBytes, timeoutSeconds, allowWrites, cancel);
  }

  public PreviewOptions withPage(int rows, long bytes) {
    return new PreviewOptions(limit, rows, bytes, timeoutSeconds, allowWrites, cancel);
  }

  public PreviewOptions withTimeout(int seconds) {
    return new PreviewOptions(limit, pageRows, maxPageBytes, seconds, allowWrites, cancel);
  }

  public PreviewOptions withWrites(boolean allow) {
    return new PreviewOptions(limit, pageRows, maxPageBytes, timeoutSeconds, allow, cancel);
  }

  public PreviewOptions withCancel(QueryCancel c) {
    return new PreviewOptions(limit, pageRows, maxPageBytes, timeoutSeconds, allowWrites, c);
  }
}
