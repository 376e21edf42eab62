package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.columns.InferredColumn;
import dev.dbtls.columns.RelationColumns;
import dev.dbtls.columns.Upstream;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.workspace.ProjectColumns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Golden column lineage of the test projects: every model's, snapshot's, seed's and source's
 * columns with type, type origin and labelled upstream edges, its filter/join columns, and why its
 * list is incomplete where it is. Regenerate with {@code -Ddbtls.updateGolden=true} and review the
 * diff.
 */
class ColumnsGoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("dbtls.updateGolden");

  @Test
  void jaffleShop() throws IOException {
    check("jaffle_shop");
  }

  @Test
  void jaffleShopPostgres() throws IOException {
    check("jaffle_shop_postgres");
  }

  @Test
  void vscodeShop() throws IOException {
    check("vscode_shop");
  }

  private static Path repoRoot() {
    String root = System.getProperty("dbtls.repoRoot");
    return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
  }

  private static void check(String project) throws IOException {
    Path dir = repoRoot().resolve("test-projects").resolve(project);
    ProjectSnapshot s =
        ProjectSnapshot.load(
            dir,
            new ProjectInputs.Options(dir, null, null, Map.of(), Map.of("HOME", "/nonexistent")),
            List.of(),
            FileSource.DISK);
    ProjectColumns table =
        dev.dbtls.workspace.ProjectColumns.inferNow(Analysis.strict(s), FileSource.DISK);
    String actual = render(table);
    Path file =
        repoRoot().resolve("server/src/test/resources/golden/columns").resolve(project + ".txt");
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    String expected =
        Files.exists(file)
            ? Files.readString(file, StandardCharsets.UTF_8)
            : "<no golden file " + file + "; run with -Ddbtls.updateGolden=true>";
    assertEquals(expected, actual, "column lineage of " + project + " differs from " + file);
  }

  static String render(ProjectColumns table) {
    StringBuilder out = new StringBuilder();
    Map<String, ColumnsTable.Entry> sorted = new TreeMap<>(table.entries());
    for (ColumnsTable.Entry e : sorted.values()) {
      RelationColumns known = e.known();
      out.append(e.node().uniqueId())
          .append(known.complete() ? "" : "  (not all known)")
          .append('\n');
      for (InferredColumn c : known.columns()) {
        out.append("  ").append(c.name());
        if (c.type() != null) {
          out.append(' ')
              .append(c.type())
              .append(" [")
              .append(c.typeOrigin().kind().name().toLowerCase(Locale.ROOT))
              .append(']');
        }
        for (Upstream u : c.upstream()) {
          out.append("\n    <- ")
              .append(u.relation())
              .append('.')
              .append(u.column())
              .append(' ')
              .append(u.kind().name().toLowerCase(Locale.ROOT));
        }
        out.append('\n');
      }
      if (e.inferred() != null && !e.inferred().filters().isEmpty()) {
        out.append("  filter/join:");
        e.inferred()
            .filters()
            .forEach(f -> out.append(' ').append(f.relation()).append('.').append(f.column()));
        out.append('\n');
      }
      known.gaps().forEach(g -> out.append("  ? ").append(g).append('\n'));
    }
    return out.toString();
  }
}
