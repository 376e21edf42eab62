package dev.dbtls.index;

import static dev.dbtls.index.ParseCacheTest.assertSameManifest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.testing.Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linked manifest kept between sessions: a warm load gives exactly the manifest (and problems)
 * of a cold one, also after files or variables changed between the sessions, and without scanning a
 * file when nothing changed.
 */
class LinkedCacheTest {
  /** ParseCacheTest's project, with a config only a parse render decides (it reads a variable). */
  private static final String PROJECT =
      ParseCacheTest.PROJECT
          + """
          -- file: models/marts/by_env.sql
          {{ config(materialized=env_var('DBTLS_TEST_MAT', 'view')) }}
          select * from {{ ref('orders') }}
          """;

  @TempDir Path tmp;

  private static long macros(Fixture f) {
    return f.load().files().stream()
        .filter(p -> p.kind() == dev.dbtls.project.FileKind.MACRO)
        .count();
  }

  private ParseCache open() {
    return ParseCache.open(Fixture.ROOT, tmp, "b1");
  }

  private static ProjectSnapshot load(Fixture f, Map<String, String> env, ParseCache cache) {
    return ProjectSnapshot.load(
        Fixture.ROOT, Fixture.options(null, Map.of(), env), List.of(), f, false, cache);
  }

  /** A session: loads through the cache on disk and saves it, as the CLI and the server do. */
  private ParseCache session(Fixture f, Map<String, String> env, ProjectSnapshot[] out) {
    ParseCache c = open();
    out[0] = load(f, env, c);
    c.save();
    return c;
  }

  private static void assertSameSnapshot(ProjectSnapshot cold, ProjectSnapshot warm) {
    assertSameManifest(cold.manifest(), warm.manifest());
    assertEquals(cold.manifest().problems(), warm.manifest().problems(), "same problems, in order");
    assertEquals(
        List.copyOf(cold.manifest().nodes().keySet()),
        List.copyOf(warm.manifest().nodes().keySet()),
        "nodes in the same order");
  }

  private static ProjectSnapshot cold(Fixture f, Map<String, String> env) {
    return load(f, env, new ParseCache());
  }

  @Test
  void aWarmLoadIsTheColdOneWithoutScanningAFile() {
    Fixture f = Fixture.of(PROJECT);
    ProjectSnapshot[] s = new ProjectSnapshot[1];
    ParseCache first = session(f, Map.of(), s);
    assertTrue(Files.isRegularFile(first.linked().file()));
    assertFalse(s[0].manifest().problems().isEmpty(), "problems of each kind are kept too");
    assertEquals(
        "view", s[0].manifest().nodes().get("model.shop.by_env").config().get("materialized"));
    ParseCache warm = session(f, Map.of(), s);
    assertEquals(0, warm.parses() + warm.loaded(), "no file was scanned or decoded");
    assertSameSnapshot(cold(f, Map.of()), s[0]);
  }

  @Test
  void aProjectWhoseCachesAreWrittenInManyPiecesRoundTrips() throws Exception {
    StringBuilder p = new StringBuilder("-- file: dbt_project.yml\nname: shop\nprofile: shop\n");
    for (int i = 0; i < 4000; i++) {
      p.append("-- file: models/m").append(i).append(".sql\n");
      p.append("select id, amount_").append(i).append(" from ");
      p.append(i == 0 ? "raw" : "{{ ref('m" + (i - 1) + "') }}").append('\n');
      p.append("-- file: models/m").append(i).append(".yml\nmodels:\n  - name: m").append(i);
      p.append("\n    description: model ").append(i).append("\n    columns:\n");
      p.append("      - name: id\n        data_tests: [unique, not_null]\n");
      p.append("      - name: amount_").append(i).append("\n        description: an amount\n");
    }
    Fixture f = Fixture.of(p.toString());
    ProjectSnapshot[] s = new ProjectSnapshot[1];
    ParseCache first = session(f, Map.of(), s);
    long spill = ParseCacheCodec.Out.SPILL;
    // handed on at least once before the end: written in two pieces or more
    assertTrue(Files.size(first.linked().file()) > spill, "the linked manifest");
    assertTrue(Files.size(first.file()) > spill, "the parses");
    ParseCache warm = session(f, Map.of(), s);
    assertEquals(0, warm.parses() + warm.loaded(), "restored whole from the linked manifest");
    assertSameSnapshot(cold(f, Map.of()), s[0]);
    Files.delete(warm.linked().file());
    ParseCache parses = session(f, Map.of(), s);
    assertEquals(0, parses.parses(), "every file from the parse cache");
    assertSameSnapshot(cold(f, Map.of()), s[0]);
  }

