package dev.dbtls.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.ide.MacroEditsOnProjectsTest;
import dev.dbtls.index.Catalog;
import dev.dbtls.index.ParseCache;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every macro file of the test projects (and of {@code -Ddbtls.macroEditProjects}) edited three
 * ways, each from the project as loaded with its columns inferred: a comment added, text put at the
 * start of the first macro's body, and of every macro's. The columns run after each edit renders
 * again only the models that ran a changed macro, and its table is what a run from scratch on the
 * edited project gives.
 */
class MacroEditColumnsOnProjectsTest {
  static Stream<Path> projects() throws IOException {
    return MacroEditsOnProjectsTest.projects();
  }

  @ParameterizedTest
  @MethodSource("projects")
  void everyMacroEditsColumnsAreWhatARunFromScratchGives(Path root) throws IOException {
    ParseCache cache = new ParseCache();
    OverlayFileSource disk = new OverlayFileSource(FileSource.DISK);
    ProjectSnapshot loaded = MacroEditsOnProjectsTest.load(root, disk, cache);
    ProjectColumns base = new ProjectColumns(loaded, null).runNow(Catalog.EMPTY, disk);
    String pattern = "(\\{%-?\\s*macro [^%]*%})";
    int edits = 0;
    long rendered = 0;
    long models = base.entries().values().stream().filter(e -> e.inferred() != null).count();
    for (Path macro : MacroEditsOnProjectsTest.macroFiles(loaded.inputs())) {
      String text = Files.readString(macro);
      for (String edited :
          List.of(
              text + "\n{# edited #}\n",
              text.replaceFirst(pattern, "$1 1 +"),
              text.replaceAll(pattern, "$1 1 +"))) {
        OverlayFileSource files = new OverlayFileSource(FileSource.DISK);
        files.open(macro, edited, 1);
        ProjectInputs in = loaded.inputs().withFile(macro, edited);
        ProjectSnapshot after =
            ProjectSnapshot.rebuild(loaded, in, List.of(), files, cache, Set.of(macro));
        ProjectColumns table = new ProjectColumns(after, base).runNow(Catalog.EMPTY, files);
        ProjectSnapshot scratch = MacroEditsOnProjectsTest.load(root, files, new ParseCache());
        String what = root.getFileName() + ": " + root.relativize(macro) + " " + edits % 3;
        assertSameTable(
            table(new ProjectColumns(scratch, null).runNow(Catalog.EMPTY, files)),
            table(table),
            what);
        edits++;
        rendered += table.inferredCount();
      }
    }
    System.err.printf(
        "MacroEditColumnsOnProjectsTest: %s: %d macro edits, %d nodes inferred again in all"
            + " (%d models, %d nodes with columns)%n",
        root.getFileName(), edits, rendered, models, base.entries().size());
  }

  /** Names the nodes whose entries differ, each with both entries. */
  private static void assertSameTable(
      Map<String, String> scratch, Map<String, String> edited, String what) {
    StringBuilder differ = new StringBuilder();
    new java.util.TreeSet<>(scratch.keySet())
        .stream()
            .filter(id -> !java.util.Objects.equals(scratch.get(id), edited.get(id)))
            .limit(3)
            .forEach(
                id ->
                    differ
                        .append("\n")
                        .append(id)
                        .append(":\n  from scratch: ")
                        .append(scratch.get(id))
                        .append("\n  after the edit: ")
                        .append(edited.get(id)));
    assertEquals("", differ.toString(), what);
    assertEquals(scratch.keySet(), edited.keySet(), what);
  }

  private static Map<String, String> table(ProjectColumns t) {
    Map<String, String> out = new TreeMap<>();
    t.entries().forEach((id, e) -> out.put(id, e.inferred() + "\n" + e.known()));
    return out;
  }
}
