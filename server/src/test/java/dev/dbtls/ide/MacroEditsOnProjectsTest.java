package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ParseCache;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.workspace.OverlayFileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every macro file of the test projects edited twice (a comment added; text put at the start of
 * each macro's body, so what the macros render changes), each edit from the project as loaded: the
 * manifest after the edit is what a load from scratch makes, whether the edit rendered again only
 * what a render decides or built the whole project. {@code -Ddbtls.macroEditProjects=DIR:DIR} adds
 * projects checked out elsewhere (real ones, which this repository does not hold).
 */
public class MacroEditsOnProjectsTest {
  private static final Map<String, String> ENV = Map.of("HOME", "/nonexistent");

  /** The test projects, and those {@code -Ddbtls.macroEditProjects} names. */
  public static Stream<Path> projects() throws IOException {
    List<Path> out = new ArrayList<>();
    Path repo =
        Path.of(System.getProperty("dbtls.repoRoot", ".."))
            .resolve("test-projects")
            .toAbsolutePath()
            .normalize();
    try (Stream<Path> dirs = Files.list(repo)) {
      dirs.filter(d -> Files.isRegularFile(d.resolve("dbt_project.yml")))
          .sorted()
          .forEach(out::add);
    }
    String more = System.getProperty("dbtls.macroEditProjects", "");
    for (String d : more.split(java.io.File.pathSeparator)) {
      if (!d.isBlank()) {
        out.add(Path.of(d).toAbsolutePath().normalize());
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("projects")
  void everyMacroEditGivesWhatALoadFromScratchGives(Path root) throws IOException {
    ParseCache cache = new ParseCache();
    ProjectSnapshot loaded = load(root, new OverlayFileSource(FileSource.DISK), cache);
    int edits = 0;
    int updates = 0;
    for (Path macro : macroFiles(loaded.inputs())) {
      String text = Files.readString(macro);
      for (String edited :
          List.of(
              text + "\n{# edited #}\n", text.replaceAll("(\\{%-?\\s*macro [^%]*%})", "$1 1 +"))) {
        OverlayFileSource files = new OverlayFileSource(FileSource.DISK);
        files.open(macro, edited, 1);
        ProjectInputs in = loaded.inputs().withFile(macro, edited);
        long loads = cache.fullLoads();
        ProjectSnapshot after =
            ProjectSnapshot.rebuild(loaded, in, List.of(), files, cache, Set.of(macro));
        if (cache.fullLoads() == loads) {
          updates++;
        }
        edits++;
        String what = root.getFileName() + ": " + root.relativize(macro);
        assertAsFromScratch(load(root, files, new ParseCache()).manifest(), after.manifest(), what);
      }
    }
    long rendered =
        loaded.manifest().nodes().values().stream()
            .filter(n -> Boolean.TRUE.equals(n.extra().get(Node.PARSE_RENDERED)))
            .count();
    System.err.printf(
        "MacroEditsOnProjectsTest: %s: %d macro edits, %d without a full build, %d of %d nodes"
            + " decided by a parse render%n",
        root.getFileName(), edits, updates, rendered, loaded.manifest().nodes().size());
    if (edits > 0) {
      assertTrue(updates > 0, "the comments at least need no full build");
    }
  }

  /** The project at {@code root} as the server loads it, with no profile of the user's. */
  public static ProjectSnapshot load(Path root, FileSource files, ParseCache cache) {
    return ProjectSnapshot.load(
        root,
        new ProjectInputs.Options(root, null, null, Map.of(), ENV),
        List.of(),
        files,
        true,
        cache);
  }

  /** The project's macro files (its own and its packages'), by path. */
  public static List<Path> macroFiles(ProjectInputs inputs) {
    return inputs.files().stream()
        .filter(f -> f.kind() == dev.dbtls.project.FileKind.MACRO)
        .map(f -> f.absolutePath())
        .sorted()
        .toList();
  }

  private static void assertAsFromScratch(Manifest scratch, Manifest after, String what) {
    assertEquals(new TreeMap<>(scratch.nodes()), new TreeMap<>(after.nodes()), what);
    assertEquals(new TreeMap<>(scratch.disabled()), new TreeMap<>(after.disabled()), what);
    assertEquals(new TreeMap<>(scratch.macros()), new TreeMap<>(after.macros()), what);
    assertEquals(sorted(scratch.problems()), sorted(after.problems()), what);
    for (Node n : scratch.nodes().values()) {
      String id = n.uniqueId();
      assertEquals(scratch.dag().parentsOf(id), after.dag().parentsOf(id), what + " " + id);
      assertEquals(scratch.dag().childrenOf(id), after.dag().childrenOf(id), what + " " + id);
    }
  }

  private static List<Problem> sorted(List<Problem> problems) {
    return problems.stream().sorted(Comparator.comparing(Problem::toString)).toList();
  }
}
