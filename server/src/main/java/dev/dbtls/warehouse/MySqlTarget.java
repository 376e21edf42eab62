package dev.dbtls.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * dbt-mysql's and dbt-mariadb's target: server (or host), port, username (or user), password,
 * schema (or database), ssl_disabled, connect_timeout. Both go through the MariaDB driver, which
 * speaks to MySQL servers too.
 */
final class MySqlTarget {
  private MySqlTarget() {}

  static ConnectionSpec spec(TargetFields f, String kind) {
    String host = f.string("server", "host");
    int port = f.integer("port", 3306);
    String db = f.string("schema", "database");
    String user = f.string("username", "user");
    String password = f.string("password", "pass");
    int connectTimeout = f.integer("connect_timeout", 10);
    if (host == null) {
      host = "localhost";
    }
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", String.valueOf(connectTimeout * 1000));
    props.setProperty("permitMysqlScheme", "true");
    if (f.bool("ssl_disabled", false)) {
      props.setProperty("sslMode", "disable");
    }
    String url =
        "jdbc:mariadb://" + PostgresTarget.hostPort(host, port) + "/" + (db == null ? "" : db);
    List<String> secrets = new ArrayList<>();
    if (password != null) {
      secrets.add(password);
    }
    return new ConnectionSpec(
        kind,
        kind,
        f.target().name(),
        PostgresTarget.hostPort(host, port),
        user,
        new org.mariadb.jdbc.Driver(),
        url,
        props,
        List.of(),
        ConnectionSpec.ReadOnly.CONNECTION,
        false,
        Math.max(4, f.target().threads() + 1),
        0,
        connectTimeout * 1000L,
        secrets,
        null);
  }
}
