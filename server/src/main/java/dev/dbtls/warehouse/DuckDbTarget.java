package dev.dbtls.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * dbt-duckdb's target: {@code path} (a file relative to the project folder, {@code :memory:} or
 * missing for an in-memory database), {@code schema}, {@code threads}, {@code settings}, {@code
 * extensions}, {@code attach}. Files are opened read-only: previews never write, and several dbtls
 * processes can read the same file (DuckDB allows one writer or many readers).
 */
final class DuckDbTarget {
  private DuckDbTarget() {}

  static ConnectionSpec spec(TargetFields f) {
    return spec(f, false);
  }

  /**
   * With {@code forWriting} (a build): the database file opened for writing, created when missing
   * as dbt creates it; otherwise read-only, a missing file standing in as an empty memory database.
   */
  static ConnectionSpec spec(TargetFields f, boolean forWriting) {
    String path = f.stringOr("path", ":memory:");
    boolean memory = path.startsWith(":memory:");
    boolean motherduck = path.startsWith("md:") || path.startsWith("motherduck:");
    Properties props = new Properties();
    props.setProperty("jdbc_stream_results", "true");
    String url;
    String where;
    ConnectionSpec.ReadOnly readOnly;
    Path missing =
        memory || motherduck || forWriting || Files.exists(f.path(path)) ? null : f.path(path);
    if (memory || missing != null) {
      // one named in-memory database shared by the pool's connections, kept while the pool lives;
      // a file dbt has not created yet is not created here either: previews run on an empty
      // database, with unbuilt parents inlined and seeds read from their CSV files
      url = "jdbc:duckdb::memory:dbtls_" + UUID.randomUUID().toString().replace("-", "");
      props.setProperty("jdbc_pin_db", "true");
      where =
          missing == null
              ? ":memory:"
              : missing + " (not created yet: an empty in-memory database stands in)";
      readOnly = ConnectionSpec.ReadOnly.NONE;
      memory = true;
    } else if (motherduck) {
      url = "jdbc:duckdb:" + path;
      where = path.replaceAll("\\?.*", "");
      readOnly = ConnectionSpec.ReadOnly.NONE;
    } else {
      Path file = f.path(path);
      url = "jdbc:duckdb:" + file;
      where = file.toString();
      if (forWriting) {
        readOnly = ConnectionSpec.ReadOnly.NONE;
        try {
          if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
          }
        } catch (java.io.IOException e) {
          throw new IllegalArgumentException("cannot create the folder of " + file + ": " + e);
        }
      } else {
        props.setProperty("duckdb.read_only", "true");
        readOnly = ConnectionSpec.ReadOnly.DATABASE;
      }
    }
    List<ConnectionSpec.Init> init = new ArrayList<>();
    Object threads = f.target().fields().get("threads");
    if (threads != null) {
      init.add(new ConnectionSpec.Init("SET threads = " + f.integer("threads", 1), false));
    }
    f.map("settings")
        .forEach(
            (k, v) ->
                init.add(
                    new ConnectionSpec.Init("SET " + identifier(k) + " = " + literal(v), false)));
    for (Object ext : f.list("extensions")) {
      String name =
          ext instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : String.valueOf(ext);
      init.add(new ConnectionSpec.Init("LOAD " + identifier(name), false));
    }
    for (Object a : f.list("attach")) {
      if (a instanceof Map<?, ?> m && m.get("path") != null) {
        init.add(new ConnectionSpec.Init(attach(f, m), false));
      }
    }
    String schema = f.string("schema");
    if (schema != null && !schema.equals("main")) {
      init.add(new ConnectionSpec.Init("SET schema = " + literal(schema), false));
    }
    String pinned = url; // an in-memory database lives until its pool closes
    return new ConnectionSpec(
        "duckdb",
        "duckdb",
        f.target().name(),
        where,
        null,
        new org.duckdb.DuckDBDriver(),
        url,
        props,
        List.copyOf(init),
        readOnly,
        false,
        memory ? 4 : Math.max(4, f.integer("threads", 1) + 1),
        memory ? 1 : 0,
        2000,
        secrets(f),
        memory ? () -> org.duckdb.DuckDBDriver.releaseDB(pinned) : null);
  }

  private static String attach(TargetFields f, Map<?, ?> m) {
    String p = String.valueOf(m.get("path"));
    boolean remote = p.contains("://") || p.startsWith("md:");
    StringBuilder sql =
        new StringBuilder("ATTACH IF NOT EXISTS ")
            .append(literal(remote ? p : f.path(p).toString()));
    if (m.get("alias") != null) {
      sql.append(" AS ").append(identifier(String.valueOf(m.get("alias"))));
    }
    List<String> opts = new ArrayList<>();
    if (m.get("type") != null) {
      opts.add("TYPE " + identifier(String.valueOf(m.get("type"))));
    }
    opts.add("READ_ONLY");
    return sql.append(" (").append(String.join(", ", opts)).append(")").toString();
  }

  private static List<String> secrets(TargetFields f) {
    List<String> out = new ArrayList<>();
    f.map("settings")
        .forEach(
            (k, v) -> {
              if (dev.dbtls.project.Secrets.isSecretKey(k) && v != null) {
                out.add(String.valueOf(v));
              }
            });
    return out;
  }

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String literal(Object v) {
    if (v instanceof Number || v instanceof Boolean) {
      return String.valueOf(v);
    }
    return "'" + String.valueOf(v).replace("'", "''") + "'";
  }
}
