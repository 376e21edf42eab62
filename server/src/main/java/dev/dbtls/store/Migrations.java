package dev.dbtls.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The numbered schema migrations. The schema version is SQLite's {@code PRAGMA user_version}
 * (stored in the file header, so it changes in the same transaction as the migration). Append new
 * migrations at the end; never edit one that has shipped.
 */
final class Migrations {
  /** Thrown when the file was written by a newer dbtls: it is left untouched. */
  static final class NewerSchema extends Exception {
    NewerSchema(int found) {
      super(
          "the store was written by a newer dbtls (schema version "
              + found
              + ", this one knows "
              + latest()
              + ")");
    }
  }

  private static final List<List<String>> STEPS =
      List.of(
          // 1: history and saved queries
          List.of(
              """
          CREATE TABLE history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            project_dir TEXT NOT NULL,
            target TEXT,
            adapter TEXT,
            sql TEXT NOT NULL,
            compiled_sql TEXT,
            started_at INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL,
            row_count INTEGER,
            status TEXT NOT NULL CHECK (status IN ('ok', 'error', 'cancelled')),
            error TEXT)""",
              "CREATE INDEX history_project ON history(project_dir, id)",
              """
          CREATE TABLE saved_query (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            folder TEXT NOT NULL DEFAULT '',
            sql TEXT NOT NULL,
            project_dir TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (folder, name))""",
              """
          CREATE TABLE saved_query_tag (
            query_id INTEGER NOT NULL REFERENCES saved_query(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (query_id, tag))""",
              "CREATE INDEX saved_query_tag_tag ON saved_query_tag(tag)"),
          // 2: full-text search of history (trigram: case-insensitive substrings of 3+ characters)
          List.of(
              """
          CREATE VIRTUAL TABLE history_fts USING fts5(
            sql, error, content='history', content_rowid='id', tokenize='trigram')""",
              """
          CREATE TRIGGER history_fts_insert AFTER INSERT ON history BEGIN
            INSERT INTO history_fts(rowid, sql, error) VALUES (new.id, new.sql, new.error);
          END""",
              """
          CREATE TRIGGER history_fts_delete AFTER DELETE ON history BEGIN
            INSERT INTO history_fts(history_fts, rowid, sql, error)
              VALUES ('delete', old.id, old.sql, old.error);
          END""",
              """
          CREATE TRIGGER history_fts_update AFTER UPDATE ON history BEGIN
            INSERT INTO history_fts(history_fts, rowid, sql, error)
              VALUES ('delete', old.id, old.sql, old.error);
            INSERT INTO history_fts(rowid, sql, error) VALUES (new.id, new.sql, new.error);
          END""",
              "INSERT INTO history_fts(history_fts) VALUES ('rebuild')"),
          // 3: the number of history rows, kept by triggers: capping must not count a big table
          List.of(
              "CREATE TABLE history_count (n INTEGER NOT NULL)",
              "INSERT INTO history_count SELECT count(*) FROM history",
              """
          CREATE TRIGGER history_count_insert AFTER INSERT ON history BEGIN
            UPDATE history_count SET n = n + 1;
          END""",
              """
          CREATE TRIGGER history_count_delete AFTER DELETE ON history BEGIN
            UPDATE history_count SET n = n - 1;
          END"""),
          // 4: the warehouse's columns per node, as the database explorer last read them
          List.of(
              """
          CREATE TABLE schema_cache (
            project_dir TEXT NOT NULL,
            target TEXT NOT NULL,
            unique_id TEXT NOT NULL,
            columns TEXT NOT NULL,
            read_at INTEGER NOT NULL,
            PRIMARY KEY (project_dir, target, unique_id))"""),
          // 5: what explain recommends, benchmark results per model, and the audit of real changes
          List.of(
              """
          CREATE TABLE recommendation (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            project_dir TEXT NOT NULL,
            target TEXT NOT NULL,
            unique_id TEXT,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            title TEXT NOT NULL,
            evidence TEXT NOT NULL,
            confidence TEXT NOT NULL,
            apply_sql TEXT,
            rollback_sql TEXT,
            status TEXT NOT NULL CHECK (status IN
              ('pending', 'benchmarked', 'applied', 'dismissed')),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (project_dir, target, kind, key))""",
              """
          CREATE TABLE benchmark (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            project_dir TEXT NOT NULL,
            target TEXT,
            unique_id TEXT,
            label TEXT NOT NULL,
            recommendation_id INTEGER REFERENCES recommendation(id) ON DELETE SET NULL,
            started_at INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('ok', 'error', 'cancelled', 'stopped')),
            verdict TEXT,
            result TEXT NOT NULL)""",
              "CREATE INDEX benchmark_model ON benchmark(project_dir, unique_id, id)",
              """
          CREATE TABLE apply_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            project_dir TEXT NOT NULL,
            target TEXT NOT NULL,
            recommendation_id INTEGER,
            action TEXT NOT NULL CHECK (action IN ('apply', 'rollback')),
            sql TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'error')),
            error TEXT)"""),
          // 6: the warehouse's declared foreign keys, per project and target, for the ERD
          List.of(
              """
          CREATE TABLE foreign_key_cache (
            project_dir TEXT NOT NULL,
            target TEXT NOT NULL,
            keys TEXT NOT NULL,
            read_at INTEGER NOT NULL,
            PRIMARY KEY (project_dir, target))"""),
          // 7: dbt runs (build, run, test, seed, snapshot) and how each node of them ended
          List.of(
              """
          CREATE TABLE run (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            project_dir TEXT NOT NULL,
            target TEXT,
            run_id TEXT NOT NULL,
            command TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL,
            pass INTEGER NOT NULL,
            warn INTEGER NOT NULL,
            errors INTEGER NOT NULL,
            skip INTEGER NOT NULL,
            error TEXT)""",
              "CREATE INDEX run_project ON run(project_dir, id)",
              """
          CREATE TABLE run_node (
            run INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            unique_id TEXT NOT NULL,
            name TEXT NOT NULL,
            resource_type TEXT,
            status TEXT NOT NULL,
            failures INTEGER,
            message TEXT,
            seconds REAL,
            relation TEXT,
            PRIMARY KEY (run, position))""",
              "CREATE INDEX run_node_unique_id ON run_node(unique_id, run)"),
          // 8: who ran a history entry: the editor and command line, or an agent over MCP
          List.of("ALTER TABLE history ADD COLUMN origin TEXT NOT NULL DEFAULT 'editor'"));

  private Migrations() {}

  static int latest() {
    return STEPS.size();
  }

  static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** Brings the schema up to {@code target}, one transaction per step. */
  static void migrate(Connection c, int target) throws SQLException, NewerSchema {
    int current = version(c);
    if (current > latest()) {
      throw new NewerSchema(current);
    }
    for (int v = current + 1; v <= target; v++) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String sql : STEPS.get(v - 1)) {
          s.execute(sql);
        }
        s.execute("PRAGMA user_version = " + v);
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }
}
