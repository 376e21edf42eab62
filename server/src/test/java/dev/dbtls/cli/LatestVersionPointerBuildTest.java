package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.warehouse.Databases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dbt 1.12's {@code latest_version_pointer} on the native runner: after the latest version of a
 * versioned model builds, a view named after the unversioned model selects from it; older versions
 * get none; the project flag turns it on for every versioned model, the config per model, and its
 * {@code alias} (or the project's own {@code generate_latest_version_pointer_alias}) names it.
 */
class LatestVersionPointerBuildTest {
  @TempDir Path dir;

  private String pgSchema;

  @AfterEach
  void dropSchema() throws Exception {
    if (pgSchema != null) {
      Databases.exec(
          Databases.PG_URL, "postgres", List.of("drop schema if exists " + pgSchema + " cascade"));
    }
  }

  private Path project(String engine, String projectYml, Map<String, String> more)
      throws Exception {
    Path p = dir.resolve("shop");
    Files.createDirectories(p.resolve("models"));
    Files.writeString(p.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n" + projectYml);
    String profile;
    if (engine.equals("postgres")) {
      Databases.requireServer(5432);
      pgSchema = Databases.unique("compat_lvp");
      profile =
          "      type: postgres\n      host: 127.0.0.1\n      port: 5432\n      user: postgres\n"
              + "      password: ''\n      dbname: test\n      schema: "
              + pgSchema
              + "\n      threads: 1\n";
    } else {
      profile = "      type: duckdb\n      path: shop.duckdb\n      schema: main\n";
    }
    Files.writeString(
        p.resolve("profiles.yml"), "shop:\n  target: dev\n  outputs:\n    dev:\n" + profile);
    Files.writeString(p.resolve("models/dim_customers_v1.sql"), "select 1 as id\n");
    Files.writeString(
        p.resolve("models/dim_customers_v2.sql"),
        "{{ config(materialized='table') }}\nselect 2 as id, 'ana' as name\n");
    Files.writeString(
        p.resolve("models/schema.yml"),
        """
        models:
          - name: dim_customers
            latest_version: 2
            versions:
              - v: 1
              - v: 2
        """);
    for (Map.Entry<String, String> e : more.entrySet()) {
      Files.createDirectories(p.resolve(e.getKey()).getParent());
      Files.writeString(p.resolve(e.getKey()), e.getValue());
    }
    return p;
  }

  private static CliRun dbtls(Path p, String command) {
    return CliRun.of(command, "--project-dir", p.toString(), "--profiles-dir", p.toString());
  }

  private Connection connect(String engine, Path p) throws Exception {
    return engine.equals("postgres")
        ? DriverManager.getConnection(Databases.PG_URL, "postgres", "")
        : DriverManager.getConnection("jdbc:duckdb:" + p.resolve("shop.duckdb"));
  }

  private Map<String, String> relations(Connection c, String engine) throws Exception {
    String schema = engine.equals("postgres") ? pgSchema : "main";
    Map<String, String> out = new TreeMap<>();
    for (String r :
        rows(
            c,
            "select table_name, table_type from information_schema.tables where table_schema = '"
                + schema
                + "'")) {
      out.put(r.split("\\|")[0], r.split("\\|")[1]);
    }
    return out;
  }

  private static List<String> rows(Connection c, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(String.valueOf(rs.getObject(i)));
        }
        out.add(String.join("|", row));
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void theFlagMakesAViewNamedAfterTheModelOnItsLatestVersion(String engine) throws Exception {
    Path p =
        project(engine, "flags:\n  latest_version_pointer_enabled_by_default: true\n", Map.of());
    CliRun run = dbtls(p, "run");
    assertEquals(0, run.exit(), run.out() + run.err());
    try (Connection c = connect(engine, p)) {
      Map<String, String> kinds = relations(c, engine);
      assertEquals(
          Map.of(
              "dim_customers",
              "VIEW",
              "dim_customers_v1",
              "VIEW",
              "dim_customers_v2",
              "BASE TABLE"),
          kinds);
      String schema = engine.equals("postgres") ? pgSchema + "." : "";
      assertEquals(List.of("2|ana"), rows(c, "select id, name from " + schema + "dim_customers"));
    }
  }

  @Test
  void offByDefaultInDbtCore112() throws Exception {
    Path p = project("duckdb", "", Map.of());
    CliRun run = dbtls(p, "run");
    assertEquals(0, run.exit(), run.out() + run.err());
    try (Connection c = connect("duckdb", p)) {
      assertFalse(relations(c, "duckdb").containsKey("dim_customers"));
    }
  }

  @Test
  void theConfigEnablesItPerModelAndItsAliasOrTheProjectsMacroNamesIt() throws Exception {
    Path p =
        project(
            "duckdb",
            """
            models:
              shop:
                +latest_version_pointer:
                  enabled: true
                  alias: customers_current
            """,
            Map.of());
    CliRun run = dbtls(p, "run");
    assertEquals(0, run.exit(), run.out() + run.err());
    try (Connection c = connect("duckdb", p)) {
      Map<String, String> kinds = relations(c, "duckdb");
      assertEquals("VIEW", kinds.get("customers_current"), kinds.toString());
      assertFalse(kinds.containsKey("dim_customers"), kinds.toString());
    }

    Path q = dir.resolve("shop");
    Files.writeString(
        q.resolve("dbt_project.yml"),
        "name: shop\nprofile: shop\nflags:\n  latest_version_pointer_enabled_by_default: true\n");
    Files.createDirectories(q.resolve("macros"));
    Files.writeString(
        q.resolve("macros/pointer.sql"),
        """
        {% macro generate_latest_version_pointer_alias(custom_alias_name=none, node=none) %}
          {{ node.name ~ '_latest' }}
        {% endmacro %}
        """);
    CliRun again = dbtls(q, "run");
    assertEquals(0, again.exit(), again.out() + again.err());
    try (Connection c = connect("duckdb", q)) {
      assertEquals("VIEW", relations(c, "duckdb").get("dim_customers_latest"));
    }
  }

  @Test
  void aPointerNamedAsTheLatestVersionItselfFailsTheModel() throws Exception {
    Path p =
        project(
            "duckdb",
            "flags:\n  latest_version_pointer_enabled_by_default: true\n",
            Map.of(
                "models/dim_customers_v2.sql",
                "{{ config(materialized='table', alias='dim_customers') }}\nselect 2 as id\n"));
    CliRun run = dbtls(p, "run");
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(
        run.out().contains("cannot create the latest version pointer")
            && run.out().contains("latest_version_pointer: {enabled: false}"),
        run.out());
  }
}
