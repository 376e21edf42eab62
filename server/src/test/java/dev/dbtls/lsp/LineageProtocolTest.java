package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt/lineage over stdio: by document, by unique id, with a source and an exposure, and why empty.
 */
class LineageProtocolTest {
  @TempDir Path dir;

  @Test
  void lineageByDocumentAndById() throws Exception {
    Path shop = ShopProject.write(dir);
    Files.writeString(
        shop.resolve("models/c.sql"),
        "select * from {{ ref('b') }} join {{ source('raw', 'events') }}\n");
    Files.writeString(
        shop.resolve("models/schema.yml"),
        """
        version: 2
        sources:
          - name: raw
            tables:
              - name: events
        models:
          - name: b
            description: The <b> model.
            columns:
              - name: id
                tests: [not_null]
        exposures:
          - name: board
            type: dashboard
            owner: {email: a@b.c}
            depends_on: [ref('c')]
        """);
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", ShopProject.initialize(dir));
      lsp.notify("initialized", Map.of());
      String b = shop.resolve("models/b.sql").toUri().toString();

      JsonObject r =
          lsp.request("dbt/lineage", Map.of("uri", b, "upstreamDepth", 1, "downstreamDepth", 2))
              .getAsJsonObject();
      assertEquals("model.shop.b", r.get("root").getAsString(), r.toString());
      assertFalse(r.get("truncated").getAsBoolean());
      JsonArray nodes = r.getAsJsonArray("nodes");
      assertEquals("model.shop.b", node(nodes, 0).get("id").getAsString());
      assertEquals("The <b> model.", node(nodes, 0).get("description").getAsString());
      assertEquals(
          b.replace("file:///", "file:/"),
          node(nodes, 0).get("uri").getAsString().replace("file:///", "file:/"));
      assertEquals("model.shop.a", node(nodes, 1).get("id").getAsString());
      assertEquals(-1, node(nodes, 1).get("depth").getAsInt());
      assertEquals("model.shop.c", node(nodes, 2).get("id").getAsString());
      assertEquals(1, node(nodes, 2).get("hiddenUpstream").getAsInt()); // the source
      JsonObject board = node(nodes, 3);
      assertEquals("exposure", board.get("resourceType").getAsString());
      assertEquals(2, board.get("depth").getAsInt());
      assertTrue(board.get("uri").getAsString().endsWith("models/schema.yml"), board.toString());
      assertEquals(
          12, board.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
      assertEquals(3, r.getAsJsonArray("edges").size());
      assertEquals(4, nodes.size());

      JsonObject withTests =
          lsp.request(
                  "dbt/lineage",
                  Map.of(
                      "nodeId",
                      "model.shop.b",
                      "upstreamDepth",
                      0,
                      "downstreamDepth",
                      1,
                      "includeTests",
                      true))
              .getAsJsonObject();
      assertEquals(3, withTests.getAsJsonArray("nodes").size(), withTests.toString());

      JsonObject source =
          lsp.request("dbt/lineage", Map.of("nodeId", "source.shop.raw.events")).getAsJsonObject();
      assertEquals("raw.events", node(source.getAsJsonArray("nodes"), 0).get("name").getAsString());
      assertEquals(3, source.getAsJsonArray("nodes").size(), source.toString());

      JsonObject capped =
          lsp.request("dbt/lineage", Map.of("uri", b, "maxNodes", 2)).getAsJsonObject();
      assertTrue(capped.get("truncated").getAsBoolean());

      JsonObject unknown =
          lsp.request("dbt/lineage", Map.of("nodeId", "model.shop.zzz")).getAsJsonObject();
      assertFalse(unknown.has("root"));
      assertEquals(
          "no node model.shop.zzz in the workspace's dbt projects",
          unknown.get("message").getAsString());
      JsonObject outside =
          lsp.request("dbt/lineage", Map.of("uri", dir.resolve("x.sql").toUri().toString()))
              .getAsJsonObject();
      assertTrue(
          outside.get("message").getAsString().endsWith("is not in a dbt project"),
          outside.toString());
      assertEquals(
          "dbt/lineage needs a uri or a nodeId",
          lsp.request("dbt/lineage", Map.of()).getAsJsonObject().get("message").getAsString());
    }
  }

  private static JsonObject node(JsonArray nodes, int i) {
    return nodes.get(i).getAsJsonObject();
  }
}
