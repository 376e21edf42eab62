package dev.dbtls.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What explain recommends, per project and target, with a status a user moves along: pending
 * (found), benchmarked (a sandboxed benchmark ran), applied (run for real), dismissed. The same
 * recommendation found again (same kind and key, e.g. the same {@code create index}) is one row:
 * its evidence is refreshed, its status kept.
 */
public final class Recommendations {
  /** The statuses, in the order a recommendation usually goes through them. */
  public static final Set<String> STATUSES =
      Set.of("pending", "benchmarked", "applied", "dismissed");

  /**
   * One stored recommendation.
   *
   * @param key what makes it the same recommendation when found again (its apply SQL, else title)
   * @param applySql the SQL that applies it (e.g. {@code create index}); null when it is advice
   *     only
   * @param rollbackSql the SQL that undoes {@code applySql}
   */
  public record Recommendation(
      long id,
      String projectDir,
      String target,
      String uniqueId,
      String kind,
      String key,
      String title,
      List<String> evidence,
      String confidence,
      String applySql,
      String rollbackSql,
      String status,
      long createdAt,
      long updatedAt) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final Store store;

  Recommendations(Store store) {
    this.store = store;
  }

  /**
   * Records what explain found; answers the stored rows (ids, statuses) in the same order. A
   * dismissed or applied recommendation found again keeps its status.
   */
  public StoreResult<List<Recommendation>> found(
      String projectDir, String target, String uniqueId, List<Recommendation> found) {
    return store.write(
        "record recommendations",
        c -> {
          long now = Instant.now().toEpochMilli();
          List<Recommendation> out = new ArrayList<>();
          try (PreparedStatement up =
              c.prepareStatement(
                  """
          INSERT INTO recommendation (project_dir, target, unique_id, kind, key, title, evidence,
            confidence, apply_sql, rollback_sql, status, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
          ON CONFLICT (project_dir, target, kind, key) DO UPDATE SET
            unique_id = coalesce(excluded.unique_id, unique_id), title = excluded.title,
            evidence = excluded.evidence, confidence = excluded.confidence,
            apply_sql = excluded.apply_sql, rollback_sql = excluded.rollback_sql,
            updated_at = excluded.updated_at""")) {
            for (Recommendation r : found) {
              String key =
                  r.key() != null ? r.key() : r.applySql() != null ? r.applySql() : r.title();
              up.setString(1, projectDir);
              up.setString(2, target);
              setNullable(up, 3, uniqueId);
              up.setString(4, r.kind());
              up.setString(5, key);
              up.setString(6, r.title());
              up.setString(7, json(r.evidence()));
              up.setString(8, r.confidence());
              setNullable(up, 9, r.applySql());
              setNullable(up, 10, r.rollbackSql());
              up.setLong(11, now);
              up.setLong(12, now);
              up.executeUpdate();
              out.add(
                  one(
                      c,
                      "project_dir = ? AND target = ? AND kind = ? AND key = ?",
                      projectDir,
                      target,
                      r.kind(),
                      key));
            }
          }
          return out;
        });
  }

  /** The project's recommendations for a target (null: every target), newest change first. */
  public StoreResult<List<Recommendation>> list(String projectDir, String target) {
    return store.read(
        "read recommendations",
        c -> {
          List<Recommendation> out = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT * FROM recommendation WHERE"
                      + " project_dir = ? AND (? IS NULL OR target = ?) ORDER BY updated_at DESC, id DESC")) {
            p.setString(1, projectDir);
            setNullable(p, 2, target);
            setNullable(p, 3, target);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(row(rs));
              }
            }
          }
          return out;
        });
  }

  /** One recommendation by id; the value is null when there is none. */
  public StoreResult<Recommendation> get(long id) {
    return store.read("read a recommendation", c -> one(c, "id = ?", id));
  }

  /** One recommendation by id if it belongs to the project; the value is null otherwise. */
  public StoreResult<Recommendation> get(long id, String projectDir) {
    return get(id).map(r -> r != null && r.projectDir().equals(projectDir) ? r : null);
  }

  /**
   * Moves a recommendation to {@code status}; the value is the row as it is now (null: no such id).
   */
  public StoreResult<Recommendation> setStatus(long id, String status) {
    if (!STATUSES.contains(status)) {
      return StoreResult.failed(
          "unknown recommendation status '"
              + status
              + "' (pending, benchmarked, applied, dismissed)");
    }
    return store.write(
        "change a recommendation's status",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE recommendation SET status = ?, updated_at = ? WHERE id = ?")) {
            p.setString(1, status);
            p.setLong(2, Instant.now().toEpochMilli());
            p.setLong(3, id);
            p.executeUpdate();
          }
          return one(c, "id = ?", id);
        });
  }

  private static Recommendation one(Connection c, String where, Object... args)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT * FROM recommendation WHERE " + where)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? row(rs) : null;
      }
    }
  }

  private static Recommendation row(ResultSet rs) throws SQLException {
    List<String> evidence;
    try {
      evidence = JSON.readValue(rs.getString("evidence"), STRINGS);
    } catch (JsonProcessingException e) {
      evidence = List.of();
    }
    return new Recommendation(
        rs.getLong("id"),
        rs.getString("project_dir"),
        rs.getString("target"),
        rs.getString("unique_id"),
        rs.getString("kind"),
        rs.getString("key"),
        rs.getString("title"),
        evidence,
        rs.getString("confidence"),
        rs.getString("apply_sql"),
        rs.getString("rollback_sql"),
        rs.getString("status"),
        rs.getLong("created_at"),
        rs.getLong("updated_at"));
  }

  private static String json(List<String> evidence) throws SQLException {
    try {
      return JSON.writeValueAsString(evidence == null ? List.of() : evidence);
    } catch (JsonProcessingException e) {
      throw new SQLException("cannot write evidence: " + e.getOriginalMessage());
    }
  }

  static void setNullable(PreparedStatement p, int i, String value) throws SQLException {
    if (value == null) {
      p.setNull(i, Types.VARCHAR);
    } else {
      p.setString(i, value);
    }
  }
}
