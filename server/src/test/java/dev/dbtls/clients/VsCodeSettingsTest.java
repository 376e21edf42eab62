package dev.dbtls.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtls.workspace.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists exactly the settings the server reads and the clients' own, and the
 * VS Code extension's package.json contributes them as that page says. Regenerate package.json's
 * settings with {@code -Ddbtls.updateGenerated=true}.
 */
class VsCodeSettingsTest {
  private static final Path ROOT = Path.of(System.getProperty("dbtls.repoRoot", ".."));
  private static final Path DOC = ROOT.resolve("docs/configuration.md");
  private static final Path PACKAGE = ROOT.resolve("vscode-extension/package.json");

  @Test
  void theDocsListEverySettingTheServerReadsAndTheClientsOwn() throws Exception {
    List<String> documented =
        SettingsSchema.rows(Files.readString(DOC)).stream().map(SettingsSchema.Row::key).toList();
    List<String> known = new java.util.ArrayList<>(Settings.KEYS);
    known.addAll(Settings.CLIENT_KEYS);
    assertEquals(known.stream().sorted().toList(), documented.stream().sorted().toList());
  }

  @Test
  void packageJsonContributesTheDocumentedSettings() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode expected = SettingsSchema.properties(SettingsSchema.rows(Files.readString(DOC)));
    ObjectNode pkg = (ObjectNode) json.readTree(PACKAGE.toFile());
    ObjectNode configuration = (ObjectNode) pkg.path("contributes").path("configuration");
    if (Boolean.getBoolean("dbtls.updateGenerated")) {
      configuration.set("properties", expected);
      Files.writeString(PACKAGE, json.writer(npmStyle()).writeValueAsString(pkg) + "\n");
    }
    assertEquals(
        expected.toPrettyString(),
        configuration.path("properties").toPrettyString(),
        PACKAGE + " is out of date: regenerate it with -Ddbtls.updateGenerated=true");
  }

  /** Two-space indentation and "key": value, as npm writes package.json. */
  private static DefaultPrettyPrinter npmStyle() {
    DefaultIndenter indent = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter()
        .withSeparators(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
        .withObjectIndenter(indent)
        .withArrayIndenter(indent);
  }
}
