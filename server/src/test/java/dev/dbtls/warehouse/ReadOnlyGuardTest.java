package dev.dbtls.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Target;
import dev.dbtls.store.export.ExportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read-only means read-only, through every entry point that runs SQL (preview, profile, export,
 * explain, benchmark): side effects beyond the session are refused before they run, wherever they
 * sit in the statement, and afterwards the database is checked — the other session alive, no
 * replication slot, statistics not reset, no advisory lock held, no large object, no file read — on
 * the real PostgreSQL (as a superuser, as many local setups are) and a real DuckDB file.
 */
class ReadOnlyGuardTest {
  static final String SCHEMA = Databases.unique("dbtls_guard");
  static final String SLOT = Databases.unique("dbtls_slot");

  @TempDir static Path dir;

  @BeforeAll
  static void schema() throws Exception {
    Databases.requireServer(5432);
    Databases.exec(
        Databases.PG_URL,
        "postgres",
        List.of(
            "create schema " + SCHEMA,
            "create table " + SCHEMA + ".t (id int)",
            "insert into " + SCHEMA + ".t values (1)",
            // a function dbtls cannot know takes a session-level lock: the pool must still get it
            // back clean
            "create function "
                + SCHEMA
                + ".takes_lock() returns int language sql as "
                + "'select 1 from (select pg_advisory_lock(7777)) x'"));
  }

  @AfterAll
  static void drop() throws Exception {
    if (Databases.answers("127.0.0.1", 5432)) {
      Databases.exec(
          Databases.PG_URL, "postgres", List.of("drop schema if exists " + SCHEMA + " cascade"));
    }
  }

  private static Target postgres() {
    return Target.of(
        "dev",
        "guard",
        Map.of(
            "type",
            "postgres",
            "host",
            "127.0.0.1",
            "port",
            5432,
            "user",
            "postgres",
            "dbname",
            "test",
            "schema",
            SCHEMA));
  }

  /** Each entry point that runs SQL, answering the refusal's message or null when it ran. */
  private static List<Function<String, String>> entryPoints(Warehouse w) {
    return List.of(
        sql -> message(Preview.run(w, sql, null).error()),
        sql -> message(Profile.of(w, sql, null).error()),
        sql -> ResultExport.run(w, sql, dir.resolve("out.csv"), ExportFormat.CSV, null).error(),
        sql -> message(Explain.run(w, sql, false, null).error()),
        sql -> message(Explain.run(w, sql, true, null).error()),
        sql -> message(dev.dbtls.benchmark.GuardAccess.refusal(w, sql)));
  }

  private static String message(WarehouseError e) {
    return e == null ? null : e.message();
  }

