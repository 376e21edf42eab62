package dev.dbtls.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's MCP configuration for Claude Code, Cursor and JetBrains AI Assistant, run exactly as
 * written: its command with its arguments, in a project folder as those agents start it, with
 * {@code dbtls} on the PATH (here a one-line stand-in for the launcher that runs this build's
 * classes); it must initialize and list the dbt tools.
 */
class McpReadmeSnippetTest {
  @TempDir Path dir;

  @Test
  void theReadmeSnippetStartsTheServer() throws Exception {
    Path root = Path.of(System.getProperty("dbtls.repoRoot", "..")).toAbsolutePath().normalize();
    String readme = Files.readString(root.resolve("README.md"));
    int marker = readme.indexOf("<!-- mcp-config:");
    assertTrue(marker > 0, "the README has no <!-- mcp-config: --> snippet");
    int start = readme.indexOf("```json\n", marker) + "```json\n".length();
    JsonNode server =
        McpClient.JSON
            .readTree(readme.substring(start, readme.indexOf("```", start)))
            .get("mcpServers")
            .get("dbtls");
    List<String> command = new ArrayList<>();
    command.add(server.get("command").asText());
    server.get("args").forEach(a -> command.add(a.asText()));

    // `dbtls` on the PATH: this build's classes, as the launcher runs the jar
    Path bin = Files.createDirectories(dir.resolve("bin"));
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path shim = bin.resolve("dbtls");
    Files.writeString(
        shim,
        "#!/bin/sh\nexec '"
            + javaBin
            + "' -cp '"
            + System.getProperty("java.class.path")
            + "' -Ddbtls.store='"
            + System.getProperty("dbtls.store", dir.resolve("store.db").toString())
            + "' dev.dbtls.cli.Main \"$@\"\n");
    assertTrue(shim.toFile().setExecutable(true));

    Path shop = Files.createDirectories(dir.resolve("shop/models"));
    Files.writeString(dir.resolve("shop/dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        dir.resolve("shop/profiles.yml"),
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n");
    Files.writeString(shop.resolve("a.sql"), "select 1 as id\n");
    Files.writeString(shop.resolve("b.sql"), "select * from {{ ref('a') }}\n");

    // the command found on that PATH (Java resolves a bare name on its own PATH, not the child's)
    command.set(0, bin.resolve(command.get(0)).toString());
    ProcessBuilder b = new ProcessBuilder(command).directory(dir.resolve("shop").toFile());
    b.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
    try (McpClient mcp = new McpClient(b.start())) {
      assertEquals("dbtls", mcp.initialize().get("serverInfo").get("name").asText());
      JsonNode tools = mcp.request("tools/list", Map.of()).get("tools");
      List<String> names = new ArrayList<>();
      tools.forEach(t -> names.add(t.get("name").asText()));
      assertTrue(
          names.containsAll(List.of("search_nodes", "compile", "lineage")), names.toString());
      var lineage = mcp.call("lineage", Map.of("node", "b"));
      assertEquals("model.shop.b", lineage.json().get("root").asText(), lineage.text());
    }
  }
}
