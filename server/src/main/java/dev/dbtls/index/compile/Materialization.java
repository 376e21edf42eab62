package dev.dbtls.index.compile;

import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.SeedCsv;
import dev.dbtls.jinja.Database;
import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.jinja.RenderRequest;
import dev.dbtls.jinja.Rendered;
import dev.dbtls.jinja.SeedTable;
import dev.dbtls.project.Adapter;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node's materialization in a build, chosen as dbt chooses it — the adapter's before the
 * default, and for each the root project's before a package's before dbt's own (ours) — and
 * rendered with dbt's materialization context: {@code sql}, {@code compiled_code}, {@code
 * pre_hooks}, {@code post_hooks}, and for a seed {@code load_agate_table()}.
 */
final class Materialization {
  private static final String CALL = "__dbtls_materialization";

  private Materialization() {}

  static Rendered run(
      ProjectSnapshot s, CompiledNode compiled, Map<String, Object> globals, Database database) {
    Node node = compiled.node();
    String name = name(node);
    List<String> tried = new ArrayList<>();
    Object macro = find(s, name, tried);
    if (macro == null) {
      return new Rendered(
          "",
          List.of(
              Problem.ofFile(
                  node.displayPath(),
                  ProblemCode.COMPILER_ERROR,
                  "No materialization '"
                      + name
                      + "' was found for adapter "
                      + s.inputs().target().adapter().type()
                      + " (searched "
                      + String.join(", ", tried)
                      + ")")),
          false);
    }
    Map<String, Object> g = new HashMap<>(globals);
    g.put("sql", compiled.sql());
    g.put("compiled_code", compiled.sql());
    g.put("pre_hooks", hooks(node, "pre-hook"));
    g.put("post_hooks", hooks(node, "post-hook"));
    if (node.type() == ResourceType.SEED) {
      g.put(
          "load_agate_table",
          (JinjaCallable) (a, k) -> seedTable(node, s.files(), s.inputs().target().adapter()));
    }
    g.put(CALL, macro);
    return s.jinja()
        .render(
            new RenderRequest(
                node.displayPath(),
                "{{ "
                    + CALL
                    + "() }}"
                    + BuildContext.RESPONSE_MARK
                    + "{% set main = load_result('main') %}"
                    + "{% if main %}{{ main.response._message }}{% endif %}",
                node.packageName(),
                g,
                s.knownColumns(),
                database));
  }

  /** The materialization's name: a model's {@code materialized}, else the node's kind. */
  static String name(Node node) {
    return switch (node.type()) {
      case SEED -> "seed";
      case SNAPSHOT -> "snapshot";
      case TEST -> "test";
      default -> node.materialized() == null ? "view" : node.materialized();
    };
  }

  private static Object find(ProjectSnapshot s, String name, List<String> tried) {
    List<String> packages = new ArrayList<>();
    packages.add(s.inputs().root().name());
    s.inputs().packages().keySet().stream()
        .filter(p -> !p.equals(s.inputs().root().name()))
        .sorted()
        .forEach(packages::add);
    packages.add("dbt");
    List<String> adapters = new ArrayList<>(s.inputs().target().adapter().lineage());
    adapters.add("default");
    for (String adapter : adapters) {
      String macro = "materialization_" + name + "_" + adapter;
      for (String p : packages) {
        Object m = s.jinja().macro(p, macro);
        if (m != null) {
          return m;
        }
      }
      tried.add(macro);
    }
    return null;
  }

  /**
   * dbt's {@code pre_hooks} / {@code post_hooks}: each hook's SQL (rendered when it runs) and
   * whether it runs inside the transaction; a hook may be a string or {@code {sql, transaction}}.
   */
  static List<Object> hooks(Node node, String key) {
    Object v = node.config().get(key);
    List<Object> given = v instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
    if (v instanceof String one) {
      given.add(one);
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      Object h = given.get(i);
      Map<String, Object> hook = new LinkedHashMap<>();
      if (h instanceof Map<?, ?> m) {
        hook.put("sql", m.get("sql") == null ? "" : String.valueOf(m.get("sql")));
        hook.put("transaction", !Boolean.FALSE.equals(m.get("transaction")));
      } else if (h != null) {
        hook.put("sql", String.valueOf(h));
        hook.put("transaction", true);
      } else {
        continue;
      }
      hook.put("index", (long) i);
      out.add(hook);
    }
    return out;
  }

  /** The seed's CSV with its column types, as the seed materialization creates and loads it. */
  private static SeedTable seedTable(Node seed, FileSource files, Adapter adapter) {
    List<List<String>> rows = SeedCsv.rows(seed, files);
    if (rows == null || rows.isEmpty()) {
      return new SeedTable(List.of(), List.of(), List.of(), List.of());
    }
    Map<?, ?> columnTypes = seed.config().get("column_types") instanceof Map<?, ?> m ? m : null;
    List<String> types = SeedColumnTypes.of(rows, columnTypes, adapter);
    Object q = seed.config().get("quote_columns");
    boolean quoted = q instanceof Boolean b ? b : !adapter.lineage().contains("snowflake");
    List<String> names = rows.get(0);
    List<String> quotedNames = names.stream().map(n -> quoted ? adapter.quote(n) : n).toList();
    List<List<Object>> values = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      List<Object> r = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        String cell = i < row.size() ? row.get(i) : "";
        r.add(cell.isEmpty() ? null : cell);
      }
      values.add(r);
    }
    return new SeedTable(names, quotedNames, types, values);
  }
}
