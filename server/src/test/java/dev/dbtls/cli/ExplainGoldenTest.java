package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dbtls.ide.PreviewSql;
import dev.dbtls.ide.UpstreamInliner;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.warehouse.DatabasesAccess;
import dev.dbtls.warehouse.Explain;
import dev.dbtls.warehouse.ExplainResult;
import dev.dbtls.warehouse.Warehouse;
import dev.dbtls.warehouse.Warehouses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden query plans: every model of the test projects explained on each warehouse as {@code
 * dbtls explain -s MODEL} does (parents not built are inlined as CTEs, so only seeds must exist;
 * not analyzed, as timings vary) and printed as its text tree, compared with
 * {@code src/test/resources/golden/plans/<warehouse>/<project>/<model file>.txt}. Regenerate with
 * {@code mvn test -Dtest=ExplainGoldenTest -Ddbtls.updateGolden=true} and review the diff.
 */
class ExplainGoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("dbtls.updateGolden");
  private static final Path REPO = Path.of(System.getProperty("dbtls.repoRoot", ".."))
      .toAbsolutePath().normalize();

  /** DuckDB on a database file that does not exist yet: seeds are read from their CSV files. */
  @Test
  void duckdb(@TempDir Path dir) throws Exception {
    ProjectSnapshot s = load("jaffle_shop", dir, "jaffle_shop", """
        type: duckdb
              path: %s
              schema: main
              threads: 1
        """.formatted(dir.resolve("never-built.duckdb")));
    golden("duckdb", "jaffle_shop", s);
  }

  /** PostgreSQL with the seeds loaded and analyzed in a schema of this test only. */
  @Test
  void postgres(@TempDir Path dir) throws Exception {
    DatabasesAccess.requireServer(5432);
    String schema = DatabasesAccess.unique("dbtls_golden");
    ProjectSnapshot s = load("jaffle_shop_postgres", dir, "jaffle_shop_postgres", """
        type: postgres
              host: 127.0.0.1
              port: 5432
              user: postgres
              password: ""
              dbname: test
              schema: %s
              threads: 1
        """.formatted(schema));
    try {
      List<String> setup = new ArrayList<>(List.of("create schema " + schema));
      setup.addAll(GoldenSeeds.statements(s));
      DatabasesAccess.exec(DatabasesAccess.PG_URL, "postgres", setup);
      golden("postgres", "jaffle_shop_postgres", s);
    } finally {
      DatabasesAccess.exec(DatabasesAccess.PG_URL, "postgres",
          List.of("drop schema if exists " + schema + " cascade"));
    }
  }

  /**
   * The project under test-projects/ with a profiles.yml in {@code dir} whose one target has
   * {@code fields} (YAML, indented for the target), loaded hermetically (no HOME).
   */
  static ProjectSnapshot load(String project, Path dir, String profile, String fields)
      throws IOException {
    Files.writeString(dir.resolve("profiles.yml"), profile + ":\n  target: golden\n  outputs:\n"
        + "    golden:\n      " + fields.strip() + "\n");
    Path projectDir = REPO.resolve("test-projects").resolve(project);
    return ProjectSnapshot.load(projectDir, new ProjectInputs.Options(dir, null, null, Map.of(),
        Map.of("HOME", "/nonexistent")), List.of(), FileSource.DISK, true);
  }

  /** Explains every model and compares each plan with its golden file, reporting all at once. */
  static void golden(String warehouse, String project, ProjectSnapshot s) throws IOException {
    assertEquals(List.of(), s.manifest().problems().stream().filter(Problem::isError).toList());
    Path goldenDir = REPO.resolve("server/src/test/resources/golden/plans").resolve(warehouse)
        .resolve(project);
    List<Node> models = s.manifest().nodes().values().stream()
        .filter(n -> n.type() == ResourceType.MODEL && n.file() != null)
        .sorted(Comparator.comparing(Node::uniqueId)).toList();
    assertFalse(models.isEmpty(), "no models in " + project);
    List<Executable> checks = new ArrayList<>();
    List<String> expectedFiles = new ArrayList<>();
    try (Warehouses warehouses = new Warehouses()) {
      Warehouse.Opened opened = warehouses.warehouse(s.inputs());
      assertTrue(opened.ok(), () -> String.valueOf(opened.error()));
      for (Node model : models) {
        String fileName = model.file().absolutePath().getFileName().toString()
            .replaceFirst("\\.sql$", ".txt");
        expectedFiles.add(fileName);
        Path golden = goldenDir.resolve(fileName);
        String plan = plan(s, model, warehouses, opened.warehouse());
        if (plan.startsWith("error: ")) {
          checks.add(() -> fail(model.uniqueId() + ": " + plan));
          continue;
        }
        if (UPDATE) {
          Files.createDirectories(goldenDir);
          Files.writeString(golden, plan, StandardCharsets.UTF_8);
        }
        String expected = read(golden);
        checks.add(() -> assertEquals(expected, plan,
            "plan of " + model.uniqueId() + " on " + warehouse + " differs from " + golden));
      }
    }
    checks.add(() -> assertEquals(expectedFiles.stream().sorted().toList(), list(goldenDir),
        "golden files without a model (or models without a golden file) in " + goldenDir));
    assertAll(checks);
  }

  /**
   * The plan of one model as {@code dbtls explain -s MODEL} prints it: the tree, or the plan as
   * the warehouse gave it where dbtls reads no tree yet; or {@code error: ...}.
   */
  static String plan(ProjectSnapshot s, Node model, Warehouses warehouses, Warehouse w) {
    PreviewSql prepared = PreviewSql.of(s, model.file().absolutePath(), null).orElse(null);
    if (prepared == null || prepared.failed()) {
      return "error: does not compile: " + (prepared == null ? "" : prepared.problems());
    }
    String sql = UpstreamInliner.onWarehouse(s, prepared, warehouses).sql();
    ExplainResult r = Explain.run(w, sql, false, null);
    if (!r.ok()) {
      return "error: " + r.error().message() + "\n" + sql;
    }
    if (r.root() == null) {
      return r.raw() + "\n";
    }
    StringBuilder out = new StringBuilder();
    ExplainCommand.tree(r.root(), 0, out);
    return out.toString();
  }

  private static List<String> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
        : "<no golden file " + file + "; run with -Ddbtls.updateGolden=true>";
  }
}
