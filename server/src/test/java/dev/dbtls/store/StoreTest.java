package dev.dbtls.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir Path dir;

  private static HistoryEntry entry(String sql) {
    return HistoryEntry.of(
        "/p",
        "dev",
        "duckdb",
        sql,
        sql,
        Instant.ofEpochMilli(1_000),
        5,
        1L,
        HistoryEntry.Status.OK,
        null);
  }

  private List<String> files() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void defaultLocationFollowsXdg() {
    assertEquals(
        Path.of("/data/dbtls/store.db"),
        StoreLocation.defaultFile(Map.of("XDG_DATA_HOME", "/data"), "/home/u"));
    assertEquals(
        Path.of("/home/u/.local/share/dbtls/store.db"),
        StoreLocation.defaultFile(Map.of(), "/home/u"));
    assertEquals(
        Path.of("/home/u/.local/share/dbtls/store.db"),
        StoreLocation.defaultFile(Map.of("XDG_DATA_HOME", "relative"), "/home/u"));
  }

  @Test
  void emptyFileIsMigratedToTheLatestSchemaInWalMode() throws Exception {
    Path file = dir.resolve("nested/dbtls/store.db");
    try (Store store = Store.open(file)) {
      assertEquals(List.of(), store.notices());
      assertEquals(file, store.file().orElseThrow());
      assertEquals(Migrations.latest(), store.schemaVersion());
      assertTrue(store.history().record(entry("select 1")).ok());
    }
    assertEquals("wal", Sqlite.one(file, "PRAGMA journal_mode"));
    assertEquals(Integer.toString(Migrations.latest()), Sqlite.one(file, "PRAGMA user_version"));
    try (Store again = Store.open(file)) {
      assertEquals(List.of(), again.notices());
      assertEquals(1L, again.history().count(null).value());
    }
  }

  @Test
  void version1IsMigratedAndItsHistoryIndexed() throws Exception {
    Path file = dir.resolve("store.db");
    Store.connect(file, 1).close();
    Sqlite.exec(
        file,
        "INSERT INTO history (project_dir, sql, started_at, duration_ms, status)"
            + " VALUES ('/p', 'select * from Orders', 1, 2, 'ok')");
    assertEquals("1", Sqlite.one(file, "PRAGMA user_version"));
    try (Store store = Store.open(file)) {
      assertEquals(List.of(), store.notices());
      assertEquals(Migrations.latest(), store.schemaVersion());
      List<HistoryEntry> found = store.history().search(null, "ORDERS", 0, 10).value();
      assertEquals(List.of("select * from Orders"), found.stream().map(HistoryEntry::sql).toList());
      // the row count (version 3) includes the row written under version 1
      assertEquals(1L, store.history().count(null).value());
      store.history().setMaxEntries(1);
      store.history().record(entry("select 2"));
      assertEquals(
          List.of("select 2"),
          store.history().list(null, 0, 10).value().stream().map(HistoryEntry::sql).toList());
    }
  }

  @Test
  void aNewerSchemaIsLeftAloneAndTheSessionUsesMemory() throws Exception {
    Path file = dir.resolve("store.db");
    Store.open(file).close();
    Sqlite.exec(file, "PRAGMA user_version = 99");
    byte[] before = Files.readAllBytes(file);
    try (Store store = Store.open(file)) {
      assertTrue(store.file().isEmpty());
      assertEquals(1, store.notices().size());
      assertTrue(
          store.notices().get(0).contains("written by a newer dbtls (schema version 99"),
          store.notices().get(0));
      assertTrue(store.history().record(entry("select 1")).ok());
    }
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(List.of("store.db"), files());
  }

  @Test
  void randomBytesAreMovedAsideAndANewStoreCreated() throws Exception {
    Path file = dir.resolve("store.db");
    byte[] junk = new byte[8192];
    new Random(7).nextBytes(junk);
    Files.write(file, junk);
    try (Store store = Store.open(file)) {
      assertEquals(file, store.file().orElseThrow());
      assertEquals(1, store.notices().size());
      String notice = store.notices().get(0);
      assertTrue(notice.startsWith("the store " + file + " was unreadable ("), notice);
      assertTrue(notice.contains("moved it to store.db.corrupt-"), notice);
      assertTrue(store.history().record(entry("select 1")).ok());
      assertEquals(Migrations.latest(), store.schemaVersion());
    }
    List<String> names = files();
    String aside =
        names.stream().filter(n -> n.startsWith("store.db.corrupt-")).findFirst().orElseThrow();
    assertTrue(aside.matches("store\\.db\\.corrupt-\\d{8}T\\d{6}Z"), aside);
    assertArrayEquals(junk, Files.readAllBytes(dir.resolve(aside)));
  }

  @Test
  void aTruncatedFileIsMovedAside() throws Exception {
    Path file = dir.resolve("store.db");
    try (Store store = Store.open(file)) {
      for (int i = 0; i < 2_000; i++) {
        store.history().record(entry("select " + i + " from t" + "y".repeat(300)));
      }
    }
    long size = Files.size(file);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(size / 2);
    }
    try (Store store = Store.open(file)) {
      assertEquals(1, store.notices().size(), store.notices().toString());
      assertTrue(store.notices().get(0).contains("moved it to store.db.corrupt-"));
      assertEquals(0L, store.history().count(null).value());
      assertTrue(store.history().record(entry("select 1")).ok());
    }
    assertTrue(
        files().stream().anyMatch(n -> n.startsWith("store.db.corrupt-")), files().toString());
  }

  @Test
  void aFolderThatCannotBeCreatedFallsBackToMemory() throws Exception {
    Files.writeString(dir.resolve("plain-file"), "x");
    try (Store store = Store.open(dir.resolve("plain-file/store.db"))) {
      assertTrue(store.file().isEmpty());
      assertTrue(
          store.notices().get(0).startsWith("cannot open the store "), store.notices().toString());
      assertTrue(store.history().record(entry("select 1")).ok());
      assertEquals(1L, store.history().count(null).value());
    }
  }

  @Test
  void anAbandonedTransactionLeavesNothing() throws Exception {
    Path file = dir.resolve("store.db");
    try (Store store = Store.open(file)) {
      store.history().record(entry("select 1"));
    }
    try (Connection c = Sqlite.open(file)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO history (project_dir, sql, started_at, duration_ms, status)"
                + " VALUES ('/p', 'half', 1, 2, 'ok')");
      }
      // closed without commit, like a process that stopped mid-write
    }
    try (Store store = Store.open(file)) {
      assertEquals(List.of(), store.notices());
      assertEquals(
          List.of("select 1"),
          store.history().list(null, 0, 10).value().stream().map(HistoryEntry::sql).toList());
    }
  }

  @Test
  void aKilledWriterLeavesAConsistentStore() throws Exception {
    Path file = dir.resolve("store.db");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                KilledWriter.class.getName(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("ready", out.readLine());
      // time must pass: the writer must be in the middle of its writes when it is killed
      Thread.sleep(700);
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no close
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }
    assertEquals("ok", Sqlite.one(file, "PRAGMA integrity_check"));
    // the FTS index and its content table agree: no write was half done
    Sqlite.exec(file, "INSERT INTO history_fts(history_fts) VALUES ('integrity-check')");
    try (Store store = Store.open(file)) {
      assertEquals(List.of(), store.notices());
      List<HistoryEntry> all = store.history().list(null, 0, Integer.MAX_VALUE).value();
      assertTrue(all.size() > 1, "only " + all.size() + " entries written before the kill");
      for (HistoryEntry e : all) {
        assertEquals("select " + e.durationMs() + " as n -- " + "x".repeat(200), e.sql());
        assertEquals(e.sql().toUpperCase(), e.compiledSql());
        assertEquals(e.durationMs(), e.id());
      }
    }
  }

  @Test
  void threadsShareOneStore() throws Exception {
    try (Store store = Store.open(dir.resolve("store.db"))) {
      List<Thread> threads = new ArrayList<>();
      List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int t = 0; t < 4; t++) {
        int id = t;
        Thread th =
            new Thread(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    StoreResult<Long> r = store.history().record(entry("select " + id + ", " + i));
                    if (!r.ok()) {
                      errors.add(r.error());
                    }
                    store.history().search(null, "select", 0, 5);
                  }
                });
        th.start();
        threads.add(th);
      }
      for (Thread t : threads) {
        t.join();
      }
      assertEquals(List.of(), errors);
      assertEquals(400L, store.history().count(null).value());
    }
  }

  @Test
  void withoutSqliteEveryAnswerIsAMessage() {
    try (Store store = Store.unavailable(List.of(), new UnsatisfiedLinkError("no sqlitejdbc"))) {
      assertEquals(
          List.of(
              "SQLite cannot be used (no sqlitejdbc); query history and saved"
                  + " queries are off for this session"),
          store.notices());
      assertEquals(
          "cannot search the query history: the store is unavailable",
          store.history().list(null, 0, 10).error());
      assertEquals(-1, store.schemaVersion());
      assertFalse(store.savedQueries().all().ok());
    }
  }

  @Test
  void aClosedStoreAnswersAMessage() {
    Store store = Store.inMemory();
    store.close();
    StoreResult<Long> r = store.history().record(entry("select 1"));
    assertFalse(r.ok());
    assertEquals("cannot record the query in the history: the store is closed", r.error());
  }
}
