package dev.dbtls.columns;

import dev.dbtls.sql.ReservedNames;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;

/**
 * The type an expression says itself, in the SQL's own words: a cast's target, a literal's kind,
 * {@code count}/{@code row_number}'s integer, a comparison's boolean. Null when only running the
 * query would tell (arithmetic, most functions); a bare column's type is its source's, decided by
 * the caller.
 */
final class ExpressionType {
  private ExpressionType() {}

  private static final Set<String> COUNTS =
      Set.of(
          "count",
          "count_if",
          "countif",
          "row_number",
          "rank",
          "dense_rank",
          "ntile",
          "approx_count_distinct");

  static String of(Expression e) {
    if (e instanceof JsonExpression j && !j.getIdents().isEmpty()) {
      // Snowflake's payload:user.id::string: the cast is on the path's last step
      Expression last = j.getIdents().get(j.getIdents().size() - 1);
      return last instanceof CastExpression ? of(last) : null;
    }
    if (e instanceof CastExpression c && c.getColDataType() != null) {
      return ReservedNames.restoredType(
          c.getColDataType().toString().toLowerCase(Locale.ROOT).replace(" (", "("));
    }
    if (e instanceof LongValue) {
      return "integer";
    }
    if (e instanceof DoubleValue) {
      return "decimal";
    }
    if (e instanceof StringValue) {
      return "varchar";
    }
    if (e instanceof BooleanValue
        || e instanceof ComparisonOperator
        || e instanceof AndExpression
        || e instanceof OrExpression) {
      return "boolean";
    }
    if (e instanceof DateValue) {
      return "date";
    }
    if (e instanceof TimestampValue) {
      return "timestamp";
    }
    String name =
        e instanceof Function f
            ? f.getName()
            : e instanceof AnalyticExpression a ? a.getName() : null;
    if (name != null && COUNTS.contains(name.toLowerCase(Locale.ROOT))) {
      return "bigint";
    }
    return null;
  }
}
