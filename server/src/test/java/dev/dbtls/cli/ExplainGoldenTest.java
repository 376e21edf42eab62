package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dbtls.ide.PlanSources;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.Problem;
import dev.dbtls.query.ModelExplain;
import dev.dbtls.query.PreviewSql;
import dev.dbtls.testing.Fixture;
import dev.dbtls.warehouse.Databases;
import dev.dbtls.warehouse.ExplainResult;
import dev.dbtls.warehouse.PlanNode;
import dev.dbtls.warehouse.Warehouse;
import dev.dbtls.warehouse.Warehouses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden query plans: every model of the test projects explained on each warehouse as {@code dbtls
 * explain -s MODEL} does (parents not built are inlined as CTEs, so only seeds must exist; not
 * analyzed, as timings vary) and printed as its text tree, compared with {@code
 * src/test/resources/golden/plans/<warehouse>/<project>/<model file>.txt}. Regenerate with {@code
 * mvn test -Dtest=ExplainGoldenTest -Ddbtls.updateGolden=true} and review the diff.
 */
class ExplainGoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("dbtls.updateGolden");
  private static final Path REPO =
      Path.of(System.getProperty("dbtls.repoRoot", "..")).toAbsolutePath().normalize();

  /** DuckDB on a database file that does not exist yet: seeds are read from their CSV files. */
  @Test
  void duckdb(@TempDir Path dir) throws Exception {
    ProjectSnapshot s =
        load(
            "jaffle_shop",
            dir,
            "jaffle_shop",
            """
        type: duckdb
              path: %s
              schema: main
              threads: 1
        """
                .formatted(dir.resolve("never-built.duckdb")));
    golden("duckdb", "jaffle_shop", s, null);
  }

  /** PostgreSQL with the seeds loaded and analyzed in a schema of this test only. */
  @Test
  void postgres(@TempDir Path dir) throws Exception {
    Databases.requireServer(5432);
    String schema = Databases.unique("dbtls_golden");
    ProjectSnapshot s =
        load(
            "jaffle_shop_postgres",
            dir,
            "jaffle_shop_postgres",
            """
        type: postgres
              host: 127.0.0.1
              port: 5432
              user: postgres
              password: ""
              dbname: test
              schema: %s
              threads: 1
        """
                .formatted(schema));
    try {
      List<String> setup = new ArrayList<>(List.of("create schema " + schema));
      setup.addAll(GoldenSeeds.statements(s));
      Databases.exec(Databases.PG_URL, "postgres", setup);
      golden("postgres", "jaffle_shop_postgres", s, schema);
    } finally {
      Databases.exec(
          Databases.PG_URL, "postgres", List.of("drop schema if exists " + schema + " cascade"));
    }
  }

  /** SQLite with the seeds loaded into the main database file. */
  @Test
  void sqlite(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("golden.db");
    ProjectSnapshot s =
        load(
            "jaffle_shop_lite",
            dir,
            "jaffle_shop_lite",
            """
        type: sqlite
              threads: 1
              database: database
              schema: main
              schemas_and_paths:
                main: %s
        """
                .formatted(db));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      for (String sql : GoldenSeeds.statements(s)) {
        st.execute(sql);
      }
    }
    golden("sqlite", "jaffle_shop_lite", s, null);
  }

  /**
   * MariaDB with the seeds loaded and analyzed in a database (MySQL's schema) of this test only.
   */
  @Test
  void mariadb(@TempDir Path dir) throws Exception {
    Databases.requireServer(3306);
    String schema = Databases.unique("dbtls_golden");
    ProjectSnapshot s =
        load(
            "jaffle_shop_lite",
            dir,
            "jaffle_shop_lite",
            """
        type: mariadb
              server: 127.0.0.1
              port: 3306
              username: root
              password: ""
              schema: %s
              threads: 1
        """
                .formatted(schema));
    try {
      List<String> setup = new ArrayList<>(List.of("create database " + schema));
      setup.addAll(GoldenSeeds.statements(s));
      Databases.exec(Databases.MARIADB_URL, "root", setup);
      golden("mariadb", "jaffle_shop_lite", s, schema);
    } finally {
      Databases.exec(Databases.MARIADB_URL, "root", List.of("drop database if exists " + schema));
    }
  }

  /** Trino (test-projects/trino) with the seeds loaded into a schema of its memory catalog. */
  @Test
  void trino(@TempDir Path dir) throws Exception {
    dev.dbtls.warehouse.TrinoServer.require();
    String schema = Databases.unique("dbtls_golden");
    ProjectSnapshot s =
        load(
            "jaffle_shop_lite",
            dir,
            "jaffle_shop_lite",
            """
        type: trino
              host: 127.0.0.1
              port: %d
              user: dbtls
              database: memory
              schema: %s
              threads: 1
        """
                .formatted(dev.dbtls.warehouse.TrinoServer.port(), schema));
    List<String> setup = new ArrayList<>(List.of("create schema memory." + schema));
    setup.addAll(GoldenSeeds.statements(s));
    try {
      dev.dbtls.warehouse.TrinoServer.exec(setup);
      golden("trino", "jaffle_shop_lite", s, schema);
    } finally {
      dev.dbtls.warehouse.TrinoServer.exec(
          List.of("drop schema if exists memory." + schema + " cascade"));
    }
  }

  /**
   * The project under test-projects/ with a profiles.yml in {@code dir} whose one target has {@code
   * fields} (YAML, indented for the target), loaded hermetically (no HOME).
   */
  static ProjectSnapshot load(String project, Path dir, String profile, String fields)
      throws IOException {
    Files.writeString(
        dir.resolve("profiles.yml"),
        profile
            + ":\n  target: golden\n  outputs:\n"
            + "    golden:\n      "
            + fields.strip()
            + "\n");
    Path projectDir = REPO.resolve("test-projects").resolve(project);
    return ProjectSnapshot.load(
        projectDir, Fixture.profilesIn(dir), List.of(), FileSource.DISK, true);
  }

  /**
   * Explains every model as the command line does and compares each plan with its golden file,
   * reporting all at once. {@code scratch}, the schema made for this run (null if none), is written
   * {@code <schema>} in the golden files.
   */
  static void golden(String warehouse, String project, ProjectSnapshot s, String scratch)
      throws IOException {
    assertEquals(List.of(), s.manifest().problems().stream().filter(Problem::isError).toList());
    Path goldenDir =
        REPO.resolve("server/src/test/resources/golden/plans").resolve(warehouse).resolve(project);
    List<Node> models =
        s.manifest().nodes().values().stream()
            .filter(n -> n.type() == ResourceType.MODEL && n.file() != null)
            .sorted(Comparator.comparing(Node::uniqueId))
            .toList();
    assertFalse(models.isEmpty(), "no models in " + project);
    List<Executable> checks = new ArrayList<>();
    List<String> expectedFiles = new ArrayList<>();
    try (Warehouses warehouses = new Warehouses()) {
      Warehouse.Opened opened = warehouses.warehouse(s.inputs());
      assertTrue(opened.ok(), () -> String.valueOf(opened.error()));
      for (Node model : models) {
        String fileName =
            model.file().absolutePath().getFileName().toString().replaceFirst("\\.sql$", ".txt");
        expectedFiles.add(fileName);
        Path golden = goldenDir.resolve(fileName);
        Planned planned = plan(s, model, warehouses);
        String plan =
            scratch == null ? planned.text() : planned.text().replace(scratch, "<schema>");
        if (plan.startsWith("error: ")) {
          checks.add(() -> fail(model.uniqueId() + ": " + plan));
          continue;
        }
        if (UPDATE) {
          Files.createDirectories(goldenDir);
          Files.writeString(golden, plan, StandardCharsets.UTF_8);
        }
        // every relation the plan shows maps back to the model's source
        PlanSources sources = PlanSources.of(s, model.displayPath());
        for (String relation : planned.relations()) {
          checks.add(
              () ->
                  assertTrue(
                      sources.locate(relation).isPresent(),
                      "plan of "
                          + model.uniqueId()
                          + " on "
                          + warehouse
                          + ": relation "
                          + relation
                          + " not found in "
                          + model.displayPath()));
        }
        String expected = read(golden);
        checks.add(
            () ->
                assertEquals(
                    expected,
                    plan,
                    "plan of "
                        + model.uniqueId()
                        + " on "
                        + warehouse
                        + " differs from "
                        + golden));
      }
    }
    checks.add(
        () ->
            assertEquals(
                expectedFiles.stream().sorted().toList(),
                list(goldenDir),
                "golden files without a model (or models without a golden file) in " + goldenDir));
    assertAll(checks);
  }

  /**
   * A model's plan as {@code dbtls explain -s MODEL} prints it — the tree, or the plan as the
   * warehouse gave it where dbtls reads no tree yet; or {@code error: ...} — and the relations the
   * tree names (but {@code __dbtls_upstream__query}, the wrapper that is the model itself).
   */
  record Planned(String text, List<String> relations) {}

  static Planned plan(ProjectSnapshot s, Node model, Warehouses warehouses) {
    PreviewSql prepared = PreviewSql.of(s, model.file().absolutePath(), null).orElse(null);
    if (prepared == null || prepared.failed()) {
      return new Planned(
          "error: does not compile: " + (prepared == null ? "" : prepared.problems()), List.of());
    }
    ExplainResult r = ModelExplain.run(s, prepared, false, false, warehouses, null, null).result();
    if (!r.ok()) {
      return new Planned("error: " + r.error().message() + "\n" + r.sql(), List.of());
    }
    if (r.root() == null) {
      return new Planned(r.raw() + "\n", List.of());
    }
    StringBuilder out = new StringBuilder();
    ExplainCommand.tree(r.root(), 0, out);
    List<String> relations = new ArrayList<>();
    collect(r.root(), relations);
    relations.remove("__dbtls_upstream__query");
    return new Planned(out.toString(), relations);
  }

  private static void collect(PlanNode n, List<String> out) {
    if (n.relation() != null && !out.contains(n.relation())) {
      out.add(n.relation());
    }
    n.children().forEach(c -> collect(c, out));
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
    return Files.exists(file)
        ? Files.readString(file, StandardCharsets.UTF_8)
        : "<no golden file " + file + "; run with -Ddbtls.updateGolden=true>";
  }
}
