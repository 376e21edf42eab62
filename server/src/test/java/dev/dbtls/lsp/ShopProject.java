package dev.dbtls.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The smallest project the protocol tests drive: two models on DuckDB, and an initialize for it.
 */
final class ShopProject {
  private ShopProject() {}

  /** {@code parent}/shop with models a (select 1) and b (ref a); its path. */
  static Path write(Path parent) throws IOException {
    Path p = parent.resolve("shop");
    Files.createDirectories(p.resolve("models"));
    Files.writeString(p.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        p.resolve("profiles.yml"),
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n");
    Files.writeString(p.resolve("models/a.sql"), "select 1 as id\n");
    Files.writeString(p.resolve("models/b.sql"), "select * from {{ ref('a') }}\n");
    return p;
  }

  /** initialize's params for an editor of this process with {@code folder} open. */
  static Map<String, Object> initialize(Path folder) {
    return Map.of(
        "processId",
        ProcessHandle.current().pid(),
        "rootUri",
        folder.toUri().toString(),
        "capabilities",
        Map.of(),
        "workspaceFolders",
        List.of(Map.of("uri", folder.toUri().toString(), "name", "ws")));
  }
}
