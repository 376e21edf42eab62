package dev.dbtls.columns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The parent columns an expression reads, each as an edge: {@link EdgeKind#AGGREGATED} inside an
 * aggregate function, else {@link EdgeKind#COMPUTED} (a bare column reference is handled by the
 * caller, which knows the output name). Subqueries in the expression are inferred by {@code
 * subquery} in this scope (correlated names resolve outward).
 */
final class ExpressionColumns {
  private ExpressionColumns() {}

  static final Set<String> AGGREGATES =
      Set.of(
          "sum",
          "count",
          "avg",
          "min",
          "max",
          "array_agg",
          "string_agg",
          "listagg",
          "group_concat",
          "any_value",
          "count_if",
          "countif",
          "median",
          "stddev",
          "stddev_samp",
          "stddev_pop",
          "variance",
          "var_samp",
          "var_pop",
          "bool_and",
          "bool_or",
          "every",
          "list",
          "approx_count_distinct",
          "approx_distinct",
          "mode",
          "percentile_cont",
          "percentile_disc",
          "arbitrary",
          "first",
          "last",
          "logical_and",
          "logical_or",
          "bit_and",
          "bit_or",
          "json_agg",
          "jsonb_agg",
          "object_agg",
          "array_concat_agg",
          "hll_count.init",
          "sumif",
          "avgif",
          "arg_max",
          "arg_min",
          "max_by",
          "min_by",
          "product",
          "kurtosis",
          "skewness",
          "corr",
          "covar_pop",
          "covar_samp",
          "regr_slope",
          "histogram");

  /** Names that look like columns but are values (no parent column behind them). */
  static final Set<String> VALUE_WORDS =
      Set.of(
          "current_date",
          "current_timestamp",
          "current_time",
          "localtime",
          "localtimestamp",
          "current_user",
          "session_user",
          "user",
          "true",
          "false",
          "null",
          "sysdate",
          "current_schema",
          "current_database",
          "current_catalog");

  static List<Upstream> read(Expression e, Scope scope, BiFunction<Select, Scope, Shape> subquery) {
    return read(e, scope, subquery, (c, r) -> {});
  }

  /** As above; {@code missing} hears of each name a parent with all columns known lacks. */
  static List<Upstream> read(
      Expression e,
      Scope scope,
      BiFunction<Select, Scope, Shape> subquery,
      java.util.function.BiConsumer<Column, Scope.Relation> missing) {
    Walker w = new Walker(scope, subquery, missing);
    try {
      e.accept(w, null);
    } catch (RuntimeException ex) {
      // a node JSqlParser's adapter cannot walk: what was found so far stands
    }
    return new ArrayList<>(w.found.values());
  }

  /** Keeps the strongest edge per column: aggregated over computed over renamed/passed. */
  static void add(Map<String, Upstream> into, Upstream u) {
    String key = u.relation() + "\u0000" + u.column().toLowerCase(Locale.ROOT);
    Upstream old = into.get(key);
    if (old == null || u.kind().ordinal() > old.kind().ordinal()) {
      into.put(key, u);
    }
  }

  private static final class Walker extends ExpressionVisitorAdapter<Void> {
    private final Scope scope;
    private final BiFunction<Select, Scope, Shape> subquery;
    private final java.util.function.BiConsumer<Column, Scope.Relation> missing;
    final Map<String, Upstream> found = new LinkedHashMap<>();
    private int aggregateDepth;

    Walker(
        Scope scope,
        BiFunction<Select, Scope, Shape> subquery,
        java.util.function.BiConsumer<Column, Scope.Relation> missing) {
      this.scope = scope;
      this.subquery = subquery;
      this.missing = missing;
    }

    @Override
    public <S> Void visit(Column column, S context) {
      String name = Names.unquoted(column.getColumnName());
      if (name == null) {
        return null;
      }
      String qualifier =
          column.getTable() == null || column.getTable().getName() == null
              ? null
              : Names.unquoted(column.getTable().getName());
      if (qualifier == null && VALUE_WORDS.contains(name.toLowerCase(Locale.ROOT))) {
        return null;
      }
      Optional<InferredColumn> c = scope.resolve(qualifier, name);
      c.ifPresent(col -> col.upstream().forEach(u -> add(found, edge(u))));
      if (c.isEmpty()) {
        scope.lacking(qualifier, name).ifPresent(r -> missing.accept(column, r));
      }
      return null;
    }

    private Upstream edge(Upstream u) {
      EdgeKind k =
          aggregateDepth > 0 || u.kind() == EdgeKind.AGGREGATED
              ? EdgeKind.AGGREGATED
              : EdgeKind.COMPUTED;
      return new Upstream(u.relation(), u.column(), k);
    }

    @Override
    public <S> Void visit(Function f, S context) {
      boolean agg =
          f.getName() != null && AGGREGATES.contains(f.getName().toLowerCase(Locale.ROOT));
      aggregateDepth += agg ? 1 : 0;
      try {
        return super.visit(f, context);
      } finally {
        aggregateDepth -= agg ? 1 : 0;
      }
    }

    @Override
    public <S> Void visit(AnalyticExpression a, S context) {
      boolean agg =
          a.getName() != null && AGGREGATES.contains(a.getName().toLowerCase(Locale.ROOT));
      aggregateDepth += agg ? 1 : 0;
      try {
        if (a.getExpression() != null) {
          a.getExpression().accept(this, context);
        }
      } finally {
        aggregateDepth -= agg ? 1 : 0;
      }
      // partition and order columns shape the value: computed from them
      int saved = aggregateDepth;
      aggregateDepth = 0;
      try {
        if (a.getPartitionExpressionList() != null) {
          a.getPartitionExpressionList().forEach(p -> p.accept(this, context));
        }
        if (a.getOrderByElements() != null) {
          a.getOrderByElements().forEach(o -> o.getExpression().accept(this, context));
        }
      } finally {
        aggregateDepth = saved;
      }
      return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect s, S context) {
      return select(s);
    }

    @Override
    public <S> Void visit(Select s, S context) {
      return select(s);
    }

    private Void select(Select s) {
      Shape shape = subquery.apply(s, scope);
      for (InferredColumn c : shape.items()) {
        c.upstream().forEach(u -> add(found, edge(u)));
      }
      return null;
    }
  }
}