  private static Object one(Connection c, String sql) throws Exception {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getObject(1) : null;
    }
  }

  @Test
  void sideEffectsBeyondTheSessionAreRefusedEverywhereAndNothingChanged() throws Exception {
    try (Connection other = DriverManager.getConnection(Databases.PG_URL, "postgres", "");
        Warehouse w = Databases.open(postgres(), dir)) {
      Object pid = one(other, "select pg_backend_pid()");
      Object statsReset =
          one(other, "select stats_reset from pg_stat_database where datname = 'test'");
      long objects =
          ((Number) one(other, "select count(*) from pg_largeobject_metadata")).longValue();
      List<String> forms =
          List.of(
              "select pg_terminate_backend(" + pid + ")",
              "select pg_cancel_backend(" + pid + ")",
              "select * from t, lateral (select pg_catalog.pg_terminate_backend(" + pid + ")) x",
              "select \"pg_terminate_backend\"(" + pid + ")",
              "with x as (select pg_create_physical_replication_slot('"
                  + SLOT
                  + "')) select * from x",
              "select pg_stat_reset()",
              "select id from t where pg_advisory_lock(4242) is not null",
              "select lo_import('/etc/hostname')",
              "select pg_read_file('/etc/hostname')",
              "select * from pg_ls_dir('/')",
              "select id from t union all select pg_reload_conf()::int",
              "select set_config('work_mem', '1GB', false)",
              "select pg_notify('x', 'y')",
              "select * from dblink('dbname=test', 'select 1') as r(x int)",
              "with gone as (delete from t returning *) select * from gone",
              "select * from (with ins as (insert into t values (2) returning id) select * from ins) q",
              "with u as (update t set id = 3 returning id) select * from u",
              "select * into t2 from t",
              "select pg_switch_wal()",
              "select pg_rotate_logfile()",
              "select pg_create_restore_point('x')",
              "select pg_create_logical_replication_slot('" + SLOT + "', 'test_decoding')",
              "select pg_drop_replication_slot('" + SLOT + "')",
              "select pg_stat_reset_shared('bgwriter')",
              "select pg_stat_reset_single_table_counters(1)",
              "select pg_advisory_xact_lock(4242)",
              "select pg_try_advisory_lock(4242)",
              "select pg_advisory_lock_shared(4242)",
              "select lo_creat(-1)",
              "select lo_create(0)",
              "select lo_unlink(1)",
              "select lo_export(1, '/tmp/x')",
              "select lo_from_bytea(0, 'x')",
              "select pg_read_binary_file('/etc/hostname')",
              "select pg_stat_file('/etc/hostname')",
              "select * from pg_ls_waldir()",
              "select * from pg_ls_logdir()",
              "select * from pg_ls_tmpdir()",
              "select setval('s', 1)",
              "select nextval('s')",
              "select query_to_xml('delete from t', true, false, '')",
              "select dblink_exec('dbname=test', 'delete from t')",
              "select pg_logical_emit_message(true, 'x', 'y')",
              "select pg_replication_origin_create('x')",
              "select pg_reload_conf() from t where id = (select max(id) from t)",
              "select 1 where exists (select pg_cancel_backend(" + pid + "))",
              "select case when id > 0 then pg_terminate_backend(" + pid + ") end from t",
              "select PG_TERMINATE_BACKEND(" + pid + ")",
              "values (pg_stat_reset())",
              "explain analyze select pg_stat_reset()");
      for (String sql : forms) {
        for (Function<String, String> entry : entryPoints(w)) {
          String refused = entry.apply(sql);
          assertNotNull(refused, "ran: " + sql);
        }
      }
      assertTrue(other.isValid(2), "the other session was ended");
      assertEquals(
          0L,
          ((Number)
                  one(
                      other,
                      "select count(*) from pg_replication_slots where slot_name = '" + SLOT + "'"))
              .longValue());
      assertEquals(
          statsReset,
          one(other, "select stats_reset from pg_stat_database where datname = 'test'"));
      assertEquals(
          objects,
          ((Number) one(other, "select count(*) from pg_largeobject_metadata")).longValue());
      assertEquals(
          0L,
          ((Number)
                  one(
                      other,
                      "select count(*) from pg_locks where locktype = 'advisory' "
                          + "and objid = 4242"))
              .longValue());
      assertEquals(1L, ((Number) one(other, "select count(*) from " + SCHEMA + ".t")).longValue());
    }
  }

  /**
   * Writes behind a model's inlined parents, in the two shapes the inliner makes: refused by dbtls
   * itself, never left to the database's syntax errors, and the schema unchanged.
   */
  @Test
  void writesBehindInlinedParentsAreRefusedByTheGuard() throws Exception {
    String t = SCHEMA + ".t";
    List<String> writes =
        List.of(
            "insert into " + t + " values (3)",
            "update " + t + " set id = 5",
            "delete from " + t,
            "merge into "
                + t
                + " x using (select 1 as id) s on x.id = s.id when matched then delete",
            "truncate " + t,
            "drop table " + t,
            "create table " + SCHEMA + ".x (a int)",
            "create table " + SCHEMA + ".y as select 1 as a",
            "alter table " + t + " add c int",
            "grant select on " + t + " to public",
            "revoke select on " + t + " from public",
            "copy " + t + " to '/tmp/dbtls_guard_x.csv'",
            "copy " + t + " from program 'true'",
            "select * into " + SCHEMA + ".z from " + t,
            "with d as (delete from " + t + " returning *) select * from d",
            "with i as (insert into " + t + " values (9) returning *) select * from i",
            "vacuum " + t,
            "analyze " + t,
            "call some_procedure()",
            "do $$ begin delete from " + t + "; end $$",
            "set work_mem = '1MB'",
            "reset all",
            "lock table " + t,
            "create index on " + t + " (id)",
            "refresh materialized view " + SCHEMA + ".mv",
            "comment on table " + t + " is 'x'",
            "notify dbtls_channel",
            "listen dbtls_channel",
            "cluster " + t,
            "reindex table " + t,
            "prepare p as delete from " + t,
            "execute p",
            "discard all",
            "load 'plpgsql'",
            "checkpoint",
            "begin",
            "commit");
    String parents = "__dbtls_upstream__p as (\nselect 1 as id\n)";
    try (Warehouse w = Databases.open(postgres(), dir)) {
      for (String write : writes) {
        String inlined =
            write.startsWith("with ")
                ? "with\n" + parents + ",\n" + write.substring(5)
                : "with "
                    + parents
                    + "\nselect * from (\n"
                    + write
                    + "\n) as __dbtls_upstream__query";
        for (Function<String, String> entry : entryPoints(w)) {
          String refused = entry.apply(inlined);
          assertNotNull(refused, "ran: " + inlined);
          assertFalse(
              refused.startsWith("postgres target"),
              "left to the database: " + inlined + " -> " + refused);
        }
      }
    }
    try (Connection c = DriverManager.getConnection(Databases.PG_URL, "postgres", "")) {
      assertEquals(1L, ((Number) one(c, "select count(*) from " + t)).longValue());
      assertEquals(
          1L,
          ((Number)
                  one(
                      c,
                      "select count(*) from information_schema.tables where table_schema = '"
                          + SCHEMA
                          + "'"))
              .longValue());
    }
    assertFalse(Files.exists(Path.of("/tmp/dbtls_guard_x.csv")));
  }

  @Test
  void aConnectionGoesBackToThePoolWithNoLockAndNoTransaction() throws Exception {
    try (Connection other = DriverManager.getConnection(Databases.PG_URL, "postgres", "");
        Warehouse w = Databases.open(postgres(), dir)) {
      // takes_lock() is not known to dbtls: it runs, and the lock it took is gone with the preview
      assertNull(Preview.run(w, "select takes_lock()", null).error());
      assertNull(Profile.of(w, "select takes_lock() as x", null).error());
      assertEquals(
          0L,
          ((Number)
                  one(
                      other,
                      "select count(*) from pg_locks where locktype = 'advisory' "
                          + "and objid = 7777"))
              .longValue(),
          "an advisory lock stayed with a pooled connection");
      assertEquals(
          0L,
          ((Number)
                  one(
                      other,
                      "select count(*) from pg_stat_activity where datname = 'test' "
                          + "and pid <> pg_backend_pid() and state like 'idle in transaction%'"))
              .longValue());
    }
  }

  @Test
  void aProfilesRoleSurvivesTheResetOfItsConnection() throws Exception {
    String role = Databases.unique("dbtls_role");
    Databases.exec(
        Databases.PG_URL,
        "postgres",
        List.of(
            "create role " + role,
            "grant usage on schema " + SCHEMA + " to " + role,
            "grant select on " + SCHEMA + ".t to " + role));
    try {
      Target withRole =
          Target.of(
              "dev",
              "guard",
              Map.of(
                  "type",
                  "postgres",
                  "host",
                  "127.0.0.1",
                  "port",
                  5432,
                  "user",
                  "postgres",
                  "dbname",
                  "test",
                  "schema",
                  SCHEMA,
                  "role",
                  role));
      try (Warehouse w = Databases.open(withRole, dir)) {
        for (int i = 0; i < 6; i++) { // more previews than the pool has connections
          PreviewResult r = Preview.run(w, "select current_user as u", null);
          assertNull(r.error());
          assertEquals(role, r.rows().get(0).get(0), "preview " + i + " ran as the login user");
        }
      }
    } finally {
      Databases.exec(
          Databases.PG_URL, "postgres", List.of("drop owned by " + role, "drop role " + role));
    }
  }

  @Test
  void duckDbReadsOnlyTheProjectsFilesUnlessAllowed() throws Exception {
    Path project = dir.resolve("duck");
    Files.createDirectories(project.resolve("seeds"));
    Files.writeString(project.resolve("seeds/codes.csv"), "code,name\n1,one\n2,two\n");
    Path outside = dir.resolve("secret.txt");
    Files.writeString(outside, "top secret\n");
    Target duck = Target.of("dev", "guard", Map.of("type", "duckdb", "path", ":memory:"));
    try (Warehouse w = Databases.open(duck, project)) {
      List<String> forms =
          List.of(
              "select * from read_csv('" + outside + "')",
              "select * from read_text('" + outside + "')",
              "select * from '" + outside + "'",
              "select * from glob('/*')",
              "select * from read_csv('" + project + "/../secret.txt')",
              "select * from read_text('/etc/host*')",
              "with x as (select * from read_blob('" + outside + "')) select * from x",
              "select * from duckdb_secrets()");
      for (String sql : forms) {
        for (Function<String, String> entry : entryPoints(w)) {
          String refused = entry.apply(sql);
          assertNotNull(refused, "ran: " + sql);
          assertFalse(refused.contains("top secret"), refused);
        }
      }
      // the project's own seed, as dbtls itself reads an unbuilt one
      PreviewResult seed =
          Preview.run(
              w, "select * from read_csv_auto('" + project.resolve("seeds/codes.csv") + "')", null);
      assertNull(seed.error());
      assertEquals(2, seed.rows().size());
      // and with the user's leave, any file
      w.allowFileReads(true);
      PreviewResult allowed =
          Preview.run(w, "select content from read_text('" + outside + "')", null);
      assertNull(allowed.error());
      assertTrue(allowed.rows().toString().contains("top secret"));
    }
  }

  @Test
  void mariaDbReadsNoFileAndTakesNoNamedLock() throws Exception {
    Databases.requireServer(3306);
    Target maria =
        Databases.target(
            "dev",
            "type",
            "mariadb",
            "server",
            "127.0.0.1",
            "port",
            3306,
            "username",
            "root",
            "schema",
            "test");
    try (Warehouse w = Databases.open(maria, dir)) {
      for (String sql :
          List.of(
              "select load_file('/etc/hostname')",
              "select get_lock('dbtls', 0)",
              "select release_lock('dbtls')",
              "select is_used_lock('dbtls')",
              "select * from (select get_lock('dbtls', 0) as l) x",
              "select 1 into outfile '/tmp/dbtls_out'")) {
        for (Function<String, String> entry : entryPoints(w)) {
          assertNotNull(entry.apply(sql), "ran: " + sql);
        }
      }
      try (Connection other = DriverManager.getConnection(Databases.MARIADB_URL, "root", "")) {
        assertNull(one(other, "select is_used_lock('dbtls')"));
      }
    }
  }

  @Test
  void wordsThatOnlyLookLikeWritesAreQueries() {
    for (String sql :
        List.of(
            "select (load + 1) from t",
            "select (comment is null) from t",
            "select (set) from t",
            "select replace(name, 'a', 'b') from t",
            "select (update_count) from t",
            "select * from t where (delete_flag) = 0")) {
      assertEquals(ReadOnlyCheck.Kind.QUERY, ReadOnlyCheck.check(sql, "postgres").kind(), sql);
    }
  }
}
