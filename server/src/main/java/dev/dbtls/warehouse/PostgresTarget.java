package dev.dbtls.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * dbt-postgres' target: host, port, user, password (or pass), dbname (or database), schema and
 * search_path, sslmode and its files, connect_timeout, role, keepalives_idle.
 */
final class PostgresTarget {
  private PostgresTarget() {}

  static ConnectionSpec spec(TargetFields f) {
    String host = f.stringOr("host", "localhost");
    int port = f.integer("port", 5432);
    String db = f.string("dbname", "database");
    if (db == null) {
      throw new IllegalArgumentException("needs 'dbname'");
    }
    String user = f.string("user", "username");
    String password = f.string("password", "pass");
    int connectTimeout = f.integer("connect_timeout", 10);
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", String.valueOf(connectTimeout));
    props.setProperty("loginTimeout", String.valueOf(connectTimeout));
    props.setProperty("ApplicationName", "dbtls");
    // read-only also in autocommit mode (column profiles), not only inside transactions
    props.setProperty("readOnlyMode", "always");
    String schema = f.stringOr("schema", "public");
    String searchPath =
        f.stringOr("search_path", schema.equals("public") ? schema : schema + ",public");
    props.setProperty("currentSchema", searchPath);
    f.copy(props, "sslmode", "sslmode");
    f.copy(props, "sslcert", "sslcert");
    f.copy(props, "sslkey", "sslkey");
    f.copy(props, "sslrootcert", "sslrootcert");
    if (f.string("keepalives_idle") != null) {
      props.setProperty("tcpKeepAlive", "true");
    }
    List<ConnectionSpec.Init> init = new ArrayList<>();
    if (f.string("role") != null) {
      init.add(
          new ConnectionSpec.Init("SET ROLE " + DuckDbTarget.identifier(f.string("role")), true));
    }
    String url = "jdbc:postgresql://" + hostPort(host, port) + "/" + db;
    List<String> secrets = new ArrayList<>();
    if (password != null) {
      secrets.add(password);
    }
    return new ConnectionSpec(
        "postgres",
        "postgres",
        f.target().name(),
        hostPort(host, port),
        user,
        new org.postgresql.Driver(),
        url,
        props,
        List.copyOf(init),
        ConnectionSpec.ReadOnly.CONNECTION,
        true,
        Math.max(4, f.target().threads() + 1),
        0,
        connectTimeout * 1000L,
        secrets,
        null);
  }

  static String hostPort(String host, int port) {
    return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }
}
