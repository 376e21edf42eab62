package dev.dbtls.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Saved queries: a name is unique within its folder. Lists are sorted by folder, then name. */
public final class SavedQueries {
  private static final String SELECT =
      "SELECT q.id, q.name, q.description, q.folder, q.sql,"
          + " q.project_dir, q.created_at, q.updated_at, t.tag FROM saved_query q"
          + " LEFT JOIN saved_query_tag t ON t.query_id = q.id";
  private static final String ORDER = " ORDER BY q.folder, q.name, q.id, t.tag";

  private final Store store;

  SavedQueries(Store store) {
    this.store = store;
  }

  public StoreResult<SavedQuery> create(SavedQuery.Draft d) {
    String problem = invalid(d);
    if (problem != null) {
      return StoreResult.failed(problem);
    }
    return store.write(
        "save the query",
        c -> {
          requireFreeName(c, d, 0);
          long now = Instant.now().toEpochMilli();
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO saved_query (name, description,"
                      + " folder, sql, project_dir, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, d.name());
            p.setString(2, d.description());
            p.setString(3, d.folder());
            p.setString(4, d.sql());
            p.setString(5, d.projectDir());
            p.setLong(6, now);
            p.setLong(7, now);
            p.executeUpdate();
          }
          long id = lastId(c);
          setTags(c, id, d.tags());
          return byId(c, id).orElseThrow();
        });
  }

  /** Replaces every field of query {@code id} but its creation time. */
  public StoreResult<SavedQuery> update(long id, SavedQuery.Draft d) {
    String problem = invalid(d);
    if (problem != null) {
      return StoreResult.failed(problem);
    }
    return store.write(
        "update the saved query",
        c -> {
          requireFreeName(c, d, id);
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE saved_query SET name = ?,"
                      + " description = ?, folder = ?, sql = ?, project_dir = ?, updated_at = ?"
                      + " WHERE id = ?")) {
            p.setString(1, d.name());
            p.setString(2, d.description());
            p.setString(3, d.folder());
            p.setString(4, d.sql());
            p.setString(5, d.projectDir());
            p.setLong(6, Instant.now().toEpochMilli());
            p.setLong(7, id);
            if (p.executeUpdate() == 0) {
              throw new SQLException("no saved query has id " + id);
            }
          }
          setTags(c, id, d.tags());
          return byId(c, id).orElseThrow();
        });
  }

  /** Deletes a saved query; answers whether it existed. */
  public StoreResult<Boolean> delete(long id) {
    return store.write(
        "delete the saved query",
        c -> {
          try (PreparedStatement p = c.prepareStatement("DELETE FROM saved_query WHERE id = ?")) {
            p.setLong(1, id);
            return p.executeUpdate() > 0;
          }
        });
  }

  public StoreResult<Optional<SavedQuery>> get(long id) {
    return store.read("read the saved query", c -> byId(c, id));
  }

  public StoreResult<List<SavedQuery>> all() {
    return query("list the saved queries", "", List.of());
  }

  /** The queries directly in {@code folder} ("" is the top). */
  public StoreResult<List<SavedQuery>> inFolder(String folder) {
    return query(
        "list the saved queries",
        " WHERE q.folder = ?",
        List.of(folder == null ? "" : folder.strip()));
  }

  public StoreResult<List<SavedQuery>> withTag(String tag) {
    return query(
        "list the saved queries",
        " WHERE q.id IN (SELECT query_id FROM" + " saved_query_tag WHERE tag = ?)",
        List.of(tag == null ? "" : tag.strip()));
  }

  /** Every folder that holds a query, sorted. */
  public StoreResult<List<String>> folders() {
    return store.read(
        "list the folders",
        c -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement p =
                  c.prepareStatement("SELECT DISTINCT folder FROM saved_query ORDER BY folder");
              ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
          return out;
        });
  }

  /** Queries whose name, description, SQL or a tag contains {@code text} (case-insensitive). */
  public StoreResult<List<SavedQuery>> search(String text) {
    String t = text == null ? "" : text.strip();
    String like = "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return query(
        "search the saved queries",
        " WHERE q.name LIKE ?1 ESCAPE '\\'"
            + " OR q.description LIKE ?1 ESCAPE '\\' OR q.sql LIKE ?1 ESCAPE '\\'"
            + " OR q.id IN (SELECT query_id FROM saved_query_tag WHERE tag LIKE ?1 ESCAPE '\\')",
        List.of(like));
  }

  private StoreResult<List<SavedQuery>> query(String what, String where, List<Object> args) {
    return store.read(what, c -> select(c, where, args));
  }

  private static String invalid(SavedQuery.Draft d) {
    if (d == null || d.name().isEmpty()) {
      return "a saved query needs a name";
    }
    return d.sql().isBlank() ? "a saved query needs SQL" : null;
  }

  private static void requireFreeName(Connection c, SavedQuery.Draft d, long id)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT 1 FROM saved_query WHERE folder = ? AND name = ? AND id <> ?")) {
      p.setString(1, d.folder());
      p.setString(2, d.name());
      p.setLong(3, id);
      try (ResultSet rs = p.executeQuery()) {
        if (rs.next()) {
          throw new SQLException(
              "a saved query named '"
                  + d.name()
                  + "' is already in "
                  + (d.folder().isEmpty() ? "the top folder" : "folder '" + d.folder() + "'"));
        }
      }
    }
  }

  private static void setTags(Connection c, long id, List<String> tags) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("DELETE FROM saved_query_tag WHERE query_id = ?")) {
      p.setLong(1, id);
      p.executeUpdate();
    }
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO saved_query_tag (query_id, tag) VALUES (?, ?)")) {
      for (String tag : tags) {
        p.setLong(1, id);
        p.setString(2, tag);
        p.executeUpdate();
      }
    }
  }

  private static long lastId(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT last_insert_rowid()");
        ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Optional<SavedQuery> byId(Connection c, long id) throws SQLException {
    return select(c, " WHERE q.id = ?", List.of(id)).stream().findFirst();
  }

  private static List<SavedQuery> select(Connection c, String where, List<Object> args)
      throws SQLException {
    Map<Long, SavedQuery> byId = new LinkedHashMap<>();
    Map<Long, List<String>> tags = new LinkedHashMap<>();
    try (PreparedStatement p = c.prepareStatement(SELECT + where + ORDER)) {
      for (int i = 0; i < args.size(); i++) {
        p.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          if (!byId.containsKey(id)) {
            byId.put(id, row(rs));
          }
          String tag = rs.getString(9);
          List<String> t = tags.computeIfAbsent(id, k -> new ArrayList<>());
          if (tag != null) {
            t.add(tag);
          }
        }
      }
    }
    List<SavedQuery> out = new ArrayList<>();
    byId.forEach(
        (id, q) ->
            out.add(
                new SavedQuery(
                    q.id(),
                    q.name(),
                    q.description(),
                    List.copyOf(tags.get(id)),
                    q.folder(),
                    q.sql(),
                    q.projectDir(),
                    q.createdAt(),
                    q.updatedAt())));
    return out;
  }

  private static SavedQuery row(ResultSet rs) throws SQLException {
    return new SavedQuery(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        List.of(),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        Instant.ofEpochMilli(rs.getLong(7)),
        Instant.ofEpochMilli(rs.getLong(8)));
  }
}