  @Test
  void theEngineProblemsAreKeptWithTheManifest() {
    // a broken macro file: the scanner and the template engine's setup both look at it
    Fixture f =
        Fixture.of(
            PROJECT
                + """
                -- file: macros/broken.sql
                {% macro broken() %}
                  select {{ a + }}
                {% endmacro %}
                """);
    // a session that built the engine (the server, compile) keeps its problems with the manifest
    ParseCache c = open();
    ProjectSnapshot first =
        ProjectSnapshot.load(
            Fixture.ROOT, Fixture.options(null, Map.of(), Map.of()), List.of(), f, true, c);
    c.save();
    ProjectSnapshot[] s = new ProjectSnapshot[1];
    ParseCache warm = session(f, Map.of(), s); // like ls: no engine asked for
    assertEquals(0, warm.parses() + warm.loaded(), "restored");
    assertTrue(
        first.manifest().problems().stream().anyMatch(p -> p.file().equals("macros/broken.sql")),
        () -> first.manifest().problems().toString());
    assertEquals(first.manifest().problems(), s[0].manifest().problems(), "the engine's too");
  }

  @Test
  void aModelChangedBetweenSessionsIsRelinkedAlone() {
    Fixture f = Fixture.of(PROJECT);
    ProjectSnapshot[] s = new ProjectSnapshot[1];
    session(f, Map.of(), s);
    Fixture changed =
        Fixture.of(
            PROJECT.replace(
                "select * from {{ ref('stg_orders') }} join",
                "select * from {{ ref('stg_customers') }} join"));
    ParseCache warm = session(changed, Map.of(), s);
    assertEquals(
        2 + macros(changed),
        warm.parses(),
        "the changed model, models/schema.yml that describes it and the macros that might ref");
    assertEquals(0, warm.loaded(), "nothing read from the file");
    assertSameSnapshot(cold(changed, Map.of()), s[0]);
    assertFalse(
        s[0].manifest()
            .nodes()
            .get("model.shop.orders.v2")
            .dependsOn()
            .contains("model.shop.stg_orders"));
    // the relinked manifest was kept: the session after it scans nothing
    ParseCache third = session(changed, Map.of(), s);
    assertEquals(0, third.parses() + third.loaded());
    assertSameSnapshot(cold(changed, Map.of()), s[0]);
  }

  /**
   * 64 models in a chain, each with a data test (128 nodes: a relink of up to four is kept as
   * changes); {@code changed} models select from {@code m0} instead of the model before them.
   */
  private static Fixture chain(int... changed) {
    StringBuilder p = new StringBuilder("-- file: dbt_project.yml\nname: shop\nprofile: shop\n");
    for (int i = 0; i < 64; i++) {
      int n = i;
      boolean edited = Arrays.stream(changed).anyMatch(c -> c == n);
      p.append("-- file: models/m").append(i).append(".sql\nselect id");
      p.append(edited ? ", 1 as changed" : "").append(" from ");
      p.append(i == 0 ? "raw" : "{{ ref('m" + (edited ? 0 : i - 1) + "') }}").append('\n');
    }
    p.append("-- file: models/schema.yml\nmodels:\n");
    for (int i = 0; i < 64; i++) {
      p.append("  - name: m").append(i).append("\n    description: model ").append(i);
      p.append("\n    columns:\n      - name: id\n        data_tests: [not_null]\n");
    }
    return Fixture.of(p.toString());
  }

  private static Path changes(ParseCache c) {
    return c.linked().changesFile();
  }

