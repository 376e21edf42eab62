package dev.dbtls.ide;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL functions of each adapter's dialect, from {@code dbtls/sql/functions/<dialect>.tsv} (one
 * {@code name<TAB>signature<TAB>description} a line, {@code #} comments): the shared core ({@code
 * common}) plus the dialect's own, whose entry wins on the same name. Loaded once, on first use; a
 * malformed line is skipped, a missing file is empty.
 */
public final class SqlFunctions {
  private SqlFunctions() {}

  /**
   * One function: its lowercase name, a signature, a line of help, and the dialect's display name.
   */
  public record SqlFunction(String name, String signature, String description, String dialect) {}

  static final String RESOURCES = "/dbtls/sql/functions/";

  /** The dialect files, by file name, with the name shown to users. */
  static final Map<String, String> DIALECTS =
      orderedMap(
          "common", "SQL",
          "duckdb", "DuckDB",
          "postgres", "PostgreSQL",
          "snowflake", "Snowflake",
          "bigquery", "BigQuery",
          "redshift", "Redshift",
          "mysql", "MySQL",
          "sqlite", "SQLite",
          "databricks", "Databricks",
          "trino", "Trino");

  /** Adapters that speak another adapter's dialect. */
  private static final Map<String, String> ALIASES =
      Map.of(
          "mariadb", "mysql",
          "spark", "databricks",
          "athena", "trino");

  /** The functions offered on an adapter, by name; unknown adapters get the shared core. */
  public static List<SqlFunction> forAdapter(String adapterType) {
    return Loaded.BY_DIALECT.get(dialectOf(adapterType)).list();
  }

  /** The function called {@code name} (any case) on an adapter. */
  public static Optional<SqlFunction> find(String adapterType, String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        Loaded.BY_DIALECT.get(dialectOf(adapterType)).byName().get(name.toLowerCase(Locale.ROOT)));
  }

  /** The dialect file an adapter's functions come from ({@code common} when unknown). */
  static String dialectOf(String adapterType) {
    if (adapterType == null) {
      return "common";
    }
    String t = adapterType.toLowerCase(Locale.ROOT);
    t = ALIASES.getOrDefault(t, t);
    return DIALECTS.containsKey(t) ? t : "common";
  }

  private record Merged(List<SqlFunction> list, Map<String, SqlFunction> byName) {}

  /** Holder: the JVM loads it, once and thread-safely, on first use. */
  private static final class Loaded {
    static final Map<String, Merged> BY_DIALECT = loadAll();

    private static Map<String, Merged> loadAll() {
      List<SqlFunction> common = read("common");
      Map<String, Merged> out = new HashMap<>();
      for (String dialect : DIALECTS.keySet()) {
        Map<String, SqlFunction> byName = new LinkedHashMap<>();
        for (SqlFunction f : common) {
          byName.putIfAbsent(f.name(), f);
        }
        if (!dialect.equals("common")) {
          for (SqlFunction f : read(dialect)) {
            byName.put(f.name(), f);
          }
        }
        List<SqlFunction> list = new ArrayList<>(byName.values());
        list.sort((a, b) -> a.name().compareTo(b.name()));
        out.put(dialect, new Merged(List.copyOf(list), Collections.unmodifiableMap(byName)));
      }
      return out;
    }
  }

  /** The functions of one resource file, in file order. */
  static List<SqlFunction> read(String dialect) {
    List<SqlFunction> out = new ArrayList<>();
    try (InputStream in = SqlFunctions.class.getResourceAsStream(RESOURCES + dialect + ".tsv")) {
      if (in == null) {
        return out;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String display = DIALECTS.getOrDefault(dialect, dialect);
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        SqlFunction f = parse(line, display);
        if (f != null) {
          out.add(f);
        }
      }
    } catch (IOException | RuntimeException e) {
      // a broken resource leaves what was read so far: completion must not fail
    }
    return out;
  }

  /** A line as a function, or null for comments, blank and malformed lines. */
  static SqlFunction parse(String line, String dialect) {
    if (line.isBlank() || line.startsWith("#")) {
      return null;
    }
    String[] f = line.split("\t", -1);
    if (f.length != 3 || f[0].isBlank() || f[1].isBlank() || f[2].isBlank()) {
      return null;
    }
    return new SqlFunction(
        f[0].strip().toLowerCase(Locale.ROOT), f[1].strip(), f[2].strip(), dialect);
  }

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }
}
