package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import dev.dbtls.jinja.Introspector;
import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.jinja.PyObject;
import dev.dbtls.jinja.Relation;
import dev.dbtls.project.Adapter;
import dev.dbtls.project.ProblemCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** dbt's {@code adapter} object: dispatch, quoting, and the introspective calls. */
final class DbtAdapter implements PyObject {
  private final Adapter adapter;
  private final MacroRegistry macros;
  private final Map<String, List<String>> searchOrder;
  private final Introspector introspector;

  /** The calls that ask the warehouse, when there is one, what it holds. */
  private static final java.util.Set<String> INTROSPECTIVE =
      java.util.Set.of(
          "get_relation",
          "get_columns_in_relation",
          "check_schema_exists",
          "list_relations_without_caching",
          "get_relations_by_pattern");

  DbtAdapter(
      Adapter adapter,
      MacroRegistry macros,
      Map<String, List<String>> searchOrder,
      Introspector introspector) {
    this.adapter = adapter;
    this.macros = macros;
    this.searchOrder = searchOrder;
    this.introspector = introspector;
  }

  @Override
  public Object attr(String name) {
    return switch (name) {
      case "type" -> (JinjaCallable) (a, k) -> adapter.type();
      case "behavior" -> BehaviorFlag.flags();
      default -> MISSING;
    };
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    Arguments a = new Arguments(args, kwargs);
    RenderSession session = RenderSession.of(JinjavaInterpreter.getCurrent());
    if (introspector != null && INTROSPECTIVE.contains(method)) {
      session.unkeyed("adapter." + method); // what the warehouse holds now
    }
    if (session.database != null) {
      session.unkeyed("database");
      Object built = new BuildAdapter(adapter, session).call(method, a);
      if (built != MISSING) {
        return built;
      }
    }
    return switch (method) {
      case "dispatch" ->
          dispatch(
              String.valueOf(a.arg(0, "macro_name", "")),
              (String) a.arg(1, "macro_namespace", null));
      case "type" -> adapter.type();
      case "quote" -> adapter.quote(PyValues.str(a.arg(0, "identifier", "")));
      case "get_relation" ->
          introspector == null
              ? skipped(
                  assumed(
                      s(a.arg(0, "database", null)),
                      s(a.arg(1, "schema", null)),
                      s(a.arg(2, "identifier", null))))
              : introspector.getRelation(
                  s(a.arg(0, "database", null)),
                  s(a.arg(1, "schema", null)),
                  s(a.arg(2, "identifier", null)));
      case "load_relation" -> loadRelation(a.arg(0, "relation", null));
      case "get_columns_in_relation" ->
          introspector == null
              ? known(a.arg(0, "relation", null))
              : columns(a.arg(0, "relation", null));
      case "execute" -> {
        skipped(null);
        yield new PyTuple(java.util.Arrays.asList(null, AgateTable.EMPTY));
      }
      case "check_schema_exists" -> introspector == null ? skipped(false) : Boolean.FALSE;
      case "list_relations_without_caching", "get_relations_by_pattern" ->
          introspector == null ? skipped(new ArrayList<>()) : new ArrayList<>();
      case "get_missing_columns",
          "expand_target_column_types",
          "drop_relation",
          "rename_relation",
          "create_schema",
          "drop_schema",
          "truncate_relation",
          "commit",
          "cache_added" ->
          "";
      default -> MISSING;
    };
  }

  private Object columns(Object relation) {
    return relation instanceof Relation r
        ? columnObjects(introspector.getColumns(r), adapter)
        : new ArrayList<>();
  }

  /**
   * Without a warehouse: the columns the project knows for the relation (a seed's header, YAML
   * columns with types; docs/ARCHITECTURE.md, "No warehouse"), else an empty list, skipped.
   */
  private Object known(Object relation) {
    RenderSession session = RenderSession.of(JinjavaInterpreter.getCurrent());
    session.unkeyed("adapter.get_columns_in_relation"); // other nodes' files
    List<Map.Entry<String, String>> cols =
        relation instanceof Relation r ? session.knownColumns.of(r) : null;
    return cols == null ? skipped(new ArrayList<>()) : columnObjects(cols, adapter);
  }

