package dev.dbtls.jinja.scan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names dbt (and Jinja) put into every template's context, functions and objects: the one table
 * the scanner (a call of one is no project macro), completion (the names with help), hover,
 * semantic tokens (dbt's default library) and rename (not a new name) all read.
 */
public final class DbtContextNames {
  private DbtContextNames() {}

  public enum Kind {
    FUNCTION,
    OBJECT
  }

  /**
   * A name of dbt's Jinja context: its completion snippet (null: insert the name) and a line of
   * help (null: not offered by completion).
   */
  public record Name(String name, Kind kind, String snippet, String help) {}

  public static final List<Name> ALL =
      List.of(
          new Name(
              "ref",
              Kind.FUNCTION,
              "ref('$1')",
              "A model, seed or snapshot: `ref('name')`, `ref('package', 'name')`, `ref('name', v=2)`."),
          new Name(
              "function",
              Kind.FUNCTION,
              "function('$1')",
              "A user-defined function (dbt 1.11): `function('name')`, `function('package', 'name')`."),
          new Name(
              "source",
              Kind.FUNCTION,
              "source('$1', '$2')",
              "A source table declared in YAML: `source('source_name', 'table_name')`."),
          new Name(
              "config",
              Kind.FUNCTION,
              "config($1)",
              "Sets this node's config: `config(materialized='table')`."),
          new Name(
              "var", Kind.FUNCTION, "var('$1')", "A project variable: `var('name', default)`."),
          new Name(
              "env_var",
              Kind.FUNCTION,
              "env_var('$1')",
              "An environment variable: `env_var('NAME', default)`."),
          new Name("doc", Kind.FUNCTION, "doc('$1')", "A docs block, in descriptions."),
          new Name("this", Kind.OBJECT, null, "The relation of the current model."),
          new Name(
              "target",
              Kind.OBJECT,
              null,
              "The target (connection) dbt runs against: `target.name`, `target.schema`, ..."),
          new Name(
              "adapter",
              Kind.OBJECT,
              null,
              "The database adapter: `adapter.dispatch`, `adapter.get_relation`, ..."),
          new Name(
              "is_incremental",
              Kind.FUNCTION,
              "is_incremental()",
              "True when an incremental model runs on an existing table, not in full refresh."),
          new Name(
              "should_full_refresh",
              Kind.FUNCTION,
              "should_full_refresh()",
              "True when this node is full-refreshed."),
          new Name(
              "execute",
              Kind.OBJECT,
              null,
              "False while dbt parses, true while it runs or compiles."),
          new Name("return", Kind.FUNCTION, "return($1)", "Returns a value from a macro."),
          new Name(
              "log",
              Kind.FUNCTION,
              "log($1)",
              "Writes a message to the log: `log(msg, info=True)`."),
          new Name("print", Kind.FUNCTION, "print($1)", "Prints a message."),
          new Name(
              "exceptions",
              Kind.OBJECT,
              null,
              "`exceptions.raise_compiler_error(msg)`, `exceptions.warn(msg)`."),
          new Name(
              "modules",
              Kind.OBJECT,
              null,
              "Python modules: `modules.datetime`, `modules.re`, `modules.itertools`, `modules.pytz`."),
          new Name(
              "run_query",
              Kind.FUNCTION,
              "run_query($1)",
              "Runs SQL and returns an agate table (empty while parsing)."),
          new Name(
              "statement",
              Kind.FUNCTION,
              null,
              "The `{% call statement(...) %}` block that runs SQL."),
          new Name(
              "load_result",
              Kind.FUNCTION,
              "load_result('$1')",
              "The result of a named `statement` block."),
          new Name("api", Kind.OBJECT, null, "`api.Relation`, `api.Column`."),
          new Name("model", Kind.OBJECT, null, "The current node as a dictionary."),
          new Name(
              "graph", Kind.OBJECT, null, "The project graph: `graph.nodes`, `graph.sources`, ..."),
          new Name("run_started_at", Kind.OBJECT, null, "When the run started (a datetime)."),
          new Name("invocation_id", Kind.OBJECT, null, "A unique id of this dbt invocation."),
          new Name("project_name", Kind.OBJECT, null, "The root project's name."),
          new Name("dbt_version", Kind.OBJECT, null, "The version of dbt."),
          new Name("flags", Kind.OBJECT, null, "The invocation's flags: `flags.FULL_REFRESH`, ..."),
          new Name("fromjson", Kind.FUNCTION, "fromjson($1)", "Parses a JSON string."),
          new Name("tojson", Kind.FUNCTION, "tojson($1)", "Serializes a value to JSON."),
          new Name("fromyaml", Kind.FUNCTION, "fromyaml($1)", "Parses a YAML string."),
          new Name("toyaml", Kind.FUNCTION, "toyaml($1)", "Serializes a value to YAML."),
          new Name("local_md5", Kind.FUNCTION, "local_md5($1)", "The MD5 hex digest of a string."),
          new Name("zip", Kind.FUNCTION, "zip($1)", "Python's `zip`."),
          new Name("set", Kind.FUNCTION, "set($1)", "Python's `set`."),
          new Name("range", Kind.FUNCTION, "range($1)", "Python's `range`."),
          new Name("dict", Kind.FUNCTION, "dict($1)", "A dictionary."),
          new Name(
              "namespace", Kind.FUNCTION, "namespace($1)", "A mutable namespace object (Jinja)."),
          new Name(
              "caller",
              Kind.FUNCTION,
              "caller()",
              "The body of the `{% call %}` block calling this macro."),
          new Name("varargs", Kind.OBJECT, null, "Extra positional arguments of a macro."),
          new Name("kwargs", Kind.OBJECT, null, "Extra keyword arguments of a macro."),
          // known (highlighted, taken, hovered) but not offered by completion
          new Name("lipsum", Kind.FUNCTION, null, null),
          new Name("cycler", Kind.FUNCTION, null, null),
          new Name("joiner", Kind.FUNCTION, null, null),
          new Name("set_strict", Kind.FUNCTION, null, null),
          new Name("try_or_compiler_error", Kind.FUNCTION, null, null),
          new Name("load_relation", Kind.FUNCTION, null, null),
          new Name("store_result", Kind.FUNCTION, null, null),
          new Name("store_raw_result", Kind.FUNCTION, null, null),
          new Name("write", Kind.FUNCTION, null, null),
          new Name("render", Kind.FUNCTION, null, null),
          new Name("super", Kind.FUNCTION, null, null),
          new Name("metric", Kind.FUNCTION, null, null),
          new Name("should_store_failures", Kind.FUNCTION, null, null),
          new Name("get_where_subquery", Kind.FUNCTION, null, null),
          new Name("list", Kind.FUNCTION, null, null),
          new Name("builtins", Kind.OBJECT, null, null),
          new Name("schema", Kind.OBJECT, null, null),
          new Name("database", Kind.OBJECT, null, null),
          new Name("context", Kind.OBJECT, null, null),
          new Name("loop", Kind.OBJECT, null, null),
          new Name("results", Kind.OBJECT, null, null),
          new Name("sql", Kind.OBJECT, null, null),
          new Name("compiled_code", Kind.OBJECT, null, null),
          new Name("pre_hooks", Kind.OBJECT, null, null),
          new Name("post_hooks", Kind.OBJECT, null, null),
          new Name("sources", Kind.OBJECT, null, null),
          new Name("database_name", Kind.OBJECT, null, null),
          new Name("selected_resources", Kind.OBJECT, null, null),
          new Name("model_name", Kind.OBJECT, null, null),
          // Jinja's own globals and dbt's helpers the scanner knows as never adding a ref
          new Name("zip_strict", Kind.FUNCTION, null, null),
          new Name("diff_of_two_dicts", Kind.FUNCTION, null, null),
          new Name("submit_python_job", Kind.FUNCTION, null, null),
          new Name("invocation_args_dict", Kind.OBJECT, null, null),
          new Name("schemas", Kind.OBJECT, null, null),
          new Name("database_schemas", Kind.OBJECT, null, null),
          new Name("node", Kind.OBJECT, null, null));

  private static final Map<String, Name> BY_NAME = new HashMap<>();

  static {
    for (Name n : ALL) {
      BY_NAME.putIfAbsent(n.name(), n);
    }
  }

  /** Whether dbt's context has {@code name} (a function or an object). */
  public static boolean contains(String name) {
    return BY_NAME.containsKey(name);
  }

  /** Whether {@code name} is a function of dbt's context (not a macro). */
  public static boolean isFunction(String name) {
    Name n = BY_NAME.get(name);
    return n != null && n.kind() == Kind.FUNCTION;
  }
}
