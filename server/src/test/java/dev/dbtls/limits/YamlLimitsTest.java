package dev.dbtls.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.ManifestBuilder;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.yaml.YamlDocument;
import dev.dbtls.testing.Fixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile YAML is refused with a located problem; the rest of the project loads (docs/limits.md).
 */
class YamlLimitsTest {
  private static final Duration QUICK = Duration.ofSeconds(10);

  static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  /** Nine levels of nine aliases: 387 million nodes to anything that walks the tree. */
  static String aliasBomb(int levels) {
    StringBuilder b =
        new StringBuilder(
            "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (int i = 1; i < levels; i++) {
      b.append("a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [")
          .append(String.join(",", java.util.Collections.nCopies(9, "*a" + (i - 1))))
          .append("]\n");
    }
    return b.toString();
  }

  private static Manifest build(String spec) {
    return ManifestBuilder.build(Fixture.of(spec).load());
  }

  private static Problem only(List<Problem> problems, ProblemCode code) {
    List<Problem> hits = problems.stream().filter(p -> p.code() == code).toList();
    assertEquals(1, hits.size(), () -> "problems: " + problems);
    return hits.get(0);
  }

  @Test
  void deepNestingInAPropertyFileIsRefusedAndTheRestLoads() {
    Manifest m =
        assertTimeoutPreemptively(
            QUICK,
            () ->
                build(
                    """
        -- file: models/ok.sql
        select 1 as id
        -- file: models/deep.yml
        version: 2
        models:
          - name: ok
            meta:
              x: %s
        -- file: models/fine.yml
        version: 2
        models:
          - name: ok
            description: still read
        """
                        .formatted(nested(2000))));
    Problem p = only(m.problems(), ProblemCode.YAML_TOO_DEEP);
    assertEquals("models/deep.yml", p.file());
    assertEquals(4, p.line());
    assertTrue(p.message().contains("more than 200 levels"), p.message());
    assertTrue(m.nodes().containsKey("model.shop.ok"));
    assertEquals("still read", m.nodes().get("model.shop.ok").description());
  }

  @Test
  void depthAtTheLimitIsRead() {
    YamlDocument ok = YamlDocument.parse("x.yml", "x: " + nested(199));
    assertEquals(List.of(), ok.problems());
    YamlDocument tooDeep = YamlDocument.parse("x.yml", "x: " + nested(200));
    assertEquals(ProblemCode.YAML_TOO_DEEP, tooDeep.problems().get(0).code());
    assertNull(tooDeep.root());
  }

  @Test
  void aliasesCountTowardsDepth() {
    String text = "a: &a " + nested(150) + "\nb: " + "[".repeat(60) + "*a" + "]".repeat(60) + "\n";
    YamlDocument d = YamlDocument.parse("x.yml", text);
    assertEquals(
        ProblemCode.YAML_TOO_DEEP, d.problems().get(0).code(), () -> d.problems().toString());
    assertTrue(d.problems().get(0).message().contains("through alias *a"));
  }

  @Test
  void aliasBombIsRefusedQuickly() {
    for (int levels : new int[] {9, 15}) {
      YamlDocument d =
          assertTimeoutPreemptively(
              QUICK, () -> YamlDocument.parse("models/bomb.yml", aliasBomb(levels)));
      Problem p = d.problems().get(0);
      assertEquals(ProblemCode.YAML_ALIAS_BOMB, p.code());
      assertEquals(6, p.line(), p::format); // a6 = 9^7 nodes: where the expansion passes a million
      assertTrue(p.message().contains("more than 1000000 nodes"), p.message());
      assertNull(d.root());
    }
    // a project with one: the file is skipped, the model still there
    Manifest m =
        assertTimeoutPreemptively(
            QUICK,
            () ->
                build(
                    """
        -- file: models/ok.sql
        select 1 as id
        -- file: models/bomb.yml
        %s
        models:
          - name: ok
            meta: {x: *a8}
        """
                        .formatted(aliasBomb(9))));
    only(m.problems(), ProblemCode.YAML_ALIAS_BOMB);
    assertTrue(m.nodes().containsKey("model.shop.ok"));
  }

