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
    ProjectInputs twice = once.withFile(latest, "select 3 as id, 'z' as name");
    Manifest second =
        new ManifestBuilder(twice, null, null, cache).update(first, java.util.Set.of(latest));
    ProjectInputs thrice = twice.withFile(report, "select id from {{ ref('customers', v=1) }}");
    Manifest third =
        new ManifestBuilder(thrice, null, null, cache).update(second, java.util.Set.of(report));
    assertNotNull(first);
    assertNotNull(second);
    assertNotNull(third);
    assertSame(context, cache.updateContext(thrice), "the same context served every update");
    // the versioned model's edits index its property file, once; the report's, none
    assertEquals(2, context.versionFilesFound(), "the second update took the first one's");
    // the latest version lives in the unsuffixed file: still so after the edits
    assertEquals("2", third.nodes().get("model.shop.customers.v2").version());
    assertEquals(
        "models/customers.sql", third.nodes().get("model.shop.customers.v2").originalFilePath());
    assertEquals(
        List.of("model.shop.customers.v1"), third.nodes().get("model.shop.report").dependsOn());
    assertEquals(
        new ManifestBuilder(thrice, null, null, new ParseCache()).build().nodes(),
        third.nodes(),
        "as a full build");
    PropertyIndex yml = context.properties(java.util.Set.of("models/_customers.yml"), twice, cache);
    assertSame(
        context.versionFiles(once, twice, yml),
        context.versionFiles(twice, twice.withFile(report, "select 1"), yml),
        "an update after the last one takes its version files");
    assertNotSame(
        context.versionFiles(twice, once, yml),
        context.versionFiles(in, once, yml),
        "an update from other files finds them again");
    assertEquals(context.versionFiles(in, once, yml), context.versionFiles(once, twice, yml));
    assertEquals(
        java.util.Set.of("shop/customers_v1", "shop/customers"),
        context.versionFiles(in, once, yml).keySet());
  }

  @Test
  void anUpdateIndexesOnlyThePropertyFilesThatDescribedItsNodes() {
    String described =
        """
        -- file: models/a.sql
        select 1 as id
        -- file: models/b.sql
        select * from {{ ref('a') }}
        -- file: models/_a.yml
        models:
          - name: a
            description: first
            config:
              tags: [daily]
            columns:
              - name: id
                description: the key
        -- file: models/_b.yml
        models:
          - name: b
            description: second
        """;
    ProjectInputs in = Fixture.of(described).load();
    Manifest m = new ManifestBuilder(in, null, null, new ParseCache()).build();
    ParseCache fresh = new ParseCache(); // as after a start from the linked manifest: no parse yet
    java.nio.file.Path a = Fixture.ROOT.resolve("models/a.sql");
    ProjectInputs edited = in.withFile(a, "select 2 as id");
    Manifest updated =
        new ManifestBuilder(edited, null, null, fresh).update(m, java.util.Set.of(a));
    assertNotNull(updated);
    assertEquals(2, fresh.parses(), "a.sql and _a.yml, not _b.yml");
    Node node = updated.nodes().get("model.shop.a");
    assertEquals("first", node.description());
    assertEquals(List.of("daily"), node.config().get("tags"));
    assertEquals("the key", node.columns().get(0).description());
    assertEquals(
        new ManifestBuilder(edited, null, null, new ParseCache()).build().nodes(),
        updated.nodes(),
        "as a full build");
    ProjectInputs again = edited.withFile(a, "select 3 as id");
    new ManifestBuilder(again, null, null, fresh).update(updated, java.util.Set.of(a));
    assertEquals(3, fresh.parses(), "the next edit's update parsed a.sql alone");
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
    assertSame(prepared, after, "a changed property file changes no macro: the same context");
    assertEquals(
        "second",
        after
            .properties(java.util.Set.of("models/_models.yml"), described, cache)
            .node("shop", "model", "a")
            .description(),
        "its properties from the new text");

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
    assertEquals(java.util.Set.of("m"), got.refMacros);
  }

  @Test
  void anUpdateThatWaitedForAPrepareThatCouldNotReadAFileIndexesItself() throws Exception {
    ParseCache cache = new ParseCache();
    UpdateContext got = updateWhilePreparing(cache, true);
    assertEquals(2, cache.updateContextsMade(), "the prepare's context was not whole");
    assertEquals(java.util.Set.of("m"), got.refMacros);
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

  /** The fixture's project with a macro that calls {@code ref}. */
  private static final String WITH_MACRO =
      PROJECT + "-- file: macros/m.sql\n{% macro m() %}{{ ref('a') }}{% endmacro %}\n";

  /** That project, whose macro is read through a gate the test opens. */
  private static final class Slow {
    final java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
    final java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
    final ProjectInputs inputs;

    /** A thread whose reads give nothing (a file that could not be read), if any. */
    volatile Thread failsOn;

    Slow() {
      ProjectInputs in = Fixture.of(WITH_MACRO).load();
      java.nio.file.Path yml = Fixture.ROOT.resolve("macros/m.sql");
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
  void aMacroThatCouldNotBeReadIsNotKeptScanned() {
    ProjectInputs in = Fixture.of(WITH_MACRO).load();
    ProjectInputs unreadable =
        withFileText(
            in,
            Fixture.ROOT.resolve("macros/m.sql"),
            dev.dbtls.project.FileText.later(() -> null)); // a read that fails
    ParseCache cache = new ParseCache();
    cache.prepareUpdates(unreadable, cache.fullLoads());
    assertNull(cache.keptUpdateContext(), "scanned from an empty text: asked again next time");
    cache.prepareUpdates(in, cache.fullLoads());
    assertNotNull(cache.keptUpdateContext());
  }

  @Test
  void anUpdateWhosePropertyFileCouldNotBeReadIsAFullBuild() {
    ProjectInputs in = Fixture.of(PROJECT).load();
    Manifest m = new ManifestBuilder(in, null, null, new ParseCache()).build();
    java.nio.file.Path a = Fixture.ROOT.resolve("models/a.sql");
    ProjectInputs edited =
        withFileText(
                in,
                Fixture.ROOT.resolve("models/_models.yml"),
                dev.dbtls.project.FileText.later(() -> null))
            .withFile(a, "select 5 as id");
    assertNull(
        new ManifestBuilder(edited, null, null, new ParseCache()).update(m, java.util.Set.of(a)),
        "a's description is in the file that could not be read");
  }
}
