package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.dbtls.warehouse.GoogleKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project on a bigquery target, over stdio with the real server, where no Google can be reached:
 * preview, explain and the column profile each answer one line naming the target and what failed,
 * with no credential in it, and the server goes on answering (hover, compile).
 */
class BigQueryProtocolTest {
  @TempDir Path dir;

  private static JsonObject object(JsonElement e) {
    assertNotNull(e);
    assertTrue(e.isJsonObject(), String.valueOf(e));
    return e.getAsJsonObject();
  }

  @Test
  void theHeadlineCommandsSayWhyInOneLineAndTheServerGoesOn() throws Exception {
    Path project = dir.resolve("shop");
    Files.createDirectories(project.resolve("models"));
    Files.writeString(
        project.resolve("dbt_project.yml"), "name: shop\nprofile: bq\nversion: '1'\n");
    Files.writeString(project.resolve("models/customers.sql"), "select 1 as id, 'ana' as name\n");
    Map<String, Object> key = GoogleKeys.serviceAccount();
    Files.writeString(project.resolve("key.json"), new ObjectMapper().writeValueAsString(key));
    Files.writeString(
        project.resolve("profiles.yml"),
        """
        bq:
          target: dev
          outputs:
            dev:
              type: bigquery
              method: service-account
              keyfile: key.json
              project: acme-analytics
              dataset: dbt_ana
              location: EU
              connect_timeout: 3
        """);
    String uri = project.resolve("models/customers.sql").toUri().toString();
    String pem = (String) key.get("private_key");
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.open(project, Map.of("profilesDir", project.toString()));

      for (String method : List.of("dbt/preview", "dbt/explain", "dbt/profile")) {
        JsonObject answer = object(lsp.request(method, Map.of("uri", uri)));
        JsonObject error = answer.getAsJsonObject("error");
        assertNotNull(error, method + ": " + answer);
        String message = error.get("message").getAsString();
        assertEquals("warehouse-connect", error.get("code").getAsString(), message);
        assertTrue(
            message.startsWith(
                "cannot connect to bigquery target 'dev' at acme-analytics.dbt_ana in EU: "),
            method + ": " + message);
        assertFalse(message.contains("\n"), message);
        assertFalse(message.contains(pem.substring(40, 80)), "the key leaked: " + message);
      }
      JsonObject compiled = object(lsp.request("dbt/compile", Map.of("uri", uri)));
      assertTrue(compiled.toString().contains("select 1 as id"), compiled.toString());
    }
  }
}