  private static List<Object> columnObjects(
      List<Map.Entry<String, String>> columns, Adapter adapter) {
    List<Object> out = new ArrayList<>();
    columns.forEach(c -> out.add(new DbtColumn(c.getKey(), c.getValue(), adapter)));
    return out;
  }

  /**
   * Without a warehouse a relation asked for is assumed to exist (docs/ARCHITECTURE.md, "No
   * warehouse"): macros then take their path for an empty result, not their "does not exist" error,
   * which dbt would not raise on a built project.
   */
  private Relation assumed(String database, String schema, String identifier) {
    return identifier == null ? null : Relation.of(adapter, database, schema, identifier);
  }

  /** {@code load_relation(relation)}: {@code get_relation} of its parts. */
  Object loadRelation(Object relation) {
    if (!(relation instanceof Relation r)) {
      return null;
    }
    RenderSession session = RenderSession.of(JinjavaInterpreter.getCurrent());
    if (session.database != null) {
      return new BuildAdapter(adapter, session)
          .call("load_relation", new Arguments(List.of(r), Map.of()));
    }
    if (introspector == null) {
      return skipped(r);
    }
    session.unkeyed("adapter.load_relation");
    return introspector.getRelation(r.database(), r.schema(), r.identifier());
  }

  static Object skipped(Object value) {
    RenderSession.of(JinjavaInterpreter.getCurrent())
        .problem(ProblemCode.INTROSPECTION_SKIPPED, "introspective query skipped: no connection");
    return value;
  }

  private static String s(Object o) {
    return o == null || o instanceof Undefined ? null : PyValues.str(o);
  }

  /**
   * {@code adapter.dispatch(name, ns)}: the first {@code <type>__name} or {@code default__name}, in
   * dbt's packages: the project's dispatch search order for {@code ns}; else, when {@code ns} is a
   * package, the root project then that package; else the calling package then the root project
   * (dbt's search without a namespace). dbt's own macros come last.
   */
  private Object dispatch(String name, String namespace) {
    RenderSession session = RenderSession.of(JinjavaInterpreter.getCurrent());
    List<String> packages = new ArrayList<>();
    if (namespace != null && searchOrder.containsKey(namespace)) {
      packages.addAll(searchOrder.get(namespace));
    } else if (namespace != null
        && (macros.hasPackage(namespace) || namespace.equals(MacroRegistry.DBT))) {
      packages.add(macros.rootPackage());
      packages.add(namespace);
    } else {
      // no namespace, or one that names no package (tuva dispatches to 'macros'): dbt searches
      // the calling package, then the root project
      packages.add(session.frame().packageName());
      packages.add(macros.rootPackage());
    }
    packages.remove(MacroRegistry.DBT);
    packages.add(MacroRegistry.DBT);
    List<String> prefixes = new ArrayList<>(adapter.lineage());
    prefixes.add("default");
    List<String> tried = new ArrayList<>();
    for (String p : packages.stream().distinct().toList()) {
      for (String prefix : prefixes) {
        JinjaMacro m = macros.get(p, prefix + "__" + name);
        if (m != null) {
          return m;
        }
        tried.add(p + "." + prefix + "__" + name);
      }
    }
    session.problem(
        ProblemCode.UNDEFINED_MACRO,
        "no implementation of '"
            + name
            + "' for adapter '"
            + adapter.type()
            + "'; searched "
            + String.join(", ", tried));
    return (JinjaCallable) (x, y) -> Undefined.INSTANCE;
  }

  @Override
  public String toString() {
    return "<adapter " + adapter.type() + ">";
  }
}
