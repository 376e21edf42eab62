package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbt/run} with {@code selector}: the named selector of selectors.yml picks the tests
 * (instead of the document's nodes); an unknown one answers {@code selector-invalid}.
 */
class RunSelectorProtocolTest {
  @TempDir Path dir;

  @Test
  void aNamedSelectorChoosesTheTests() throws Exception {
    Path project = dir.resolve("shop");
    Files.createDirectories(project.resolve("models"));
    Files.writeString(project.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        project.resolve("profiles.yml"),
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
            + "      path: shop.duckdb\n      threads: 2\n");
    Files.writeString(
        project.resolve("models/orders.sql"),
        "select * from (values (10, 'placed'), (11, 'lost')) t(order_id, status)\n");
    Files.writeString(
        project.resolve("models/schema.yml"),
        """
        models:
          - name: orders
            columns:
              - name: order_id
                data_tests: [unique, not_null]
        """);
    Files.writeString(
        project.resolve("selectors.yml"),
        """
        selectors:
          - name: uniqueness
            definition:
              union:
                - orders
                - exclude:
                    - test_name:not_null
        """);
    String uri = project.resolve("models/orders.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.open(project, Map.of("profilesDir", project.toString()));
      JsonElement answer =
          lsp.request("dbt/run", Map.of("uri", uri, "command", "test", "selector", "uniqueness"));
      JsonObject run = answer.getAsJsonObject();
      List<String> ran =
          run.getAsJsonArray("results").asList().stream()
              .map(e -> e.getAsJsonObject().get("name").getAsString())
              .toList();
      assertEquals(List.of("unique_orders_order_id"), ran, run.toString());

      JsonObject unknown =
          lsp.request("dbt/run", Map.of("uri", uri, "command", "test", "selector", "nope"))
              .getAsJsonObject();
      JsonObject error = unknown.getAsJsonObject("error");
      assertEquals("selector-invalid", error.get("code").getAsString());
      assertTrue(
          error.get("message").getAsString().contains("no selector named 'nope'"),
          error.toString());
    }
  }
}
