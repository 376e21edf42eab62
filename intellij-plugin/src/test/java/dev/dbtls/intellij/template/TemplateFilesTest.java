package dev.dbtls.intellij.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The LSP4IJ template folder as LSP4IJ's "Import from custom template…" reads it
 * (LanguageServerTemplateManager#createLsTemplate, LanguageServerTemplateDeserializer): the file
 * names it looks for, the fields it reads, and settings that are exactly docs/configuration.md's.
 */
class TemplateFilesTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The files LSP4IJ's import reads; any other file in the folder would be ignored. */
  private static final Set<String> LSP4IJ_FILES =
      Set.of(
          "template.json",
          "settings.json",
          "settings.schema.json",
          "initializationOptions.json",
          "clientSettings.json",
          "experimental.json",
          "installer.json",
          "workspaceFolderSettings.json",
          "README.md");

  /** The fields of LSP4IJ's ClientConfigurationSettings (what clientSettings.json is read into). */
  private static final Set<String> CLIENT_SETTINGS_FIELDS =
      Set.of(
          "caseSensitive",
          "lineCommentPrefix",
          "blockCommentPrefix",
          "blockCommentSuffix",
          "statementTerminatorCharacters",
          "uriSupport",
          "completion",
          "breadcrumbs",
          "editor",
          "format",
          "references",
          "workspaceSymbol",
          "jsonRpc");

  private static final Pattern RANGE = Pattern.compile("([\\d,]+)–([\\d,]+)");

  @Test
  void everyFileIsOneLsp4ijReadsAndEveryJsonFileParses() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(Repository.templateFolder())) {
      files = s.sorted().toList();
    }
    Set<String> names = new TreeSet<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      names.add(name);
      assertTrue(
          LSP4IJ_FILES.contains(name), name + " is not a file LSP4IJ's template import reads");
      if (name.endsWith(".json")) {
        JsonNode node = JSON.readTree(Files.readString(f));
        assertTrue(node != null && node.isObject(), name + " must hold one JSON object");
      }
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "README.md",
                "clientSettings.json",
                "initializationOptions.json",
                "settings.json",
                "settings.schema.json",
                "template.json")),
        names);
  }

  @Test
  void templateHasTheFieldsLsp4ijReads() throws IOException {
    JsonNode t = read("template.json");
    assertTrue(t.path("id").isTextual() && !t.get("id").asText().isBlank(), "id");
    assertTrue(t.path("name").isTextual() && !t.get("name").asText().isBlank(), "name");
    JsonNode args = t.path("programArgs");
    assertTrue(
        args.isObject(), "programArgs: an object of OS → command (read as Map<String, String>)");
    assertTrue(
        args.path("default").isTextual(),
        "programArgs.default: the command where no OS entry fits");
    args.fields()
        .forEachRemaining(
            e -> {
              assertTrue(
                  Set.of("default", "windows", "mac", "unix").contains(e.getKey()),
                  "programArgs." + e.getKey());
              assertTrue(
                  e.getValue().isTextual(), "programArgs." + e.getKey() + " must be a string");
            });
    assertTrue(
        t.path("fileTypeMappings").isArray() && !t.get("fileTypeMappings").isEmpty(),
        "fileTypeMappings");
    for (JsonNode m : t.get("fileTypeMappings")) {
      assertTrue(
          m.path("fileType").path("patterns").isArray(), "each mapping: fileType.patterns " + m);
      assertTrue(m.path("languageId").isTextual(), "each mapping: languageId " + m);
      // a file type name would replace TextMate's colouring of these files (LSP4IJ's docs)
      assertFalse(m.path("fileType").has("name"), "file name patterns only, no file type: " + m);
    }
  }

  @Test
  void mappingsCoverSqlAndYamlFiles() throws IOException {
    Set<String> patterns = new LinkedHashSet<>();
    for (JsonNode m : read("template.json").get("fileTypeMappings")) {
      m.get("fileType").get("patterns").forEach(p -> patterns.add(p.asText()));
    }
    // dbt 1.12's Jinja file extensions (allow_jinja_file_extensions) are dbt SQL too
    assertEquals(
        Set.of("*.sql", "*.sql.j2", "*.sql.jinja", "*.sql.jinja2", "*.yml", "*.yaml"), patterns);
  }

  @Test
  void theWindowsCommandIsTheDefaultOneWithWindowsSeparators() throws IOException {
    JsonNode args = read("template.json").get("programArgs");
    assertEquals(args.get("default").asText(), args.get("windows").asText().replace('\\', '/'));
  }

  @Test
  void clientSettingsAreFieldsOfLsp4ijsClientConfiguration() throws IOException {
    read("clientSettings.json")
        .fieldNames()
        .forEachRemaining(
            k ->
                assertTrue(
                    CLIENT_SETTINGS_FIELDS.contains(k),
                    "clientSettings.json: " + k + " is not an LSP4IJ client setting"));
  }

  @Test
  void settingsAreTheServerSettingsOfTheDocs() throws IOException {
    ConfigurationDoc doc = ConfigurationDoc.read();
    List<String> documented = doc.server().stream().map(ConfigurationDoc.Row::key).toList();
    List<String> inTemplate = new ArrayList<>();
    read("settings.json").fieldNames().forEachRemaining(inTemplate::add);
    assertEquals(
        documented,
        inTemplate,
        "settings.json must list docs/configuration.md's server settings, in its order");
    // the clients' launch settings (Java, heap, JVM options, trace) are the command line and
    // LSP4IJ's own Debug tab in a template: the README says where each went
    String readme = Files.readString(Repository.templateFolder().resolve("README.md"));
    for (ConfigurationDoc.Row r : doc.clients()) {
      assertFalse(inTemplate.contains(r.key()), r.key());
      assertTrue(
          readme.contains("`" + r.key() + "`"), "README.md must say where " + r.key() + " went");
    }
  }

  @Test
  void defaultsAreTheDocumentedOnes() throws IOException {
    JsonNode settings = read("settings.json");
    for (ConfigurationDoc.Row r : ConfigurationDoc.read().server()) {
      JsonNode v = settings.get(r.key());
      String d = r.defaultValue().replace("`", "");
      if (d.matches("[\\d,]+")) {
        assertEquals(Long.parseLong(d.replace(",", "")), v.asLong(), r.key());
        assertTrue(v.isIntegralNumber(), r.key());
      } else if (d.equals("true") || d.equals("false")) {
        assertTrue(v.isBoolean() && v.asBoolean() == Boolean.parseBoolean(d), r.key());
      } else if (r.type().startsWith("one of")) {
        // one of a few words: the template holds the documented one
        assertEquals(d, v.asText(), r.key());
      } else if (d.startsWith("[")) {
        // a list written as JSON in the docs: the template holds the same list
        assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().readTree(d), v, r.key());
      } else {
        // a default the server works out (the profile's target, an adaptive delay, none)
        assertTrue(
            v.isNull() || v.isContainerNode() && v.isEmpty(),
            r.key()
                + ": the docs' default is '"
                + r.defaultValue()
                + "', so the template leaves it unset, not "
                + v);
      }
    }
  }

  @Test
  void schemaDescribesEachSettingAsTheDocsDo() throws IOException {
    JsonNode settings = read("settings.json");
    JsonNode schema = read("settings.schema.json");
    assertEquals("object", schema.path("type").asText());
    assertTrue(
        schema.path("additionalProperties").isBoolean()
            && !schema.get("additionalProperties").asBoolean(),
        "a misspelt setting must be flagged in LSP4IJ's editor");
    JsonNode props = schema.get("properties");
    List<String> described = new ArrayList<>();
    props.fieldNames().forEachRemaining(described::add);
    List<String> inSettings = new ArrayList<>();
    settings.fieldNames().forEachRemaining(inSettings::add);
    assertEquals(inSettings, described);
    for (ConfigurationDoc.Row r : ConfigurationDoc.read().server()) {
      JsonNode p = props.get(r.key());
      assertEquals(settings.get(r.key()), p.get("default"), r.key() + ": schema default");
      assertEquals(
          List.of(),
          SchemaCheck.errors(settings.get(r.key()), p),
          r.key() + ": the template's value");
      assertTrue(p.path("description").isTextual(), r.key() + ": description");
      Set<String> types = new TreeSet<>();
      p.get("type").forEach(t -> types.add(t.asText()));
      assertTrue(
          types.contains(mainType(r)), r.key() + ": docs say '" + r.type() + "', schema " + types);
      Matcher range = RANGE.matcher(r.type());
      if (range.find()) {
        assertEquals(
            Long.parseLong(range.group(1).replace(",", "")),
            p.path("minimum").asLong(),
            r.key() + " minimum");
        assertEquals(
            Long.parseLong(range.group(2).replace(",", "")),
            p.path("maximum").asLong(),
            r.key() + " maximum");
      } else {
        assertFalse(
            p.has("minimum") || p.has("maximum"), r.key() + ": a range the docs do not give");
      }
    }
  }

  @Test
  void schemaRejectsValuesTheServerRejects() throws IOException {
    JsonNode props = read("settings.schema.json").get("properties");
    // the same bounds and kinds Settings.parse reports as bad (docs/configuration.md)
    assertFalse(
        SchemaCheck.errors(JSON.readTree("0"), props.get("dbtls.benchmark.runs")).isEmpty());
    assertFalse(
        SchemaCheck.errors(JSON.readTree("1.5"), props.get("dbtls.benchmark.warmups")).isEmpty());
    assertFalse(SchemaCheck.errors(JSON.readTree("3"), props.get("dbtls.target")).isEmpty());
    assertFalse(
        SchemaCheck.errors(
                JSON.readTree("{\"ref-unknown\": \"loud\"}"),
                props.get("dbtls.diagnostics.severity"))
            .isEmpty());
    assertEquals(
        List.of(),
        SchemaCheck.errors(
            JSON.readTree("{\"ref-unknown\": \"off\"}"), props.get("dbtls.diagnostics.severity")));
    assertEquals(
        List.of(), SchemaCheck.errors(JSON.readTree("\"{days: 3}\""), props.get("dbtls.vars")));
  }

  /** The JSON type a docs type column names first. */
  private static String mainType(ConfigurationDoc.Row r) {
    String t = r.type();
    if (t.startsWith("whole number")) {
      return "integer";
    }
    if (t.startsWith("number")) {
      return "number";
    }
    if (t.startsWith("boolean")) {
      return "boolean";
    }
    if (t.startsWith("list")) {
      return "array";
    }
    if (t.startsWith("object")) {
      return "object";
    }
    if (t.equals("string") || t.equals("path") || t.startsWith("one of")) {
      return "string";
    }
    throw new AssertionError(r.key() + ": a type this test does not know: " + t);
  }

  static JsonNode read(String name) throws IOException {
    return JSON.readTree(Files.readString(Repository.templateFolder().resolve(name)));
  }
}
