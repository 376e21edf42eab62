package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.dbtls.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt/columnLineage and dbt/columns over stdio: a column's edges up and down, after an edit, and
 * why empty.
 */
class ColumnLineageProtocolTest {
  @TempDir Path dir;

  @Test
  void columnLineageByDocumentAndAfterAnEdit() throws Exception {
    Path shop = ShopProject.write(dir);
    Files.writeString(
        shop.resolve("models/c.sql"), "select id as key, id * 2 as doubled from {{ ref('b') }}\n");
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", ShopProject.initialize(dir));
      lsp.notify("initialized", Map.of());
      String b = shop.resolve("models/b.sql").toUri().toString();

      JsonObject r =
          lsp.request("dbt/columnLineage", Map.of("uri", b, "column", "ID")).getAsJsonObject();
      assertEquals("model.shop.b", r.get("nodeId").getAsString(), r.toString());
      assertEquals("id", r.get("column").getAsString());
      assertEquals(
          List.of(
              "model.shop.a.id -passed_through-> model.shop.b.id",
              "model.shop.b.id -renamed-> model.shop.c.key",
              "model.shop.b.id -computed-> model.shop.c.doubled"),
          edges(r));
      JsonObject a = r.getAsJsonArray("columns").get(1).getAsJsonObject();
      assertEquals("model.shop.a", a.get("nodeId").getAsString());
      assertEquals("integer", a.get("type").getAsString());
      assertEquals("sql", a.get("typeOrigin").getAsString());
      assertEquals(-1, a.get("depth").getAsInt());
      assertTrue(a.get("uri").getAsString().endsWith("models/a.sql"), a.toString());
      assertEquals(
          7, a.getAsJsonObject("range").getAsJsonObject("start").get("character").getAsInt());

      // an edit of c recomputes c: the renamed column is gone from the answer
      String c = shop.resolve("models/c.sql").toUri().toString();
      lsp.notify(
          "textDocument/didOpen",
          Map.of(
              "textDocument",
              Map.of(
                  "uri",
                  c,
                  "languageId",
                  "jinja-sql",
                  "version",
                  1,
                  "text",
                  "select id * 3 as tripled from {{ ref('b') }}\n")));
      List<List<String>> after = new ArrayList<>(List.of(List.of()));
      Eventually.within(
          Duration.ofSeconds(10),
          () -> {
            after.set(
                0,
                edges(
                    lsp.request(
                            "dbt/columnLineage",
                            Map.of("nodeId", "model.shop.b", "column", "id", "upstreamDepth", 0))
                        .getAsJsonObject()));
            return after.get(0).contains("model.shop.b.id -computed-> model.shop.c.tripled");
          });
      assertEquals(List.of("model.shop.b.id -computed-> model.shop.c.tripled"), after.get(0));

      JsonObject none =
          lsp.request("dbt/columnLineage", Map.of("uri", b, "column", "nope")).getAsJsonObject();
      assertFalse(none.has("nodeId"));
      assertEquals("b has no column nope", none.get("message").getAsString());
    }
  }

  @Test
  void aNodeIdAloneIsFoundInItsProjectAndVersionsAreNamedAsInLineage() throws Exception {
    // "alpha" comes first by folder and has no model.shop.b
    Path alpha = dir.resolve("alpha");
    Files.createDirectories(alpha.resolve("models"));
    Files.writeString(alpha.resolve("dbt_project.yml"), "name: alpha\nprofile: shop\n");
    Files.writeString(
        alpha.resolve("profiles.yml"),
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: alpha.duckdb\n");
    Files.writeString(alpha.resolve("models/customers_v2.sql"), "select 1 as id, 'x' as name\n");
    Files.writeString(
        alpha.resolve("models/schema.yml"),
        """
        version: 2
        models:
          - name: customers
            latest_version: 2
            versions:
              - v: 2
        """);
    Path shop = ShopProject.write(dir);
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", ShopProject.initialize(dir));
      lsp.notify("initialized", Map.of());
      JsonObject r =
          lsp.request("dbt/columnLineage", Map.of("nodeId", "model.shop.b", "column", "id"))
              .getAsJsonObject();
      assertEquals("model.shop.b", r.get("nodeId").getAsString(), r.toString());
      assertEquals(List.of("model.shop.a.id -passed_through-> model.shop.b.id"), edges(r));
      assertTrue(
          shop.resolve("models/b.sql")
              .toUri()
              .toString()
              .endsWith(
                  r.getAsJsonArray("columns")
                      .get(0)
                      .getAsJsonObject()
                      .get("uri")
                      .getAsString()
                      .replaceFirst("^file:/+", "")),
          r.toString());

      JsonObject v =
          lsp.request(
                  "dbt/columnLineage",
                  Map.of("nodeId", "model.alpha.customers.v2", "column", "name"))
              .getAsJsonObject();
      assertEquals(
          "customers.v2",
          v.getAsJsonArray("columns").get(0).getAsJsonObject().get("nodeName").getAsString(),
          v.toString());

      JsonObject none =
          lsp.request("dbt/columnLineage", Map.of("nodeId", "model.nowhere.x", "column", "id"))
              .getAsJsonObject();
      assertEquals(
          "no node model.nowhere.x in the workspace's dbt projects",
          none.get("message").getAsString());
    }
  }

  @Test
  void columnsListsANodesColumnsWithTheirOrigins() throws Exception {
    Path shop = ShopProject.write(dir);
    Files.writeString(
        shop.resolve("models/a.sql"), "select 1 as id, cast(null as varchar) as name\n");
    Files.writeString(
        shop.resolve("models/schema.yml"),
        """
        version: 2
        models:
          - name: b
            columns:
              - name: name
                description: Who.
              - name: note
                data_type: text
        """);
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", ShopProject.initialize(dir));
      lsp.notify("initialized", Map.of());
      String b = shop.resolve("models/b.sql").toUri().toString();
      JsonObject r = lsp.request("dbt/columns", Map.of("uri", b)).getAsJsonObject();
      assertEquals("model.shop.b", r.get("nodeId").getAsString(), r.toString());
      assertEquals("b", r.get("nodeName").getAsString());
      List<String> cols = new ArrayList<>();
      for (JsonElement e : r.getAsJsonArray("columns")) {
        JsonObject c = e.getAsJsonObject();
        cols.add(
            c.get("name").getAsString()
                + ":"
                + (c.has("type") ? c.get("type").getAsString() : "?")
                + " "
                + c.get("origin").getAsString()
                + "/"
                + (c.has("typeOrigin") ? c.get("typeOrigin").getAsString() : "-")
                + (c.has("description") ? " " + c.get("description").getAsString() : ""));
      }
      // the SQL's columns through a's select *, then the one only YAML declares
      assertEquals(
          List.of("id:integer parent/sql", "name:varchar parent/sql Who.", "note:text yaml/yaml"),
          cols);
      assertTrue(r.get("complete").getAsBoolean(), r.toString());

      JsonObject byId =
          lsp.request("dbt/columns", Map.of("nodeId", "model.shop.a")).getAsJsonObject();
      assertEquals(2, byId.getAsJsonArray("columns").size(), byId.toString());
      assertEquals(
          "sql",
          byId.getAsJsonArray("columns").get(0).getAsJsonObject().get("origin").getAsString());

      JsonObject none =
          lsp.request("dbt/columns", Map.of("nodeId", "model.shop.zzz")).getAsJsonObject();
      assertEquals(
          "no node model.shop.zzz in the workspace's dbt projects",
          none.get("message").getAsString());
    }
  }

  private static List<String> edges(JsonObject r) {
    List<String> out = new ArrayList<>();
    JsonArray edges = r.getAsJsonArray("edges");
    for (JsonElement e : edges) {
      JsonObject o = e.getAsJsonObject();
      out.add(
          o.get("fromNode").getAsString()
              + "."
              + o.get("fromColumn").getAsString()
              + " -"
              + o.get("kind").getAsString()
              + "-> "
              + o.get("toNode").getAsString()
              + "."
              + (o.has("toColumn") ? o.get("toColumn").getAsString() : "rows"));
    }
    return out;
  }
}
