package dev.dbtls.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * dbt-sqlite's target: {@code schemas_and_paths} maps each schema to a database file ({@code main}
 * is the connection's own, the others are attached under their schema name), and the {@code *.db}
 * files of {@code schema_directory} are attached as the schemas dbt-sqlite created there. Files
 * that do not exist are not created.
 */
final class SqliteTarget {
  private SqliteTarget() {}

  static ConnectionSpec spec(TargetFields f) {
    return spec(f, false);
  }

  /**
   * {@code forWriting}: a build's, whose main database file is created when missing, as
   * dbt-sqlite's first run creates it.
   */
  static ConnectionSpec spec(TargetFields f, boolean forWriting) {
    Map<String, Path> schemas = new LinkedHashMap<>();
    f.map("schemas_and_paths")
        .forEach((schema, p) -> schemas.put(schema, f.path(String.valueOf(p))));
    String dir = f.string("schema_directory");
    if (dir != null) {
      for (Path db : dbFiles(f.path(dir))) {
        String name = db.getFileName().toString();
        schemas.putIfAbsent(name.substring(0, name.length() - 3), db);
      }
    }
    Path main = schemas.get("main");
    if (main == null) {
      throw new IllegalArgumentException("needs 'schemas_and_paths' with a 'main' database file");
    }
    if (!Files.exists(main) && !forWriting) {
      throw new IllegalArgumentException(
          "database file " + main + " does not exist; run dbt to create it");
    }
    List<ConnectionSpec.Init> init = new ArrayList<>();
    schemas.forEach(
        (schema, file) -> {
          // the main file again (a schema_directory that holds it) would lock against itself
          if (!schema.equals("main")
              && Files.exists(file)
              && !file.toAbsolutePath().normalize().equals(main.toAbsolutePath().normalize())) {
            init.add(
                new ConnectionSpec.Init(
                    "ATTACH DATABASE "
                        + DuckDbTarget.literal(file.toString())
                        + " AS "
                        + DuckDbTarget.identifier(schema),
                    true));
          }
        });
    return new ConnectionSpec(
        "sqlite",
        "sqlite",
        f.target().name(),
        main.toString(),
        null,
        new org.sqlite.JDBC(),
        "jdbc:sqlite:" + main,
        new Properties(),
        List.copyOf(init),
        ConnectionSpec.ReadOnly.SQLITE_QUERY_ONLY,
        false,
        4,
        0,
        2000,
        List.of(),
        null);
  }

  private static List<Path> dbFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".db")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
