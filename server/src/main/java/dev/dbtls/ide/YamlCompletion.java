package dev.dbtls.ide;

import dev.dbtls.index.Catalog;
import dev.dbtls.index.Macro;
import dev.dbtls.index.Node;
import dev.dbtls.index.RefCall;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.yaml.YamlMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion in property YAML (and {@code +config} values of dbt_project.yml) on the text as
 * typed. {@link YamlCursor} says which keys enclose the cursor; then: the keys valid there, the
 * project's models (seeds, snapshots, analyses, macros) after {@code - name: } of their list,
 * preferring those not yet described; a model's columns after {@code columns: - name: } (from
 * {@code target/catalog.json}, its SQL's select list, YAML, then its parents' columns), minus
 * those already listed; generic test names under {@code data_tests:}/{@code tests:} with their
 * arguments; config keys of the resource type and their known values; names inside
 * {@code ref('} and {@code source('}. Multi-line insert texts are indented relative to the
 * cursor line (clients add its indentation).
 */
final class YamlCompletion {
  private final CompletionContext r;
  private final String root;

  YamlCompletion(CompletionContext r) {
    this.r = r;
    this.root = r.snapshot.inputs().root().name();
  }

  /** YAML files that are property files or dbt_project.yml (not profiles, packages, selectors). */
  static boolean covers(String displayPath) {
    if (!displayPath.endsWith(".yml") && !displayPath.endsWith(".yaml")) {
      return false;
    }
    String name = displayPath.substring(displayPath.lastIndexOf('/') + 1);
    return !OTHER_YAML.contains(name) && !displayPath.startsWith("target/")
        && !displayPath.startsWith("logs/");
  }

  private static final Set<String> OTHER_YAML = Set.of("profiles.yml", "packages.yml",
      "dependencies.yml", "selectors.yml", "package-lock.yml");

  List<CompletionItem> complete() {
    List<CompletionItem> inCall = inCall();
    if (inCall != null) {
      return inCall;
    }
    YamlCursor c = YamlCursor.at(r.text, r.offset);
    return switch (c.position) {
      case KEY -> key(c);
      case VALUE -> value(c);
      case NONE -> List.of();
    };
  }

  private boolean projectFile() {
    return r.displayPath.equals("dbt_project.yml") || r.displayPath.endsWith("/dbt_project.yml");
  }

  // ---------------------------------------------------------------- ref(' and source(' in values

  private static final Pattern CALL = Pattern.compile("\\b(ref|source)\\s*\\([^()]*$");

  /** Inside the string argument of {@code ref(}/{@code source(}: what Jinja completion gives. */
  private List<CompletionItem> inCall() {
    int lineStart = r.text.lastIndexOf('\n', r.offset - 1) + 1;
    String before = r.text.substring(lineStart, r.offset);
    Matcher m = CALL.matcher(before);
    if (!m.find()) {
      return null;
    }
    String call = before.substring(m.start());
    long quotes = call.chars().filter(ch -> ch == '\'' || ch == '"').count();
    if (quotes % 2 == 0) {
      return List.of(); // between arguments: nothing worth naming
    }
    String synthetic = "{{ " + call;
    int shift = lineStart + m.start() - 3;
    List<CompletionItem> out = new ArrayList<>();
    for (CompletionItem i : Completion.at(new CompletionContext(r.snapshot, r.described,
        r.displayPath, synthetic, synthetic.length()))) {
      out.add(new CompletionItem(i.label(), i.kind(), i.detail(), i.documentation(),
          i.insertText(), i.snippet(), i.replaceStart() + shift, i.replaceEnd() + shift,
          i.sortText()));
    }
    return out;
  }

  // ---------------------------------------------------------------- keys

  private List<CompletionItem> key(YamlCursor c) {
    CompletionItems items = new CompletionItems(c.prefix, c.prefixStart, r.offset);
    if (projectFile()) {
      projectConfigKeys(c, items);
      return items.result();
    }
    YamlCursor.Segment last = c.segment(0);
    if (last != null && last.isItem() && c.item && testList(c.segment(1))) {
      testNames(items, restOfLineBlank(), argumentsForm());
      return items.result();
    }
    Set<String> present = last == null ? c.childKeys(null)
        : last.isItem() ? c.keysOf(last).keySet() : c.childKeys(last);
    if (last != null && last.name().equals("config")) {
      configKeys(configResource(c), items, present, "");
    } else if (last != null && !last.isItem() && testList(c.segment(2))) {
      testArguments(last.name(), true, items, present); // `- accepted_values:` then its keys
    } else if (last != null && last.name().equals("arguments") && testList(c.segment(3))) {
      testArguments(c.segment(1).name(), false, items, present);
    } else {
      List<String> keys = keysAt(c, c.pathString());
      for (int i = 0; i < keys.size(); i++) {
        String k = keys.get(i);
        if (!present.contains(k)) {
          items.add(k, CompletionKind.KEYWORD, i, "property", null,
              YamlVocabulary.BLOCK_KEYS.contains(k) ? k + ":" : k + ": ", false);
        }
      }
    }
    return items.result();
  }

  /** The keys valid in the mapping the cursor path ends in. */
  private List<String> keysAt(YamlCursor c, String path) {
    if (path.isEmpty()) {
      return YamlVocabulary.TOP;
    }
    YamlCursor.Segment last = c.segment(0);
    YamlCursor.Segment parent = c.segment(1);
    if (last.isItem() && parent != null) {
      if (c.path.size() == 2) {
        return switch (parent.name()) {
          case "models" -> YamlVocabulary.MODEL;
          case "seeds" -> YamlVocabulary.SEED;
          case "snapshots" -> YamlVocabulary.SNAPSHOT;
          case "analyses" -> YamlVocabulary.ANALYSIS;
          case "macros" -> YamlVocabulary.MACRO;
          case "sources" -> YamlVocabulary.SOURCE;
          case "exposures" -> YamlVocabulary.EXPOSURE;
          case "groups" -> YamlVocabulary.GROUP;
          case "unit_tests" -> YamlVocabulary.UNIT_TEST;
          default -> List.of();
        };
      }
      return switch (parent.name()) {
        case "columns" -> path.contains("/versions/") ? YamlVocabulary.VERSION_COLUMN
            : YamlVocabulary.COLUMN;
        case "tables" -> YamlVocabulary.SOURCE_TABLE;
        case "versions" -> YamlVocabulary.VERSION;
        case "constraints" -> YamlVocabulary.CONSTRAINT;
        case "arguments" -> YamlVocabulary.MACRO_ARGUMENT;
        case "tests", "data_tests" -> YamlVocabulary.TEST_ENTRY;
        default -> List.of();
      };
    }
    return switch (last.name()) {
      case "freshness" -> YamlVocabulary.FRESHNESS;
      case "owner" -> YamlVocabulary.OWNER;
      case "docs" -> YamlVocabulary.DOCS;
      case "warn_after", "error_after" -> List.of("count", "period");
      default -> List.of();
    };
  }

  private static boolean testList(YamlCursor.Segment s) {
    return s != null && (s.name().equals("tests") || s.name().equals("data_tests"));
  }

  private boolean restOfLineBlank() {
    int end = r.text.indexOf('\n', r.offset);
    return r.text.substring(r.offset, end < 0 ? r.text.length() : end).isBlank();
  }

  /** The resource type whose config the cursor's {@code config:} sets. */
  private static String configResource(YamlCursor c) {
    for (YamlCursor.Segment s : c.path) {
      if (s.name().equals("tests") || s.name().equals("data_tests")) {
        return "tests";
      }
    }
    YamlCursor.Segment item = c.segment(1);
    YamlCursor.Segment list = c.segment(2);
    if (item != null && item.isItem() && list != null && list.name().equals("columns")) {
      return "columns";
    }
    return c.path.isEmpty() ? "" : c.path.get(0).name();
  }

  private void configKeys(String resource, CompletionItems items, Set<String> present,
      String plus) {
    List<String> keys = YamlVocabulary.CONFIG.getOrDefault(resource, List.of());
    for (String k : keys) {
      if (present.contains(plus + k)) {
        continue;
      }
      String doc = ConfigKeys.DOCS.getOrDefault(k, CompletionVocabulary.CONFIG_KEYS
          .getOrDefault(k, YamlVocabulary.CONFIG_DOCS.get(k)));
      boolean block = YamlVocabulary.BLOCK_KEYS.contains(k) || k.equals("freshness");
      items.add(plus + k, CompletionKind.CONFIG_KEY, k.equals("materialized") ? 0 : 1,
          "config (" + resource + ")", doc, plus + k + (block ? ":" : ": "), false);
    }
  }

  /** {@code +key} config keys in dbt_project.yml under {@code models:}, {@code seeds:}, ... */
  private void projectConfigKeys(YamlCursor c, CompletionItems items) {
    if (c.path.isEmpty() || !c.prefix.startsWith("+") && !c.prefix.isEmpty()) {
      return;
    }
    String resource = c.path.get(0).name().equals("data_tests") ? "tests" : c.path.get(0).name();
    if (!c.path.get(c.path.size() - 1).isItem()) {
      configKeys(resource, items, c.childKeys(c.segment(0)), "+");
    }
  }

  // ---------------------------------------------------------------- data tests

  /** Whether the file (or the project's flags) writes test arguments under {@code arguments:}. */
  private boolean argumentsForm() {
    if (r.text.contains("arguments:") && ARGUMENTS_LINE.matcher(r.text).find()) {
      return true;
    }
    YamlMap project = r.snapshot.inputs().root().document() == null ? null
        : r.snapshot.inputs().root().document().rootMap();
    return project != null && Boolean.TRUE.equals(project.plainMap("flags")
        .get("require_generic_test_arguments_property"));
  }

  /** {@code arguments:} opening a block in a test entry (macro properties use a list instead). */
  private static final Pattern ARGUMENTS_LINE = Pattern.compile(
      "(?m)^\\s+(?:-\\s+)?[\\w.]+:\\s*\\n\\s+arguments:\\s*$");

  private void testNames(CompletionItems items, boolean snippets, boolean argumentsForm) {
    for (YamlVocabulary.BuiltinTest t : YamlVocabulary.BUILTIN_TESTS) {
      String insert = t.name();
      boolean snippet = snippets && !t.arguments().isEmpty();
      if (snippet) {
        StringBuilder sb = new StringBuilder(t.name()).append(':');
        String indent = "    ";
        if (argumentsForm) {
          sb.append("\n    arguments:");
          indent = "      ";
        }
        for (String a : t.arguments()) {
          sb.append('\n').append(indent).append(a);
        }
        insert = sb.toString();
      }
      items.add(t.name(), CompletionKind.MACRO, 0, "generic test (dbt)", t.doc(), insert,
          snippet);
    }
    for (Macro m : r.manifest.macros().values()) {
      if (!m.name().startsWith("test_") || m.name().length() == 5) {
        continue;
      }
      String name = m.name().substring(5);
      boolean local = m.packageName().equals(root) || m.packageName().equals(r.packageName);
      String label = local ? name : m.packageName() + "." + name;
      List<String> args = m.parameters().stream()
          .filter(p -> !p.equals("model") && !p.equals("column_name")).toList();
      items.add(label, CompletionKind.MACRO, local ? 1 : 2, "generic test " + m.packageName()
          + "." + name + (args.isEmpty() ? "" : "(" + String.join(", ", args) + ")"),
          m.description(), label, false);
    }
  }

  /** The arguments a test takes, as keys under its name (or its {@code arguments:}). */
  private void testArguments(String test, boolean withConfig, CompletionItems items,
      Set<String> present) {
    List<String> args = new ArrayList<>();
    switch (test) {
      case "accepted_values" -> args.addAll(List.of("values", "quote"));
      case "relationships" -> args.addAll(List.of("to", "field"));
      case "not_null", "unique" -> { }
      default -> {
        Macro m = testMacro(test);
        if (m != null) {
          m.parameters().stream().filter(p -> !p.equals("model") && !p.equals("column_name"))
              .forEach(args::add);
        }
      }
    }
    for (String a : args) {
      if (!present.contains(a)) {
        items.add(a, CompletionKind.KEYWORD, 0, "argument of " + test, null, a + ": ", false);
      }
    }
    if (withConfig) {
      for (String k : List.of("config", "arguments")) {
        if (!present.contains(k)) {
          items.add(k, CompletionKind.KEYWORD, 1, "test property", null, k + ":", false);
        }
      }
    }
  }

  private Macro testMacro(String test) {
    int dot = test.indexOf('.');
    if (dot > 0) {
      return r.manifest.macros().get("macro." + test.substring(0, dot) + ".test_"
          + test.substring(dot + 1));
    }
    Macro m = r.manifest.macros().get("macro." + root + ".test_" + test);
    return m != null ? m : r.manifest.macros().get("macro." + r.packageName + ".test_" + test);
  }

  // ---------------------------------------------------------------- values

  private List<CompletionItem> value(YamlCursor c) {
    String typed = c.prefix;
    int start = c.prefixStart;
    boolean flow = c.quote == '\0' && typed.startsWith("[");
    if (flow) {
      int cut = Math.max(typed.lastIndexOf('['), typed.lastIndexOf(',')) + 1;
      while (cut < typed.length() && typed.charAt(cut) == ' ') {
        cut++;
      }
      start += cut;
      typed = typed.substring(cut);
    }
    CompletionItems items = new CompletionItems(typed, start, r.offset);
    String key = c.key.startsWith("+") ? c.key.substring(1) : c.key;
    YamlCursor.Segment last = c.segment(0);
    YamlCursor.Segment list = c.segment(1);
    String path = c.pathString();
    if (projectFile()) {
      if (c.key.startsWith("+") || path.contains("/")) {
        configValues(key, items);
      }
      return items.result();
    }
    if (flow) {
      if (key.equals("data_tests") || key.equals("tests")) {
        testNames(items, false, false);
      }
      return items.result();
    }
    if (key.equals("name") && last != null && last.isItem() && list != null) {
      if (c.path.size() == 2) {
        switch (list.name()) {
          case "models" -> nodeNames(ResourceType.MODEL, c, items);
          case "seeds" -> nodeNames(ResourceType.SEED, c, items);
          case "snapshots" -> nodeNames(ResourceType.SNAPSHOT, c, items);
          case "analyses" -> nodeNames(ResourceType.ANALYSIS, c, items);
          case "macros" -> macroNames(c, items);
          default -> { }
        }
      } else if (list.name().equals("columns")) {
        columnNames(c, items);
      }
      return items.result();
    }
    if (key.equals("model") && path.equals("unit_tests/-")) {
      nodeNames(ResourceType.MODEL, c, items);
      return items.result();
    }
    if (key.equals("type") && list != null && last.isItem()) {
      List<String> words = list.name().equals("constraints") ? YamlVocabulary.CONSTRAINT_TYPES
          : path.equals("exposures/-") ? YamlVocabulary.EXPOSURE_TYPES : List.of();
      words.forEach(w -> items.add(w, CompletionKind.CONFIG_VALUE, 0, key, null, w, false));
      return items.result();
    }
    if (key.equals("data_type") && list != null && list.name().equals("columns")) {
      dataType(c, items);
      return items.result();
    }
    if (key.equals("version") && !path.isEmpty()) {
      return List.of(); // only the top-level `version: 2`
    }
    configValues(key, items);
    return items.result();
  }

  private void configValues(String key, CompletionItems items) {
    List<String> values = new ArrayList<>();
    if (key.equals("materialized")) {
      values.addAll(CompletionVocabulary.MATERIALIZATIONS);
      values.addAll(customMaterializations());
    } else if (YamlVocabulary.BOOLEAN_KEYS.contains(key)) {
      values.addAll(YamlVocabulary.BOOLEAN);
    } else {
      values.addAll(YamlVocabulary.VALUES.getOrDefault(key, List.of()));
    }
    for (String v : values) {
      items.add(v, CompletionKind.CONFIG_VALUE, 0, key, null, v, false);
    }
  }

  private List<String> customMaterializations() {
    TreeSet<String> names = new TreeSet<>();
    for (Macro m : r.manifest.macros().values()) {
      String n = m.name();
      if (n.startsWith("materialization_") && n.lastIndexOf('_') > "materialization_".length()) {
        names.add(n.substring("materialization_".length(), n.lastIndexOf('_')));
      }
    }
    names.removeAll(CompletionVocabulary.MATERIALIZATIONS);
    return List.copyOf(names);
  }

  // ---------------------------------------------------------------- names of nodes

  /**
   * The package's nodes of {@code type}: those no property file describes yet first, then those
   * described elsewhere; not those already in this list.
   */
  private void nodeNames(ResourceType type, YamlCursor c, CompletionItems items) {
    String section = c.path.get(0).name();
    Set<String> listed = listedNames(c, c.path.get(0));
    Map<String, String> described = r.described.of(r.snapshot, r.packageName, section);
    Set<String> here = DescribedNames.names(r.text).getOrDefault(section, Set.of());
    CompletionKind kind = type == ResourceType.SEED ? CompletionKind.SEED
        : type == ResourceType.SNAPSHOT ? CompletionKind.SNAPSHOT : CompletionKind.MODEL;
    for (Node n : r.manifest.nodes().values()) {
      if (n.type() != type || !n.packageName().equals(r.packageName) || listed.contains(n.name())
          || !items.matches(n.name())) {
        continue;
      }
      String elsewhere = described.get(n.name());
      boolean describedElsewhere = elsewhere != null && !elsewhere.equals(r.displayPath)
          || here.contains(n.name());
      items.add(n.name(), kind, describedElsewhere ? 5 : 0, n.displayPath()
          + (describedElsewhere && elsewhere != null && !elsewhere.equals(r.displayPath)
              ? " · described in " + elsewhere : ""), n.description(), n.name(), false);
    }
  }

  private void macroNames(YamlCursor c, CompletionItems items) {
    Set<String> listed = listedNames(c, c.path.get(0));
    for (Macro m : r.manifest.macros().values()) {
      if (m.packageName().equals(r.packageName) && !m.name().startsWith("materialization_")
          && !listed.contains(m.name())) {
        items.add(m.name(), CompletionKind.MACRO, m.name().startsWith("test_") ? 1 : 0,
            m.displayPath(), m.description(), m.name(), false);
      }
    }
  }

  /** The {@code name}s of the items of the list under {@code key}, but the cursor's own item. */
  private static Set<String> listedNames(YamlCursor c, YamlCursor.Segment key) {
    YamlCursor.Segment own = c.segment(0);
    return c.itemNames(key, own == null ? -1 : own.line());
  }

  // ---------------------------------------------------------------- columns

  private void columnNames(YamlCursor c, CompletionItems items) {
    Node owner = ownerNode(c);
    if (owner == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (String name : listedNames(c, c.segment(1))) {
      seen.add(name.toLowerCase(Locale.ROOT));
    }
    Catalog catalog = ProjectCatalog.of(r.snapshot);
    List<NodeColumns.Column> known = NodeColumns.of(r.snapshot, catalog, owner);
    for (NodeColumns.Column col : known) {
      if (col.warehouse() != null || col.inferred() != null) { // what the relation has, or its SQL produces
        column(col.name(), col.type(), col.description(), 0, owner.name(), seen, items);
      }
    }
    if (owner.type() != ResourceType.SOURCE && owner.type() != ResourceType.SEED
        && owner.file() != null && !owner.file().isPython()) {
      for (String name : SelectedColumns.of(owner.file().text())) {
        Optional<NodeColumns.Column> col = NodeColumns.column(catalog, owner, name);
        column(name, col.map(NodeColumns.Column::type).orElse(null),
            col.map(NodeColumns.Column::description).orElse(null), 0, "select of " + owner.name(),
            seen, items);
      }
    }
    // the snapshot holds this buffer: its half-typed name is a YAML column already
    seen.add(items.prefix().toLowerCase(Locale.ROOT));
    for (NodeColumns.Column col : known) {
      column(col.name(), col.type(), col.description(), 1, owner.name(), seen, items);
    }
    for (String uid : owner.dependsOn()) {
      Node parent = r.manifest.nodes().get(uid);
      if (parent == null) {
        continue;
      }
      for (NodeColumns.Column col : NodeColumns.of(r.snapshot, catalog, parent)) {
        column(col.name(), col.type(), col.description(), 3, "from " + parent.name(), seen, items);
      }
    }
  }

  private static void column(String name, String type, String doc, int group, String where,
      Set<String> seen, CompletionItems items) {
    if (seen.add(name.toLowerCase(Locale.ROOT))) {
      items.add(name, CompletionKind.COLUMN, group, (type == null ? "column" : type) + " · "
          + where, doc, name, false);
    }
  }

  /** The catalog's type of the column being described, after {@code data_type: }. */
  private void dataType(YamlCursor c, CompletionItems items) {
    Node owner = ownerNode(c);
    String column = c.keysOf(c.segment(0)).get("name");
    if (owner == null || column == null) {
      return;
    }
    ProjectCatalog.of(r.snapshot).column(owner.uniqueId(), column).filter(k -> k.type() != null)
        .ifPresent(k -> items.add(k.type().toLowerCase(Locale.ROOT), CompletionKind.CONFIG_VALUE,
            0, "type in the warehouse (catalog.json)", null, k.type().toLowerCase(Locale.ROOT),
            false));
  }

  /** The model, seed, snapshot, analysis or source table whose {@code columns:} hold the cursor. */
  private Node ownerNode(YamlCursor c) {
    List<YamlCursor.Segment> p = c.path;
    if (p.size() < 2 || !p.get(1).isItem()) {
      return null;
    }
    String name = c.keysOf(p.get(1)).get("name");
    if (name == null) {
      return null;
    }
    String pkg = r.packageName;
    switch (p.get(0).name()) {
      case "models" -> {
        String version = null;
        if (p.size() > 3 && p.get(2).name().equals("versions") && p.get(3).isItem()) {
          version = c.keysOf(p.get(3)).get("v");
        }
        return r.manifest.resolveRef(pkg, new RefCall(pkg, name, version, 0, 0)).orElse(null);
      }
      case "seeds", "snapshots", "analyses" -> {
        String type = switch (p.get(0).name()) {
          case "seeds" -> "seed";
          case "snapshots" -> "snapshot";
          default -> "analysis";
        };
        return r.manifest.nodes().get(type + "." + pkg + "." + name);
      }
      case "sources" -> {
        if (p.size() > 3 && p.get(2).name().equals("tables") && p.get(3).isItem()) {
          String table = c.keysOf(p.get(3)).get("name");
          return table == null ? null
              : r.manifest.resolveSource(pkg, name, table).orElse(null);
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }
}
