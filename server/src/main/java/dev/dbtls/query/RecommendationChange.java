package dev.dbtls.query;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.store.Recommendations.Recommendation;
import dev.dbtls.store.Store;
import dev.dbtls.store.StoreResult;
import dev.dbtls.warehouse.RecommendationApply;
import dev.dbtls.warehouse.Warehouse;
import dev.dbtls.warehouse.WarehouseError;
import dev.dbtls.warehouse.Warehouses;

/**
 * Applying a recommendation for real, or rolling it back ({@code dbt/applyRecommendation}, {@code
 * dbtls recommendations apply|rollback}): only when the user allowed it (a setting or a flag) and
 * confirmed this one; the statement run is audited in the store, with its outcome, before the
 * answer; the recommendation's status follows (applied, or pending after a rollback).
 */
public final class RecommendationChange {
  /**
   * What happened: the SQL run (null when nothing ran), its audit row, the recommendation as it is
   * now, and an error code with a message when it was refused or failed.
   */
  public record Outcome(
      String sql, Long auditId, Recommendation recommendation, String errorCode, String message) {}

  private RecommendationChange() {}

  public static Outcome run(
      ProjectSnapshot s,
      long id,
      String action,
      boolean allowed,
      boolean confirmed,
      Warehouses warehouses,
      Store store) {
    String project = s.inputs().root().dir().toString();
    Recommendation r = store.recommendations().get(id, project).orElse(null);
    if (r == null) {
      return refused(
          null, "recommendation-unknown", "no recommendation " + id + " in this project");
    }
    boolean apply = !"rollback".equals(action);
    if (action != null && !action.equals("apply") && !action.equals("rollback")) {
      return refused(
          r, "recommendation-action", "action must be apply or rollback, not '" + action + "'");
    }
    String sql = apply ? r.applySql() : r.rollbackSql();
    if (sql == null) {
      return refused(
          r,
          "recommendation-advice",
          "this recommendation is advice only: there is no SQL to "
              + (apply ? "apply" : "roll back"));
    }
    if (!allowed) {
      return refused(
          r,
          "apply-not-allowed",
          "applying recommendations is off; set"
              + " dbtls.recommendations.allowApply to true to allow it (each use is confirmed and audited)");
    }
    if (!confirmed) {
      return refused(
          r,
          "apply-not-confirmed",
          "not confirmed: this would run on target '" + r.target() + "': " + sql);
    }
    if (!r.target().equals(s.inputs().target().name())) {
      return refused(
          r,
          "recommendation-target",
          "this recommendation is for target '"
              + r.target()
              + "', and the project now uses '"
              + s.inputs().target().name()
              + "'");
    }
    Warehouse.Opened opened = warehouses.warehouse(s.inputs());
    WarehouseError error =
        opened.ok() ? RecommendationApply.run(opened.warehouse(), sql) : opened.error();
    Long audit =
        store
            .audit()
            .record(
                project,
                r.target(),
                r.id(),
                apply ? "apply" : "rollback",
                sql,
                error == null ? null : error.message())
            .orElse(null);
    Recommendation now =
        error == null
            ? store.recommendations().setStatus(r.id(), apply ? "applied" : "pending").orElse(r)
            : r;
    return error == null
        ? new Outcome(sql, audit, now, null, null)
        : new Outcome(sql, audit, now, error.code().id(), error.message());
  }

  /** A status the user gives (dismissed, pending), only to a recommendation of {@code project}. */
  public static StoreResult<Recommendation> setStatus(
      Store store, String project, long id, String status) {
    if (store.recommendations().get(id, project).orElse(null) == null) {
      return StoreResult.failed("no recommendation " + id + " in this project");
    }
    return store.recommendations().setStatus(id, status);
  }

  private static Outcome refused(Recommendation r, String code, String message) {
    return new Outcome(null, null, r, code, message);
  }
}
