package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.ProjectInputs;
import dev.dbtls.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncrementalBuildTest {
  private static final String PROJECT =
      """
      -- file: models/a.sql
      select 1 as id
      -- file: models/b.sql
      select * from {{ ref('a') }}
      -- file: models/c.sql
      select 2 as id
      -- file: models/_models.yml
      models:
        - name: a
          description: first
      """;

  @Test
  void aChangedFileIsTheOnlyOneRescanned() {
    Fixture f = Fixture.of(PROJECT);
    ParseCache cache = new ParseCache();
    ProjectInputs in = f.load();
    new ManifestBuilder(in, null, null, cache).build();
    int first = cache.parses();
    assertEquals(4, first);

    ProjectInputs changed =
        in.withFile(Fixture.ROOT.resolve("models/c.sql"), "select * from {{ ref('b') }}");
    Manifest m = new ManifestBuilder(changed, null, null, cache).build();
    assertEquals(first + 1, cache.parses(), "only c.sql is scanned again");
    assertEquals(List.of("model.shop.b"), m.nodes().get("model.shop.c").dependsOn());
    assertEquals("first", m.nodes().get("model.shop.a").description());
  }

  @Test
  void editsInARowFindTheModelVersionsFilesOnceAndKeepTheirVersions() {
    String versioned =
        """
        -- file: models/customers_v1.sql
        select 1 as id
        -- file: models/customers.sql
        select 1 as id, 'x' as name
        -- file: models/report.sql
        select * from {{ ref('customers') }}
        -- file: models/_customers.yml
        models:
          - name: customers
            latest_version: 2
            versions:
              - v: 1
              - v: 2
        """;
    ParseCache cache = new ParseCache();
    ProjectInputs in = Fixture.of(versioned).load();
    Manifest m = new ManifestBuilder(in, null, null, cache).build();
    UpdateContext context = cache.updateContext(in);
    java.nio.file.Path latest = Fixture.ROOT.resolve("models/customers.sql");
    java.nio.file.Path report = Fixture.ROOT.resolve("models/report.sql");
    ProjectInputs once = in.withFile(latest, "select 2 as id, 'y' as name");
    Manifest first =
        new ManifestBuilder(once, null, null, cache).update(m, java.util.Set.of(latest));
    ProjectInputs twice = once.withFile(report, "select id from {{ ref('customers', v=1) }}");
    Manifest second =
        new ManifestBuilder(twice, null, null, cache).update(first, java.util.Set.of(report));
    assertNotNull(first);
    assertNotNull(second);
    assertSame(context, cache.updateContext(twice), "the same context served both updates");
    assertEquals(1, context.versionFilesFound(), "the second update took the first one's");
    // the latest version lives in the unsuffixed file: still so after both edits
    assertEquals("2", second.nodes().get("model.shop.customers.v2").version());
    assertEquals(
        "models/customers.sql", second.nodes().get("model.shop.customers.v2").originalFilePath());
    assertEquals(
        List.of("model.shop.customers.v1"), second.nodes().get("model.shop.report").dependsOn());
    assertSame(
        context.versionFiles(once, twice),
        context.versionFiles(twice, twice.withFile(report, "select 1")),
        "an update after the last one takes its version files");
    assertNotSame(
        context.versionFiles(twice, once),
        context.versionFiles(in, once),
        "an update from other files finds them again");
    assertEquals(context.versionFiles(in, once), context.versionFiles(once, twice));
  }

  @Test
  void projectFileChangesNeedAFullReload() {
    ProjectInputs in = Fixture.of(PROJECT).load();
    assertNull(in.withFile(Fixture.ROOT.resolve("dbt_project.yml"), "name: x"));
    assertNull(in.withFile(Fixture.ROOT.resolve("models/new.sql"), "select 1"));
  }

  @Test
  void successiveUpdatesShareWhatTheyReadOfTheProjectUntilAPropertyFileChanges() {
    Fixture f = Fixture.of(PROJECT);
    ParseCache cache = new ParseCache();
    ProjectInputs in = f.load();
    Manifest before = new ManifestBuilder(in, null, null, cache).build();
    cache.prepareUpdates(in, cache.fullLoads()); // as the server does after a start
    UpdateContext prepared = cache.keptUpdateContext();
    assertNotNull(prepared);

    ProjectInputs edited = in.withFile(Fixture.ROOT.resolve("models/c.sql"), "select 3 as id");
    Manifest updated =
        new ManifestBuilder(edited, null, null, cache)
            .update(before, java.util.Set.of(Fixture.ROOT.resolve("models/c.sql")));
    assertNotNull(updated, "an edit of a model's SQL is an update");
    assertTrue(
        updated.sharesIndexesWith(before), "its manifest shares the indexes it cannot change");
    assertSame(prepared, cache.updateContext(edited), "the edit's update took the prepared one");
    assertEquals("first", updated.nodes().get("model.shop.a").description());
    assertInstanceOf(
        EditedMap.class, updated.nodes(), "its nodes are the manifest's before, with c replaced");
    assertNotSame(before.nodes().get("model.shop.c"), updated.nodes().get("model.shop.c"));
    assertSame(before.nodes().get("model.shop.a"), updated.nodes().get("model.shop.a"));
    assertEquals(
        new java.util.ArrayList<>(before.nodes().keySet()),
        new java.util.ArrayList<>(updated.nodes().keySet()),
        "in the same order");
    Manifest twice =
        new ManifestBuilder(
                edited.withFile(Fixture.ROOT.resolve("models/c.sql"), "select 5 as id"),
                null,
                null,
                cache)
            .update(updated, java.util.Set.of(Fixture.ROOT.resolve("models/c.sql")));
    assertSame(
        updated.refableNames(),
        twice.refableNames(),
        "the names of edits in a row: one set, whose filters \"did you mean\" works out once");
    assertThrows(UnsupportedOperationException.class, () -> twice.refableNames().remove("a"));

    ProjectInputs described =
        edited.withFile(
            Fixture.ROOT.resolve("models/_models.yml"),
            "models:\n  - name: a\n    description: second\n");
    UpdateContext after = cache.updateContext(described);
    assertNotSame(prepared, after, "a changed property file is indexed again");
    assertEquals(
        "second", after.properties.node("shop", "model", "a").description(), "from the new text");

    ProjectInputs again = described.withFile(Fixture.ROOT.resolve("models/c.sql"), "select 4");
    assertSame(after, cache.updateContext(again));
    long load = cache.fullLoads();
    cache.forgetUpdateContext(); // a full load begins: what was kept is let go
    assertNull(cache.keptUpdateContext());
    cache.prepareUpdates(again, load); // a prepare of the build before it, late
    assertNull(cache.keptUpdateContext(), "a late prepare keeps nothing");
    assertNotSame(after, cache.updateContext(again));
  }

  @Test
  void anUpdateWhileThePrepareRunsWaitsForItsContextInsteadOfIndexingBesideIt() throws Exception {
    ParseCache cache = new ParseCache();
    UpdateContext got = updateWhilePreparing(cache, false);
    assertSame(cache.keptUpdateContext(), got, "the update took the prepared context");
    assertEquals(1, cache.updateContextsMade(), "indexed once, not again beside the prepare");
    assertEquals("first", got.properties.node("shop", "model", "a").description());
  }

  @Test
  void anUpdateThatWaitedForAPrepareThatCouldNotReadAFileIndexesItself() throws Exception {
    ParseCache cache = new ParseCache();
    UpdateContext got = updateWhilePreparing(cache, true);
    assertEquals(2, cache.updateContextsMade(), "the prepare's context was not whole");
    assertEquals("first", got.properties.node("shop", "model", "a").description());
    assertSame(got, cache.keptUpdateContext(), "the update's own is kept");
  }

  /**
   * An edit's update asked while a prepare reads the property file (which it cannot when {@code
   * prepareCannotRead}); it must wait for the prepare's context (parked), not for the file's text
   * (blocked on it). Its context, once both ended.
   */
  private static UpdateContext updateWhilePreparing(ParseCache cache, boolean prepareCannotRead)
      throws Exception {
    Slow slow = new Slow();
    Thread prepare = new Thread(() -> cache.prepareUpdates(slow.inputs, cache.fullLoads()));
    if (prepareCannotRead) {
      slow.failsOn = prepare; // the update then can
    }
    prepare.start();
    assertTrue(slow.reading.await(20, java.util.concurrent.TimeUnit.SECONDS));
    java.util.concurrent.atomic.AtomicReference<UpdateContext> got =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread update = new Thread(() -> got.set(cache.updateContext(slow.inputs)));
    update.start();
    dev.dbtls.testing.Eventually.await(
        java.time.Duration.ofSeconds(20),
        () -> update.getState() == Thread.State.WAITING,
        () -> "the update does not wait for the prepare: " + update.getState());
    slow.gate.countDown();
    update.join(20_000);
    prepare.join(20_000);
    return got.get();
  }

  /** The fixture's project whose property file is read through a gate the test opens. */
  private static final class Slow {
    final java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
    final java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
    final ProjectInputs inputs;

    /** A thread whose reads give nothing (a file that could not be read), if any. */
    volatile Thread failsOn;

    Slow() {
      ProjectInputs in = Fixture.of(PROJECT).load();
      java.nio.file.Path yml = Fixture.ROOT.resolve("models/_models.yml");
      String text =
          in.files().stream()
              .filter(p -> p.absolutePath().equals(yml))
              .findFirst()
              .orElseThrow()
              .text();
      this.inputs =
          withFileText(
              in,
              yml,
              dev.dbtls.project.FileText.later(
                  () -> {
                    reading.countDown();
                    try {
                      gate.await(20, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    return Thread.currentThread() == failsOn ? null : text;
                  }));
    }
  }

  private static ProjectInputs withFileText(
      ProjectInputs in, java.nio.file.Path file, dev.dbtls.project.FileText text) {
    java.util.List<dev.dbtls.project.ProjectFile> files = new java.util.ArrayList<>();
    for (dev.dbtls.project.ProjectFile p : in.files()) {
      files.add(
          p.absolutePath().equals(file)
              ? new dev.dbtls.project.ProjectFile(
                  p.kind(), p.packageName(), p.relativePath(), file, text)
              : p);
    }
    return new ProjectInputs(
        in.root(),
        in.packages(),
        in.target(),
        in.profilesFile(),
        in.vars(),
        List.copyOf(files),
        in.problems(),
        in.dbtVersion());
  }

  @Test
  void aPropertyFileThatCouldNotBeReadIsNotKeptIndexed() {
    Fixture f = Fixture.of(PROJECT);
    ProjectInputs in = f.load();
    ProjectInputs unreadable =
        withFileText(
            in,
            Fixture.ROOT.resolve("models/_models.yml"),
            dev.dbtls.project.FileText.later(() -> null)); // a read that fails
    ParseCache cache = new ParseCache();
    cache.prepareUpdates(unreadable, cache.fullLoads());
    assertNull(cache.keptUpdateContext(), "indexed from an empty text: asked again next time");
    cache.prepareUpdates(in, cache.fullLoads());
    assertNotNull(cache.keptUpdateContext());
  }
}
