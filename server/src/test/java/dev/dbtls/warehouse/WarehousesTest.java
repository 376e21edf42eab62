package dev.dbtls.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry the language server keeps: one pool per (project, target), from profiles.yml. */
class WarehousesTest {
  @TempDir Path dir;

  private ProjectInputs project(String profileOutputs) throws Exception {
    Files.writeString(dir.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        dir.resolve("profiles.yml"), "shop:\n  target: dev\n  outputs:\n" + profileOutputs);
    return ProjectInputs.load(
        dir, new ProjectInputs.Options(dir, null, null, Map.of(), Map.of()), FileSource.DISK);
  }

  @Test
  void previewFromTheProfileAndPoolsPerTarget() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("shop.duckdb"))) {
      c.createStatement().execute("create table customers as select 1 as id, 'ann' as name");
    }
    ProjectInputs inputs = project("    dev:\n      type: duckdb\n      path: shop.duckdb\n");
    try (Warehouses all = new Warehouses()) {
      PreviewResult r = all.preview(inputs, "select * from customers", PreviewOptions.defaults());
      assertTrue(r.ok(), String.valueOf(r.error()));
      assertEquals(List.of(List.of(1, "ann")), r.rows());
      Warehouse first = all.warehouse(inputs).warehouse();
      assertSame(first, all.warehouse(inputs).warehouse());
      assertEquals(1, all.size());

      // profiles.yml changed: the old pool is closed, a new one opened
      ProjectInputs changed =
          project("    dev:\n      type: duckdb\n      path: shop.duckdb\n" + "      threads: 2\n");
      Warehouse second = all.warehouse(changed).warehouse();
      assertNotSame(first, second);
      assertEquals(1, all.size());
      assertEquals(
          ProblemCode.WAREHOUSE_CONNECT,
          Preview.run(first, "select 1", null).error().code(),
          "the old pool is closed");

      PreviewResult paged =
          all.preview(
              changed, "select * from range(10)", PreviewOptions.defaults().withPage(4, 1 << 20));
      assertEquals(4, paged.rows().size());
      PreviewPage next = all.page(paged.cursor(), PreviewOptions.defaults().withPage(4, 1 << 20));
      assertEquals(List.of(List.of(4L), List.of(5L), List.of(6L), List.of(7L)), next.rows());
      all.closeCursor(next.cursor());
      assertEquals(ProblemCode.WAREHOUSE_CURSOR, all.page(next.cursor(), null).error().code());

      ProfileResult p = all.profile(changed, "select * from customers", null);
      assertEquals(1, p.rows());
    }
  }

  @Test
  void connectionProblemsAreResultsAndCloseEndsEverything() throws Exception {
    ProjectInputs inputs =
        project(
            "    dev:\n      type: postgres\n      host: 127.0.0.1\n"
                + "      port: 5433\n      user: me\n      password: top-secret\n      dbname: x\n"
                + "      schema: s\n      threads: 1\n");
    Warehouses all = new Warehouses();
    PreviewResult r = all.preview(inputs, "select 1", null);
    assertEquals(
        new WarehouseError(
            ProblemCode.WAREHOUSE_CONNECT,
            "cannot connect to postgres target 'dev' at 127.0.0.1:5433: connection refused"),
        r.error());
    assertEquals(0, all.size());
    all.close();
    assertEquals(
        ProblemCode.WAREHOUSE_CONNECT, all.preview(inputs, "select 1", null).error().code());
  }
}
