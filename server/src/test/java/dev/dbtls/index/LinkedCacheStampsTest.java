package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.testing.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warm start on a project on disk reads no node file whose size, time and identity are those the
 * last session logged: their texts are read when asked for, and the manifest is the cold one's. A
 * file changed since, or changed too shortly before the last session to be vouched for by its
 * stamp, is read and relinked.
 */
class LinkedCacheStampsTest {
  @TempDir Path project;
  @TempDir Path cacheDir;

  private static final Instant AN_HOUR_AGO = Instant.now().minusSeconds(3600);

  @BeforeEach
  void write() throws IOException {
    file("dbt_project.yml", "name: shop\nprofile: shop\n");
    file(
        "profiles.yml",
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: x.duckdb\n");
    file("models/stg_orders.sql", "select 1 as id\n");
    file("models/stg_customers.sql", "select 2 as id\n");
    file("models/orders.sql", "select * from {{ ref('stg_orders') }}\n");
    file("models/schema.yml", "version: 2\nmodels:\n  - name: orders\n    description: All\n");
    file("macros/m.sql", "{% macro m() %}1{% endmacro %}\n");
    settle();
  }

  private void file(String relative, String text) throws IOException {
    Path p = project.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  /** Every file's time an hour back: older than the few seconds a stamp must have settled. */
  private void settle() throws IOException {
    try (Stream<Path> all = Files.walk(project)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(p, FileTime.from(AN_HOUR_AGO));
      }
    }
  }

  /** The files the last session read, by their paths relative to the project. */
  private final java.util.Set<String> read = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** {@code source}, noting in {@link #read} each file read through it. */
  private FileSource noting(FileSource source) {
    read.clear();
    return new FileSource() {
      @Override
      public java.util.Optional<String> read(Path file) {
        read.add(project.relativize(file).toString().replace('\\', '/'));
        return source.read(file);
      }

      @Override
      public long stamp(Path file) {
        return source.stamp(file);
      }

      @Override
      public boolean buffered(Path file) {
        return source.buffered(file);
      }

      @Override
      public boolean isDirectory(Path dir) {
        return source.isDirectory(dir);
      }

      @Override
      public List<Path> list(Path dir, java.util.Set<String> suffixes) {
        return source.list(dir, suffixes);
      }
    };
  }

  /** A session as the CLI's: loads through the cache on disk and saves it. */
  private ProjectSnapshot session() {
    return session(FileSource.DISK);
  }

  private ProjectSnapshot session(FileSource source) {
    ParseCache c = ParseCache.open(project, cacheDir, "b1");
    ProjectSnapshot s =
        ProjectSnapshot.load(
            project, Fixture.profilesIn(project), List.of(), noting(source), false, c);
    c.save();
    return s;
  }

  private static ProjectFile file(ProjectSnapshot s, String relative) {
    return s.inputs().files().stream()
        .filter(f -> f.relativePath().equals(relative))
        .findFirst()
        .orElseThrow();
  }

  private ProjectSnapshot cold() {
    return ProjectSnapshot.load(project, Fixture.profilesIn(project), List.of(), FileSource.DISK);
  }

  @Test
  void aWarmStartReadsNoNodeFileUntilItsTextIsAskedFor() {
    ProjectSnapshot first = session();
    assertTrue(read.contains("models/orders.sql"), "a cold start reads every file: " + read);
    for (ProjectFile f : first.inputs().files()) {
      // a cold start read, parsed and logged every file (the warm start below reads none), and
      // kept none of their texts
      if (f.kind() == FileKind.MODEL || f.kind() == FileKind.PROPERTIES) {
        assertFalse(f.textRead(), f.relativePath() + " was kept by the cold start");
      }
    }
    ParseCacheTest.assertSameManifest(cold().manifest(), first.manifest());
    ProjectSnapshot warm = session();
    for (ProjectFile f : warm.inputs().files()) {
      if (f.kind() == FileKind.MODEL || f.kind() == FileKind.PROPERTIES) {
        assertFalse(f.textRead(), f.relativePath() + " was read");
      }
    }
    ParseCacheTest.assertSameManifest(cold().manifest(), warm.manifest());
    assertEquals(
        List.of("model.shop.stg_orders"),
        warm.manifest().nodes().get("model.shop.orders").dependsOn(),
        "the restored node");
    // asked for, the text is the file's
    assertEquals("select * from {{ ref('stg_orders') }}\n", file(warm, "models/orders.sql").text());
    assertTrue(file(warm, "models/orders.sql").textRead());
  }

  @Test
  void aWarmStartTellsWhatEachModelsRenderReadsWithoutReadingItsFiles() throws IOException {
    ProjectSnapshot cold = session();
    Map<String, String> before = new java.util.TreeMap<>();
    for (dev.dbtls.index.Node n : cold.manifest().nodes().values()) {
      if (n.type() == dev.dbtls.index.ResourceType.MODEL) {
        before.put(n.uniqueId(), cold.renderInputs().of(n, List.of("shop.m"), List.of("HOME")));
      }
    }
    ProjectSnapshot warm = session(); // every file's stamp as the cold session logged it
    read.clear();
    warm.renderInputs().shared();
    before.forEach(
        (id, m) ->
            assertEquals(
                m,
                warm.renderInputs()
                    .of(warm.manifest().nodes().get(id), List.of("shop.m"), List.of("HOME")),
                id));
    assertTrue(
        read.stream().noneMatch(f -> f.startsWith("models/")),
        "the texts of models and property files are vouched for by their stamps: " + read);

    // a model file changed since: read, and its digest is another
    file("models/orders.sql", "select * from {{ ref('stg_customers') }}\n");
    ProjectSnapshot edited = session();
    dev.dbtls.index.Node orders = edited.manifest().nodes().get("model.shop.orders");
    assertNotEquals(
        before.get("model.shop.orders"),
        edited.renderInputs().of(orders, List.of("shop.m"), List.of("HOME")));
  }

  /** What each model's render reads, as a digest ({@code RenderInputs}), by model. */
  private static Map<String, String> modelInputs(ProjectSnapshot s) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (dev.dbtls.index.Node n : s.manifest().nodes().values()) {
      if (n.type() == dev.dbtls.index.ResourceType.MODEL) {
        out.put(n.uniqueId(), s.renderInputs().of(n, List.of(), List.of()));
      }
    }
    assertFalse(out.isEmpty());
    assertFalse(out.containsValue(null), out.toString());
    return out;
  }

  @Test
  void aWarmStartChecksItsCachesWithoutKeepingTheTextsItRead() {
    ProjectSnapshot first = session();
    Map<String, String> digests = modelInputs(first);
    ParseCache c = ParseCache.open(project, cacheDir, "b1");
    ProjectSnapshot warm =
        ProjectSnapshot.load(
            project, Fixture.profilesIn(project), List.of(), FileSource.DISK, false, c);
    // as the server after a restored start: the next edit's context, the columns cache's check
    c.prepareUpdates(warm.inputs(), c.fullLoads());
    assertTrue(c.keptUpdateContext() != null, "the context for the next edit is kept");
    warm.renderInputs().shared();
    assertEquals(digests, modelInputs(warm), "every model's and property file's text read");
    for (ProjectFile f : warm.inputs().files()) {
      if (f.kind() == FileKind.MODEL || f.kind() == FileKind.PROPERTIES) {
        assertFalse(f.textRead(), f.relativePath() + " was kept");
      }
    }
    assertEquals("select * from {{ ref('stg_orders') }}\n", file(warm, "models/orders.sql").text());
  }

  @Test
  void aFileWhoseStampChangedIsReadAndRelinked() throws IOException {
    session();
    file("models/orders.sql", "select * from {{ ref('stg_customers') }}\n");
    settle(); // an hour old, as the first session's: the size tells it changed
    ProjectSnapshot warm = session();
    assertTrue(read.contains("models/orders.sql"), "changed: read");
    assertFalse(read.contains("models/stg_orders.sql"), "unchanged: not read");
    assertFalse(file(warm, "models/orders.sql").textRead(), "read for the parse, not kept");
    assertEquals(
        List.of("model.shop.stg_customers"),
        warm.manifest().nodes().get("model.shop.orders").dependsOn());
    ParseCacheTest.assertSameManifest(cold().manifest(), warm.manifest());
  }

  @Test
  void aFileDatedInTheFutureOrJustWrittenIsReadUntilASessionFindsItSettled() throws IOException {
    file("models/orders.sql", "select * from {{ ref('stg_customers') }}\n");
    // a time ahead of the clock (a skewed clock, or written a moment ago) is never vouched for
    Path orders = project.resolve("models/orders.sql");
    Files.setLastModifiedTime(orders, FileTime.from(Instant.now().plusSeconds(3600)));
    ProjectSnapshot first = session();
    assertEquals(
        List.of("model.shop.stg_customers"),
        first.manifest().nodes().get("model.shop.orders").dependsOn());
    session();
    assertTrue(read.contains("models/orders.sql"), "same time, still not settled");
    assertFalse(read.contains("models/stg_orders.sql"));
    settle();
    session(); // read for want of a stamp, and stamped
    assertTrue(read.contains("models/orders.sql"));
    ProjectSnapshot fourth = session();
    assertFalse(read.contains("models/orders.sql"), "vouched for since the third");
    assertEquals(
        List.of("model.shop.stg_customers"),
        fourth.manifest().nodes().get("model.shop.orders").dependsOn());
  }

  @Test
  void aFileOpenInTheEditorIsReadFromItsBufferAndNeverVouchedFor() {
    session();
    dev.dbtls.workspace.OverlayFileSource editor =
        new dev.dbtls.workspace.OverlayFileSource(FileSource.DISK);
    Path orders = project.resolve("models/orders.sql");
    editor.open(orders, "select * from {{ ref('stg_customers') }}\n", 1);
    ParseCache c = ParseCache.open(project, cacheDir, "b1");
    ProjectSnapshot withBuffer =
        ProjectSnapshot.load(
            project, Fixture.profilesIn(project), List.of(), noting(editor), false, c);
    c.save();
    assertTrue(file(withBuffer, "models/orders.sql").textRead(), "a buffer's text is kept");
    assertEquals(
        List.of("model.shop.stg_customers"),
        withBuffer.manifest().nodes().get("model.shop.orders").dependsOn(),
        "the buffer's text");
    // closed unsaved: the disk's text is the truth again, and is read
    ProjectSnapshot closed = session();
    assertTrue(read.contains("models/orders.sql"));
    assertEquals(
        List.of("model.shop.stg_orders"),
        closed.manifest().nodes().get("model.shop.orders").dependsOn());
  }

  @Test
  void aTextThatIsNotTheVouchedOneWhenReadIsLoggedAsRead() throws IOException {
    session();
    // stamped as the last session's, then written with a new text before it is read: the
    // manifest is restored (nothing looked changed), and the text read later is the new one,
    // which the log then holds without a stamp
    LinkedCache linked = ParseCache.open(project, cacheDir, "b1").linked();
    linked.decodeAhead();
    InputLog log = new InputLog(FileSource.DISK, java.util.Map.of(), linked::known);
    java.util.Optional<dev.dbtls.project.FileText> text =
        log.files().text(project.resolve("models/orders.sql"));
    assertFalse(text.orElseThrow().isRead(), "vouched for");
    Path orders = project.resolve("models/orders.sql");
    Files.writeString(orders, "select 3 as id\n");
    assertEquals("select 3 as id\n", text.orElseThrow().get());
    String key = InputLog.readKey(orders);
    assertFalse(log.stamps().containsKey(key), "no stamp for what was read");
    assertEquals(
        dev.dbtls.project.FileText.hash("select 3 as id\n"),
        log.entries().get(key),
        "what was read");
  }

  @Test
  void theDiskGivesNoStampForAFileJustWrittenNorForAFolder() throws IOException {
    Path settled = project.resolve("models/stg_orders.sql");
    assertTrue(FileSource.DISK.stamp(settled) != FileSource.NO_STAMP);
    file("models/fresh.sql", "select 3\n");
    Path fresh = project.resolve("models/fresh.sql");
    Files.setLastModifiedTime(fresh, FileTime.from(Instant.now().minusMillis(500)));
    assertEquals(FileSource.NO_STAMP, FileSource.DISK.stamp(fresh));
    assertEquals(FileSource.NO_STAMP, FileSource.DISK.stamp(project.resolve("models")));
    assertEquals(FileSource.NO_STAMP, FileSource.DISK.stamp(project.resolve("models/none.sql")));
    long before = FileSource.DISK.stamp(settled);
    Files.writeString(settled, "select 9 as id\n"); // same size
    Files.setLastModifiedTime(settled, FileTime.from(AN_HOUR_AGO.plusSeconds(60)));
    assertTrue(FileSource.DISK.stamp(settled) != before, "another time, another stamp");
  }
}
