package dev.dbtls.warehouse;

import static dev.dbtls.warehouse.Databases.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.ProblemCode;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt-databricks' profile, every sign-in, mapped onto the bundled Databricks driver: each property
 * dbtls sets is one of the driver's own connection parameters (its {@code DatabricksJdbcUrlParams},
 * read from the bundled driver), and the driver accepts the URL, which carries no credential.
 */
class DatabricksTargetTest {
  @TempDir Path dir;

  private ConnectionSpec spec(Object... fields) {
    Object[] all = new Object[fields.length + 6];
    System.arraycopy(
        new Object[] {
          "type",
          "databricks",
          "host",
          "https://dbc-a1b2.cloud.databricks.com/",
          "http_path",
          "/sql/1.0/warehouses/abc123"
        },
        0,
        all,
        0,
        6);
    System.arraycopy(fields, 0, all, 6, fields.length);
    return DatabricksTarget.spec(new TargetFields(target("dev", all), dir));
  }

  private static void knownToDriver(ConnectionSpec s) throws Exception {
    assertTrue(s.driver().acceptsURL(s.url()), s.url());
    Class<?> c =
        Class.forName(
            "com.databricks.jdbc.common.DatabricksJdbcUrlParams",
            true,
            s.driver().getClass().getClassLoader());
    Method name = c.getMethod("getParamName");
    Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Object p : c.getEnumConstants()) {
      known.add((String) name.invoke(p));
    }
    for (String property : s.properties().stringPropertyNames()) {
      assertTrue(known.contains(property), property + " is not one of the driver's parameters");
    }
  }

  @Test
  void personalAccessTokenCatalogAndSchema() throws Exception {
    ConnectionSpec s =
        spec("token", "dapi0123456789abcdef", "catalog", "main", "schema", "shop", "threads", 4);
    knownToDriver(s);
    assertEquals("jdbc:databricks://dbc-a1b2.cloud.databricks.com:443", s.url());
    assertEquals("3", s.properties().getProperty("AuthMech"));
    assertEquals("dapi0123456789abcdef", s.properties().getProperty("PWD"));
    assertEquals("main", s.properties().getProperty("ConnCatalog"));
    assertEquals("shop", s.properties().getProperty("ConnSchema"));
    assertEquals("0", s.properties().getProperty("EnableTelemetry"));
    assertFalse(s.url().contains("dapi"), "no credential in the URL");
    assertEquals("x ***", s.scrub("x dapi0123456789abcdef"));
  }

  @Test
  void oauthInTheBrowserAndMachineToMachine() throws Exception {
    ConnectionSpec browser = spec("auth_type", "oauth");
    knownToDriver(browser);
    assertEquals("11", browser.properties().getProperty("AuthMech"));
    assertEquals("2", browser.properties().getProperty("Auth_Flow"));
    ConnectionSpec m2m =
        spec("auth_type", "oauth", "client_id", "sp-123", "client_secret", "dose-secret-1");
    knownToDriver(m2m);
    assertEquals("1", m2m.properties().getProperty("Auth_Flow"));
    assertEquals("sp-123", m2m.properties().getProperty("OAuth2ClientId"));
    assertTrue(m2m.secrets().contains("dose-secret-1"));
    ConnectionSpec azure =
        spec("auth_type", "oauth", "azure_client_id", "az-1", "azure_client_secret", "az-secret");
    knownToDriver(azure);
    assertEquals("az-1", azure.properties().getProperty("OAuth2ClientId"));
  }

  @Test
  void theDriverRunsUpToTheNetworkAndFailsInOneLine() {
    var opened =
        Warehouse.open(
            target(
                "dev",
                "type",
                "databricks",
                "host",
                "127.0.0.1",
                "port",
                1,
                "http_path",
                "/sql/1.0/warehouses/abc123",
                "token",
                "dapi-secret-4711"),
            dir);
    assertFalse(opened.ok());
    assertEquals(ProblemCode.WAREHOUSE_CONNECT, opened.error().code());
    assertEquals(
        "cannot connect to databricks target 'dev' at 127.0.0.1:1/sql/1.0/warehouses/abc123:"
            + " connection refused",
        opened.error().message());
  }

  @Test
  void sessionPropertiesAreSetOnEveryNewConnection() {
    java.util.Map<String, Object> props = new java.util.LinkedHashMap<>();
    props.put("ansi_mode", false);
    props.put("spark.sql.shuffle.partitions", 8);
    props.put("timezone", "Europe/Paris");
    ConnectionSpec s = spec("token", "dapi-1", "session_properties", props);
    assertEquals(
        List.of(
            new ConnectionSpec.Init("SET ansi_mode = false", true),
            new ConnectionSpec.Init("SET spark.sql.shuffle.partitions = 8", true),
            new ConnectionSpec.Init("SET timezone = Europe/Paris", true)),
        s.init());
    assertEquals(
        "session_properties: 'x; drop table t' is not a configuration parameter's name",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    spec(
                        "token",
                        "dapi-1",
                        "session_properties",
                        java.util.Map.of("x; drop table t", 1)))
            .getMessage());
    assertEquals(
        "session_properties: the value of 'timezone' holds ';' or a line break",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    spec(
                        "token",
                        "dapi-1",
                        "session_properties",
                        java.util.Map.of("timezone", "UTC; select 1")))
            .getMessage());
  }

  @Test
  void aMissingFieldIsOneLineNamingIt() {
    assertEquals(
        "needs 'token' (a personal access token), or 'auth_type: oauth'",
        assertThrows(IllegalArgumentException.class, this::spec).getMessage());
    var opened = Warehouse.open(target("prod", "type", "databricks", "host", "h"), dir);
    assertFalse(opened.ok());
    assertEquals(ProblemCode.WAREHOUSE_TARGET, opened.error().code());
    assertTrue(
        opened
            .error()
            .message()
            .startsWith("cannot connect to databricks target 'prod': needs" + " 'http_path'"),
        opened.error().message());
  }
}
