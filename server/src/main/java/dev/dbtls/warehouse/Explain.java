package dev.dbtls.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.warehouse.findings.PlanFindings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Asks the warehouse for a query's plan and reads it into a {@link PlanNode} tree. Only queries are
 * explained (checked like {@link Preview}); with {@code analyze} the query runs, on PostgreSQL
 * inside a read-only transaction that is rolled back (MariaDB: {@code analyze format=json} on the
 * pool's read-only connection). PostgreSQL, DuckDB, MariaDB and MySQL give JSON, SQLite its {@code
 * explain query plan} rows; PostgreSQL, DuckDB and MariaDB analyze (SQLite and MySQL give the plan
 * unanalyzed). After the plan, one metadata query reads the sizes of the tables it reads ({@link
 * TableSizes}), and {@link PlanFindings} says what looks wrong. Never throws.
 */
public final class Explain {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Explain() {}

  public static ExplainResult run(Warehouse w, String sql, boolean analyze, QueryCancel cancel) {
    long t0 = System.nanoTime();
    try {
      return execute(w, sql, analyze, cancel, t0);
    } catch (RuntimeException e) {
      return ExplainResult.failed(
          WarehouseError.of(
              ProblemCode.WAREHOUSE_QUERY, "explain failed: " + e.getClass().getSimpleName()),
          sql,
          analyze,
          Preview.millis(t0));
    }
  }

