package dev.dbtls.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The VS Code client's protocol types are the ones protocol-ext declares. When protocol-ext
 * changes, this fails until the file is regenerated with {@code -Ddbtls.updateGenerated=true}.
 */
class ClientTypesTest {
  private static final Path FILE =
      Path.of(
          System.getProperty("dbtls.repoRoot", ".."), "vscode-extension/src/protocol.generated.ts");

  @Test
  void theVsCodeClientsProtocolTypesAreGeneratedFromProtocolExt() throws Exception {
    String expected = TypeScriptProtocol.generate();
    if (Boolean.getBoolean("dbtls.updateGenerated")) {
      Files.writeString(FILE, expected);
    }
    String actual = Files.exists(FILE) ? Files.readString(FILE) : "(missing)";
    assertEquals(
        expected,
        actual,
        FILE + " is out of date: regenerate it with -Ddbtls.updateGenerated=true");
  }
}
