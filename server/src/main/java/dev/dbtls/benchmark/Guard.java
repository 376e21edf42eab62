package dev.dbtls.benchmark;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.warehouse.ReadOnlyCheck;
import dev.dbtls.warehouse.WarehouseError;
import java.util.Locale;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.create.index.CreateIndex;

/**
 * What a benchmark refuses before it runs anything: a variant that is not one query (checked like a
 * preview, by parsing), and sandbox setup that is anything but one {@code create index} per entry
 * (parsed with JSqlParser), or setup on a warehouse without a sandbox.
 */
final class Guard {
  private Guard() {}

  /** Why the plan cannot run on a warehouse of {@code sqlType}, or null. */
  static WarehouseError refusal(BenchmarkPlan plan, String sqlType, String kind, String target) {
    return refusal(plan, sqlType, kind, target, dev.dbtls.warehouse.FileAccess.NONE);
  }

  /** As above; file functions read only what {@code files} allows. */
  static WarehouseError refusal(
      BenchmarkPlan plan,
      String sqlType,
      String kind,
      String target,
      dev.dbtls.warehouse.FileAccess files) {
    if (plan.variants().isEmpty()) {
      return refused("there is no query to benchmark");
    }
    for (Variant v : plan.variants()) {
      ReadOnlyCheck.Verdict verdict = ReadOnlyCheck.check(v.sql(), sqlType, files);
      switch (verdict.kind()) {
        case QUERY -> {}
        case EMPTY -> {
          return refused("variant '" + v.label() + "' has no SQL to run");
        }
        case MULTIPLE -> {
          return refused(
              "variant '"
                  + v.label()
                  + "' has more than one statement; a benchmark"
                  + " times one query");
        }
        case SIDE_EFFECT -> {
          return refused("variant '" + v.label() + "': dbtls does not run this: " + verdict.what());
        }
        default -> {
          return refused(
              "variant '"
                  + v.label()
                  + "' is "
                  + article(verdict.what())
                  + ": a benchmark only runs queries, never statements that write");
        }
      }
      for (String setup : v.sandboxSetup()) {
        String why = notAnIndex(setup);
        if (why != null) {
          return refused("variant '" + v.label() + "': sandbox setup " + why);
        }
      }
    }
    boolean sandboxed = plan.variants().stream().anyMatch(Variant::sandboxed);
    if (sandboxed && !sqlType.equals("postgres") && !sqlType.equals("duckdb")) {
      boolean noIndexes =
          java.util.Set.of("trino", "redshift", "snowflake", "databricks", "spark", "bigquery")
              .contains(sqlType);
      return refused(
          "sandboxed index benchmarks run on PostgreSQL and DuckDB; target '"
              + target
              + "' is "
              + kind
              + (noIndexes
                  ? ", which has no indexes (explain's findings say what fits there instead:"
                      + " distribution and sort keys, partition filters)"
                  : ""));
    }
    return null;
  }

  /** Null when {@code sql} is exactly one {@code create index}, else why not. */
  static String notAnIndex(String sql) {
    if (sql == null || sql.isBlank()) {
      return "is empty";
    }
    Statements parsed;
    try {
      parsed = CCJSqlParserUtil.parseStatements(sql);
    } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
      return "cannot be read as SQL; only 'create index' may run there";
    }
    if (parsed == null || parsed.size() != 1) {
      return "must be one statement, a 'create index'";
    }
    Statement s = parsed.get(0);
    if (!(s instanceof CreateIndex)) {
      String name =
          s.getClass()
              .getSimpleName()
              .replace("Statement", "")
              .replaceAll("([a-z])([A-Z])", "$1 $2")
              .toLowerCase(Locale.ROOT);
      return "is " + article(name + " statement") + "; only 'create index' may run there";
    }
    return null;
  }

  private static WarehouseError refused(String message) {
    return WarehouseError.of(ProblemCode.WAREHOUSE_NOT_A_QUERY, message);
  }

  private static String article(String what) {
    return ("aeiou".indexOf(Character.toLowerCase(what.charAt(0))) >= 0 ? "an " : "a ") + what;
  }
}
