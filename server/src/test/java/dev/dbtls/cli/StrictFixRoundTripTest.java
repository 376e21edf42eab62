package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.index.strict.Deprecation;
import dev.dbtls.index.strict.StrictSpec;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.testing.Fixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbtls fix} keeps what a project compiles to: on every test project under test-projects/,
 * as it is and as a generated variant carrying every deprecation with a fix, each node's compiled
 * SQL is the same before and after, and no fixable deprecation is left.
 */
class StrictFixRoundTripTest {
  private static final Path PROJECTS = repo().resolve("test-projects");

  /** How many nodes each round trip compared, printed at the end of a test. */
  private static final Map<String, Integer> COMPILED =
      new java.util.concurrent.ConcurrentHashMap<>();

  @Test
  void everyTestProjectCompilesTheSameOnceFixed(@TempDir Path tmp) throws IOException {
    List<String> checked = new ArrayList<>();
    for (Path project : projects()) {
      String name = project.getFileName().toString();
      Path before = copy(project, tmp.resolve(name + "-before"));
      roundTrip(before, tmp.resolve(name + "-after"), name);
      checked.add(name);
    }
    assertTrue(checked.size() >= 5, checked.toString());
    System.out.println("compiled the same before and after dbtls fix: " + new TreeMap<>(COMPILED));
  }

  @Test
  void everyVariantWithEveryDeprecationCompilesTheSameOnceFixed(@TempDir Path tmp)
      throws IOException {
    Set<ProblemCode> seen = new TreeSet<>();
    for (Path project : projects()) {
      String name = project.getFileName().toString();
      Path before = copy(project, tmp.resolve(name + "-variant"));
      StrictVariant.write(before);
      ProjectSnapshot s = load(before);
      StrictSpec.ofProject(s).values().stream()
          .flatMap(List::stream)
          .filter(Deprecation::fixable)
          .forEach(d -> seen.add(d.problem().code()));
      roundTrip(before, tmp.resolve(name + "-variant-after"), name + " (variant)");
    }
    assertEquals(StrictVariant.FIXABLE, seen, "the variants carry every fixable deprecation");
  }

  @Test
  void dryRunPrintsADiffAndWritesNothing(@TempDir Path tmp) throws IOException {
    Path dir = copy(PROJECTS.resolve("jaffle_shop_lite"), tmp.resolve("lite"));
    StrictVariant.write(dir);
    String project = Files.readString(dir.resolve(DbtProject.FILE));
    CliRun run = CliRun.of("fix", "--dry-run", "--project-dir", dir.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("--- a/dbt_project.yml\n+++ b/dbt_project.yml\n@@ -"), run.out());
    assertTrue(run.out().contains("\n-log-path: \"out/logs\"\n"), run.out());
    assertTrue(run.err().contains("property-moved-to-config-deprecation: "), run.err());
    assertEquals(project, Files.readString(dir.resolve(DbtProject.FILE)));

    CliRun check = CliRun.of("check", "--strict", "--project-dir", dir.toString());
    assertEquals(1, check.exit());
    assertTrue(check.err().contains("error property-moved-to-config-deprecation: "), check.err());
    CliRun fixed = CliRun.of("fix", "--project-dir", dir.toString());
    assertEquals(0, fixed.exit(), fixed.err());
    assertFalse(Files.readString(dir.resolve(DbtProject.FILE)).contains("log-path"));
  }

  @Test
  void selectLimitsTheFixToTheChosenNodesFiles(@TempDir Path tmp) throws IOException {
    Path dir = copy(PROJECTS.resolve("jaffle_shop_lite"), tmp.resolve("lite"));
    StrictVariant.write(dir);
    String project = Files.readString(dir.resolve(DbtProject.FILE));
    Path yml =
        Files.walk(dir)
            .filter(p -> p.getFileName().toString().equals("strict_variant.yml"))
            .findFirst()
            .orElseThrow();
    String before = Files.readString(yml);
    CliRun run = CliRun.of("fix", "--select", "strict_variant", "--project-dir", dir.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(project, Files.readString(dir.resolve(DbtProject.FILE)), "not selected");
    String after = Files.readString(yml);
    assertFalse(after.equals(before));
    assertTrue(after.contains("arguments:"), after);
    assertTrue(run.err().contains("Changed 1 files of"), run.err());
  }

  /** Fixes a copy of {@code before} with {@code dbtls fix}; compares every node's compiled SQL. */
  private static void roundTrip(Path before, Path after, String label) throws IOException {
    copy(before, after);
    CliRun run = CliRun.of("fix", "--project-dir", after.toString());
    assertEquals(0, run.exit(), label + ": " + run.err());
    Map<String, String> was = compiled(load(before));
    ProjectSnapshot fixed = load(after);
    Map<String, String> now = compiled(fixed);
    assertFalse(was.isEmpty(), label + ": nothing compiled");
    assertEquals(was.keySet(), now.keySet(), label + ": the nodes");
    COMPILED.merge(label, was.size(), Integer::sum);
    for (String id : was.keySet()) {
      assertEquals(was.get(id), now.get(id), label + ": the compiled SQL of " + id);
    }
    List<String> left =
        StrictSpec.ofProject(fixed).values().stream()
            .flatMap(List::stream)
            .filter(Deprecation::fixable)
            .map(d -> d.problem().format())
            .toList();
    assertEquals(List.of(), left, label + ": fixable deprecations left");
  }

  /** Every compiled node's SQL, less the models of one name (both of them). */
  static Map<String, String> compiled(ProjectSnapshot s) {
    NodeCompiler compiler = new NodeCompiler(s);
    Map<String, String> out = new TreeMap<>();
    // which of two models of one name dbtls keeps is not decided (broken/ has such a pair): the
    // name's node is left out whichever file it came from
    Set<String> duplicated = new TreeSet<>();
    s.manifest().problems().stream()
        .filter(p -> p.code() == ProblemCode.NODE_DUPLICATE)
        .forEach(
            p -> {
              String file = Path.of(p.file()).getFileName().toString();
              duplicated.add(file.replaceFirst("\\.[^.]*$", ""));
            });
    for (Node n : s.manifest().nodes().values()) {
      String name = n.uniqueId().substring(n.uniqueId().lastIndexOf('.') + 1);
      if (n.type().compiles() && !duplicated.contains(name)) {
        out.put(n.uniqueId(), compiler.compile(n).sql());
      }
    }
    return out;
  }

  private static ProjectSnapshot load(Path dir) {
    return ProjectSnapshot.load(dir, Fixture.profilesIn(dir), List.of(), FileSource.DISK);
  }

  private static List<Path> projects() throws IOException {
    try (Stream<Path> s = Files.list(PROJECTS)) {
      return s.filter(p -> Files.isRegularFile(p.resolve(DbtProject.FILE))).sorted().toList();
    }
  }

  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      s.forEach(
          p -> {
            Path rel = from.relativize(p);
            if (rel.startsWith("target") || rel.startsWith("logs")) {
              return;
            }
            try {
              Path dest = to.resolve(rel.toString());
              if (Files.isDirectory(p)) {
                Files.createDirectories(dest);
              } else if (!p.getFileName().toString().startsWith(".dbtls")) {
                Files.copy(p, dest);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    return to;
  }

  static Path repo() {
    String root = System.getProperty("dbtls.repoRoot");
    return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
  }
}
