package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.Database;
import dev.dbtls.jinja.PyObject;
import dev.dbtls.jinja.Relation;
import dev.dbtls.jinja.SeedTable;
import dev.dbtls.project.Adapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The adapter's methods that a build runs for real on its {@link Database}: relations looked up,
 * created, renamed, dropped and truncated, schemas created, statements executed, the transaction
 * committed. The SQL each writes is the adapter's own ({@code alter view ... rename to} on
 * PostgreSQL and DuckDB, {@code rename table} on MySQL).
 */
final class BuildAdapter {
  private final Adapter adapter;
  private final RenderSession session;

  BuildAdapter(Adapter adapter, RenderSession session) {
    this.adapter = adapter;
    this.session = session;
  }

  /** The method's result, or {@link PyObject#MISSING} when a build does not change it. */
  Object call(String method, Arguments a) {
    return switch (method) {
      case "get_relation" ->
          relation(
              s(a.arg(0, "database", null)),
              s(a.arg(1, "schema", null)),
              s(a.arg(2, "identifier", null)));
      case "load_relation" -> a.arg(0, "relation", null) instanceof Relation r ? relation(r) : null;
      case "get_columns_in_relation" ->
          a.arg(0, "relation", null) instanceof Relation r ? columns(r) : new ArrayList<>();
      case "get_missing_columns" ->
          missing(a.arg(0, "from_relation", null), a.arg(1, "to_relation", null));
      case "execute" -> {
        String sql = PyValues.str(a.arg(0, "sql", ""));
        boolean fetch = PyValues.truthy(a.arg(2, "fetch", false));
        Database.Result r = session.onDatabase(d -> d.execute(sql, fetch));
        yield new PyTuple(List.of(QueryTable.response(r), new QueryTable(r)));
      }
      case "check_schema_exists" ->
          session.onDatabase(
              d -> d.schemaExists(s(a.arg(0, "database", null)), s(a.arg(1, "schema", null))));
      case "create_schema" -> run(createSchema(a.arg(0, "relation", null)));
      case "drop_schema" -> run(dropSchema(a.arg(0, "relation", null)));
      case "drop_relation" -> run(drop(a.arg(0, "relation", null)));
      case "truncate_relation" ->
          run(
              a.arg(0, "relation", null) instanceof Relation r
                  ? (adapter.type().equals("sqlite") ? "delete from " : "truncate table ")
                      + r.render()
                  : null);
      case "expand_target_column_types" ->
          expand(a.arg(0, "from_relation", null), a.arg(1, "to_relation", null));
      case "rename_relation" ->
          run(rename(a.arg(0, "from_relation", null), a.arg(1, "to_relation", null)));
      case "commit" -> {
        session.onDatabase(
            d -> {
              d.commit();
              return null;
            });
        yield "";
      }
      case "dbtls_assert_contract" ->
          Contract.check(
              session,
              PyValues.str(a.arg(0, "sql", "")),
              a.arg(1, "columns", null) instanceof Map<?, ?> m ? m : Map.of());
      case "dbtls_contract_table_sql" ->
          a.arg(0, "relation", null) instanceof Relation r
              ? Contract.createTable(
                  r,
                  PyValues.str(a.arg(1, "sql", "")),
                  a.arg(2, "columns", null) instanceof Map<?, ?> m ? m : Map.of(),
                  a.arg(3, "constraints", null) instanceof List<?> l ? l : List.of(),
                  to -> relationOf(to, r))
              : "";
      case "get_incremental_strategy_macro" ->
          strategyMacro(PyValues.str(a.arg(1, "strategy", "")));
      case "load_seed_rows" -> loadSeedRows(a.arg(0, "relation", null), a.arg(1, "table", null));
      default -> PyObject.MISSING;
    };
  }

