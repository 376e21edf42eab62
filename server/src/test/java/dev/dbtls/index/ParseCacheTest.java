package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.properties.PropertyFile;
import dev.dbtls.testing.Fixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parse cache on disk: a project loaded from it gives the manifest a cold load gives, a changed
 * file is parsed again, and a broken, foreign or other build's file is ignored.
 */
class ParseCacheTest {
  static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      vars:
        limit: 3
      models:
        shop:
          marts:
            +materialized: table
      -- file: models/staging/stg_orders.sql
      {{ config(materialized='view', tags=['a', 'b'], meta={'owner': 'x', 'n': 1.5, 'k': [1, none, true]}) }}
      select * from {{ source('raw', 'orders') }} where id < {{ var('limit', 10) }}
      -- file: models/staging/stg_customers.sql
      select 1 as id, '{{ env_var("USER", "me") }}' as u
      -- file: models/marts/orders.sql
      select * from {{ ref('stg_orders') }} join {{ ref('shop', 'stg_customers') }} using (id)
      -- file: models/marts/customers.sql
      {{ config(materialized=var('mat', 'table')) }}
      select * from {{ ref('stg_customers') }} {{ m(1) }} {{ adapter.dispatch('m2', 'shop')() }}
      -- depends on: {{ ref('orders') }}
      -- file: models/marts/dim.sql
      select * from {{ ref('orders', v=2) }}
      -- file: models/broken.sql
      select {{ ref('orders' }} {% if %}
      -- file: models/schema.yml
      version: 2
      models:
        - name: orders
          description: 'All orders, see {{ doc("orders_doc") }}'
          latest_version: 2
          config:
            tags: [x]
            meta: {a: 1, b: [true, ~, 2.5, "s"], c: {d: e}}
          columns:
            - name: id
              data_type: int
              quote: true
              constraints: [{type: not_null}]
              data_tests:
                - unique
                - not_null
                - accepted_values: {values: [1, 2], config: {severity: warn}, name: custom}
            - name: amount
              tags: amount
          versions:
            - v: 1
              columns:
                - include: all
                  exclude: [amount]
            - v: 2
              defined_in: orders
        - name: customers
          tests:
            - dbt_utils.expression_is_true:
                arguments:
                  expression: "id > 0"
        - name: nowhere
        - description: no name
      sources:
        - name: raw
          database: db
          loaded_at_field: at
          freshness: {warn_after: {count: 1, period: day}}
          tables:
            - name: orders
              identifier: ORDERS
              columns:
                - name: id
                  tests: [not_null]
      macros:
        - name: m
          description: a macro
          arguments:
            - name: x
              type: int
      exposures:
        - name: dash
          type: dashboard
          owner: {email: a@b.c}
          depends_on: ["ref('orders')"]
      -- file: models/bad.yml
      models: [1, {name:
      -- file: macros/m.sql
      {% macro m(x, y=2) %}{# doc of m #}{{ ref('orders') }}{% endmacro %}
      {% macro default__m2() %}1{% endmacro %}
      {% materialization thing, adapter='duckdb' %}{% endmaterialization %}
      -- file: models/docs.md
      {% docs orders_doc %}Orders.{% enddocs %}
      -- file: snapshots/snap.sql
      {% snapshot snap %}{{ config(unique_key='id', strategy='check', check_cols='all') }}
      select * from {{ ref('orders') }}{% endsnapshot %}
      -- file: tests/t.sql
      select * from {{ ref('orders') }} where id < 0
      -- file: tests/generic/g.sql
      {% test is_even(model, column_name) %}select 1{% endtest %}
      -- file: analyses/a.sql
      select * from {{ ref('customers') }}
      """;

  private static final ProjectInputs.Options OPTIONS = Fixture.options(null, Map.of(), Map.of());

  @TempDir Path tmp;

  private ParseCache open(String build) {
    return ParseCache.open(Fixture.ROOT, tmp, build);
  }

  private static Manifest load(FileSource files, ParseCache cache) {
    return ProjectSnapshot.load(Fixture.ROOT, OPTIONS, List.of(), files, false, cache).manifest();
  }

  private static int parsedFiles(Fixture f) {
    return (int)
        f.load().files().stream().filter(x -> x.kind() != FileKind.SEED && !x.isPython()).count();
  }

  static void assertSameManifest(Manifest expected, Manifest actual) {
    assertEquals(new TreeMap<>(expected.nodes()), new TreeMap<>(actual.nodes()));
    assertEquals(new TreeMap<>(expected.disabled()), new TreeMap<>(actual.disabled()));
    assertEquals(new TreeMap<>(expected.macros()), new TreeMap<>(actual.macros()));
    assertEquals(new TreeMap<>(expected.docs()), new TreeMap<>(actual.docs()));
    assertEquals(new HashSet<>(expected.problems()), new HashSet<>(actual.problems()));
    assertEquals(expected.problems().size(), actual.problems().size());
    for (String id : expected.nodes().keySet()) {
      assertEquals(expected.dag().parentsOf(id), actual.dag().parentsOf(id), id);
      assertEquals(expected.dag().childrenOf(id), actual.dag().childrenOf(id), id);
    }
  }

  /** Loads once cold and saves; returns the cold manifest. */
  private Manifest coldAndSave(Fixture f) {
    ParseCache cold = open("b1");
    Manifest m = load(f, cold);
    assertEquals(0, cold.loaded());
    assertEquals(parsedFiles(f), cold.parses());
    cold.save();
    assertTrue(Files.isRegularFile(cold.file()));
    try {
      // these tests are about scans: without the linked manifest, a warm load reads them
      Files.delete(cold.linked().file());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return m;
  }

  @Test
  void aWarmLoadGivesTheManifestOfAColdOne() {
    Fixture f = Fixture.of(PROJECT);
    Manifest cold = coldAndSave(f);
    assertFalse(cold.problems().isEmpty(), "the fixture has problems of each kind to keep");
    ParseCache warm = open("b1");
    Manifest m = load(f, warm);
    assertEquals(0, warm.parses(), "every file comes from the cache file");
    assertEquals(parsedFiles(f), warm.loaded());
    assertSameManifest(cold, m);
    assertSameManifest(load(f, new ParseCache()), m);
  }

  @Test
  void writtenBesideTheBuildThePartsAreOnDiskBeforeTheSaveAndTheSaveAddsTheLinkedManifest()
      throws Exception {
    Fixture f = Fixture.of(PROJECT);
    ParseCache cold = open("b1").writtenBesideTheBuild();
    Manifest m = load(f, cold);
    // the parses' own thread started when every file was scanned; the build does not wait for it
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!Files.isRegularFile(cold.file()) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(Files.isRegularFile(cold.file()), "the parses are written without a save");
    assertFalse(Files.exists(cold.linked().file()), "the linked manifest waits for the save");
    long written = Files.getLastModifiedTime(cold.file()).toMillis();
    byte[] parses = Files.readAllBytes(cold.file());
    cold.save();
    assertTrue(Files.isRegularFile(cold.linked().file()));
    assertEquals(written, Files.getLastModifiedTime(cold.file()).toMillis(), "not written again");
    assertTrue(Arrays.equals(parses, Files.readAllBytes(cold.file())));
    // what was written early is whole: a warm load parses nothing and gives the same manifest
    Files.delete(cold.linked().file());
    ParseCache warm = open("b1");
    Manifest again = load(f, warm);
    assertEquals(0, warm.parses());
    assertSameManifest(m, again);
  }

  @Test
  void savingWhenNothingWasParsedWritesNothing() throws Exception {
    Fixture f = Fixture.of(PROJECT);
    coldAndSave(f);
    ParseCache warm = open("b1");
    load(f, warm);
    Files.delete(warm.file());
    warm.save();
    assertFalse(Files.exists(warm.file()));
  }

  @Test
  void aFullBuildLetsGoOfTheFileItReadAndTheNextFindsEveryParseInMemory() {
    Fixture f = Fixture.of(PROJECT);
    Manifest cold = coldAndSave(f);
    ParseCache warm = open("b1");
    assertTrue(warm.holdsTheFile());
    load(f, warm);
    assertFalse(warm.holdsTheFile(), "every parse is in memory: the file's content is let go");
    int loaded = warm.loaded();
    assertSameManifest(cold, load(f, warm)); // a language server's build after a macro edit
    assertEquals(0, warm.parses());
    assertEquals(loaded, warm.loaded(), "nothing decoded again: each parse came from memory");
    // a file changed since is parsed from its text, the others still come from memory
    Path dim = Fixture.ROOT.resolve("models/marts/dim.sql");
    ProjectInputs in = f.load().withFile(dim, f.text("models/marts/dim.sql") + " -- changed");
    new ManifestBuilder(in, null, null, warm).build();
    assertEquals(1, warm.parses());
    assertEquals(loaded, warm.loaded());
    // and a save writes the file again, with that parse
    warm.save();
    ParseCache next = open("b1");
    new ManifestBuilder(in, null, null, next).build();
    assertEquals(0, next.parses());
  }

  @Test
  void aChangedFileIsParsedAgain() {
    Fixture f = Fixture.of(PROJECT);
    coldAndSave(f);
    Path orders = Fixture.ROOT.resolve("models/marts/orders.sql");
    Path schema = Fixture.ROOT.resolve("models/schema.yml");
    // same length as before: only the hash can tell
    String sql = f.text("models/marts/orders.sql").replace("stg_orders", "stg_ordxrs");
    String yml = f.text("models/schema.yml").replace("name: amount", "name: amoxnt");
    ProjectInputs in = f.load().withFile(orders, sql).withFile(schema, yml);
    ParseCache warm = open("b1");
    Manifest m = new ManifestBuilder(in, null, null, warm).build();
    assertEquals(2, warm.parses());
    assertEquals(parsedFiles(f) - 2, warm.loaded());
    assertSameManifest(new ManifestBuilder(in, null, null, new ParseCache()).build(), m);
    assertTrue(m.problems().stream().anyMatch(p -> p.message().contains("stg_ordxrs")));
    assertEquals("amoxnt", m.nodes().get("model.shop.orders.v2").columns().get(1).name());
    // the next save keeps the new parses
    warm.save();
    ParseCache again = open("b1");
    new ManifestBuilder(in, null, null, again).build();
    assertEquals(0, again.parses());
  }

  @Test
  void aFileAtAnotherDisplayPathIsParsedAgain() {
    Fixture f = Fixture.of(PROJECT);
    coldAndSave(f);
    ParseCache warm = open("b1");
    ProjectFile orders =
        f.load().files().stream()
            .filter(x -> x.relativePath().equals("models/marts/orders.sql"))
            .findFirst()
            .orElseThrow();
    assertEquals("elsewhere.sql", warm.scan(orders, "elsewhere.sql").displayPath());
    assertEquals(1, warm.parses());
  }

  @Test
  void aCorruptTruncatedOrForeignFileIsIgnored() throws Exception {
    Fixture f = Fixture.of(PROJECT);
    Manifest cold = coldAndSave(f);
    Path file = open("b1").file();
    byte[] good = Files.readAllBytes(file);
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x20;
    List<byte[]> bad =
        List.of(
            flipped,
            Arrays.copyOf(good, good.length / 2),
            Arrays.copyOf(good, 10),
            new byte[0],
            "hello, world\n".getBytes(),
            Arrays.copyOf(good, good.length + 7));
    PrintStream err = System.err;
    for (byte[] b : bad) {
      Files.write(file, b);
      ByteArrayOutputStream notices = new ByteArrayOutputStream();
      System.setErr(new PrintStream(notices, true));
      ParseCache c;
      Manifest m;
      try {
        c = open("b1");
        m = load(f, c);
      } finally {
        System.setErr(err);
      }
      assertEquals(0, c.loaded());
      assertEquals(parsedFiles(f), c.parses());
      assertSameManifest(cold, m);
      assertTrue(notices.toString().contains(file.toString()), notices.toString());
      // and the next save replaces it
      c.save();
      assertEquals(good.length, Files.size(file));
      Files.delete(c.linked().file());
    }
  }

  @Test
  void anotherBuildsFileIsIgnored() {
    Fixture f = Fixture.of(PROJECT);
    coldAndSave(f);
    ParseCache other = open("b2");
    Manifest m = load(f, other);
    assertEquals(0, other.loaded());
    assertEquals(parsedFiles(f), other.parses());
    assertSameManifest(load(f, new ParseCache()), m);
  }

  @Test
  void noFileIsNotAnError() {
    Fixture f = Fixture.of(PROJECT);
    ParseCache c = ParseCache.open(Fixture.ROOT, tmp.resolve("not/yet"), "b1");
    load(f, c);
    c.save();
    assertTrue(Files.isRegularFile(c.file()), "the folder is made");
  }

  @Test
  void anUnwritableFolderIsOneNotice() throws Exception {
    Path blocker = tmp.resolve("blocker");
    Files.writeString(blocker, "a file where the folder should be");
    ParseCache c = ParseCache.open(Fixture.ROOT, blocker, "b1");
    load(Fixture.of(PROJECT), c);
    PrintStream err = System.err;
    ByteArrayOutputStream notices = new ByteArrayOutputStream();
    System.setErr(new PrintStream(notices, true));
    try {
      c.save();
    } finally {
      System.setErr(err);
    }
    assertTrue(notices.toString().contains("cannot be written"), notices.toString());
  }

  @Test
  void theCacheFolderAndItsSwitch() {
    String before = System.getProperty("dbtls.cache");
    try {
      System.setProperty("dbtls.cache", "off");
      assertNull(ParseCache.cacheDir());
      assertNull(ParseCache.open(Fixture.ROOT).file());
      System.setProperty("dbtls.cache", tmp.toString());
      assertEquals(tmp, ParseCache.cacheDir());
      Path file = ParseCache.open(Path.of("/some/where/my project")).file();
      assertEquals(tmp, file.getParent());
      assertTrue(file.getFileName().toString().startsWith("my_project-"), file.toString());
      assertNotEquals(file, ParseCache.open(Path.of("/other/my project")).file());
    } finally {
      if (before == null) {
        System.clearProperty("dbtls.cache");
      } else {
        System.setProperty("dbtls.cache", before);
      }
    }
    assertTrue(ParseCache.currentBuild() != null, "the build key of this code is known");
  }

  /** Every file of the sample projects comes back from the cache format as it was parsed. */
  @Test
  void everyParseOfTheSampleProjectsRoundTrips() throws Exception {
    Path root = Path.of(System.getProperty("dbtls.repoRoot", "..")).resolve("test-projects");
    int files = 0;
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir :
          dirs.filter(d -> Files.isRegularFile(d.resolve("dbt_project.yml"))).toList()) {
        ProjectInputs in = ProjectInputs.load(dir, Fixture.profilesIn(dir), FileSource.DISK);
        for (ProjectFile file : in.files()) {
          String display = in.displayPath(file);
          ParseCacheCodec.Out out = new ParseCacheCodec.Out();
          if (file.kind() == FileKind.PROPERTIES) {
            PropertyFile p = PropertyFile.parse(display, file.text());
            ParseCacheCodec.properties(out, p);
            ParseCacheCodec.In read = new ParseCacheCodec.In(out.buf, 0, out.size);
            assertEquals(p, ParseCacheCodec.properties(read, display), display);
            assertEquals(out.size, read.pos);
          } else if (file.kind() != FileKind.SEED && !file.isPython()) {
            ParsedFile p = ParsedFile.of(file, display);
            ParseCacheCodec.scan(out, p);
            ParseCacheCodec.In read = new ParseCacheCodec.In(out.buf, 0, out.size);
            ParsedFile back = ParseCacheCodec.scan(read, file, display);
            assertEquals(p.facts(), back.facts(), display);
            assertEquals(p.syntaxProblems(), back.syntaxProblems(), display);
            assertEquals(out.size, read.pos);
          }
          files++;
        }
      }
    }
    assertTrue(files > 50, "sample files read: " + files);
  }
}
