package dev.dbtls.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * dbt-databricks' target, read as its profile documents it, for Databricks' own JDBC driver
 * (bundled, loaded on first use): host, http_path, and one way to sign in — a personal access
 * token, or {@code auth_type: oauth} (in the browser, or machine to machine with client_id and
 * client_secret, or Azure's azure_client_id and azure_client_secret); catalog and schema; {@code
 * session_properties}, each a {@code SET} on every new connection, as dbt-databricks applies them.
 * Credentials go in the connection's properties, never in its URL; the driver sends no telemetry.
 */
final class DatabricksTarget {
  static final String DRIVER = "com.databricks.client.jdbc.Driver";

  private DatabricksTarget() {}

  static ConnectionSpec spec(TargetFields f) {
    String host = f.string("host");
    if (host == null) {
      throw new IllegalArgumentException(
          "needs 'host' (the workspace, e.g. dbc-a1b2c3d4-e5f6.cloud.databricks.com)");
    }
    host = host.replaceFirst("^https?://", "").replaceFirst("/+$", "");
    String httpPath = f.string("http_path");
    if (httpPath == null) {
      throw new IllegalArgumentException(
          "needs 'http_path' (the SQL warehouse's or cluster's, e.g. /sql/1.0/warehouses/abc)");
    }
    Properties props = new Properties();
    List<String> secrets = new ArrayList<>();
    props.setProperty("httpPath", httpPath);
    props.setProperty("ssl", "1");
    props.setProperty("UserAgentEntry", "dbtls");
    props.setProperty("EnableTelemetry", "0");
    signIn(f, props, secrets);
    f.copy(props, "catalog", "ConnCatalog");
    if (props.getProperty("ConnCatalog") == null) {
      f.copy(props, "database", "ConnCatalog");
    }
    f.copy(props, "schema", "ConnSchema");
    int port = f.integer("port", 443);
    String where = PostgresTarget.hostPort(host, port);
    BundledDrivers.Loaded driver = BundledDrivers.driver("databricks", DRIVER, f);
    return new ConnectionSpec(
        "databricks",
        "databricks",
        f.target().name(),
        where + httpPath,
        props.getProperty("UID"),
        driver.driver(),
        "jdbc:databricks://" + where,
        props,
        sessionProperties(f.map("session_properties")),
        ConnectionSpec.ReadOnly.NONE,
        false,
        Math.max(4, f.target().threads() + 1),
        0,
        f.integer("connect_timeout", 30) * 1000L,
        secrets,
        driver.ownLoader());
  }

  private static final java.util.regex.Pattern NAME =
      java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

  /**
   * {@code SET name = value} for each session property; a name or value SQL could not hold fails.
   */
  static List<ConnectionSpec.Init> sessionProperties(java.util.Map<String, Object> properties) {
    List<ConnectionSpec.Init> init = new ArrayList<>();
    for (var e : properties.entrySet()) {
      String value = String.valueOf(e.getValue());
      if (!NAME.matcher(e.getKey()).matches()) {
        throw new IllegalArgumentException(
            "session_properties: '" + e.getKey() + "' is not a configuration parameter's name");
      }
      if (value.contains(";") || value.contains("\n") || value.contains("\r")) {
        throw new IllegalArgumentException(
            "session_properties: the value of '" + e.getKey() + "' holds ';' or a line break");
      }
      init.add(new ConnectionSpec.Init("SET " + e.getKey() + " = " + value, true));
    }
    return List.copyOf(init);
  }

  private static void signIn(TargetFields f, Properties props, List<String> secrets) {
    String authType = f.stringOr("auth_type", "token").toLowerCase(Locale.ROOT);
    String token = f.string("token");
    if (!authType.equals("oauth")) {
      if (token == null) {
        throw new IllegalArgumentException(
            "needs 'token' (a personal access token), or 'auth_type: oauth'");
      }
      props.setProperty("AuthMech", "3");
      props.setProperty("UID", "token");
      props.setProperty("PWD", token);
      secrets.add(token);
      return;
    }
    props.setProperty("AuthMech", "11");
    String id = f.string("client_id", "azure_client_id");
    String secret = f.string("client_secret", "azure_client_secret");
    if ((id == null) != (secret == null)) {
      throw new IllegalArgumentException(
          "needs both 'client_id' and 'client_secret' (machine to machine), or neither (sign-in"
              + " in the browser)");
    }
    if (id != null) {
      props.setProperty("Auth_Flow", "1");
      props.setProperty("OAuth2ClientId", id);
      props.setProperty("OAuth2Secret", secret);
      secrets.add(secret);
    } else {
      props.setProperty("Auth_Flow", "2");
      props.setProperty("EnableTokenCache", "1");
    }
  }
}
