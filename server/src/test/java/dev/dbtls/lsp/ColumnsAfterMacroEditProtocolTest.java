package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server over stdio on the sample project: after an edit of a macro in the editor, the
 * columns run renders again only the model that ran it (its log says so), and {@code dbt/columns}
 * answers with the columns the new macro gives (a column more); a comment in the macro file renders
 * no model.
 */
class ColumnsAfterMacroEditProtocolTest {
  private static final Path REPO =
      Path.of(System.getProperty("dbtls.repoRoot", "..")).toAbsolutePath().normalize();
  private static final Path PROJECT = REPO.resolve("test-projects/jaffle_shop");
  private static final Path MACRO = PROJECT.resolve("macros/order_value_band.sql");

  @TempDir Path dir;

  @Test
  void aMacroEditRendersAgainTheModelThatRanItAndItsColumnsFollow() throws Exception {
    String text = Files.readString(MACRO);
    // a column more before the band: orders has it then
    String numbers = text.replace("    case\n", "    1 as band_number, case\n");
    assertNotEquals(text, numbers, "the edit must apply");
    try (LspClient lsp = ColumnsRestoreProtocolTest.session(dir, dir.resolve("cache"))) {
      ColumnsRestoreProtocolTest.awaitLog(lsp, "inferred in");
      String before = columns(lsp);
      assertTrue(before.contains("\"value_band\"") && !before.contains("band_number"), before);
      String uri = MACRO.toUri().toString();
      lsp.notify(
          "textDocument/didOpen",
          Map.of(
              "textDocument",
              Map.of("uri", uri, "languageId", "jinja-sql", "version", 1, "text", text)));
      lsp.changeWhole(uri, 2, text + "\n{# a note #}\n");
      String comment = ColumnsRestoreProtocolTest.awaitLog(lsp, "after a macro edit");
      assertTrue(comment.contains("0 macro(s) defined otherwise: 0 models"), comment);
      lsp.changeWhole(uri, 3, numbers);
      String edit = ColumnsRestoreProtocolTest.awaitLog(lsp, "1 macro(s) defined otherwise");
      assertTrue(edit.contains(": 1 models that ran one rendered again"), edit);
      String after = columns(lsp);
      assertTrue(after.contains("\"band_number\"") && after.contains("\"value_band\""), after);
      lsp.request("shutdown", null);
      lsp.notify("exit", null);
    }
  }

  /** {@code dbt/columns} of the orders model, as JSON text. */
  private static String columns(LspClient lsp) throws Exception {
    return lsp.request(
            "dbt/columns",
            Map.of("uri", PROJECT.resolve("models/marts/orders.sql").toUri().toString()))
        .toString();
  }
}
