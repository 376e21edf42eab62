package dev.dbtls.project.properties;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.yaml.YamlDocument;
import dev.dbtls.project.yaml.YamlList;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A property YAML file ({@code models/_schema.yml} and the like), read the way dbt reads it:
 * models, seeds, snapshots (also those defined in YAML), analyses, functions, sources, macros,
 * exposures, unit tests, and the Semantic Layer's semantic models, metrics and saved queries.
 * Entries it cannot understand are reported with their location and skipped; the rest of the file
 * still counts. The YAML tree itself is not kept (it is the largest thing a big project holds);
 * every entry keeps the locations features need.
 */
public record PropertyFile(
    String path,
    List<NodeSpec> nodes,
    List<SourceSpec> sources,
    List<MacroSpec> macros,
    List<ExposureSpec> exposures,
    List<UnitTestSpec> unitTests,
    List<DocRef> docRefs,
    List<Problem> problems,
    List<SemanticModelSpec> semanticModels,
    List<MetricSpec> metrics,
    List<SavedQuerySpec> savedQueries,
    List<FunctionSpec> functions,
    List<YamlSnapshotSpec> yamlSnapshots) {

  /** A {@code doc('name')} (or {@code doc('package', 'name')}) inside a description. */
  public record DocRef(String packageName, String name, dev.dbtls.project.Span span) {
    public DocRef {
      // a docs block's name, quoted by many columns (100k models: 230,000 copies)
      packageName = dev.dbtls.project.Shared.name(packageName);
      name = dev.dbtls.project.Shared.name(name);
    }
  }

  /**
   * What dbt takes out of a test's arguments as configs, in its order (its TestBuilder's {@code
   * CONFIG_ARGS}).
   */
  public static final List<String> TEST_CONFIG_ARGS =
      List.of(
          "severity",
          "tags",
          "enabled",
          "where",
          "limit",
          "warn_if",
          "error_if",
          "fail_calc",
          "store_failures",
          "store_failures_as",
          "meta",
          "database",
          "schema",
          "alias");

  private static final Map<String, String> NODE_KEYS =
      Map.of(
          "models",
          "model",
          "seeds",
          "seed",
          "snapshots",
          "snapshot",
          "analyses",
          "analysis",
          "functions",
          "function");

  public static PropertyFile parse(String path, String text) {
    YamlDocument doc = YamlDocument.parseSharingTexts(path, text);
    Reader r = new Reader(path, doc.problems());
    YamlMap root = doc.rootMap();
    if (doc.root() != null && !(doc.root() instanceof YamlMap)) {
      r.problem(
          doc.root(), "a property file must be a mapping with keys like 'models:' and 'sources:'");
    }
    List<NodeSpec> nodes = new ArrayList<>();
    NODE_KEYS.forEach(
        (key, type) ->
            r.entries(root, key)
                .forEach(
                    m -> {
                      NodeSpec n = r.node(type, m);
                      if (n != null) {
                        nodes.add(n);
                      }
                    }));
    nodes.sort(java.util.Comparator.comparingInt(n -> n.span().startLine()));
    SemanticLayerReader semantic = new SemanticLayerReader(path, r.problems);
    List<SemanticModelSpec> semanticModels = new ArrayList<>();
    List<MetricSpec> metrics = new ArrayList<>();
    List<SavedQuerySpec> savedQueries = new ArrayList<>();
    r.entries(root, "semantic_models").forEach(m -> add(semanticModels, semantic.semanticModel(m)));
    r.entries(root, "metrics").forEach(m -> add(metrics, semantic.metric(m, null)));
    r.entries(root, "saved_queries").forEach(m -> add(savedQueries, semantic.savedQuery(m)));
    for (YamlMap m : r.entries(root, "models")) {
      String name = m.string("name");
      if (name != null && !name.isBlank()) {
        SemanticModelSpec inline = semantic.inlineSemanticModel(m, name);
        add(semanticModels, inline);
        metrics.addAll(semantic.inlineMetrics(m, inline));
      }
    }
    List<FunctionSpec> functions = new ArrayList<>();
    for (YamlMap m : r.entries(root, "functions")) {
      String name = m.string("name");
      if (name != null && !name.isBlank()) {
        functions.add(r.function(m, name));
      }
    }
    List<YamlSnapshotSpec> yamlSnapshots = new ArrayList<>();
    for (YamlMap m : r.entries(root, "snapshots")) {
      String name = m.string("name");
      YamlNode relation = m.get("relation");
      if (name != null
          && !name.isBlank()
          && relation instanceof YamlScalar s
          && s.value() != null) {
        yamlSnapshots.add(new YamlSnapshotSpec(name, relation.text(), relation.span()));
      }
    }
    List<SourceSpec> sources = new ArrayList<>();
    r.entries(root, "sources")
        .forEach(
            m -> {
              SourceSpec s = r.source(m);
              if (s != null) {
                sources.add(s);
              }
            });
    List<MacroSpec> macros = new ArrayList<>();
    r.entries(root, "macros")
        .forEach(
            m -> {
              if (r.named(m, "macro") != null) {
                macros.add(
                    new MacroSpec(
                        m.string("name"),
                        m.string("description"),
                        r.arguments(m),
                        m.plainMap("meta"),
                        path,
                        m.span()));
              }
            });
    List<ExposureSpec> exposures = new ArrayList<>();
    r.entries(root, "exposures")
        .forEach(
            m -> {
              if (r.named(m, "exposure") != null) {
                exposures.add(
                    new ExposureSpec(
                        m.string("name"),
                        m.string("label"),
                        m.string("type"),
                        m.string("maturity"),
                        m.string("url"),
                        m.string("description"),
                        m.plainMap("owner"),
                        m.strings("depends_on"),
                        m.plainMap("meta"),
                        m.strings("tags"),
                        path,
                        m.span(),
                        nameSpan(m)));
              }
            });
    List<UnitTestSpec> unitTests = new ArrayList<>();
    r.entries(root, "unit_tests")
        .forEach(
            m -> {
              UnitTestSpec u = UnitTestReader.read(m, path, r.problems);
              if (u != null) {
                unitTests.add(u);
              }
            });
    List<DocRef> docRefs = new ArrayList<>();
    if (doc.root() != null) {
      DocRefs.collect(doc.root(), text, docRefs);
    }
    return new PropertyFile(
        path,
        List.copyOf(nodes),
        List.copyOf(sources),
        List.copyOf(macros),
        List.copyOf(exposures),
        List.copyOf(unitTests),
        List.copyOf(docRefs),
        List.copyOf(r.problems),
        List.copyOf(semanticModels),
        List.copyOf(metrics),
        List.copyOf(savedQueries),
        List.copyOf(functions),
        List.copyOf(yamlSnapshots));
  }

  private static <T> void add(List<T> out, T item) {
    if (item != null) {
      out.add(item);
    }
  }

  private static dev.dbtls.project.Span nameSpan(YamlMap m) {
    YamlNode n = m.get("name");
    return n == null ? m.span() : n.span();
  }

  private static final class Reader {
    final String path;
    final List<Problem> problems = new ArrayList<>();

    Reader(String path, List<Problem> earlier) {
      this.path = path;
      problems.addAll(earlier);
    }

    void problem(YamlNode at, String message) {
      problems.add(Problem.at(path, at.span(), ProblemCode.YAML_SCHEMA, message));
    }

    List<YamlMap> entries(YamlMap parent, String key) {
      YamlNode n = parent.get(key);
      if (n == null || n instanceof YamlScalar s && s.value() == null) {
        return List.of();
      }
      if (!(n instanceof YamlList list)) {
        problem(n, "'" + key + "' must be a list of entries, each with a 'name'");
        return List.of();
      }
      List<YamlMap> out = new ArrayList<>();
      for (YamlNode item : list.items()) {
        if (item instanceof YamlMap m) {
          out.add(m);
        } else {
          problem(item, "each entry of '" + key + "' must be a mapping with a 'name'");
        }
      }
      return out;
    }

    String named(YamlMap m, String what) {
      String name = m.string("name");
      if (name == null || name.isBlank()) {
        problem(m, "this " + what + " has no 'name'");
        return null;
      }
      return name;
    }

    /** A function entry's arguments and return type (its config is its {@link NodeSpec}'s). */
    FunctionSpec function(YamlMap m, String name) {
      List<FunctionSpec.Argument> args = new ArrayList<>();
      for (YamlMap a : entries(m, "arguments")) {
        String arg = named(a, "argument");
        if (arg != null) {
          args.add(
              new FunctionSpec.Argument(
                  arg,
                  a.string("data_type"),
                  a.string("description"),
                  a.has("default_value") ? a.get("default_value").toPlain() : null,
                  a.span()));
        }
      }
      YamlNode returns = m.get("returns");
      if (returns == null) {
        problem(m.get("name"), "function '" + name + "' has no 'returns: {data_type: ...}'");
      }
      return new FunctionSpec(
          name, List.copyOf(args), m.map("returns").string("data_type"), path, nameSpan(m));
    }

    NodeSpec node(String type, YamlMap m) {
      String name = named(m, type);
      if (name == null) {
        return null;
      }
      List<ColumnSpec> columns = columns(m);
      List<VersionSpec> versions = new ArrayList<>();
      for (YamlMap v : entries(m, "versions")) {
        String vid = v.string("v");
        if (vid == null) {
          problem(v, "a version needs 'v'");
          continue;
        }
        versions.add(
            new VersionSpec(
                vid, v.string("defined_in"), versionColumns(columns, v), config(v), v.span()));
      }
      return new NodeSpec(
          type,
          name,
          m.string("description"),
          config(m),
          columns,
          tests(m),
          m.plainMap("meta"),
          m.strings("tags"),
          List.copyOf(versions),
          m.string("latest_version"),
          path,
          m.span(),
          nameSpan(m),
          plainItems(m, "constraints"));
    }

    /** A model's {@code config:} plus the keys dbt also accepts at the top of an entry. */
    Map<String, Object> config(YamlMap m) {
      YamlNode c = m.get("config");
      if (c != null
          && !(c instanceof YamlMap)
          && !(c instanceof YamlScalar s && s.value() == null)) {
        problem(c, "'config' must be a mapping");
      }
      Map<String, Object> out = new LinkedHashMap<>(m.plainMap("config"));
      for (String k : List.of("docs", "access", "group", "contract")) {
        if (m.has(k) && !out.containsKey(k)) {
          out.put(k, m.get(k).toPlain());
        }
      }
      return out;
    }

    List<ColumnSpec> columns(YamlMap m) {
      List<ColumnSpec> out = new ArrayList<>();
      for (YamlMap c : entries(m, "columns")) {
        if (c.has("include") || c.has("exclude")) {
          continue; // version column selectors, handled by versionColumns
        }
        String name = named(c, "column");
        if (name != null) {
          out.add(
              new ColumnSpec(
                  name,
                  c.string("description"),
                  dataType(c),
                  tests(c),
                  plainItems(c, "constraints"),
                  columnMeta(c),
                  columnTags(c),
                  quote(c),
                  c.span()));
        }
      }
      return List.copyOf(out);
    }

    /** The plain values of the list under {@code key}: none when it is absent or no list. */
    @SuppressWarnings("unchecked")
    private static List<Object> plainItems(YamlMap m, String key) {
      return m.get(key) instanceof YamlList l && !l.items().isEmpty()
          ? java.util.Collections.unmodifiableList((List<Object>) l.toPlain())
          : List.of();
    }

    /**
     * A column's meta: written at the top of its entry or under its {@code config:} (where dbt 1.10
     * wants it), merged as dbt merges them, the config's winning.
     */
    private static Map<String, Object> columnMeta(YamlMap c) {
      Map<String, Object> nested =
          c.get("config") instanceof YamlMap config ? config.plainMap("meta") : Map.of();
      if (nested.isEmpty()) {
        return c.plainMap("meta");
      }
      Map<String, Object> out = new LinkedHashMap<>(c.plainMap("meta"));
      out.putAll(nested);
      return java.util.Collections.unmodifiableMap(out);
    }

    /** A column's tags, at the top of its entry and under its {@code config:}. */
    private static List<String> columnTags(YamlMap c) {
      List<String> nested =
          c.get("config") instanceof YamlMap config ? config.strings("tags") : List.of();
      if (nested.isEmpty()) {
        return c.strings("tags");
      }
      java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(c.strings("tags"));
      out.addAll(nested);
      return List.copyOf(out);
    }

    private static String dataType(YamlMap c) {
      String written = c.string("data_type");
      return written != null ? written : c.string("type");
    }

    private static Boolean quote(YamlMap c) {
      return c.get("quote") instanceof YamlScalar s && s.value() instanceof Boolean b ? b : null;
    }

    /** {@code columns: [{include: all, exclude: [a]}, {name: b}]} on a version entry. */
    List<ColumnSpec> versionColumns(List<ColumnSpec> modelColumns, YamlMap version) {
      if (!version.has("columns")) {
        return modelColumns;
      }
      Map<String, ColumnSpec> out = new LinkedHashMap<>();
      boolean selectorSeen = false;
      for (YamlMap c : entries(version, "columns")) {
        if (c.has("include") || c.has("exclude")) {
          selectorSeen = true;
          YamlNode inc = c.get("include");
          Set<String> include =
              inc == null || "all".equals(inc.text()) || "*".equals(inc.text())
                  ? null
                  : new LinkedHashSet<>(c.strings("include"));
          Set<String> exclude = new LinkedHashSet<>(c.strings("exclude"));
          for (ColumnSpec col : modelColumns) {
            if ((include == null || include.contains(col.name()))
                && !exclude.contains(col.name())) {
              out.put(col.name(), col);
            }
          }
        }
      }
      if (!selectorSeen) {
        modelColumns.forEach(col -> out.put(col.name(), col));
      }
      YamlMap own =
          new YamlMap(Map.of("columns", version.get("columns")), Map.of(), version.span());
      columns(own).forEach(col -> out.put(col.name(), col));
      return List.copyOf(out.values());
    }

    /** Where an entry lists its tests: dbt 1.8's key, then the older one. */
    private static final List<String> TEST_KEYS = List.of("data_tests", "tests");

    List<DataTestSpec> tests(YamlMap m) {
      List<DataTestSpec> out = null;
      for (String key : TEST_KEYS) {
        YamlNode n = m.get(key);
        if (n == null || n instanceof YamlScalar s && s.value() == null) {
          continue;
        }
        if (!(n instanceof YamlList list)) {
          problem(n, "'" + key + "' must be a list of tests");
          continue;
        }
        for (YamlNode t : list.items()) {
          DataTestSpec spec = test(t);
          if (spec != null) {
            if (out == null) {
              out = new ArrayList<>();
            }
            out.add(spec);
          }
        }
      }
      return out == null ? List.of() : List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    DataTestSpec test(YamlNode t) {
      if (t instanceof YamlScalar s && s.value() != null) {
        return new DataTestSpec(testName(t.text()), Map.of(), Map.of(), null, t.span());
      }
      if (!(t instanceof YamlMap m) || m.entries().isEmpty()) {
        problem(t, "a test is a name or a mapping of one test name to its arguments");
        return null;
      }
      String testName;
      Map<String, Object> args;
      if (m.has("test_name")) {
        testName = testName(m.string("test_name"));
        args = new LinkedHashMap<>((Map<String, Object>) m.toPlain());
        args.remove("test_name");
      } else {
        Map.Entry<String, YamlNode> first = m.entries().entrySet().iterator().next();
        testName = testName(first.getKey());
        Object raw = first.getValue().toPlain();
        args =
            raw instanceof Map<?, ?> a
                ? new LinkedHashMap<>((Map<String, Object>) a)
                : new LinkedHashMap<>();
      }
      Object argsBlock = args.remove("arguments");
      if (argsBlock instanceof Map<?, ?> a) {
        args.putAll((Map<String, Object>) a);
      }
      Map<String, Object> config = configs(args);
      args.remove("description");
      Object customName = args.remove("name");
      return new DataTestSpec(
          testName, args, config, customName == null ? null : String.valueOf(customName), m.span());
    }

    /**
     * The test's name as dbt reads it: the longest {@code [namespace.]name} of identifiers at the
     * start of what is written (dbt's TEST_NAME_PATTERN with {@code match}), so a stray character
     * after it — {@code dbt_expectations.expect_row_count:} with a colon — is ignored, as in dbt.
     */
    static String testName(String written) {
      if (written == null) {
        return null;
      }
      java.util.regex.Matcher m = TEST_NAME.matcher(written);
      return m.lookingAt() ? m.group() : written;
    }

    private static final java.util.regex.Pattern TEST_NAME =
        java.util.regex.Pattern.compile("([a-zA-Z_][0-9a-zA-Z_]*\\.)?[a-zA-Z_][0-9a-zA-Z_]*");

    /**
     * The configs of a test: {@code severity}, {@code where}, ... given beside its arguments or in
     * its {@code config:} (a top-level value wins unless it is empty or false and a {@code config:}
     * is there), then the rest of {@code config:}. They are removed from {@code args}.
     */
    private static Map<String, Object> configs(Map<String, Object> args) {
      boolean hasConfig = args.containsKey("config");
      Map<String, Object> nested = new LinkedHashMap<>(castMap(args.remove("config")));
      Map<String, Object> out = new LinkedHashMap<>();
      for (String key : TEST_CONFIG_ARGS) {
        Object value = args.remove(key);
        if (!truthy(value) && hasConfig) {
          value = nested.remove(key);
        }
        if (value != null) {
          out.put(key, value);
        }
      }
      nested.forEach(
          (k, v) -> {
            if (v != null) {
              out.put(k, v);
            }
          });
      return out;
    }

    private static boolean truthy(Object v) {
      return v != null
          && !Boolean.FALSE.equals(v)
          && !"".equals(v)
          && !(v instanceof Number n && n.doubleValue() == 0)
          && !(v instanceof java.util.Collection<?> c && c.isEmpty())
          && !(v instanceof Map<?, ?> mm && mm.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
      return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    SourceSpec source(YamlMap m) {
      String name = named(m, "source");
      if (name == null) {
        return null;
      }
      List<SourceTableSpec> tables = new ArrayList<>();
      for (YamlMap t : entries(m, "tables")) {
        String tn = named(t, "source table");
        if (tn != null) {
          tables.add(
              new SourceTableSpec(
                  tn,
                  t.string("identifier"),
                  t.string("description"),
                  columns(t),
                  tests(t),
                  t.string("loaded_at_field"),
                  t.plainMap("freshness"),
                  t.plainMap("quoting"),
                  t.plainMap("meta"),
                  t.strings("tags"),
                  t.plainMap("config"),
                  t.span(),
                  nameSpan(t)));
        }
      }
      return new SourceSpec(
          name,
          m.string("description"),
          m.string("database"),
          m.string("schema"),
          m.string("loader"),
          m.string("loaded_at_field"),
          m.plainMap("freshness"),
          m.plainMap("quoting"),
          m.plainMap("meta"),
          m.strings("tags"),
          m.plainMap("config"),
          List.copyOf(tables),
          path,
          m.span(),
          nameSpan(m));
    }

    List<MacroSpec.Argument> arguments(YamlMap m) {
      List<MacroSpec.Argument> out = new ArrayList<>();
      for (YamlMap a : entries(m, "arguments")) {
        if (named(a, "argument") != null) {
          out.add(
              new MacroSpec.Argument(a.string("name"), a.string("type"), a.string("description")));
        }
      }
      return out;
    }
  }
}