  /**
   * A constraint's {@code to} ({@code ref('customers')}, {@code source('shop', 'raw')}) as the
   * relation it names, rendered as dbt renders it when it parses the constraint.
   */
  private String relationOf(String expression, Relation table) {
    DbtInterpreter i = session.borrowInterpreter();
    try {
      Object to = i.resolveELExpression(expression, 0);
      if (to instanceof Relation rel) {
        // DuckDB refuses a reference that names a database, even the table's own
        return "duckdb".equals(table.adapter().type())
                && java.util.Objects.equals(rel.database(), table.database())
            ? rel.withInclude(false, true, true).render()
            : rel.render();
      }
      return to == null ? expression : String.valueOf(to);
    } finally {
      session.giveBack(i);
    }
  }

  /**
   * dbt's lookup of an incremental strategy: the macro {@code get_incremental_<strategy>_sql} as
   * the calling package sees it (a project's own strategy included); an unknown one is dbt's error.
   */
  private Object strategyMacro(String strategy) {
    String name = "get_incremental_" + strategy.replace('+', '_') + "_sql";
    JinjaMacro m = session.macros.resolve(session.frame().packageName(), name);
    if (m == null) {
      String message =
          "The incremental strategy '"
              + strategy
              + "' is not known: there is no macro "
              + name
              + " (built in: append, merge, delete+insert)";
      session.problem(dev.dbtls.project.ProblemCode.COMPILER_ERROR, message);
      throw new Signals.CompilerError(message);
    }
    return m;
  }

  /**
   * A relation looked up where it lives: one rendered without its schema (a temporary table) is
   * found by name alone; the answer keeps the asked relation's quoting and inclusion.
   */
  private Relation relation(Relation r) {
    String type = session.onDatabase(d -> d.relationType(database(r), schema(r), r.identifier()));
    return type == null ? null : r.withType(type);
  }

  /** The schema to look a relation up in: none for one rendered without it (temporary). */
  private static String schema(Relation r) {
    return r.includeSchema() ? r.schema() : null;
  }

  private static String database(Relation r) {
    return r.includeDatabase() ? r.database() : null;
  }

  private Relation relation(String database, String schema, String identifier) {
    if (identifier == null) {
      return null;
    }
    String type = session.onDatabase(d -> d.relationType(database, schema, identifier));
    return type == null ? null : Relation.of(adapter, database, schema, identifier).withType(type);
  }

  private List<Object> columns(Relation r) {
    List<Object> out = new ArrayList<>();
    session
        .onDatabase(d -> d.columns(database(r), schema(r), r.identifier()))
        .forEach(c -> out.add(new DbtColumn(c.getKey(), c.getValue(), adapter)));
    return out;
  }

