package dev.dbtls.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.cli.CliTestAccess;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.warehouse.Warehouses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPreviewTest {
  private static ProjectSnapshot load(Path dir) {
    return ProjectSnapshot.load(
        dir,
        new ProjectInputs.Options(dir, null, null, Map.of(), Map.of("HOME", "/nonexistent")),
        List.of(),
        FileSource.DISK);
  }

  private static PreviewRequest request(
      ProjectSnapshot s, Path file, String sql, String cte, long pageRows) {
    return new PreviewRequest(s, file, sql, cte, 5, pageRows, 4L << 20, 60, false, null);
  }

  @Test
  void aModelsFirstPageAndTheTextTheHistoryKeeps(@TempDir Path dir) throws Exception {
    Path project = CliTestAccess.duckdbProject(dir);
    Path file = project.resolve("models/doubled.sql");
    ProjectSnapshot s = load(project);
    try (Warehouses warehouses = new Warehouses()) {
      PreviewOutcome o = ModelPreview.run(request(s, file, null, null, 2), warehouses);
      assertTrue(o.result().ok(), String.valueOf(o.result().error()));
      assertEquals(2, o.result().rows().size());
      assertTrue(o.result().hasMore());
      assertEquals("model.pv.doubled", o.prepared().nodeId());
      assertEquals(Files.readString(file), o.written());

      PreviewOutcome adHoc =
          ModelPreview.run(request(s, null, "select 1 as one", null, 10), warehouses);
      assertEquals(List.of(List.of(1)), adHoc.result().rows());
      assertEquals("select 1 as one", adHoc.written());

      PreviewOutcome write =
          ModelPreview.run(request(s, null, "delete from orders", null, 10), warehouses);
      assertFalse(write.result().ok(), "a preview is read-only");
    }
  }

  @Test
  void nothingToRunOrNoSuchCteRunsNothing(@TempDir Path dir) throws Exception {
    Path project = CliTestAccess.duckdbProject(dir);
    ProjectSnapshot s = load(project);
    try (Warehouses warehouses = new Warehouses()) {
      PreviewOutcome nothing = ModelPreview.run(request(s, null, " ", null, 10), warehouses);
      assertTrue(nothing.nothing());
      assertNull(nothing.result());

      PreviewOutcome noCte =
          ModelPreview.run(
              request(s, project.resolve("models/doubled.sql"), null, "missing", 10), warehouses);
      assertTrue(noCte.compileFailed());
      assertNull(noCte.result());
    }
  }

  @Test
  void aPageHoldsOneToFiveThousandRows() {
    assertEquals(1, ModelPreview.pageRows(0));
    assertEquals(1, ModelPreview.pageRows(-3));
    assertEquals(20, ModelPreview.pageRows(20));
    assertEquals(ModelPreview.MAX_PAGE_ROWS, ModelPreview.pageRows(Long.MAX_VALUE));
  }
}
