package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.dbtls.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbt/projects over stdio: each project's profile, target, the targets to switch to, adapter. */
class ProjectsProtocolTest {
  @TempDir Path dir;

  @Test
  void projectsSayTheirTargetsAndFollowTheTargetSetting() throws Exception {
    ShopProject.write(dir);
    Path other = dir.resolve("warehouse");
    Files.createDirectories(other.resolve("models"));
    Files.writeString(other.resolve("dbt_project.yml"), "name: warehouse\nprofile: wh\n");
    Files.writeString(
        other.resolve("profiles.yml"),
        "wh:\n  target: dev\n  outputs:\n"
            + "    dev:\n      type: duckdb\n      path: dev.duckdb\n"
            + "    ci:\n      type: duckdb\n      path: ci.duckdb\n"
            + "    prod:\n      type: postgres\n      host: localhost\n      user: x\n      password: secret\n"
            + "      dbname: d\n      schema: s\n      port: 5432\n");
    Files.writeString(other.resolve("models/m.sql"), "select 1 as id\n");
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", ShopProject.initialize(dir));
      lsp.notify("initialized", Map.of());

      JsonArray projects =
          lsp.request("dbt/projects", Map.of()).getAsJsonObject().getAsJsonArray("projects");
      assertEquals(2, projects.size(), projects.toString());
      JsonObject shop = projects.get(0).getAsJsonObject();
      assertEquals("shop", shop.get("name").getAsString());
      assertEquals(
          dir.resolve("shop").toUri().toString().replaceAll("/$", ""),
          shop.get("uri").getAsString().replaceAll("/$", ""));
      assertEquals("dev", shop.get("target").getAsString());
      assertEquals("duckdb", shop.get("adapter").getAsString());
      assertEquals(2, shop.get("nodes").getAsInt());
      JsonObject wh = projects.get(1).getAsJsonObject();
      assertEquals("wh", wh.get("profile").getAsString());
      assertEquals(List.of("dev", "ci", "prod"), strings(wh.getAsJsonArray("targets")));
      assertEquals(false, wh.toString().contains("secret"), wh.toString());

      // switching the target (what "dbt: Switch Target" does) reloads and says so
      lsp.notify(
          "workspace/didChangeConfiguration",
          Map.of("settings", Map.of("dbtls", Map.of("target", "prod"))));
      String[] target = {""};
      Eventually.within(
          Duration.ofSeconds(LspClient.TIMEOUT_SECONDS),
          () -> {
            JsonArray again =
                lsp.request("dbt/projects", Map.of()).getAsJsonObject().getAsJsonArray("projects");
            target[0] = again.get(1).getAsJsonObject().get("target").getAsString();
            return target[0].equals("prod");
          });
      assertEquals("prod", target[0]);
      assertEquals(
          "postgres",
          lsp.request("dbt/projects", Map.of())
              .getAsJsonObject()
              .getAsJsonArray("projects")
              .get(1)
              .getAsJsonObject()
              .get("adapter")
              .getAsString());
    }
  }

  private static List<String> strings(JsonArray a) {
    return a.asList().stream().map(e -> e.getAsString()).toList();
  }
}