  static ExplainResult execute(
      Warehouse w, String sql, boolean analyze, QueryCancel cancel, long t0) {
    ReadOnlyCheck.Verdict v = ReadOnlyCheck.check(sql, w.sqlType(), w.fileAccess());
    WarehouseError refused = refusal(v);
    if (refused != null) {
      return ExplainResult.failed(refused, sql, analyze, Preview.millis(t0));
    }
    if (w.engine() != null) {
      return EngineExplain.run(w, v.sql(), analyze, cancel, t0);
    }
    String dialect = w.sqlType();
    String toRun = statement(dialect, v.sql(), analyze);
    if (toRun == null) {
      return ExplainResult.failed(
          WarehouseError.of(
              ProblemCode.WAREHOUSE_QUERY,
              "dbtls cannot "
                  + "explain queries on "
                  + dialect
                  + " target '"
                  + w.targetName()
                  + "' yet"),
          sql,
          analyze,
          Preview.millis(t0));
    }
    ConnectionSpec spec = w.spec();
    if (cancel != null && cancel.cancelled()) {
      return ExplainResult.failed(
          QueryFailure.of(spec, null, true, false, 0), toRun, analyze, Preview.millis(t0));
    }
    Connection c;
    try {
      c = w.connection();
    } catch (SQLException e) {
      return ExplainResult.failed(ConnectFailure.of(spec, e), toRun, analyze, Preview.millis(t0));
    }
    boolean transaction = dialect.equals("postgres") || dialect.equals("redshift");
    try (QueryWatch watch = new QueryWatch(cancel, 0)) {
      try {
        Preview.prepare(c, spec, false);
        if (transaction) {
          c.setAutoCommit(false);
        }
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement()) {
          watch.running(st);
          try (ResultSet rs = st.executeQuery(toRun)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              List<String> row = new ArrayList<>();
              for (int i = 1; i <= n; i++) {
                row.add(rs.getString(i));
              }
              rows.add(row);
            }
          }
        }
        watch.close();
        if (watch.stopped()) {
          end(c, transaction);
          return ExplainResult.failed(
              watch.failure(spec, null), toRun, analyze, Preview.millis(t0));
        }
        String raw = raw(dialect, rows);
        PlanDraft draft = tree(dialect, rows, raw, v.sql());
        Map<String, Double> sizes = Map.of();
        if (draft != null) {
          if (dialect.equals("trino")) {
            TrinoTables.name(c, v.sql(), draft);
          }
          qualify(draft, TableAliases.of(v.sql()), 0);
          Set<TableSizes.Relation> relations = new LinkedHashSet<>();
          relations(draft, relations);
          sizes = TableSizes.read(c, dialect, relations);
          stamp(draft, sizes);
        }
        end(c, transaction);
        boolean analyzed =
            analyze
                && !dialect.equals("sqlite")
                && !dialect.equals("mysql")
                && !dialect.equals("redshift")
                && !dialect.equals("snowflake")
                && !dialect.equals("databricks")
                && !dialect.equals("spark");
        PlanNode root = draft == null ? null : draft.finish();
        List<Finding> findings =
            root == null ? List.of() : PlanFindings.of(root, dialect, sizes, analyzed);
        return new ExplainResult(
            root, raw, analyzed, toRun, Preview.millis(t0), null, sizes, findings);
      } catch (SQLException | RuntimeException e) {
        watch.close();
        WarehouseError error =
            e instanceof JsonError
                ? WarehouseError.of(
                    ProblemCode.WAREHOUSE_QUERY,
                    "the plan from "
                        + dialect
                        + " target '"
                        + w.targetName()
                        + "' is not the JSON dbtls expects")
                : watch.failure(spec, e);
        end(c, transaction);
        return ExplainResult.failed(error, toRun, analyze, Preview.millis(t0));
      }
    }
  }

  private static WarehouseError refusal(ReadOnlyCheck.Verdict v) {
    return switch (v.kind()) {
      case QUERY -> null;
      case EMPTY ->
          WarehouseError.of(ProblemCode.WAREHOUSE_NOT_A_QUERY, "there is no SQL to explain");
      case MULTIPLE ->
          WarehouseError.of(
              ProblemCode.WAREHOUSE_NOT_A_QUERY,
              "explain takes one statement; this SQL has more than one");
      case SIDE_EFFECT ->
          WarehouseError.of(
              ProblemCode.WAREHOUSE_NOT_A_QUERY, "dbtls does not run this: " + v.what());
      default ->
          WarehouseError.of(
              ProblemCode.WAREHOUSE_NOT_A_QUERY,
              "explain only explains queries, and this is " + v.what());
    };
  }

  /** The explain statement for the dialect, or null when dbtls does not explain it. */
  static String statement(String dialect, String query, boolean analyze) {
    return switch (dialect) {
      case "postgres" ->
          (analyze ? "explain (analyze, buffers, format json) " : "explain (format json) ") + query;
      case "duckdb" ->
          (analyze ? "explain (analyze, format json) " : "explain (format json) ") + query;
      case "sqlite" -> "explain query plan " + query;
      case "mariadb" -> (analyze ? "analyze format=json " : "explain format=json ") + query;
      case "mysql" -> "explain format=json " + query;
      // Redshift's explain has no analyze; the plan is text
      case "redshift" -> "explain " + query;
      // the distributed plan, in stages; analyze runs the query and adds each step's figures
      case "trino" -> (analyze ? "explain analyze " : "explain (type distributed) ") + query;
      // the compiled plan with partitions and bytes; Snowflake's explain never runs the query
      case "snowflake" -> "explain using json " + query;
      // the physical plan with each step's details; explain never runs the query here
      case "databricks", "spark" -> "explain formatted " + query;
      default -> null;
    };
  }

  /** Rolls back (PostgreSQL: nothing an analyze did stays) and gives the connection back. */
  private static void end(Connection c, boolean transaction) {
    try {
      if (transaction) {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      // the pool checks the connection on return
    }
    Preview.close(null, c);
  }

  private static String raw(String dialect, List<List<String>> rows) {
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows) {
      lines.add(
          dialect.equals("sqlite")
              ? row.get(0) + " " + row.get(1) + " " + row.get(3)
              : row.get(row.size() - 1));
    }
    return String.join("\n", lines);
  }

  /** The plan read into a tree still to be finished, or null where dbtls does not read it. */
  static PlanDraft tree(String dialect, List<List<String>> rows, String raw, String query) {
    return switch (dialect) {
      case "postgres" -> {
        JsonNode plan = parse(raw).path(0).path("Plan");
        yield plan.isObject() ? PostgresPlan.read(plan) : null;
      }
      case "duckdb" ->
          rows.isEmpty() ? null : DuckDbPlan.read(parse(rows.get(0).get(rows.get(0).size() - 1)));
      case "sqlite" -> sqlite(rows);
      case "mysql", "mariadb" -> MySqlPlan.read(parse(raw), TableAliases.of(query));
      case "redshift" -> RedshiftPlan.read(rows.stream().map(r -> r.get(0)).toList());
      case "trino" -> TrinoPlan.read(raw.lines().toList());
      case "snowflake" -> SnowflakePlan.read(parse(raw));
      case "databricks", "spark" -> DatabricksPlan.read(raw.lines().toList());
      default -> null;
    };
  }

  /** Gives the relations the schema the query names them with (the plan may not say it). */
  private static void qualify(PlanDraft d, Map<String, String> aliases, int depth) {
    if (d.relation != null && d.schema == null) {
      String written =
          aliases.get((d.alias != null ? d.alias : d.relation).toLowerCase(Locale.ROOT));
      if (written == null) {
        written = aliases.get(d.relation.toLowerCase(Locale.ROOT));
      }
      String[] parts = written == null ? new String[0] : written.split("\\.");
      if (parts.length > 1 && parts[parts.length - 1].equalsIgnoreCase(d.relation)) {
        d.schema = parts[parts.length - 2];
      }
    }
    if (depth < 500) {
      d.children.forEach(c -> qualify(c, aliases, depth + 1));
    }
  }

  /** Gives the relations their schema where the table sizes found the only one of that name. */
  private static void stamp(PlanDraft d, Map<String, Double> sizes) {
    if (d.relation != null && d.schema == null) {
      String found = null;
      int matches = 0;
      for (String q : sizes.keySet()) {
        int dot = q.lastIndexOf('.');
        if (q.substring(dot + 1).equalsIgnoreCase(d.relation)) {
          found = q.substring(0, dot);
          matches++;
        }
      }
      if (matches == 1) {
        d.schema = found;
      }
    }
    d.children.forEach(c -> stamp(c, sizes));
  }

  private static void relations(PlanDraft d, Set<TableSizes.Relation> out) {
    if (d.relation != null) {
      out.add(new TableSizes.Relation(d.schema, d.relation));
    }
    d.children.forEach(c -> relations(c, out));
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text == null ? "" : text);
    } catch (JsonProcessingException e) {
      throw new JsonError();
    }
  }

  /** A plan that is not the JSON expected. */
  private static final class JsonError extends RuntimeException {
    JsonError() {
      super(null, null, false, false);
    }
  }

  // SQLite: rows (id, parent, notused, detail); detail like "SCAN t" or
  // "SEARCH t USING INDEX i (a=?)"
  static PlanDraft sqlite(List<List<String>> rows) {
    Map<String, List<List<String>>> byParent = new LinkedHashMap<>();
    for (List<String> row : rows) {
      byParent.computeIfAbsent(row.get(1), k -> new ArrayList<>()).add(row);
    }
    List<PlanDraft> top = sqliteChildren("0", byParent, 0);
    if (top.size() == 1) {
      return top.get(0);
    }
    if (top.isEmpty()) {
      return null;
    }
    PlanDraft root = new PlanDraft("QUERY PLAN");
    root.children.addAll(top);
    return root;
  }

  private static List<PlanDraft> sqliteChildren(
      String parent, Map<String, List<List<String>>> byParent, int depth) {
    List<PlanDraft> out = new ArrayList<>();
    if (depth > 100) {
      return out;
    }
    for (List<String> row : byParent.getOrDefault(parent, List.of())) {
      out.add(sqliteNode(row.get(3), sqliteChildren(row.get(0), byParent, depth + 1)));
    }
    return out;
  }

  static PlanDraft sqliteNode(String detail, List<PlanDraft> children) {
    String d = detail == null ? "" : detail.strip();
    String[] words = d.split("\\s+");
    boolean access = (words[0].equals("SCAN") || words[0].equals("SEARCH")) && words.length > 1;
    // SCAN / SEARCH name the table; other steps (COMPOUND QUERY, USE TEMP B-TREE ...) are the
    // detail
    String operator = access ? words[0] : d;
    String relation = null;
    String index = null;
    String condition = null;
    if (access) {
      relation = words[1];
      int using = d.indexOf(" USING ");
      int idx = d.indexOf("INDEX ", using < 0 ? d.length() : using);
      if (idx >= 0) {
        String rest = d.substring(idx + "INDEX ".length());
        int paren = rest.indexOf(" (");
        index = (paren < 0 ? rest : rest.substring(0, paren)).strip();
        if (paren >= 0 && rest.endsWith(")")) {
          condition = rest.substring(paren + 2, rest.length() - 1);
        }
      }
    }
    PlanDraft n = new PlanDraft(operator);
    n.relation = relation;
    n.index = index;
    n.condition = condition;
    n.detail = d;
    if (children != null) {
      n.children.addAll(children);
    }
    return n;
  }
}
