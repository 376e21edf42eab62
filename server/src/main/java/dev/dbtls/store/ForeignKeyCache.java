package dev.dbtls.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The foreign keys the warehouse declares, per project and target, as last read (for the ERD): so
 * the diagram has them in the next session without asking the warehouse. One row per project and
 * target, replaced whole on each read; nothing secret in it (names only).
 */
public final class ForeignKeyCache {
  /** {@code schema.table (columns)} refers to {@code refSchema.refTable (refColumns)}. */
  public record Key(
      String name,
      String database,
      String schema,
      String table,
      List<String> columns,
      String refDatabase,
      String refSchema,
      String refTable,
      List<String> refColumns) {}

  /** The keys as read at {@code readAt} (epoch milliseconds). */
  public record Keys(List<Key> keys, long readAt) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Key>> KEYS = new TypeReference<>() {};

  private final Store store;

  ForeignKeyCache(Store store) {
    this.store = store;
  }

  /** Replaces what is cached for the project and target. */
  public StoreResult<Integer> save(String projectDir, String target, List<Key> keys) {
    return store.write(
        "cache the warehouse's foreign keys",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT OR REPLACE INTO foreign_key_cache (project_dir,"
                      + " target, keys, read_at) VALUES (?, ?, ?, ?)")) {
            p.setString(1, projectDir);
            p.setString(2, target);
            p.setString(3, JSON.writeValueAsString(keys));
            p.setLong(4, Instant.now().toEpochMilli());
            p.executeUpdate();
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.sql.SQLException("cannot write foreign keys: " + e.getOriginalMessage());
          }
          return keys.size();
        });
  }

  /**
   * What is cached for the project and target; empty when nothing is (or the row cannot be read).
   */
  public StoreResult<Optional<Keys>> load(String projectDir, String target) {
    return store.read(
        "read the cached foreign keys",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT keys, read_at FROM foreign_key_cache"
                      + " WHERE project_dir = ? AND target = ?")) {
            p.setString(1, projectDir);
            p.setString(2, target);
            try (ResultSet rs = p.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              try {
                return Optional.of(new Keys(JSON.readValue(rs.getString(1), KEYS), rs.getLong(2)));
              } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return Optional.empty(); // a row we cannot read is a row we do not have
              }
            }
          }
        });
  }
}
