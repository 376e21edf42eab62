package dev.dbtls.warehouse;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The generic {@code type: jdbc} target for any database with a JDBC driver: {@code url}, {@code
 * driver} (class name), {@code driver_path} (a jar, or a list of jars, relative to the project
 * folder), {@code user}/{@code password}, {@code properties}, and {@code dialect} (the adapter type
 * whose SQL it speaks, guessed from the URL when missing).
 */
final class JdbcTarget {
  private JdbcTarget() {}

  static ConnectionSpec spec(TargetFields f) {
    String url = f.string("url", "jdbc_url");
    if (url == null) {
      throw new IllegalArgumentException("needs 'url' (a JDBC URL)");
    }
    List<Path> jars = DriverJars.of(f);
    URLClassLoader loader = jars.isEmpty() ? null : DriverJars.loader(jars);
    Driver driver = driver(f.string("driver", "driver_class"), url, loader);
    Properties props = new Properties();
    f.map("properties").forEach((k, v) -> props.setProperty(k, String.valueOf(v)));
    String user = f.string("user", "username");
    String password = f.string("password");
    if (user != null) {
      props.setProperty("user", user);
    }
    List<String> secrets = new ArrayList<>();
    if (password != null) {
      props.setProperty("password", password);
      secrets.add(password);
    }
    f.map("properties")
        .forEach(
            (k, v) -> {
              if (dev.dbtls.project.Secrets.isSecretKey(k) && v != null) {
                secrets.add(String.valueOf(v));
              }
            });
    return new ConnectionSpec(
        "jdbc",
        f.stringOr("dialect", dialect(url)),
        f.target().name(),
        where(url),
        user,
        driver,
        url,
        props,
        List.of(),
        ConnectionSpec.ReadOnly.NONE,
        false,
        Math.max(4, f.target().threads() + 1),
        0,
        f.integer("connect_timeout", 10) * 1000L,
        secrets,
        loader);
  }

  private static Driver driver(String className, String url, ClassLoader loader) {
    try {
      if (className != null) {
        Class<?> c =
            Class.forName(
                className, true, loader != null ? loader : JdbcTarget.class.getClassLoader());
        return (Driver) c.getDeclaredConstructor().newInstance();
      }
      if (loader != null) {
        for (Driver d : java.util.ServiceLoader.load(Driver.class, loader)) {
          if (d.acceptsURL(url)) {
            return d;
          }
        }
      }
      return DriverManager.getDriver(url);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException(
          "cannot load driver class " + className + " (" + e.getClass().getSimpleName() + ")");
    } catch (SQLException | java.util.ServiceConfigurationError e) {
      throw new IllegalArgumentException(
          "no driver accepts the URL; give 'driver' and 'driver_path'");
    }
  }

  /** The adapter type whose SQL a JDBC URL's database speaks. */
  static String dialect(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    for (String[] known :
        new String[][] {
          {"jdbc:postgresql:", "postgres"},
          {"jdbc:redshift:", "redshift"},
          {"jdbc:duckdb:", "duckdb"},
          {"jdbc:sqlite:", "sqlite"},
          {"jdbc:mysql:", "mysql"},
          {"jdbc:mariadb:", "mariadb"},
          {"jdbc:snowflake:", "snowflake"},
          {"jdbc:sqlserver:", "sqlserver"},
          {"jdbc:oracle:", "oracle"},
          {"jdbc:trino:", "trino"},
          {"jdbc:clickhouse:", "clickhouse"},
          {"jdbc:databricks:", "databricks"},
          {"jdbc:bigquery:", "bigquery"},
          {"jdbc:h2:", "h2"}
        }) {
      if (u.startsWith(known[0])) {
        return known[1];
      }
    }
    return "jdbc";
  }

  /** The URL without its query string or properties (they may hold credentials). */
  static String where(String url) {
    String w = url.replaceAll("[?;].*$", "");
    return w.replaceAll("//[^/@]*@", "//");
  }
}
