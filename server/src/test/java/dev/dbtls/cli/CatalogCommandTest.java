package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.ide.DatabaseExplorerTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dbtls catalog} on a DuckDB project. */
class CatalogCommandTest {
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = new CommandLine(new Main()).execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void listsRelationsWithTheirNodesAndWhatIsNotBuilt(@TempDir Path dir) throws Exception {
    String project = DatabaseExplorerTest.project(dir).toString();
    Run r = run("catalog", "--project-dir", project);
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(
        "database | schema  | relation   | kind  | columns | node                     ",
        "-------- | ------- | ---------- | ----- | ------- | -------------------------",
        "wh       | main    | orders     | table | 6       | model.shop.Orders        ",
        "wh       | staging | big_orders | view  | 2       | -                        ",
        "wh       | staging | customers  | table | 3       | source.shop.raw.customers",
        "",
        "not built:",
        "  model.shop.not_yet -> wh.main.not_yet",
        "  source.shop.raw.missing -> wh.STAGING.missing"), r.out().lines().toList());
    assertTrue(r.err().contains("3 relations in"), r.err());

    Run staging = run("catalog", "--project-dir", project, "--schema", "STAGING", "--format", "json");
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
    Run r = run("catalog", "--project-dir", project, "--relation", "main.ORDERS");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(
        "column  | type      | database type",
        "------- | --------- | -------------",
        "id      | integer   | INTEGER      ",
        "amount  | decimal   | DECIMAL(10,2)",
        "note    | text      | VARCHAR      ",
        "ordered | date      | DATE         ",
        "ts      | timestamp | TIMESTAMP    ",
        "paid    | boolean   | BOOLEAN      "), r.out().lines().toList());
    assertTrue(r.err().contains("table main.orders (model.shop.Orders)"), r.err());

    Run missing = run("catalog", "--project-dir", project, "--relation", "nope");
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("no relation named nope"), missing.err());
    Run format = run("catalog", "--project-dir", project, "--format", "csv");
    assertEquals(2, format.exit());
  }
}
