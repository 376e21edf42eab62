package dev.dbtls.warehouse;

import static dev.dbtls.warehouse.Databases.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.project.ProblemCode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bigquery target through the warehouse: its profile read field by field, the engine and Google's
 * client library loaded by their own class loader from the jars bundled with the server, and every
 * call made up to the network — which is as far as it goes here (no Google to reach): the failure
 * is one line naming the target, with no credential in it. What the engine's preview refuses before
 * it runs anything (its dry run's answer) is checked on the dry run's own shape.
 */
class BigQueryWarehouseTest {
  @TempDir Path dir;

  private Warehouse.Opened open(Object... fields) {
    Object[] all = new Object[fields.length + 2];
    all[0] = "type";
    all[1] = "bigquery";
    System.arraycopy(fields, 0, all, 2, fields.length);
    return Warehouse.open(target("dev", all), dir);
  }

  @Test
  void aMissingOrWrongFieldIsOneSentenceNamingIt() {
    assertEquals(
        "cannot connect to bigquery target 'dev': needs 'project' (the Google Cloud project id"
            + " whose datasets hold the models)",
        open("dataset", "dbt_ana").error().message());
    assertEquals(
        "cannot connect to bigquery target 'dev': needs 'dataset' (or 'schema'): the target's"
            + " dataset",
        open("project", "p").error().message());
    assertEquals(
        "cannot connect to bigquery target 'dev': 'method: password' is not a dbt-bigquery sign-in"
            + " method (oauth, service-account, service-account-json or oauth-secrets)",
        open("project", "p", "dataset", "d", "method", "password").error().message());
    assertTrue(
        open("project", "p", "dataset", "d", "method", "service-account", "keyfile", "nope.json")
            .error()
            .message()
            .endsWith("the keyfile " + dir.resolve("nope.json") + " does not exist"));
    assertEquals(
        "cannot connect to bigquery target 'dev': 'method: oauth-secrets' needs 'token', or"
            + " 'refresh_token' with 'client_id', 'client_secret' and 'token_uri'",
        open("project", "p", "dataset", "d", "method", "oauth-secrets", "refresh_token", "r")
            .error()
            .message());
    assertEquals(
        ProblemCode.WAREHOUSE_TARGET,
        open("project", "p", "dataset", "d", "priority", "urgent").error().code());
  }

  @Test
  void theEngineAndTheLibraryComeFromTheirOwnLoaderAndTheBundledJars() throws Exception {
    BigQuerySettings s =
        BigQuerySettings.of(
            target(
                "dev",
                "type",
                "bigquery",
                "project",
                "p",
                "dataset",
                "d",
                "method",
                "oauth-secrets",
                "token",
                "ya29.t"),
            dir);
    ClientEngine engine = EngineLoader.open("bigquery", "BigQueryEngine", s);
    ClassLoader loader = engine.getClass().getClassLoader();
    assertEquals("dbtls-bigquery-engine", loader.getName());
    assertNotEquals(getClass().getClassLoader(), loader);
    Class<?> client = Class.forName("com.google.cloud.bigquery.BigQuery", false, loader);
    assertEquals(loader, client.getClassLoader(), "the library is the bundled one");
    // the seam's types are the server's own, or the engine could not be used
    assertEquals(ClientEngine.class, Class.forName(ClientEngine.class.getName(), false, loader));
    assertTrue(EngineLoader.jars("bigquery").contains("google-cloud-bigquery-2.76.0.jar"));
    engine.close();
  }

  @Test
  void signingInStopsAtTheNetworkInOneLineWithoutTheKey() throws Exception {
    Map<String, Object> key = GoogleKeys.serviceAccount();
    Warehouse.Opened o =
        open(
            "project", "acme-analytics",
            "dataset", "dbt_ana",
            "method", "service-account-json",
            "keyfile_json", key,
            "connect_timeout", 3);
    assertFalse(o.ok());
    String m = o.error().message();
    assertEquals(ProblemCode.WAREHOUSE_CONNECT, o.error().code(), m);
    assertTrue(
        m.startsWith("cannot connect to bigquery target 'dev' at acme-analytics.dbt_ana: "), m);
    assertFalse(m.contains("\n"), m);
    String pem = (String) key.get("private_key");
    assertFalse(m.contains(pem.substring(40, 80)), "the key leaked: " + m);
    assertFalse(m.contains("cannot be loaded"), m);
  }

  @Test
  void aDryRunThatIsNotAQueryOrReadsTooMuchIsRefusedBeforeItRuns() {
    ConnectionSpec spec =
        BigQueryTarget.spec(
            BigQuerySettings.of(
                target("dev", "type", "bigquery", "project", "p", "dataset", "d"), dir),
            null);
    assertEquals(
        "bigquery plans this as INSERT, not a query: dbtls does not run it",
        EnginePreview.refusal(spec, new ClientEngine.DryRun("INSERT", 0, false), 0, 0).message());
    assertEquals(
        "this query would scan 2.5 GB, more than the profile's maximum_bytes_billed (1.0 GB): not"
            + " run",
        EnginePreview.refusal(
                spec, new ClientEngine.DryRun("SELECT", 2_500_000_000L, false), 1_000_000_000L, 0)
            .message());
    assertEquals(
        "this query would scan 320.0 MB, more than dbtls.warehouse.maxBytesScanned (100.0 MB): not"
            + " run",
        EnginePreview.refusal(
                spec, new ClientEngine.DryRun("SELECT", 320_000_000L, false), 0, 100_000_000L)
            .message());
    assertNull(EnginePreview.refusal(spec, new ClientEngine.DryRun("SELECT", 99, false), 100, 100));
  }

  @Test
  void secretsOfEveryMethodAreScrubbedFromMessages() throws Exception {
    Map<String, Object> key = GoogleKeys.serviceAccount();
    ConnectionSpec spec =
        BigQueryTarget.spec(
            BigQuerySettings.of(
                target(
                    "dev",
                    "type",
                    "bigquery",
                    "project",
                    "p",
                    "dataset",
                    "d",
                    "method",
                    "service-account-json",
                    "keyfile_json",
                    key),
                dir),
            null);
    String pem = (String) key.get("private_key");
    assertFalse(spec.scrub("boom " + pem).contains(pem));
    assertFalse(
        spec.scrub("boom " + new ObjectMapper().writeValueAsString(key))
            .contains("PRIVATE KEY-----\\n"));
    ConnectionSpec secrets =
        BigQueryTarget.spec(
            BigQuerySettings.of(
                target(
                    "dev",
                    "type",
                    "bigquery",
                    "project",
                    "p",
                    "dataset",
                    "d",
                    "method",
                    "oauth-secrets",
                    "refresh_token",
                    "1//refresh-me",
                    "client_id",
                    "c",
                    "client_secret",
                    "shh-client-secret"),
                dir),
            null);
    assertEquals("a *** b ***", secrets.scrub("a 1//refresh-me b shh-client-secret"));
  }
}
