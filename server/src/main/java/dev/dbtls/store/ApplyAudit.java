package dev.dbtls.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit of every statement dbtls ran to change a warehouse for real (applying or rolling back a
 * recommendation): when, where, the exact SQL, and how it ended. Written before the answer goes
 * back to the user; never edited.
 */
public final class ApplyAudit {
  /** One audited statement; {@code error} is null when {@code outcome} is ok. */
  public record Entry(
      long id,
      long at,
      String projectDir,
      String target,
      Long recommendationId,
      String action,
      String sql,
      String outcome,
      String error) {}

  private final Store store;

  ApplyAudit(Store store) {
    this.store = store;
  }

  /** Records one statement run for real; the value is its id. */
  public StoreResult<Long> record(
      String projectDir,
      String target,
      Long recommendationId,
      String action,
      String sql,
      String error) {
    return store.write(
        "audit a change to the warehouse",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO apply_audit (at, project_dir,"
                      + " target, recommendation_id, action, sql, outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            p.setLong(1, Instant.now().toEpochMilli());
            p.setString(2, projectDir);
            p.setString(3, target);
            if (recommendationId == null) {
              p.setNull(4, Types.INTEGER);
            } else {
              p.setLong(4, recommendationId);
            }
            p.setString(5, action);
            p.setString(6, sql);
            p.setString(7, error == null ? "ok" : "error");
            Recommendations.setNullable(p, 8, error);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
              return keys.next() ? keys.getLong(1) : -1L;
            }
          }
        });
  }

  /** The project's audited statements, newest first. */
  public StoreResult<List<Entry>> list(String projectDir) {
    return store.read(
        "read the audit",
        c -> {
          List<Entry> out = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT * FROM apply_audit WHERE project_dir = ? ORDER BY id DESC")) {
            p.setString(1, projectDir);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                long rec = rs.getLong("recommendation_id");
                Long recommendation = rs.wasNull() ? null : rec;
                out.add(
                    new Entry(
                        rs.getLong("id"),
                        rs.getLong("at"),
                        rs.getString("project_dir"),
                        rs.getString("target"),
                        recommendation,
                        rs.getString("action"),
                        rs.getString("sql"),
                        rs.getString("outcome"),
                        rs.getString("error")));
              }
            }
          }
          return out;
        });
  }
}
