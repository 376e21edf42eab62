package dev.dbtls.warehouse;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The columns a scan's filter compares with constants, as an index would use them: the conjuncts
 * (AND) of the form {@code column = constant}, {@code column in (...)}, {@code column = any (...)}
 * are equality columns; {@code <, <=, >, >=, between} range columns. Disjunctions, functions of a
 * column and comparisons of two columns say nothing. Column names lose their qualifier and quotes.
 * Empty when the filter does not parse.
 */
public record FilterColumns(List<String> equality, List<String> range) {
  public static FilterColumns of(String filter) {
    List<String> eq = new ArrayList<>();
    List<String> range = new ArrayList<>();
    if (filter == null || filter.isBlank()) {
      return new FilterColumns(eq, range);
    }
    try {
      Expression e = CCJSqlParserUtil.parseCondExpression(filter, false);
      conjuncts(e, eq, range, 0);
    } catch (Exception | StackOverflowError e) {
      return new FilterColumns(List.of(), List.of());
    }
    range.removeAll(eq);
    return new FilterColumns(eq, range);
  }

  /** Equality columns, then the first range column: the columns of the index to suggest. */
  public List<String> indexColumns() {
    List<String> out = new ArrayList<>(equality);
    if (!range.isEmpty()) {
      out.add(range.get(0));
    }
    return out;
  }

  private static void conjuncts(Expression e, List<String> eq, List<String> range, int depth) {
    e = unwrap(e);
    if (depth > 100 || e == null) {
      return;
    }
    if (e instanceof AndExpression and) {
      conjuncts(and.getLeftExpression(), eq, range, depth + 1);
      conjuncts(and.getRightExpression(), eq, range, depth + 1);
    } else if (e instanceof EqualsTo b) {
      compared(b, eq);
    } else if (e instanceof GreaterThan
        || e instanceof GreaterThanEquals
        || e instanceof MinorThan
        || e instanceof MinorThanEquals) {
      compared((BinaryExpression) e, range);
    } else if (e instanceof Between b && !b.isNot()) {
      String c = column(b.getLeftExpression());
      if (c != null
          && constant(b.getBetweenExpressionStart())
          && constant(b.getBetweenExpressionEnd())) {
        add(range, c);
      }
    } else if (e instanceof InExpression in && !in.isNot()) {
      String c = column(in.getLeftExpression());
      if (c != null && constant(in.getRightExpression())) {
        add(eq, c);
      }
    }
  }

  private static void compared(BinaryExpression b, List<String> out) {
    String left = column(b.getLeftExpression());
    String right = column(b.getRightExpression());
    if (left != null && constant(b.getRightExpression())) {
      add(out, left);
    } else if (right != null && constant(b.getLeftExpression())) {
      add(out, right);
    }
  }

  private static void add(List<String> out, String column) {
    if (!out.contains(column)) {
      out.add(column);
    }
  }

  private static Expression unwrap(Expression e) {
    for (int i = 0; i < 100; i++) {
      if (e instanceof Parenthesis p) {
        e = p.getExpression();
      } else if (e instanceof ExpressionList<?> list
          && !(e instanceof Select)
          && list.size() == 1) {
        e = list.get(0);
      } else {
        return e;
      }
    }
    return e;
  }

  /** The column an expression is, through casts (PostgreSQL's {@code (name)::text}), or null. */
  private static String column(Expression e) {
    e = unwrap(e);
    if (e instanceof CastExpression cast) {
      e = unwrap(cast.getLeftExpression());
    }
    if (e instanceof Column c) {
      String name = TableAliases.unquote(c.getColumnName());
      return name.isEmpty() ? null : name;
    }
    return null;
  }

  /** Whether an expression names no column and no subquery (a constant for one scan). */
  private static boolean constant(Expression e) {
    e = unwrap(e);
    if (e == null || e instanceof Column || e instanceof Select) {
      return false;
    }
    if (e instanceof AnyComparisonExpression) {
      return true;
    }
    if (e instanceof CastExpression cast) {
      return constant(cast.getLeftExpression());
    }
    if (e instanceof SignedExpression s) {
      return constant(s.getExpression());
    }
    if (e instanceof BinaryExpression b) {
      return constant(b.getLeftExpression()) && constant(b.getRightExpression());
    }
    if (e instanceof ExpressionList<?> list) {
      for (Expression x : list) {
        if (!constant(x)) {
          return false;
        }
      }
      return true;
    }
    if (e instanceof Function f) {
      return f.getParameters() == null || constant(f.getParameters());
    }
    return true;
  }
}