  @Test
  void aFewRelinkedNodesAreKeptAsChangesToTheFile() throws Exception {
    ProjectSnapshot[] s = new ProjectSnapshot[1];
    ParseCache first = session(chain(), Map.of(), s);
    byte[] whole = Files.readAllBytes(first.linked().file());
    assertFalse(Files.exists(changes(first)));

    ParseCache relinked = session(chain(5), Map.of(), s);
    assertTrue(relinked.parses() > 0, "m5 relinked");
    assertSameSnapshot(cold(chain(5), Map.of()), s[0]);
    assertArrayEquals(whole, Files.readAllBytes(first.linked().file()), "not written whole");
    assertTrue(Files.size(changes(first)) < whole.length / 4, "its changes beside it");
    ParseCache next = session(chain(5), Map.of(), s);
    assertEquals(0, next.parses() + next.loaded(), "the file and its changes: nothing relinked");
    assertSameSnapshot(cold(chain(5), Map.of()), s[0]);

    // the changes hold every relink since the file was written whole: m5's and now m9's
    session(chain(5, 9), Map.of(), s);
    assertArrayEquals(whole, Files.readAllBytes(first.linked().file()));
    next = session(chain(5, 9), Map.of(), s);
    assertEquals(0, next.parses() + next.loaded());
    assertSameSnapshot(cold(chain(5, 9), Map.of()), s[0]);
    // and m5 back as it was, which the file itself holds
    session(chain(9), Map.of(), s);
    next = session(chain(9), Map.of(), s);
    assertEquals(0, next.parses() + next.loaded());
    assertSameSnapshot(cold(chain(9), Map.of()), s[0]);

    // more than one node in 32 relinked: written whole, the changes gone
    int[] many = {2, 3, 4, 5, 6, 7, 8, 9};
    session(chain(many), Map.of(), s);
    assertFalse(Arrays.equals(whole, Files.readAllBytes(first.linked().file())));
    assertFalse(Files.exists(changes(first)));
    next = session(chain(many), Map.of(), s);
    assertEquals(0, next.parses() + next.loaded());
    assertSameSnapshot(cold(chain(many), Map.of()), s[0]);
  }

  @Test
  void changesOfAnotherFileOrBrokenOnesAreLeftOut() throws Exception {
    ProjectSnapshot[] s = new ProjectSnapshot[1];
    ParseCache first = session(chain(), Map.of(), s);
    session(chain(5), Map.of(), s);
    byte[] ofTheFirst = Files.readAllBytes(changes(first));
    // written whole again (a full build of chain(9)): the first file's changes no longer apply
    Files.delete(first.linked().file());
    session(chain(9), Map.of(), s);
    assertFalse(Files.exists(changes(first)));
    Files.write(changes(first), ofTheFirst);
    ParseCache next = session(chain(9), Map.of(), s);
    assertEquals(0, next.parses() + next.loaded(), "the file as written: nothing changed");
    assertSameSnapshot(cold(chain(9), Map.of()), s[0]);

    // broken changes: the file alone, the changed model relinked again
    session(chain(9, 12), Map.of(), s);
    byte[] good = Files.readAllBytes(changes(first));
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x20;
    for (byte[] bad : List.of(flipped, Arrays.copyOf(good, good.length / 2), new byte[0])) {
      Files.write(changes(first), bad);
      next = session(chain(9, 12), Map.of(), s);
      assertTrue(next.parses() > 0, "m12 relinked");
      assertSameSnapshot(cold(chain(9, 12), Map.of()), s[0]);
    }
  }

