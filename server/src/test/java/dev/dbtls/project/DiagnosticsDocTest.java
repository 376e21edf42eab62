package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/diagnostics.md lists every problem code, with its default severity. */
class DiagnosticsDocTest {
  @Test
  void everyCodeIsDocumented() throws Exception {
    Path doc = Path.of(System.getProperty("dbtls.repoRoot", "..")).resolve("docs/diagnostics.md");
    String text = Files.readString(doc);
    List<String> missing =
        Arrays.stream(ProblemCode.values())
            .filter(c -> !text.contains("`" + c.id() + "`"))
            .map(ProblemCode::id)
            .toList();
    assertEquals(List.of(), missing, "codes missing from " + doc);
  }
}
