package dev.dbtls.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtls.store.HistoryEntry;
import dev.dbtls.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbtls mcp} over stdio, driven as an agent drives it, on a copy of the jaffle_shop test
 * project whose profile holds a canary password: every tool answers, and answers as the command
 * line and the language server do; a write through preview is refused; the canary never shows.
 */
class McpProtocolTest {
  private static final String CANARY = "canary-pw-5b1e9d";
  private static final List<String> READ_ONLY_TOOLS =
      List.of(
          "search_nodes",
          "get_node",
          "compile",
          "lineage",
          "column_lineage",
          "impact",
          "diagnostics",
          "preview",
          "explain");

  @TempDir static Path dir;
  static Path shop;

  @BeforeAll
  static void copyShop() throws IOException {
    Path from = Path.of("..", "test-projects", "jaffle_shop").toAbsolutePath().normalize();
    shop = dir.resolve("jaffle_shop");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path rel = from.relativize(p);
        String first = rel.getNameCount() == 0 ? "" : rel.getName(0).toString();
        if (first.equals("target") || first.equals("logs") || p.toString().contains(".duckdb")) {
          continue;
        }
        Path to = shop.resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    // a credential in the profile: no answer may ever show it
    String profiles = Files.readString(shop.resolve("profiles.yml"));
    Files.writeString(
        shop.resolve("profiles.yml"),
        profiles.replace(
            "      path: jaffle_shop.duckdb\n",
            "      path: jaffle_shop.duckdb\n      password: " + CANARY + "\n"));
    assertTrue(Files.readString(shop.resolve("profiles.yml")).contains(CANARY));
  }

