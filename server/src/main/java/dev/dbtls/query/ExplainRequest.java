package dev.dbtls.query;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.warehouse.QueryCancel;
import java.nio.file.Path;

/**
 * What an explain plans, from the editor ({@code dbt/explain}) or {@code dbtls explain}: the file's
 * model, one of its CTEs, or ad-hoc SQL.
 *
 * @param snapshot the project as compiled
 * @param file the model's file; null for ad-hoc SQL outside any model
 * @param sql ad-hoc SQL (Jinja allowed); null or blank for the file's model
 * @param cte one CTE of the model to plan instead of the whole; null for the whole
 * @param analyze run the query for actual rows and times (PostgreSQL: rolled back)
 * @param cancel cancels the query from another thread; may be null
 */
public record ExplainRequest(
    ProjectSnapshot snapshot,
    Path file,
    String sql,
    String cte,
    boolean analyze,
    QueryCancel cancel) {

  /** Whether the request names ad-hoc SQL rather than the file's model. */
  public boolean adHoc() {
    return sql != null && !sql.isBlank();
  }
}
