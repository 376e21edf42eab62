package dev.dbtls.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's dbt runs across sessions — build, run, test, seed, snapshot, from the editor or the
 * command line — newest first, each with how its nodes ended; and each node's last status, for the
 * lineage graph. The newest {@link #KEPT} runs of a project are kept.
 */
public final class RunHistory {
  /** Runs kept per project; older ones are deleted as new ones come. */
  public static final int KEPT = 200;

  /**
   * One run.
   *
   * @param error why it did not run (then it has no nodes); null when it ran
   */
  public record Run(
      long id,
      String projectDir,
      String target,
      String runId,
      String command,
      long startedAt,
      long durationMs,
      int pass,
      int warn,
      int errors,
      int skip,
      String error) {}

  /** How one node of a run ended. */
  public record NodeRun(
      String uniqueId,
      String name,
      String resourceType,
      String status,
      Long failures,
      String message,
      Double seconds,
      String relation) {}

  /** A node's last end, with the run's start. */
  public record Last(String status, long at, String message) {}

  private final Store store;

  RunHistory(Store store) {
    this.store = store;
  }

  /** Stores a run and its nodes; the value is its id. */
  public StoreResult<Long> add(Run run, List<NodeRun> nodes) {
    return store.write(
        "store a run",
        c -> {
          long id;
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO run (project_dir, target, run_id, command, started_at, duration_ms,"
                      + " pass, warn, errors, skip, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, run.projectDir());
            Recommendations.setNullable(p, 2, run.target());
            p.setString(3, run.runId());
            p.setString(4, run.command());
            p.setLong(5, run.startedAt());
            p.setLong(6, run.durationMs());
            p.setInt(7, run.pass());
            p.setInt(8, run.warn());
            p.setInt(9, run.errors());
            p.setInt(10, run.skip());
            Recommendations.setNullable(p, 11, run.error());
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
              id = keys.next() ? keys.getLong(1) : -1L;
            }
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO run_node (run, position, unique_id, name, resource_type, status,"
                      + " failures, message, seconds, relation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (NodeRun n : nodes) {
              p.setLong(1, id);
              p.setInt(2, position++);
              p.setString(3, n.uniqueId());
              p.setString(4, n.name());
              Recommendations.setNullable(p, 5, n.resourceType());
              p.setString(6, n.status());
              if (n.failures() == null) {
                p.setNull(7, Types.INTEGER);
              } else {
                p.setLong(7, n.failures());
              }
              Recommendations.setNullable(p, 8, n.message());
              if (n.seconds() == null) {
                p.setNull(9, Types.REAL);
              } else {
                p.setDouble(9, n.seconds());
              }
              Recommendations.setNullable(p, 10, n.relation());
              p.addBatch();
            }
            p.executeBatch();
          }
          prune(c, run.projectDir());
          return id;
        });
  }

  private static void prune(Connection c, String projectDir) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "DELETE FROM run WHERE project_dir = ? AND id NOT IN"
                + " (SELECT id FROM run WHERE project_dir = ? ORDER BY id DESC LIMIT ?)")) {
      p.setString(1, projectDir);
      p.setString(2, projectDir);
      p.setInt(3, KEPT);
      p.executeUpdate();
    }
  }

  /** The project's runs, newest first, at most {@code limit}. */
  public StoreResult<List<Run>> list(String projectDir, int limit) {
    return store.read(
        "read runs",
        c -> {
          List<Run> out = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT * FROM run WHERE project_dir = ? ORDER BY id DESC LIMIT ?")) {
            p.setString(1, projectDir);
            p.setInt(2, Math.max(1, limit));
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(run(rs));
              }
            }
          }
          return out;
        });
  }

  /** The nodes of the project's newest run named {@code runId}, in the run's order. */
  public StoreResult<List<NodeRun>> nodes(String projectDir, String runId) {
    return store.read(
        "read a run's nodes",
        c -> {
          List<NodeRun> out = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT n.* FROM run_node n WHERE n.run = (SELECT max(id) FROM run"
                      + " WHERE project_dir = ? AND run_id = ?) ORDER BY n.position")) {
            p.setString(1, projectDir);
            p.setString(2, runId);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                long f = rs.getLong("failures");
                Long failures = rs.wasNull() ? null : f;
                double sec = rs.getDouble("seconds");
                Double seconds = rs.wasNull() ? null : sec;
                out.add(
                    new NodeRun(
                        rs.getString("unique_id"),
                        rs.getString("name"),
                        rs.getString("resource_type"),
                        rs.getString("status"),
                        failures,
                        rs.getString("message"),
                        seconds,
                        rs.getString("relation")));
              }
            }
          }
          return out;
        });
  }

  /**
   * The last end of each of {@code uniqueIds} in the project's runs on {@code target} (any target
   * when null); nodes no run reached are absent. Skipped counts: it is what the user last saw.
   */
  public StoreResult<Map<String, Last>> last(
      String projectDir, String target, java.util.Collection<String> uniqueIds) {
    return store.read(
        "read the nodes' last runs",
        c -> {
          Map<String, Last> out = new LinkedHashMap<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT n.status, n.message, r.started_at FROM run_node n"
                      + " JOIN run r ON r.id = n.run WHERE n.unique_id = ? AND r.project_dir = ?"
                      + " AND (? IS NULL OR r.target = ?) ORDER BY n.run DESC LIMIT 1")) {
            for (String id : uniqueIds) {
              p.setString(1, id);
              p.setString(2, projectDir);
              Recommendations.setNullable(p, 3, target);
              Recommendations.setNullable(p, 4, target);
              try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                  out.put(id, new Last(rs.getString(1), rs.getLong(3), rs.getString(2)));
                }
              }
            }
          }
          return out;
        });
  }

  private static Run run(ResultSet rs) throws SQLException {
    return new Run(
        rs.getLong("id"),
        rs.getString("project_dir"),
        rs.getString("target"),
        rs.getString("run_id"),
        rs.getString("command"),
        rs.getLong("started_at"),
        rs.getLong("duration_ms"),
        rs.getInt("pass"),
        rs.getInt("warn"),
        rs.getInt("errors"),
        rs.getInt("skip"),
        rs.getString("error"));
  }
}
