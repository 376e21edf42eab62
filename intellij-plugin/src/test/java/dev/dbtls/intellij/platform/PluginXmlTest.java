package dev.dbtls.intellij.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The platform glue's plugin.xml, checked without the IntelliJ Platform (which cannot be had here):
 * the LSP4IJ extensions it declares, the classes it names exist in platform/src, the actions bind
 * every code lens command of docs/protocol.md, and it maps the same files with the same language
 * ids as the LSP4IJ template.
 */
class PluginXmlTest {
  private static final Pattern LENS_ROW =
      Pattern.compile("(?m)^\\| `(dbtls\\.[A-Za-z]+)` \\| `uri`, `uniqueId` \\|");
  private static Path root;
  private static Document xml;

  @BeforeAll
  static void read() throws Exception {
    root = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(root.resolve("docs/protocol.md"))) {
      root = root.getParent();
    }
    xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                root.resolve("intellij-plugin/platform/src/main/resources/META-INF/plugin.xml")
                    .toFile());
  }

  @Test
  void dependsOnLsp4ijAndDeclaresTheServer() {
    List<String> depends = texts("depends");
    assertTrue(depends.contains("com.redhat.devtools.lsp4ij"), "depends: " + depends);
    Element server = only(lsp4ij("server"));
    assertEquals("dbtls", server.getAttribute("id"));
    assertEquals(
        "dev.dbtls.intellij.platform.DbtServerFactory", server.getAttribute("factoryClass"));
    assertTrue(
        source(server.getAttribute("factoryClass")).contains("implements LanguageServerFactory"));
  }

  @Test
  void mapsTheTemplatesFilesWithItsLanguageIdsByFileNamePattern() throws IOException {
    // by pattern, not file type or language: TextMate's (or the SQL plugin's) colouring stays
    assertEquals(List.of(), lsp4ij("fileTypeMapping"));
    assertEquals(List.of(), lsp4ij("languageMapping"));
    Map<String, String> plugin = new LinkedHashMap<>();
    for (Element m : lsp4ij("fileNamePatternMapping")) {
      assertEquals("dbtls", m.getAttribute("serverId"));
      assertTrue(
          source(m.getAttribute("documentMatcher")).contains("extends AbstractDocumentMatcher"));
      for (String p : m.getAttribute("patterns").split(";")) {
        plugin.put(p, m.getAttribute("languageId"));
      }
    }
    Map<String, String> template = new LinkedHashMap<>();
    JsonNode t =
        new ObjectMapper()
            .readTree(
                Files.readString(root.resolve("intellij-plugin/lsp4ij-template/template.json")));
    for (JsonNode m : t.get("fileTypeMappings")) {
      m.get("fileType")
          .get("patterns")
          .forEach(p -> template.put(p.asText(), m.get("languageId").asText()));
    }
    assertEquals(template, plugin);
    // dbt 1.12's Jinja file extensions (allow_jinja_file_extensions) are dbt SQL too
    assertEquals(
        Set.of("*.sql", "*.sql.j2", "*.sql.jinja", "*.sql.jinja2", "*.yml", "*.yaml"),
        plugin.keySet());
  }

  @Test
  void everyCodeLensCommandIsAnActionOfThatId() throws IOException {
    Matcher m = LENS_ROW.matcher(Files.readString(root.resolve("docs/protocol.md")));
    Set<String> commands = new TreeSet<>();
    while (m.find()) {
      commands.add(m.group(1));
    }
    assertEquals(7, commands.size(), "docs/protocol.md's code lens commands: " + commands);
    Set<String> actions = new TreeSet<>();
    NodeList list = xml.getElementsByTagName("action");
    for (int i = 0; i < list.getLength(); i++) {
      Element a = (Element) list.item(i);
      actions.add(a.getAttribute("id"));
      String nested = a.getAttribute("class");
      assertTrue(
          source(nested)
              .contains(
                  "class " + nested.substring(nested.indexOf('$') + 1) + " extends DbtActions"),
          nested);
    }
    // every lens command is an action; the menu also has the build commands no lens carries
    assertTrue(actions.containsAll(commands), "lens commands " + commands + " in " + actions);
    assertEquals(
        Set.of(
            "dbtls.buildModelChildren",
            "dbtls.buildModelParents",
            "dbtls.buildProject",
            "dbtls.runModel"),
        new TreeSet<>(actions.stream().filter(a -> !commands.contains(a)).toList()));
  }

  @Test
  void everyClassItNamesIsInThePlatformSources() {
    List<String> named = new ArrayList<>();
    for (String attribute :
        List.of("factoryClass", "documentMatcher", "instance", "class", "implementation")) {
      NodeList all = xml.getElementsByTagName("*");
      for (int i = 0; i < all.getLength(); i++) {
        String v = ((Element) all.item(i)).getAttribute(attribute);
        if (!v.isEmpty()) {
          named.add(v);
        }
      }
    }
    assertTrue(named.size() >= 10, "classes named: " + named);
    named.forEach(PluginXmlTest::source);
  }

  @Test
  void theToolWindowIsDbtWithItsSixTabs() {
    Element window = only(elements("toolWindow"));
    assertEquals("dbt", window.getAttribute("id"));
    String tabs = source("dev.dbtls.intellij.platform.DbtToolWindow");
    for (String tab :
        List.of(
            "\"Results\"",
            "\"Query Plan\"",
            "\"Benchmark\"",
            "\"Lineage\"",
            "\"Database\"",
            "\"History\"")) {
      assertTrue(tabs.contains(tab), tab);
    }
  }

  /** The source of a class named in plugin.xml ({@code Outer$Nested} is in Outer.java). */
  private static String source(String className) {
    String outer =
        className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
    Path file =
        root.resolve("intellij-plugin/platform/src/main/java")
            .resolve(outer.replace('.', '/') + ".java");
    assertTrue(Files.isRegularFile(file), className + ": no " + file);
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Element> lsp4ij(String tag) {
    List<Element> out = new ArrayList<>();
    NodeList ext = xml.getElementsByTagName("extensions");
    for (int i = 0; i < ext.getLength(); i++) {
      Element e = (Element) ext.item(i);
      if (e.getAttribute("defaultExtensionNs").equals("com.redhat.devtools.lsp4ij")) {
        NodeList found = e.getElementsByTagName(tag);
        for (int j = 0; j < found.getLength(); j++) {
          out.add((Element) found.item(j));
        }
      }
    }
    return out;
  }

  private static List<Element> elements(String tag) {
    List<Element> out = new ArrayList<>();
    NodeList found = xml.getElementsByTagName(tag);
    for (int i = 0; i < found.getLength(); i++) {
      out.add((Element) found.item(i));
    }
    return out;
  }

  private static List<String> texts(String tag) {
    return elements(tag).stream().map(e -> e.getTextContent().trim()).toList();
  }

  private static Element only(List<Element> elements) {
    assertEquals(1, elements.size());
    return elements.get(0);
  }
}