  private static McpClient start(String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("--project-dir", ".", "--profiles-dir", "."));
    args.addAll(List.of(extra));
    return McpClient.start(shop, args.toArray(String[]::new));
  }

  @Test
  void everyToolAnswersAsTheCommandLineAndTheEditorDo() throws Exception {
    try (McpClient mcp = start()) {
      JsonNode init = mcp.initialize();
      assertEquals("dbtls", init.get("serverInfo").get("name").asText());
      assertTrue(init.get("instructions").asText().contains("untrusted"));

      // the read-only tools, each with a schema and a description that says its data is untrusted
      JsonNode tools = mcp.request("tools/list", Map.of()).get("tools");
      List<String> names = new ArrayList<>();
      for (JsonNode t : tools) {
        names.add(t.get("name").asText());
        assertEquals("object", t.get("inputSchema").get("type").asText(), t.toString());
        assertTrue(t.get("description").asText().contains("untrusted input"), t.toString());
        assertTrue(t.get("annotations").get("readOnlyHint").asBoolean(), t.toString());
      }
      assertEquals(READ_ONLY_TOOLS, names);

      // search_nodes: the model first
      var found = mcp.call("search_nodes", Map.of("query", "orders", "kind", "model"));
      assertFalse(found.error(), found.text());
      assertEquals("orders", found.json().get(0).get("name").asText(), found.text());

      // get_node: columns with types and origins, the tests on it
      var node = mcp.call("get_node", Map.of("node", "orders"));
      assertEquals("model.jaffle_shop.orders", node.json().get("unique_id").asText());
      assertEquals("models/marts/orders.sql", node.json().get("file").asText());
      assertTrue(node.json().get("columns").size() >= 5, node.text());
      assertTrue(columnNames(node.json().get("columns")).contains("order_id"), node.text());
      assertTrue(node.json().get("tests").size() > 0, node.text());

      // compile: exactly what dbtls compile prints, with a source map
      var compiled = mcp.call("compile", Map.of("node", "orders"));
      assertFalse(compiled.error(), compiled.text());
      assertEquals(
          cli("compile", "--select", "orders"), compiled.json().get("compiled_sql").asText());
      assertTrue(compiled.json().get("source_map").size() > 0, compiled.text());

      // compile of ad-hoc Jinja
      var adHoc = mcp.call("compile", Map.of("sql", "select * from {{ ref('stg_orders') }}"));
      assertTrue(adHoc.json().get("compiled_sql").asText().contains("stg_orders"), adHoc.text());

      // lineage: the nodes and edges of dbt/lineage (as dbtls lineage --json prints its result)
      var lineage = mcp.call("lineage", Map.of("node", "orders", "upstream", 2, "downstream", 2));
      JsonNode lsp =
          McpClient.JSON.readTree(cli("lineage", "orders", "--json", "--up", "2", "--down", "2"));
      assertEquals(lsp.get("root").asText(), lineage.json().get("root").asText());
      Set<String> lspNodes = new TreeSet<>();
      lsp.get("nodes").forEach(n -> lspNodes.add(n.get("id").asText() + "@" + n.get("depth")));
      Set<String> mcpNodes = new TreeSet<>();
      lineage
          .json()
          .get("nodes")
          .forEach(n -> mcpNodes.add(n.get("unique_id").asText() + "@" + n.get("depth")));
      assertEquals(lspNodes, mcpNodes);
      Set<String> lspEdges = new TreeSet<>();
      lsp.get("edges")
          .forEach(e -> lspEdges.add(e.get("from").asText() + ">" + e.get("to").asText()));
      Set<String> mcpEdges = new TreeSet<>();
      lineage
          .json()
          .get("edges")
          .forEach(e -> mcpEdges.add(e.get(0).asText() + ">" + e.get(1).asText()));
      assertEquals(lspEdges, mcpEdges);
      assertTrue(mcpNodes.size() > 2, lineage.text());

      // column_lineage: where orders.order_id comes from, with edge kinds
      var columns = mcp.call("column_lineage", Map.of("node", "orders", "column", "order_id"));
      assertFalse(columns.error(), columns.text());
      assertTrue(columns.text().contains("model.jaffle_shop.stg_orders.order_id"), columns.text());
      assertTrue(columns.text().contains("\"kind\""), columns.text());

      // impact: removing stg_orders.order_id breaks orders
      var impact = mcp.call("impact", Map.of("node", "stg_orders", "column", "order_id"));
      assertFalse(impact.error(), impact.text());
      assertTrue(impact.json().get("downstream").has("model.jaffle_shop.orders"), impact.text());

      // diagnostics: a broken ref written by the agent is found (files are re-read on each call)
      Files.writeString(
          shop.resolve("models/broken.sql"), "select * from {{ ref('no_such_model') }}\n");
      var problems = mcp.call("diagnostics", Map.of("file", "models/broken.sql"));
      assertFalse(problems.error(), problems.text());
      assertTrue(problems.text().contains("no_such_model"), problems.text());
      assertTrue(problems.json().get("errors").asInt() > 0, problems.text());
      Files.delete(shop.resolve("models/broken.sql"));
      var outside = mcp.call("diagnostics", Map.of("file", "../../etc/passwd"));
      assertTrue(outside.error(), outside.text());

      // preview: rows from DuckDB (parents not built are inlined), row-limited
      var rows = mcp.call("preview", Map.of("node", "stg_orders", "limit", 3));
      assertFalse(rows.error(), rows.text());
      assertEquals(3, rows.json().get("rows").size(), rows.text());
      assertTrue(rows.json().get("more_rows").asBoolean(), rows.text());

      // a write through preview is refused by the editor's guard
      var write = mcp.call("preview", Map.of("sql", "drop table {{ ref('stg_orders') }}"));
      assertTrue(write.error(), write.text());
      assertTrue(
          write.json().get("error").asText().contains("warehouse-not-a-query"), write.text());
      var delete = mcp.call("preview", Map.of("sql", "delete from {{ ref('orders') }}"));
      assertTrue(delete.error(), delete.text());

      // explain: DuckDB's plan tree
      var plan = mcp.call("explain", Map.of("sql", "select * from range(10)"));
      assertFalse(plan.error(), plan.text());
      assertTrue(plan.json().has("plan"), plan.text());

      // Jinja that reads the password gets nothing (profiles reach templates redacted)
      var leak = mcp.call("compile", Map.of("sql", "select '{{ target.password }}' as p"));
      assertFalse(leak.text().contains(CANARY), leak.text());
      var leakRows = mcp.call("preview", Map.of("sql", "select '{{ target }}' as t"));
      assertFalse(leakRows.text().contains(CANARY), leakRows.text());

      // a bad argument is a tool error that says what to change, and the server goes on
      var bad = mcp.call("get_node", Map.of("node", "nope_not_a_model"));
      assertTrue(bad.error());
      assertTrue(bad.json().get("error").asText().contains("search_nodes"), bad.text());

      // resources and prompts
      JsonNode resources = mcp.request("resources/list", Map.of()).get("resources");
      assertEquals(3, resources.size(), resources.toString());
      for (JsonNode r : resources) {
        JsonNode read = mcp.request("resources/read", Map.of("uri", r.get("uri").asText()));
        String text = read.get("contents").get(0).get("text").asText();
        assertFalse(text.contains("error"), text);
      }
      JsonNode targets = mcp.request("resources/read", Map.of("uri", "dbt://project/targets"));
      String targetsText = targets.get("contents").get(0).get("text").asText();
      assertTrue(targetsText.contains("\"target\":\"dev\""), targetsText);
      JsonNode prompts = mcp.request("prompts/list", Map.of()).get("prompts");
      assertEquals(2, prompts.size());
      JsonNode prompt =
          mcp.request(
              "prompts/get",
              Map.of("name", "add_column", "arguments", Map.of("model", "orders", "column", "x")));
      assertTrue(prompt.toString().contains("diagnostics"), prompt.toString());

      // the canary never appears in anything the server wrote
      for (String line : mcp.received()) {
        assertFalse(line.contains(CANARY), line);
      }
      assertNull(mcp.readFailure());
    }
    // every tool call is in the query history, with origin mcp
    try (Store store = Store.open()) {
      List<HistoryEntry> entries = store.history().list(shop.toString(), 0, 1000).value();
      Set<String> called = new HashSet<>();
      for (HistoryEntry e : entries) {
        assertEquals(HistoryEntry.MCP, e.origin(), e.toString());
        assertFalse(e.sql().contains(CANARY) || String.valueOf(e.compiledSql()).contains(CANARY));
        called.add(e.sql().split(" ")[2]);
      }
      // (the other test of this class, on the same copy, may have added build)
      assertTrue(called.containsAll(READ_ONLY_TOOLS), called.toString());
    }
  }

  @Test
  void buildAndTestOnlyWithAllowBuild() throws Exception {
    try (McpClient mcp = start("--allow-build")) {
      mcp.initialize();
      JsonNode tools = mcp.request("tools/list", Map.of()).get("tools");
      List<String> names = new ArrayList<>();
      tools.forEach(t -> names.add(t.get("name").asText()));
      assertTrue(names.containsAll(List.of("build", "test")), names.toString());
      JsonNode build = null;
      for (JsonNode t : tools) {
        if (t.get("name").asText().equals("build")) {
          build = t;
        }
      }
      assertFalse(build.get("annotations").get("readOnlyHint").asBoolean());
      var seeded = mcp.call("build", Map.of("select", List.of("shop_customers")));
      assertFalse(seeded.error(), seeded.text());
      assertEquals(0, seeded.json().get("exit_code").asInt(), seeded.text());
      assertTrue(seeded.json().get("output").asText().contains("shop_customers"), seeded.text());
      assertFalse(seeded.text().contains(CANARY));
    }
  }

  private static Set<String> columnNames(JsonNode columns) {
    Set<String> out = new HashSet<>();
    columns.forEach(c -> out.add(c.get("name").asText()));
    return out;
  }

  /** What {@code dbtls ARGS} prints on stdout, run on the shop as a user runs it. */
  private static String cli(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
    if (System.getProperty("dbtls.cache") != null) {
      cmd.add("-Ddbtls.cache=" + System.getProperty("dbtls.cache"));
    }
    cmd.add("dev.dbtls.cli.Main");
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--project-dir", ".", "--profiles-dir", "."));
    Process p =
        new ProcessBuilder(cmd)
            .directory(shop.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return out;
  }
}