  @Test
  void sharedAnchorsAreFine() {
    StringBuilder b = new StringBuilder("version: 2\ncolumns: &cols\n");
    for (int i = 0; i < 50; i++) {
      b.append("  - name: c").append(i).append("\n    tests: [not_null]\n");
    }
    b.append("models:\n");
    for (int i = 0; i < 2000; i++) {
      b.append("  - name: m").append(i).append("\n    columns: *cols\n");
    }
    YamlDocument d = YamlDocument.parse("x.yml", b.toString());
    assertEquals(List.of(), d.problems());
    assertEquals(2000, d.rootMap().list("models").items().size());
  }

  @Test
  void hugeKeysValuesAndLinesAreRefusedQuickly() {
    var threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    String word = "k".repeat(1_000_000);
    for (String text :
        List.of(
            "version: 2\n" + word + ": 1\n",
            "a: " + word + "\n",
            "a: '" + word + "'\n",
            "a: |\n  " + word + "\n",
            "? " + word + "\n: 1\n")) {
      long before = threads.getCurrentThreadAllocatedBytes();
      YamlDocument d = assertTimeoutPreemptively(QUICK, () -> YamlDocument.parse("x.yml", text));
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      Problem p = d.problems().get(0);
      assertEquals(ProblemCode.YAML_TOO_LARGE, p.code());
      assertTrue(
          p.message()
              .matches(
                  "YAML line \\d is 100000\\d characters long, more than 200000; the file is skipped"),
          p.message());
      // SnakeYAML would allocate 1.9 GB scanning that one token (its window copied every 1,024
      // characters)
      assertTrue(allocated < 50_000_000, "allocated " + allocated);
    }
    YamlDocument explicit = YamlDocument.parse("x.yml", "a: 1\n? " + "k".repeat(2000) + "\n: 1\n");
    Problem p = explicit.problems().get(0);
    assertEquals(ProblemCode.YAML_TOO_LARGE, p.code());
    assertEquals(1, p.line());
    assertEquals("YAML key longer than 1024 characters (2000); the file is skipped", p.message());
    String lines =
        ("    " + "v".repeat(96) + "\n")
            .repeat(42_000); // 97 characters a line in the value: 4,074,000
    YamlDocument value = YamlDocument.parse("x.yml", "a: |\n" + lines);
    assertEquals(ProblemCode.YAML_TOO_LARGE, value.problems().get(0).code());
    assertTrue(
        value.problems().get(0).message().startsWith("YAML value longer than 4000000"),
        value.problems().get(0).message());
    assertEquals(
        List.of(), YamlDocument.parse("x.yml", "a: '" + "v".repeat(100_000) + "'\n").problems());
    assertEquals(
        List.of(),
        YamlDocument.parse("x.yml", "a: |\n" + lines.substring(0, 1_000_000)).problems());
  }

  @Test
  void wholeFileSizeIsBounded() {
    YamlDocument d = YamlDocument.parse("x.yml", "a: 1\n" + "#".repeat(64 * 1024 * 1024));
    assertEquals(ProblemCode.YAML_TOO_LARGE, d.problems().get(0).code());
    assertTrue(d.problems().get(0).message().startsWith("YAML file longer than"));
  }

  @Test
  void deepProfilesAndProjectFilesAreProblemsToo() {
    ProjectInputs profiles =
        assertTimeoutPreemptively(
            QUICK,
            () ->
                Fixture.of(
                        """
        -- file: profiles.yml
        shop:
          target: dev
          outputs:
            dev: %s
        -- file: models/a.sql
        select 1
        """
                            .formatted(nested(2000)))
                    .load());
    Problem p = only(profiles.problems(), ProblemCode.YAML_TOO_DEEP);
    assertTrue(p.file().endsWith("profiles.yml"), p.format());
    assertEquals(
        1, profiles.files().stream().filter(f -> f.relativePath().endsWith("a.sql")).count());

    ProjectInputs project =
        assertTimeoutPreemptively(
            QUICK,
            () ->
                Fixture.of(
                        """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        %s
        vars:
          x: *a11
        -- file: models/a.sql
        select 1
        """
                            .formatted(aliasBomb(12)))
                    .load());
    Problem q = only(project.problems(), ProblemCode.YAML_ALIAS_BOMB);
    assertEquals("dbt_project.yml", q.file());
    assertNotNull(project.root());
  }
}
