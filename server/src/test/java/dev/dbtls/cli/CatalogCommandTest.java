package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.query.DatabaseExplorerTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dbtls catalog} on a DuckDB project. */
class CatalogCommandTest {

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void listsRelationsWithTheirNodesAndWhatIsNotBuilt(@TempDir Path dir) throws Exception {
    String project = DatabaseExplorerTest.project(dir).toString();
    CliRun r = run("catalog", "--project-dir", project);
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of(
            "database | schema  | relation   | kind  | columns | node                     ",
            "-------- | ------- | ---------- | ----- | ------- | -------------------------",
            "wh       | main    | orders     | table | 6       | model.shop.Orders        ",
            "wh       | staging | big_orders | view  | 2       | -                        ",
            "wh       | staging | customers  | table | 3       | source.shop.raw.customers",
            "",
            "not built:",
            "  model.shop.not_yet -> wh.main.not_yet",
            "  source.shop.raw.missing -> wh.STAGING.missing",
            "",
            "foreign keys: none declared"),
        r.out().lines().toList());
    assertTrue(r.err().contains("3 relations in"), r.err());

    CliRun staging =
        run("catalog", "--project-dir", project, "--schema", "STAGING", "--format", "json");
    assertEquals(0, staging.exit(), staging.err());
    JsonNode json = new ObjectMapper().readTree(staging.out());
    assertEquals(2, json.get("relations").size());
    assertEquals("big_orders", json.get("relations").get(0).get("relation").get("name").asText());
    assertTrue(json.get("relations").get(0).get("node").isNull());
    assertEquals("source.shop.raw.missing", json.get("notBuilt").get(0).get("uniqueId").asText());
  }

  @Test
  void showsOneRelationsColumns(@TempDir Path dir) throws Exception {
    String project = DatabaseExplorerTest.project(dir).toString();
    CliRun r = run("catalog", "--project-dir", project, "--relation", "main.ORDERS");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of(
            "column  | type      | database type",
            "------- | --------- | -------------",
            "id      | integer   | INTEGER      ",
            "amount  | decimal   | DECIMAL(10,2)",
            "note    | text      | VARCHAR      ",
            "ordered | date      | DATE         ",
            "ts      | timestamp | TIMESTAMP    ",
            "paid    | boolean   | BOOLEAN      ",
            "",
            "foreign keys: none",
            "referenced by: none"),
        r.out().lines().toList());
    assertTrue(r.err().contains("table main.orders (model.shop.Orders)"), r.err());

    CliRun missing = run("catalog", "--project-dir", project, "--relation", "nope");
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("no relation named nope"), missing.err());
    CliRun format = run("catalog", "--project-dir", project, "--format", "csv");
    assertEquals(2, format.exit());
  }
}