  @Test
  void aStartWithNothingChangedDoesNotReadTheParses() throws Exception {
    Fixture f = Fixture.of(PROJECT);
    ProjectSnapshot[] s = new ProjectSnapshot[1];
    ParseCache first = session(f, Map.of(), s);
    byte[] parses = Files.readAllBytes(first.file());
    Files.write(first.file(), new byte[] {1, 2, 3}); // read, it would be reported as broken
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream notices = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(notices, true));
    try {
      ParseCache warm = open();
      load(f, Map.of(), warm);
      assertEquals(0, warm.parses() + warm.loaded());
      assertFalse(warm.fileRead(), "restored with nothing changed: not read");
      assertEquals("", notices.toString());
      // a model changed since: the update parses what it reads, the file is still not read
      Fixture changed = Fixture.of(PROJECT.replace("select 1 as id, '{{", "select 2 as id, '{{"));
      ParseCache update = open();
      load(changed, Map.of(), update);
      assertFalse(update.fileRead());
      assertEquals(1 + macros(changed), update.parses(), "the changed model and the macros");
      assertEquals(0, update.loaded());
      assertEquals("", notices.toString());
      // a full build reads it (and finds it broken: parsed again, said once)
      new ManifestBuilder(changed.load(), null, null, update).build();
      assertTrue(update.fileRead());
      Files.write(first.file(), parses);
    } finally {
      System.setErr(err);
    }
  }

  @Test
  void aWarmStartReadsNoParseFromTheFileUntilAFullBuild() {
    Fixture f = Fixture.of(PROJECT);
    ProjectSnapshot[] s = new ProjectSnapshot[1];
    session(f, Map.of(), s);
    ParseCache warm = open();
    ProjectSnapshot restored = load(f, Map.of(), warm);
    warm.prepareUpdates(restored.inputs(), warm.fullLoads()); // as the server does after a start
    assertTrue(warm.keptUpdateContext() != null, "the context for the next edit is made");
    assertFalse(warm.fileRead(), "its macros parsed, not read from the file");
    assertEquals(0, warm.loaded());
    // an edit since parses its own file and its property file: the cache file is not read
    Path edited = Fixture.ROOT.resolve("models/marts/orders.sql"); // the versioned model's v2
    dev.dbtls.project.ProjectInputs now = restored.inputs().withFile(edited, "select 7 as id");
    int parsed = warm.parses();
    Manifest updated =
        new ManifestBuilder(now, null, null, warm)
            .update(restored.manifest(), java.util.Set.of(edited));
    assertTrue(updated != null, "a model's edit is an update");
    assertFalse(warm.fileRead(), "the update did not read the cache file");
    assertEquals(parsed + 2, warm.parses(), "the model and models/schema.yml, which describes it");
    Manifest cold = new ManifestBuilder(now, null, null, new ParseCache()).build();
    assertEquals(
        cold.nodes().get("model.shop.orders.v2"),
        updated.nodes().get("model.shop.orders.v2"),
        "as a cold build of the edited project");
    // a full build since (dbt_project.yml changed, say): the file is read for its parses
    Manifest full = new ManifestBuilder(now, null, null, warm).build();
    assertTrue(warm.fileRead());
    assertTrue(warm.loaded() > 0, "the models' parses were taken from the file");
    assertEquals(parsed + 2, warm.parses(), "nothing parsed again");
    assertSameManifest(cold, full);
  }

  @Test
  void anythingElseChangedIsAFullBuild() {
    Fixture f = Fixture.of(PROJECT);
    ProjectSnapshot[] s = new ProjectSnapshot[1];
    List<String> changes =
        List.of(
            PROJECT.replace("name: amount", "name: amount_usd"), // property YAML
            PROJECT.replace("limit: 3", "limit: 4"), // dbt_project.yml
            PROJECT.replace("{% docs orders_doc %}Orders.", "{% docs orders_doc %}All orders."),
            PROJECT.replace("{% macro default__m2() %}1", "{% macro default__m2() %}2"),
            PROJECT + "-- file: models/new_model.sql\nselect 1\n", // a new file
            PROJECT.replace("-- file: analyses/a.sql", "-- file: analyses/b.sql")); // moved
    for (String spec : changes) {
      session(f, Map.of(), s);
      Fixture changed = Fixture.of(spec);
      ParseCache warm = session(changed, Map.of(), s);
      assertTrue(warm.parses() + warm.loaded() > 1, "built again");
      assertSameSnapshot(cold(changed, Map.of()), s[0]);
    }
  }

  @Test
  void aVariableTheBuildReadChangedIsAFullBuild() {
    Fixture f = Fixture.of(PROJECT);
    ProjectSnapshot[] s = new ProjectSnapshot[1];
    session(f, Map.of(), s);
    Map<String, String> env = Map.of("DBTLS_TEST_MAT", "table");
    ParseCache warm = session(f, env, s);
    assertTrue(warm.loaded() > 0, "built again, from the scans");
    assertEquals(
        "table", s[0].manifest().nodes().get("model.shop.by_env").config().get("materialized"));
    assertSameSnapshot(cold(f, env), s[0]);
    // a variable nothing reads changes nothing
    ParseCache again = session(f, Map.of("DBTLS_TEST_MAT", "table", "UNRELATED", "x"), s);
    assertEquals(0, again.parses() + again.loaded());
    assertSameSnapshot(cold(f, env), s[0]);
  }

  @Test
  void otherOptionsOrABrokenFileAreAFullBuild() throws Exception {
    Fixture f = Fixture.of(PROJECT);
    ProjectSnapshot[] s = new ProjectSnapshot[1];
    ParseCache first = session(f, Map.of(), s);
    Path file = first.linked().file();
    byte[] good = Files.readAllBytes(file);
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x20;
    for (byte[] bad : List.of(flipped, Arrays.copyOf(good, good.length / 2), new byte[0])) {
      Files.write(file, bad);
      ParseCache c = open();
      ProjectSnapshot m = load(f, Map.of(), c);
      assertTrue(c.loaded() > 0, "built from the scans");
      assertSameSnapshot(cold(f, Map.of()), m);
    }
    // another target: the same files, another manifest
    ParseCache c = open();
    ProjectSnapshot other =
        ProjectSnapshot.load(
            Fixture.ROOT, Fixture.options("dev", Map.of(), Map.of()), List.of(), f, false, c);
    assertTrue(c.loaded() > 0);
    assertSameManifest(
        ProjectSnapshot.load(
                Fixture.ROOT, Fixture.options("dev", Map.of(), Map.of()), List.of(), f, false)
            .manifest(),
        other.manifest());
  }
}