  /** Columns of {@code from} that {@code to} lacks (dbt compares names case-insensitively). */
  private List<Object> missing(Object from, Object to) {
    if (!(from instanceof Relation f) || !(to instanceof Relation t)) {
      return new ArrayList<>();
    }
    Set<String> have =
        session.onDatabase(d -> d.columns(database(t), schema(t), t.identifier())).stream()
            .map(c -> c.getKey().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    List<Object> out = new ArrayList<>();
    session.onDatabase(d -> d.columns(f.database(), f.schema(), f.identifier())).stream()
        .filter(c -> !have.contains(c.getKey().toLowerCase(Locale.ROOT)))
        .forEach(c -> out.add(new DbtColumn(c.getKey(), c.getValue(), adapter)));
    return out;
  }

  private String run(String sql) {
    if (sql != null) {
      session.onDatabase(d -> d.execute(sql, false));
    }
    return "";
  }

  private String createSchema(Object relation) {
    return relation instanceof Relation r && r.schema() != null
        ? "create schema if not exists " + r.renderSchema()
        : null;
  }

  private String dropSchema(Object relation) {
    return relation instanceof Relation r && r.schema() != null
        ? "drop schema if exists " + r.renderSchema() + (mysql() ? "" : " cascade")
        : null;
  }

  /** {@code drop <type> if exists}: a relation of unknown type is looked up first. */
  private String drop(Object relation) {
    if (!(relation instanceof Relation r)) {
      return null;
    }
    String type = r.type();
    if (type == null) {
      type = session.onDatabase(d -> d.relationType(r.database(), r.schema(), r.identifier()));
    }
    if (type == null) {
      return null;
    }
    return "drop "
        + ("view".equals(type) ? "view" : "table")
        + " if exists "
        + r.render()
        + (cascades() ? " cascade" : "");
  }

  private String rename(Object from, Object to) {
    if (!(from instanceof Relation f) || !(to instanceof Relation t)) {
      return null;
    }
    String type = f.type();
    if (type == null) {
      type = session.onDatabase(d -> d.relationType(f.database(), f.schema(), f.identifier()));
    }
    if (mysql()) {
      return "rename table " + f.render() + " to " + t.render();
    }
    return "alter "
        + ("view".equals(type) ? "view" : "table")
        + " "
        + f.render()
        + " rename to "
        + adapter.quote(t.identifier());
  }

  /**
   * dbt's {@code expand_target_column_types}: each character column of {@code to} that is shorter
   * than the same column of {@code from} is widened to it (SQLite enforces no lengths).
   */
  private String expand(Object from, Object to) {
    if (!(from instanceof Relation f) || !(to instanceof Relation t) || !widens()) {
      return "";
    }
    Map<String, String> wider = new java.util.HashMap<>();
    session
        .onDatabase(d -> d.columns(database(f), schema(f), f.identifier()))
        .forEach(c -> wider.put(c.getKey().toLowerCase(Locale.ROOT), c.getValue()));
    for (Map.Entry<String, String> c :
        session.onDatabase(d -> d.columns(database(t), schema(t), t.identifier()))) {
      String from_ = wider.get(c.getKey().toLowerCase(Locale.ROOT));
      int have = charSize(c.getValue());
      int need = from_ == null ? -1 : charSize(from_);
      if (have > 0 && need > have) {
        String type = "varchar(" + need + ")";
        run(
            mysql()
                ? "alter table "
                    + t.render()
                    + " modify column "
                    + adapter.quote(c.getKey())
                    + " "
                    + type
                : "alter table "
                    + t.render()
                    + " alter column "
                    + adapter.quote(c.getKey())
                    + " type "
                    + type);
      }
    }
    return "";
  }

  private boolean widens() {
    return !adapter.type().equals("sqlite");
  }

  /** The length of a {@code varchar(n)} / {@code character varying(n)} type, else -1. */
  private static int charSize(String type) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(?i)\\s*(?:var)?char(?:acter)?(?: varying)?\\s*\\((\\d+)\\)\\s*")
            .matcher(type == null ? "" : type);
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

  /**
   * Inserts a seed's rows ({@link SeedTable}) in batches, each value cast to its column's type as
   * the seed materialization created it.
   */
  private Object loadSeedRows(Object relation, Object table) {
    if (!(relation instanceof Relation r)
        || !(table instanceof SeedTable t)
        || t.rows().isEmpty()) {
      return 0L;
    }
    StringBuilder sql = new StringBuilder("insert into ").append(r.render()).append(" (");
    for (int i = 0; i < t.names().size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(t.quotedNames().get(i));
    }
    sql.append(") values (");
    for (int i = 0; i < t.names().size(); i++) {
      // SQLite casts by affinity ('2024-01-05' as date is 2024) and MySQL/MariaDB cast to a few
      // types only (not text, nor varchar): their values go in as written, the column's type
      // converts them
      sql.append(i == 0 ? "" : ", ")
          .append(
              adapter.type().equals("sqlite") || mysql()
                  ? "?"
                  : "cast(? as " + t.types().get(i) + ")");
    }
    sql.append(')');
    return session.onDatabase(d -> d.insert(sql.toString(), t.names().size(), t.rows()));
  }

  private boolean mysql() {
    String type = adapter.type();
    return type.equals("mysql") || type.equals("mariadb");
  }

  private boolean cascades() {
    return !mysql() && !adapter.type().equals("sqlite");
  }

  private static String s(Object o) {
    return o == null || o instanceof Undefined ? null : PyValues.str(o);
  }
}
