package dev.dbtls.intellij.client;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * test-projects/jaffle_shop copied to a temporary folder with a real DuckDB file next to it: the
 * seeds loaded as tables (what {@code dbt seed} would build), plus a 300,000-row {@code people}
 * table read by one extra model through a selective filter, so explain has something to find. The
 * marts are left unbuilt: the catalog lists them as not built, previews inline them.
 */
final class ShopWarehouse {
  private ShopWarehouse() {}

  /** The copied project's folder. */
  static Path write(Path parent) throws Exception {
    Path source = Path.of("..", "test-projects", "jaffle_shop").toAbsolutePath().normalize();
    Path project = parent.resolve("jaffle_shop");
    copy(source, project);
    Files.deleteIfExists(project.resolve("jaffle_shop.duckdb"));
    Files.writeString(
        project.resolve("models/staging/_app.yml"),
        "version: 2\nsources:\n"
            + "  - name: app\n    schema: main_raw\n    tables:\n      - name: people\n");
    Files.writeString(
        project.resolve("models/staging/person_by_email.sql"),
        "select id, email from {{ source('app', 'people') }} where email = 'p4242@example.com'\n");
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + project.resolve("jaffle_shop.duckdb"));
        Statement st = c.createStatement()) {
      st.execute("create schema main_raw");
      for (String seed : new String[] {"shop_customers", "shop_orders", "shop_payments"}) {
        st.execute(
            "create table main_raw."
                + seed
                + " as select * from read_csv_auto('"
                + project.resolve("seeds/" + seed + ".csv")
                + "')");
      }
      st.execute(
          "create table main_raw.people as select i as id, 'p' || ((i * 7919) % 300000)"
              + " || '@example.com' as email from range(300000) t(i)");
    }
    return project;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            String name = dir.getFileName().toString();
            if (!dir.equals(from) && (name.equals("target") || name.equals("logs"))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(
                file,
                to.resolve(from.relativize(file).toString()),
                StandardCopyOption.REPLACE_EXISTING);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
