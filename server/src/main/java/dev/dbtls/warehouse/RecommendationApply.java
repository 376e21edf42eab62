package dev.dbtls.warehouse;

import dev.dbtls.project.ProblemCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.drop.Drop;

/**
 * Runs a recommendation's SQL on the warehouse for real — the one place dbtls changes a warehouse.
 * Only one {@code create index} or {@code drop index} statement is ever run (checked by parsing),
 * on a dedicated connection that is not read-only, committed at once. The caller has the user's
 * explicit permission (a setting and a confirmation) and audits what ran. A DuckDB file is open
 * read-only to every dbtls connection, so there the answer says to run it by hand. Never throws.
 */
public final class RecommendationApply {
  private RecommendationApply() {}

  /** Null when it ran, else why not. */
  public static WarehouseError run(Warehouse w, String sql) {
    String why = notAnIndexChange(sql);
    if (why != null) {
      return WarehouseError.of(ProblemCode.WAREHOUSE_NOT_A_QUERY, why);
    }
    if (w.sqlType().equals("duckdb") || w.sqlType().equals("sqlite")) {
      return WarehouseError.of(
          ProblemCode.WAREHOUSE_QUERY,
          "dbtls opens "
              + w.kind()
              + " files read-only; run this yourself with the file closed elsewhere: "
              + sql.strip());
    }
    try (Connection c = w.sandboxConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute(sql);
      return null;
    } catch (SQLException e) {
      return WarehouseError.of(
          ProblemCode.WAREHOUSE_QUERY,
          "the "
              + w.kind()
              + " target '"
              + w.targetName()
              + "' refused it: "
              + firstLine(e.getMessage()));
    } catch (RuntimeException e) {
      return WarehouseError.of(
          ProblemCode.WAREHOUSE_QUERY, "it failed: " + e.getClass().getSimpleName());
    }
  }

  /** Null when {@code sql} is one create index or drop index, else why it is refused. */
  static String notAnIndexChange(String sql) {
    if (sql == null || sql.isBlank()) {
      return "there is no SQL to run";
    }
    try {
      Statements parsed = CCJSqlParserUtil.parseStatements(sql);
      if (parsed != null
          && parsed.size() == 1
          && (parsed.get(0) instanceof CreateIndex
              || parsed.get(0) instanceof Drop d && "INDEX".equalsIgnoreCase(d.getType()))) {
        return null;
      }
    } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
      // refused below
    }
    return "dbtls only applies one 'create index' or 'drop index' statement";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
