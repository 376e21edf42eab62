package dev.dbtls.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every preview and ad-hoc query, newest first, capped at {@link #maxEntries()} (the oldest go).
 *
 * <p>Search is case-insensitive and matches every word of the text as a substring of the SQL as
 * written or of the error. Words of three characters or more go through the FTS5 trigram index;
 * shorter ones (which a trigram index cannot answer) through {@code LIKE} on the rows the index
 * left.
 */
public final class QueryHistory {
  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  private static final String COLUMNS =
      "id, project_dir, target, adapter, sql, compiled_sql,"
          + " started_at, duration_ms, row_count, status, error, origin";

  private final Store store;
  private volatile int maxEntries = DEFAULT_MAX_ENTRIES;

  QueryHistory(Store store) {
    this.store = store;
  }

  public int maxEntries() {
    return maxEntries;
  }

  /** Changes the cap (the {@code dbtls.history.maxEntries} setting) and trims to it now. */
  public StoreResult<Integer> setMaxEntries(int max) {
    maxEntries = Math.max(0, max);
    return store.write("trim the query history", c -> trim(c, maxEntries));
  }

  /** Records a query; answers its id. Trims the oldest entries beyond the cap in the same write. */
  public StoreResult<Long> record(HistoryEntry e) {
    return store.write(
        "record the query in the history",
        c -> {
          long id = insert(c, e);
          trim(c, maxEntries);
          return id;
        });
  }

  private static long insert(Connection c, HistoryEntry e) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO history (project_dir, target, adapter, sql, compiled_sql,"
                + " started_at, duration_ms, row_count, status, error, origin)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, nonNull(e.projectDir()));
      p.setString(2, e.target());
      p.setString(3, e.adapter());
      p.setString(4, nonNull(e.sql()));
      p.setString(5, e.compiledSql());
      p.setLong(6, (e.startedAt() == null ? Instant.now() : e.startedAt()).toEpochMilli());
      p.setLong(7, e.durationMs());
      if (e.rowCount() == null) {
        p.setNull(8, Types.INTEGER);
      } else {
        p.setLong(8, e.rowCount());
      }
      p.setString(9, (e.status() == null ? HistoryEntry.Status.OK : e.status()).code());
      p.setString(10, e.error());
      p.setString(11, e.origin());
      p.executeUpdate();
    }
    try (PreparedStatement p = c.prepareStatement("SELECT last_insert_rowid()");
        ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Deletes every entry older than the {@code max} newest; answers how many went. */
  private static int trim(Connection c, int max) throws SQLException {
    long excess = total(c) - max;
    if (excess <= 0) {
      return 0;
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "DELETE FROM history WHERE id IN (SELECT id" + " FROM history ORDER BY id LIMIT ?)")) {
      p.setLong(1, excess);
      return p.executeUpdate();
    }
  }

  /** The number of entries, kept by triggers (counting the table would cost a scan). */
  private static long total(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT n FROM history_count");
        ResultSet rs = p.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  /** Entries newest first; {@code projectDir} null for every project. */
  public StoreResult<List<HistoryEntry>> list(String projectDir, int offset, int limit) {
    return search(projectDir, "", offset, limit);
  }

  /**
   * Entries whose SQL or error contains every word of {@code text} (case-insensitive), newest
   * first; blank text lists all. {@code projectDir} null for every project.
   */
  public StoreResult<List<HistoryEntry>> search(
      String projectDir, String text, int offset, int limit) {
    HistorySearch q = HistorySearch.of(projectDir, text);
    return store.read(
        "search the query history",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM history"
                      + q.where()
                      + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
            int i = q.bind(p);
            p.setInt(i++, Math.max(0, limit));
            p.setInt(i, Math.max(0, offset));
            return rows(p);
          }
        });
  }

  /** How many entries there are (for a project, or all when null). */
  public StoreResult<Long> count(String projectDir) {
    if (projectDir == null) {
      return store.read("count the query history", QueryHistory::total);
    }
    HistorySearch q = HistorySearch.of(projectDir, "");
    return store.read(
        "count the query history",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT count(*) FROM history" + q.where())) {
            q.bind(p);
            try (ResultSet rs = p.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /** Deletes one entry; answers whether it existed. */
  public StoreResult<Boolean> delete(long id) {
    return store.write(
        "delete the history entry",
        c -> {
          try (PreparedStatement p = c.prepareStatement("DELETE FROM history WHERE id = ?")) {
            p.setLong(1, id);
            return p.executeUpdate() > 0;
          }
        });
  }

  /** Deletes every entry (of a project, or all when null); answers how many went. */
  public StoreResult<Integer> clear(String projectDir) {
    HistorySearch q = HistorySearch.of(projectDir, "");
    return store.write(
        "clear the query history",
        c -> {
          try (PreparedStatement p = c.prepareStatement("DELETE FROM history" + q.where())) {
            q.bind(p);
            return p.executeUpdate();
          }
        });
  }

  private static List<HistoryEntry> rows(PreparedStatement p) throws SQLException {
    List<HistoryEntry> out = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        long rows = rs.getLong(9);
        Long rowCount = rs.wasNull() ? null : rows;
        out.add(
            new HistoryEntry(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                Instant.ofEpochMilli(rs.getLong(7)),
                rs.getLong(8),
                rowCount,
                HistoryEntry.Status.of(rs.getString(10)),
                rs.getString(11),
                rs.getString(12)));
      }
    }
    return out;
  }
}
