package dev.dbtls.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark results, per project and model, newest first: what was compared, how it ended, the
 * verdict, and the whole result as JSON (the store does not interpret it; the caller wrote it).
 */
public final class BenchmarkHistory {
  /**
   * One stored benchmark.
   *
   * @param label what was compared, e.g. "buffer vs saved file"
   * @param status ok, error, cancelled, or stopped (the time budget ran out)
   * @param verdict the comparison's verdict in a word or two; null without a comparison
   * @param result the whole result as JSON
   */
  public record Entry(
      long id,
      String projectDir,
      String target,
      String uniqueId,
      String label,
      Long recommendationId,
      long startedAt,
      long durationMs,
      String status,
      String verdict,
      String result) {}

  private final Store store;

  BenchmarkHistory(Store store) {
    this.store = store;
  }

  /** Stores a finished benchmark; the value is its id. */
  public StoreResult<Long> add(Entry e) {
    return store.write(
        "store a benchmark",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO benchmark (project_dir, target,"
                      + " unique_id, label, recommendation_id, started_at, duration_ms, status, verdict,"
                      + " result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, e.projectDir());
            Recommendations.setNullable(p, 2, e.target());
            Recommendations.setNullable(p, 3, e.uniqueId());
            p.setString(4, e.label());
            if (e.recommendationId() == null) {
              p.setNull(5, Types.INTEGER);
            } else {
              p.setLong(5, e.recommendationId());
            }
            p.setLong(6, e.startedAt());
            p.setLong(7, e.durationMs());
            p.setString(8, e.status());
            Recommendations.setNullable(p, 9, e.verdict());
            p.setString(10, e.result());
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
              return keys.next() ? keys.getLong(1) : -1L;
            }
          }
        });
  }

  /**
   * The project's benchmarks, newest first: of one model ({@code uniqueId}), or all when null; at
   * most {@code limit}.
   */
  public StoreResult<List<Entry>> list(String projectDir, String uniqueId, int limit) {
    return store.read(
        "read benchmarks",
        c -> {
          List<Entry> out = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT * FROM benchmark WHERE project_dir = ?"
                      + " AND (? IS NULL OR unique_id = ?) ORDER BY id DESC LIMIT ?")) {
            p.setString(1, projectDir);
            Recommendations.setNullable(p, 2, uniqueId);
            Recommendations.setNullable(p, 3, uniqueId);
            p.setInt(4, Math.max(1, limit));
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(row(rs));
              }
            }
          }
          return out;
        });
  }

  private static Entry row(ResultSet rs) throws SQLException {
    long rec = rs.getLong("recommendation_id");
    Long recommendation = rs.wasNull() ? null : rec;
    return new Entry(
        rs.getLong("id"),
        rs.getString("project_dir"),
        rs.getString("target"),
        rs.getString("unique_id"),
        rs.getString("label"),
        recommendation,
        rs.getLong("started_at"),
        rs.getLong("duration_ms"),
        rs.getString("status"),
        rs.getString("verdict"),
        rs.getString("result"));
  }
}
