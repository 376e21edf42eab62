package dev.dbtls.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warehouse's columns per node (by unique id), per project and target, as the database explorer
 * last read them: so column completion has them from the start of the next session. Replaced whole
 * on each read; nothing secret in it (names and types).
 */
public final class SchemaCache {
  /** A column as cached: its name and the database's type name. */
  public record Column(String name, String type) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Column>> COLUMNS = new TypeReference<>() {};

  private final Store store;

  SchemaCache(Store store) {
    this.store = store;
  }

  /** Replaces what is cached for the project and target. */
  public StoreResult<Integer> save(
      String projectDir, String target, Map<String, List<Column>> byNode) {
    return store.write(
        "cache the warehouse schema",
        c -> {
          try (PreparedStatement del =
              c.prepareStatement("DELETE FROM schema_cache WHERE project_dir = ? AND target = ?")) {
            del.setString(1, projectDir);
            del.setString(2, target);
            del.executeUpdate();
          }
          long now = Instant.now().toEpochMilli();
          try (PreparedStatement ins =
              c.prepareStatement(
                  "INSERT INTO schema_cache (project_dir,"
                      + " target, unique_id, columns, read_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, List<Column>> e : byNode.entrySet()) {
              ins.setString(1, projectDir);
              ins.setString(2, target);
              ins.setString(3, e.getKey());
              ins.setString(4, JSON.writeValueAsString(e.getValue()));
              ins.setLong(5, now);
              ins.addBatch();
            }
            ins.executeBatch();
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.sql.SQLException("cannot write columns: " + e.getOriginalMessage());
          }
          return byNode.size();
        });
  }

  /** What is cached for the project and target (empty when nothing is). */
  public StoreResult<Map<String, List<Column>>> load(String projectDir, String target) {
    return store.read(
        "read the cached warehouse schema",
        c -> {
          Map<String, List<Column>> out = new LinkedHashMap<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT unique_id, columns FROM schema_cache"
                      + " WHERE project_dir = ? AND target = ? ORDER BY unique_id")) {
            p.setString(1, projectDir);
            p.setString(2, target);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                try {
                  out.put(rs.getString(1), JSON.readValue(rs.getString(2), COLUMNS));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                  // a row we cannot read is a row we do not have
                }
              }
            }
          }
          return out;
        });
  }
}
