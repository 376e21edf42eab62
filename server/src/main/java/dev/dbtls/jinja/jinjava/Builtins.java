package dev.dbtls.jinja.jinjava;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.jinja.Relation;
import dev.dbtls.project.Adapter;
import dev.dbtls.project.AdapterTypes;
import dev.dbtls.project.ProblemCode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The globals dbt puts in every context besides the caller's: return, log, exceptions, api, ... */
final class Builtins {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  private Builtins() {}

  static Map<String, Object> of(
      Adapter adapter, DbtAdapter dbtAdapter, dev.dbtls.project.DbtVersion dbtVersion) {
    Map<String, Object> g = new HashMap<>();
    g.put(
        "return",
        fn(
            (a, k) -> {
              throw new Signals.MacroReturn(a.isEmpty() ? null : a.get(0));
            }));
    g.put(
        "log",
        fn(
            (a, k) -> {
              session().problem(ProblemCode.JINJA_LOG, a.isEmpty() ? "" : PyValues.str(a.get(0)));
              return "";
            }));
    g.put("print", fn((a, k) -> ""));
    g.put(
        "exceptions",
        new PyObjects(
            "exceptions",
            Map.of(
                "raise_compiler_error",
                    fn(
                        (a, k) -> {
                          // messages are often written as indented multi-line strings
                          String msg = a.isEmpty() ? "" : PyValues.str(a.get(0)).strip();
                          session().problem(ProblemCode.COMPILER_ERROR, msg);
                          throw new Signals.CompilerError(msg);
                        }),
                "raise_not_implemented",
                    fn(
                        (a, k) -> {
                          // messages are often written as indented multi-line strings
                          String msg = a.isEmpty() ? "" : PyValues.str(a.get(0)).strip();
                          session().problem(ProblemCode.COMPILER_ERROR, msg);
                          throw new Signals.CompilerError(msg);
                        }),
                "warn",
                    fn(
                        (a, k) -> {
                          session()
                              .problem(
                                  ProblemCode.COMPILER_WARNING,
                                  a.isEmpty() ? "" : PyValues.str(a.get(0)).strip());
                          return "";
                        }))));
    g.put("adapter", dbtAdapter);
    AdapterTypes types = AdapterTypes.of(adapter, dbtVersion);
    g.put(
        "api",
        new PyObjects(
            "api",
            Map.of(
                "Relation",
                    new PyObjects(
                        "Relation",
                        Map.of(
                            "create",
                            fn(
                                (a, k) -> {
                                  Arguments x = new Arguments(a, k);
                                  Relation r =
                                      Relation.of(
                                          adapter,
                                          s(x.arg(0, "database", null)),
                                          s(x.arg(1, "schema", null)),
                                          s(x.arg(2, "identifier", null)));
                                  Object type = k.get("type");
                                  return type == null ? r : r.withType(PyValues.str(type));
                                }),
                            // the name dbt gives an ephemeral model's CTE
                            "add_ephemeral_prefix",
                            fn(
                                (a, k) ->
                                    "__dbt__cte__"
                                        + PyValues.str(new Arguments(a, k).arg(0, "name", ""))))),
                "Column",
                    new PyObjects(
                        "Column",
                        Map.of(
                            "create",
                            fn(
                                (a, k) -> {
                                  Arguments x = new Arguments(a, k);
                                  String dtype =
                                      types.translate(PyValues.str(x.arg(1, "label_or_dtype", "")));
                                  String name = PyValues.str(x.arg(0, "name", ""));
                                  return new PyObjects(
                                      "Column",
                                      Map.of(
                                          "name",
                                          name,
                                          "column",
                                          name,
                                          "data_type",
                                          dtype,
                                          "dtype",
                                          dtype,
                                          "quoted",
                                          adapter.quote(name)));
                                }),
                            "translate_type",
                            fn((a, k) -> types.translate(PyValues.str(a.get(0)))),
                            "numeric_type",
                            fn(
                                (a, k) -> {
                                  Arguments x = new Arguments(a, k);
                                  return types.numericType(
                                      PyValues.str(x.arg(0, "dtype", "")),
                                      given(x.arg(1, "precision", null)),
                                      given(x.arg(2, "scale", null)));
                                }),
                            "string_type",
                            fn(
                                (a, k) ->
                                    types.stringType(
                                        PyValues.str(new Arguments(a, k).arg(0, "size", "")))))))));
    g.put(
        "run_query",
        fn(
            (a, k) -> {
              RenderSession session = session();
              if (session.database == null) {
                return DbtAdapter.skipped(AgateTable.EMPTY);
              }
              String sql = PyValues.str(new Arguments(a, k).arg(0, "sql", ""));
              return new QueryTable(session.onDatabase(d -> d.execute(sql, true)));
            }));
    // load_relation(relation): adapter.get_relation of its parts (assumed to exist without a
    // connection)
    g.put(
        "load_relation",
        fn((a, k) -> dbtAdapter.loadRelation(new Arguments(a, k).arg(0, "relation", null))));
    g.put("statement", fn(Builtins::statement));
    // what dbt's macros that only a warehouse can answer render to here (BuiltinMacros.warehouse)
    g.put(
        "dbtls_warehouse_macro",
        fn(
            (a, k) -> {
              String name = a.isEmpty() ? "?" : PyValues.str(a.get(0));
              session()
                  .problemAtCaller(
                      ProblemCode.WAREHOUSE_MACRO,
                      "dbt's macro '"
                          + name
                          + "' runs against the warehouse (DDL, DML or a metadata query of a"
                          + " materialization); dbtls does not emulate it, so it rendered nothing"
                          + " here");
              return "";
            }));
    g.put("noop_statement", fn(Builtins::noopStatement));
    // dbt's render(text): a hook's or a config's Jinja rendered in the node's context
    g.put(
        "render", fn((a, k) -> Engine.renderInCurrent(a.isEmpty() ? "" : PyValues.str(a.get(0)))));
    g.put(
        "load_result",
        fn((a, k) -> session().statementResults.get(a.isEmpty() ? "" : PyValues.str(a.get(0)))));
    g.put(
        "store_result",
        fn(
            (a, k) -> {
              session().statementResults.put(PyValues.str(a.get(0)), emptyResult());
              return "";
            }));
    g.put("fromjson", fn((a, k) -> parse(JSON, a)));
    g.put("tojson", fn((a, k) -> PyValues.json(a.isEmpty() ? null : a.get(0), false)));
    g.put("fromyaml", fn((a, k) -> parse(YAML, a)));
    g.put(
        "toyaml",
        fn(
            (a, k) -> {
              try {
                return YAML.writeValueAsString(a.get(0));
              } catch (Exception e) {
                return Undefined.INSTANCE;
              }
            }));
    g.put(
        "zip",
        fn(
            (a, k) -> {
              List<List<Object>> lists = a.stream().map(PyMethods::toList).toList();
              List<Object> out = new ArrayList<>();
              int n = lists.stream().mapToInt(List::size).min().orElse(0);
              for (int i = 0; i < n; i++) {
                List<Object> row = new ArrayList<>();
                for (List<Object> l : lists) {
                  row.add(l.get(i));
                }
                out.add(new PyTuple(row));
              }
              return out;
            }));
    g.put(
        "set",
        fn((a, k) -> new LinkedHashSet<>(a.isEmpty() ? List.of() : PyMethods.toList(a.get(0)))));
    g.put(
        "set_strict",
        fn((a, k) -> new LinkedHashSet<>(a.isEmpty() ? List.of() : PyMethods.toList(a.get(0)))));
    g.put("local_md5", fn((a, k) -> md5(PyValues.str(a.get(0)))));
    g.put("namespace", fn((a, k) -> new Namespace(a.isEmpty() ? k : merged(a.get(0), k))));
    g.put(
        "dict",
        fn(
            (a, k) -> {
              Map<Object, Object> d = new LinkedHashMap<>();
              if (!a.isEmpty() && a.get(0) instanceof Map<?, ?> m) {
                d.putAll(m);
              }
              d.putAll(k);
              return d;
            }));
    g.put(
        "range",
        fn(
            (a, k) -> {
              long start = a.size() > 1 ? ((Number) a.get(0)).longValue() : 0;
              long stop = ((Number) a.get(a.size() > 1 ? 1 : 0)).longValue();
              long step = a.size() > 2 ? ((Number) a.get(2)).longValue() : 1;
              List<Object> out = new ArrayList<>();
              for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
                out.add(i);
                if (out.size() > 100_000) {
                  break;
                }
              }
              return PyView.range(out, start, stop, step);
            }));
    g.put(
        "modules",
        new PyObjects(
            "modules",
            Map.of(
                "re", PyReModule.module(),
                "datetime", PyDatetimeModule.module(),
                "pytz", PytzModule.module(),
                "itertools",
                    new PyObjects(
                        "itertools",
                        Map.of(
                            "chain",
                            fn(
                                (a, k) -> {
                                  List<Object> out = new ArrayList<>();
                                  a.forEach(x -> out.addAll(PyMethods.toList(x)));
                                  return out;
                                }))))));
    return Map.copyOf(g);
  }

  /**
   * dbt's {@code statement(name, fetch_result=False, auto_begin=True)} call block: in a build, its
   * body runs on the database and the result is kept for {@code load_result(name)}; in a compile
   * the body renders, the query is skipped and an empty result kept.
   */
  private static Object statement(List<Object> a, Map<String, Object> k) {
    Arguments x = new Arguments(a, k);
    String name = PyValues.str(x.arg(0, "name", "statement"));
    boolean fetch = PyValues.truthy(x.arg(1, "fetch_result", false));
    Object caller = JinjavaInterpreter.getCurrent().getContext().get("caller");
    String sql = caller instanceof JinjaCallable c ? PyValues.str(c.call(List.of(), Map.of())) : "";
    RenderSession session = session();
    if (session.database == null) {
      DbtAdapter.skipped(null);
      session.statementResults.put(name, emptyResult());
      return "";
    }
    session.statementResults.put(
        name, QueryTable.statementResult(session.onDatabase(d -> d.execute(sql, fetch))));
    return "";
  }

  /**
   * dbt's {@code noop_statement(name, message, code, rows_affected)}: a result kept without a query
   * (a seed's rows were loaded another way).
   */
  private static Object noopStatement(List<Object> a, Map<String, Object> k) {
    Arguments x = new Arguments(a, k);
    Object rows = x.arg(3, "rows_affected", -1L);
    long affected = rows instanceof Number n ? n.longValue() : -1L;
    dev.dbtls.jinja.Database.Result r =
        new dev.dbtls.jinja.Database.Result(
            List.of(), List.of(), affected, PyValues.str(x.arg(2, "code", "")));
    session()
        .statementResults
        .put(PyValues.str(x.arg(0, "name", "statement")), QueryTable.statementResult(r));
    return "";
  }

  private static Map<String, Object> emptyResult() {
    Map<String, Object> r = new HashMap<>();
    r.put("data", new AgateTable.EmptyColumns()); // rows nobody fetched: data[0][0] is no error
    r.put("table", AgateTable.EMPTY);
    r.put("response", null);
    return r;
  }

  private static Map<String, Object> merged(Object first, Map<String, Object> k) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (first instanceof Map<?, ?> d) {
      d.forEach((x, y) -> m.put(String.valueOf(x), y));
    }
    m.putAll(k);
    return m;
  }

  /** An argument's Python text, null when it is None or undefined. */
  private static String given(Object v) {
    return v == null || v instanceof Undefined ? null : PyValues.str(v);
  }

  private static Object parse(ObjectMapper mapper, List<Object> a) {
    try {
      return mapper.readValue(PyValues.str(a.get(0)), Object.class);
    } catch (Exception e) {
      return a.size() > 1 ? a.get(1) : null;
    }
  }

  private static String md5(String s) {
    try {
      byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
      return String.format("%032x", new BigInteger(1, d));
    } catch (NoSuchAlgorithmException e) {
      return "";
    }
  }

  private static String s(Object o) {
    return o == null || o instanceof Undefined ? null : PyValues.str(o);
  }

  private static RenderSession session() {
    return RenderSession.of(JinjavaInterpreter.getCurrent());
  }

  private static JinjaCallable fn(JinjaCallable c) {
    return c;
  }
}
