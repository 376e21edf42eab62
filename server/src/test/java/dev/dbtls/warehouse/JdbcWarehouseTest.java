package dev.dbtls.warehouse;

import static dev.dbtls.warehouse.Databases.ok;
import static dev.dbtls.warehouse.Databases.open;
import static dev.dbtls.warehouse.Databases.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.dbtls.project.ProblemCode;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic target: any JDBC URL, a driver class, a driver jar loaded on its own. */
class JdbcWarehouseTest {
  @TempDir Path dir;

  private Path database() throws Exception {
    Path file = dir.resolve("any.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      c.createStatement().execute("create table t as select 1 as a, 'x' as b");
    }
    return file;
  }

  @Test
  void driverJarIsLoadedByItsOwnClassLoader() throws Exception {
    Path file = database();
    Path jar =
        Path.of(org.sqlite.JDBC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Warehouse w =
        open(
            target(
                "dev",
                "type",
                "jdbc",
                "url",
                "jdbc:sqlite:" + file,
                "driver",
                "org.sqlite.JDBC",
                "driver_path",
                jar.toString(),
                "properties",
                Map.of("busy_timeout", 1000)),
            dir)) {
      assertEquals("sqlite", w.sqlType());
      assertEquals("jdbc:sqlite:" + file, w.where());
      Class<?> driver = w.spec().driver().getClass();
      assertInstanceOf(URLClassLoader.class, driver.getClassLoader());
      assertNotSame(org.sqlite.JDBC.class, driver);
      assertEquals(List.of(List.of(1, "x")), ok(Preview.run(w, "select * from t", null)).rows());
      assertEquals(
          ProblemCode.WAREHOUSE_NOT_A_QUERY, Preview.run(w, "drop table t", null).error().code());
    }
  }

  @Test
  void driverOnTheClassPathByUrl() throws Exception {
    Path file = database();
    try (Warehouse w = open(target("dev", "type", "jdbc", "url", "jdbc:sqlite:" + file), dir)) {
      assertEquals(List.of(List.of(1)), ok(Preview.run(w, "select a from t", null)).rows());
    }
  }

  @Test
  void credentialsStayOutOfWhereAndMessages() {
    Warehouse.Opened o =
        Warehouse.open(
            target(
                "dev",
                "type",
                "jdbc",
                "url",
                "jdbc:postgresql://127.0.0.1:5433/test?password=hunter22",
                "password",
                "hunter22"),
            dir);
    assertEquals(ProblemCode.WAREHOUSE_CONNECT, o.error().code());
    assertEquals(
        "cannot connect to jdbc target 'dev' at jdbc:postgresql://127.0.0.1:5433/test: "
            + "connection refused",
        o.error().message());
    assertFalse(o.error().message().contains("hunter22"));
  }

  @Test
  void badTargets() {
    assertEquals(
        "cannot connect to jdbc target 'dev': needs 'url' (a JDBC URL)",
        Warehouse.open(target("dev", "type", "jdbc"), dir).error().message());
    assertEquals(
        "cannot connect to jdbc target 'dev': driver jar "
            + dir.resolve("lib/x.jar")
            + " does not exist",
        Warehouse.open(
                target("dev", "type", "jdbc", "url", "jdbc:x:y", "driver_path", "lib/x.jar"), dir)
            .error()
            .message());
    assertEquals(
        "cannot connect to jdbc target 'dev': cannot load driver class com.example.Nope "
            + "(ClassNotFoundException)",
        Warehouse.open(
                target("dev", "type", "jdbc", "url", "jdbc:x:y", "driver", "com.example.Nope"), dir)
            .error()
            .message());
    Warehouse.Opened oracle = Warehouse.open(target("dev", "type", "oracle"), dir);
    assertEquals(ProblemCode.WAREHOUSE_TARGET, oracle.error().code());
    assertEquals(
        "cannot connect to oracle target 'dev': dbtls does not connect to oracle yet (it"
            + " connects to duckdb, postgres, bigquery, snowflake, databricks, redshift, trino,"
            + " mysql, mariadb and sqlite); use a 'type: jdbc' target with 'url', 'driver' and"
            + " 'driver_path'",
        oracle.error().message());
  }
}
