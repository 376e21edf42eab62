package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --selector} and the default selector on the command line, as dbt chooses: {@code
 * --selector} wins over -s/--exclude; the default applies only when none of them is given.
 */
class SelectorOptionTest {
  @TempDir Path dir;

  private Path project(String selectors) throws Exception {
    Files.createDirectories(dir.resolve("models"));
    Files.writeString(dir.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        dir.resolve("profiles.yml"),
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: ':memory:'\n");
    Files.writeString(dir.resolve("models/a.sql"), "select 1 as id");
    Files.writeString(dir.resolve("models/b.sql"), "select * from {{ ref('a') }}");
    Files.writeString(dir.resolve("models/c.sql"), "select 2 as id");
    Files.writeString(dir.resolve("selectors.yml"), selectors);
    return dir;
  }

  private CliRun ls(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "ls",
                "--project-dir",
                dir.toString(),
                "--profiles-dir",
                dir.toString(),
                "--output",
                "name"));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static List<String> lines(CliRun r) {
    return r.out().lines().filter(l -> !l.isBlank()).toList();
  }

  @Test
  void selectorDefaultAndPrecedence() throws Exception {
    project(
        """
        selectors:
          - name: downstream_of_a
            definition: 'a+'
          - name: only_c
            default: true
            definition:
              method: fqn
              value: c
        """);
    CliRun byDefault = ls();
    assertEquals(0, byDefault.exit(), byDefault.err());
    assertEquals(List.of("c"), lines(byDefault), "no -s, no --selector: the default selector");
    assertEquals(List.of("a", "b"), lines(ls("--selector", "downstream_of_a")));
    assertEquals(List.of("a"), lines(ls("-s", "a")), "-s: the default does not apply");
    assertEquals(
        List.of("a", "b", "c"),
        lines(ls("--exclude", "nothing_matches")),
        "--exclude alone: every node but those, no default");
    assertEquals(
        List.of("a", "b"),
        lines(ls("--selector", "downstream_of_a", "-s", "c")),
        "--selector wins over -s, as in dbt");
    assertEquals(List.of("b", "c"), lines(ls("-s", "selector:only_c", "b")));
    CliRun both = ls("--selector", "downstream_of_a", "-s", "c");
    assertTrue(
        both.err().contains("warning selector-invalid: --select/--exclude are ignored"),
        both.err());
  }

  /** dbt 1.12: selector:NAME takes graph and set operators and works in --exclude too. */
  @Test
  void selectorMethodMixesWithOperatorsAndExclude() throws Exception {
    project(
        """
        selectors:
          - name: downstream_of_a
            definition: 'a+'
          - name: just_b
            definition:
              method: fqn
              value: b
        """);
    assertEquals(List.of("a", "b"), lines(ls("-s", "+selector:just_b")));
    assertEquals(List.of("b"), lines(ls("-s", "selector:just_b+")));
    assertEquals(List.of("b"), lines(ls("-s", "selector:downstream_of_a,selector:just_b")));
    assertEquals(List.of("b"), lines(ls("-s", "selector:downstream_of_a,fqn:b")));
    assertEquals(List.of("c"), lines(ls("--exclude", "selector:downstream_of_a")));
    assertEquals(
        List.of("a"), lines(ls("-s", "selector:downstream_of_a", "--exclude", "selector:just_b")));
    CliRun alone = ls("-s", "selector:just_b");
    assertTrue(alone.err().isBlank(), alone.err());
  }

  @Test
  void unknownSelectorAndCycleFailWithTheirPlace() throws Exception {
    project(
        """
        selectors:
          - name: loop
            definition:
              selector: loop
        """);
    CliRun unknown = ls("--selector", "nope");
    assertEquals(1, unknown.exit());
    assertTrue(
        unknown.err().contains("error selector-invalid: no selector named 'nope' (known: loop)"),
        unknown.err());
    CliRun cycle = ls("--selector", "loop");
    assertEquals(1, cycle.exit());
    assertEquals(List.of(), lines(cycle));
    assertTrue(
        cycle.err().contains("selectors.yml:4:17: error selector-invalid: selector 'loop'"),
        cycle.err());
  }
}
