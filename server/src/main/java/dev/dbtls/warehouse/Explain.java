package dev.dbtls.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.project.ProblemCode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks the warehouse for a query's plan and reads it into a {@link PlanNode} tree. Only queries
 * are explained (checked like {@link Preview}); with {@code analyze} the query runs, on
 * PostgreSQL inside a read-only transaction that is rolled back. PostgreSQL and DuckDB give JSON,
 * SQLite its {@code explain query plan} rows; MySQL and MariaDB give JSON kept raw only. Only
 * PostgreSQL and DuckDB analyze (elsewhere the plan comes unanalyzed). Never throws.
 */
public final class Explain {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Explain() {}

  public static ExplainResult run(Warehouse w, String sql, boolean analyze, QueryCancel cancel) {
    long t0 = System.nanoTime();
    try {
      return execute(w, sql, analyze, cancel, t0);
    } catch (RuntimeException e) {
      return ExplainResult.failed(WarehouseError.of(ProblemCode.WAREHOUSE_QUERY,
          "explain failed: " + e.getClass().getSimpleName()), sql, analyze, Preview.millis(t0));
    }
  }

  static ExplainResult execute(Warehouse w, String sql, boolean analyze, QueryCancel cancel,
      long t0) {
    ReadOnlyCheck.Verdict v = ReadOnlyCheck.check(sql, w.sqlType());
    WarehouseError refused = refusal(v);
    if (refused != null) {
      return ExplainResult.failed(refused, sql, analyze, Preview.millis(t0));
    }
    String dialect = w.sqlType();
    String toRun = statement(dialect, v.sql(), analyze);
    if (toRun == null) {
      return ExplainResult.failed(WarehouseError.of(ProblemCode.WAREHOUSE_QUERY, "dbtls cannot "
          + "explain queries on " + dialect + " target '" + w.targetName() + "' yet"), sql, analyze,
          Preview.millis(t0));
    }
    ConnectionSpec spec = w.spec();
    if (cancel != null && cancel.cancelled()) {
      return ExplainResult.failed(QueryFailure.of(spec, null, true, false, 0), toRun, analyze,
          Preview.millis(t0));
    }
    Connection c;
    try {
      c = w.connection();
    } catch (SQLException e) {
      return ExplainResult.failed(ConnectFailure.of(spec, e), toRun, analyze, Preview.millis(t0));
    }
    boolean transaction = dialect.equals("postgres");
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
        end(c, transaction);
        if (watch.stopped()) {
          return ExplainResult.failed(watch.failure(spec, null), toRun, analyze, Preview.millis(t0));
        }
        String raw = raw(dialect, rows);
        boolean analyzed = analyze && (transaction || dialect.equals("duckdb"));
        return new ExplainResult(tree(dialect, rows, raw), raw, analyzed, toRun,
            Preview.millis(t0), null);
      } catch (SQLException | RuntimeException e) {
        watch.close();
        WarehouseError error = e instanceof JsonError
            ? WarehouseError.of(ProblemCode.WAREHOUSE_QUERY, "the plan from " + dialect
                + " target '" + w.targetName() + "' is not the JSON dbtls expects")
            : watch.failure(spec, e);
        end(c, transaction);
        return ExplainResult.failed(error, toRun, analyze, Preview.millis(t0));
      }
    }
  }

  private static WarehouseError refusal(ReadOnlyCheck.Verdict v) {
    return switch (v.kind()) {
      case QUERY -> null;
      case EMPTY -> WarehouseError.of(ProblemCode.WAREHOUSE_NOT_A_QUERY, "there is no SQL to explain");
      case MULTIPLE -> WarehouseError.of(ProblemCode.WAREHOUSE_NOT_A_QUERY,
          "explain takes one statement; this SQL has more than one");
      default -> WarehouseError.of(ProblemCode.WAREHOUSE_NOT_A_QUERY,
          "explain only explains queries, and this is " + v.what());
    };
  }

  /** The explain statement for the dialect, or null when dbtls does not explain it. */
  static String statement(String dialect, String query, boolean analyze) {
    return switch (dialect) {
      case "postgres" -> (analyze ? "explain (analyze, buffers, format json) "
          : "explain (format json) ") + query;
      case "duckdb" -> (analyze ? "explain (analyze, format json) " : "explain (format json) ")
          + query;
      case "sqlite" -> "explain query plan " + query;
      case "mysql", "mariadb" -> "explain format=json " + query;
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
      lines.add(dialect.equals("sqlite") ? row.get(0) + " " + row.get(1) + " " + row.get(3)
          : row.get(row.size() - 1));
    }
    return String.join("\n", lines);
  }

  static PlanNode tree(String dialect, List<List<String>> rows, String raw) {
    return switch (dialect) {
      case "postgres" -> {
        JsonNode plan = parse(raw).path(0).path("Plan");
        yield plan.isObject() ? postgres(plan) : null;
      }
      case "duckdb" -> rows.isEmpty() ? null : duckdb(parse(rows.get(0).get(rows.get(0).size() - 1)));
      case "sqlite" -> sqlite(rows);
      default -> null;
    };
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

  // PostgreSQL: {"Node Type", "Relation Name", "Plan Rows", "Total Cost", "Plans": [...]}
  static PlanNode postgres(JsonNode p) {
    List<PlanNode> children = new ArrayList<>();
    p.path("Plans").forEach(child -> children.add(postgres(child)));
    String condition = firstText(p, "Hash Cond", "Merge Cond", "Join Filter", "Index Cond",
        "Recheck Cond", "Filter");
    Double time = number(p, "Actual Total Time");
    Long loops = p.has("Actual Loops") ? p.get("Actual Loops").asLong() : null;
    return new PlanNode(p.path("Node Type").asText(), text(p, "Relation Name"),
        text(p, "Index Name"), condition, number(p, "Plan Rows"), number(p, "Total Cost"),
        number(p, "Actual Rows"), time, loops, null, children);
  }

  // DuckDB: explain gives [{"name", "extra_info", "children"}]; analyze gives the profile, whose
  // operators have "operator_name", "operator_cardinality", "operator_timing" (seconds)
  static PlanNode duckdb(JsonNode json) {
    JsonNode n = json.isArray() ? json.path(0) : json;
    boolean profile = !n.has("name") && !n.has("operator_name");
    while ((profile || "EXPLAIN_ANALYZE".equals(n.path("operator_name").asText()))
        && n.path("children").size() == 1) {
      n = n.path("children").path(0);
      profile = false;
    }
    return n.isObject() ? duckdbNode(n) : null;
  }

  private static PlanNode duckdbNode(JsonNode n) {
    List<PlanNode> children = new ArrayList<>();
    n.path("children").forEach(child -> children.add(duckdbNode(child)));
    JsonNode info = n.path("extra_info");
    String operator = n.has("operator_name") ? n.path("operator_name").asText()
        : n.path("name").asText();
    String relation = text(info, "Table");
    String condition = firstText(info, "Conditions", "Filters");
    Double actualRows = number(n, "operator_cardinality");
    Double seconds = number(n, "operator_timing");
    return new PlanNode(operator.strip(), relation, null, condition,
        number(info, "Estimated Cardinality"), null, actualRows,
        seconds == null ? null : seconds * 1000, null, null, children);
  }

  // SQLite: rows (id, parent, notused, detail); detail like "SCAN t" or
  // "SEARCH t USING INDEX i (a=?)"
  static PlanNode sqlite(List<List<String>> rows) {
    Map<String, List<List<String>>> byParent = new LinkedHashMap<>();
    for (List<String> row : rows) {
      byParent.computeIfAbsent(row.get(1), k -> new ArrayList<>()).add(row);
    }
    List<PlanNode> top = sqliteChildren("0", byParent, 0);
    if (top.size() == 1) {
      return top.get(0);
    }
    return top.isEmpty() ? null
        : new PlanNode("QUERY PLAN", null, null, null, null, null, null, null, null, null, top);
  }

  private static List<PlanNode> sqliteChildren(String parent,
      Map<String, List<List<String>>> byParent, int depth) {
    List<PlanNode> out = new ArrayList<>();
    if (depth > 100) {
      return out;
    }
    for (List<String> row : byParent.getOrDefault(parent, List.of())) {
      out.add(sqliteNode(row.get(3), sqliteChildren(row.get(0), byParent, depth + 1)));
    }
    return out;
  }

  static PlanNode sqliteNode(String detail, List<PlanNode> children) {
    String d = detail == null ? "" : detail.strip();
    String[] words = d.split("\\s+");
    boolean access = (words[0].equals("SCAN") || words[0].equals("SEARCH")) && words.length > 1;
    // SCAN / SEARCH name the table; other steps (COMPOUND QUERY, USE TEMP B-TREE ...) are the detail
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
    return new PlanNode(operator, relation, index, condition, null, null, null, null, null, d,
        children);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(x -> parts.add(x.asText()));
      return parts.isEmpty() ? null : String.join(" AND ", parts);
    }
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }

  private static String firstText(JsonNode n, String... fields) {
    for (String f : fields) {
      String s = text(n, f);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  private static Double number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    try {
      return Double.valueOf(v.asText().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
