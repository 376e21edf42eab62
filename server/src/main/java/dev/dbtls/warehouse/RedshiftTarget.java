package dev.dbtls.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * dbt-redshift's target, read as its profile documents it, for Amazon's own Redshift JDBC driver
 * (bundled, loaded on first use): {@code method} database (user and password) or iam / iam_role
 * (cluster_id or a serverless host, iam_profile or access keys, region, db_groups, autocreate);
 * host, port (5439), dbname, schema, sslmode, connect_timeout, role.
 */
final class RedshiftTarget {
  static final String DRIVER = "com.amazon.redshift.Driver";

  /** dbt-redshift's sslmode words, as the driver's (dbt-redshift translates them the same way). */
  private static final Map<String, String> SSL_MODES =
      Map.of(
          "allow", "verify-ca",
          "prefer", "verify-ca",
          "require", "verify-ca",
          "verify-ca", "verify-ca",
          "verify-full", "verify-full");

  private RedshiftTarget() {}

  static ConnectionSpec spec(TargetFields f) {
    String method = f.stringOr("method", "database").toLowerCase(Locale.ROOT);
    String host = f.string("host");
    if (host == null) {
      throw new IllegalArgumentException("needs 'host' (the cluster's or workgroup's endpoint)");
    }
    int port = f.integer("port", 5439);
    String db = f.string("dbname", "database");
    if (db == null) {
      throw new IllegalArgumentException("needs 'dbname'");
    }
    String user = f.string("user", "username");
    Properties props = new Properties();
    List<String> secrets = new ArrayList<>();
    boolean iam;
    switch (method) {
      case "database" -> {
        String password = f.string("password", "pass");
        if (user == null || password == null) {
          throw new IllegalArgumentException(
              "needs 'user' and 'password' (dbt-redshift asks for both with method: database)");
        }
        props.setProperty("user", user);
        props.setProperty("password", password);
        secrets.add(password);
        iam = false;
      }
      case "iam", "iam_role" -> {
        iam = true;
        iam(f, method, host, user, props, secrets);
      }
      default ->
          throw new IllegalArgumentException(
              "'method: " + method + "' is not one of dbt-redshift's: database, iam, iam_role");
    }
    String sslmode = f.stringOr("sslmode", "prefer").toLowerCase(Locale.ROOT);
    if (sslmode.equals("disable")) {
      props.setProperty("ssl", "false");
    } else if (SSL_MODES.containsKey(sslmode)) {
      props.setProperty("ssl", "true");
      props.setProperty("sslmode", SSL_MODES.get(sslmode));
    } else {
      throw new IllegalArgumentException(
          "'sslmode: "
              + sslmode
              + "' is not one of disable, allow, prefer, require, verify-ca, verify-full");
    }
    int connectTimeout = f.integer("connect_timeout", 10);
    props.setProperty("connecttimeout", String.valueOf(connectTimeout));
    props.setProperty("logintimeout", String.valueOf(connectTimeout));
    props.setProperty("applicationname", "dbtls");
    // reads run in read-only transactions (Redshift's driver has no read-only autocommit)
    props.setProperty("readonlymode", "transaction");
    props.setProperty("currentschema", f.stringOr("schema", "public"));
    List<ConnectionSpec.Init> init = new ArrayList<>();
    if (f.string("role") != null) {
      init.add(
          new ConnectionSpec.Init("set role " + DuckDbTarget.identifier(f.string("role")), true));
    }
    String where = PostgresTarget.hostPort(host, port);
    String url = (iam ? "jdbc:redshift:iam://" : "jdbc:redshift://") + where + "/" + db;
    BundledDrivers.Loaded driver = BundledDrivers.driver("redshift", DRIVER, f);
    return new ConnectionSpec(
        "redshift",
        "redshift",
        f.target().name(),
        where + "/" + db,
        user,
        driver.driver(),
        url,
        props,
        List.copyOf(init),
        ConnectionSpec.ReadOnly.CONNECTION,
        true,
        Math.max(4, f.target().threads() + 1),
        0,
        connectTimeout * 1000L,
        secrets,
        driver.ownLoader());
  }

  /** IAM: temporary database credentials from AWS, for a user (iam) or a role (iam_role). */
  private static void iam(
      TargetFields f,
      String method,
      String host,
      String user,
      Properties props,
      List<String> secrets) {
    String cluster = f.string("cluster_id");
    if (cluster != null) {
      props.setProperty("clusterid", cluster);
    } else if (host.contains("serverless")) {
      props.setProperty("isserverless", "true");
    } else {
      throw new IllegalArgumentException(
          "needs 'cluster_id' (method: "
              + method
              + " on a provisioned cluster; a serverless endpoint is named by 'host')");
    }
    String key = f.string("access_key_id");
    String secret = f.string("secret_access_key");
    if ((key == null) != (secret == null)) {
      throw new IllegalArgumentException(
          "needs both 'access_key_id' and 'secret_access_key', or neither (then 'iam_profile')");
    }
    if (key != null) {
      props.setProperty("accesskeyid", key);
      props.setProperty("secretaccesskey", secret);
      secrets.add(secret);
    } else if (f.string("iam_profile") != null) {
      props.setProperty("profile", f.string("iam_profile"));
    }
    if (f.string("role_arn") != null) {
      throw new IllegalArgumentException(
          "'role_arn' (assuming a role with explicit keys) is not supported yet; use 'iam_profile'"
              + " with a profile that assumes the role");
    }
    if (method.equals("iam")) {
      if (user == null) {
        throw new IllegalArgumentException(
            "needs 'user' (dbt-redshift asks for it with method: iam)");
      }
      props.setProperty("dbuser", user);
    } else if (cluster != null) {
      props.setProperty("groupfederation", "true");
    }
    f.copy(props, "region", "region");
    if (f.bool("autocreate", false)) {
      props.setProperty("autocreate", "true");
    }
    if (!f.list("db_groups").isEmpty()) {
      StringJoiner groups = new StringJoiner(",");
      f.list("db_groups").forEach(g -> groups.add(String.valueOf(g)));
      props.setProperty("dbgroups", groups.toString());
    }
  }
}
