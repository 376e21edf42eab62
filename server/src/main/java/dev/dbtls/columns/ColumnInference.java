package dev.dbtls.columns;

import dev.dbtls.sql.ParserText;
import dev.dbtls.sql.ReservedNames;
import dev.dbtls.sql.SqlDialect;
import dev.dbtls.sql.SqlParse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The columns a compiled query produces: JSqlParser reads it in the adapter's dialect, then {@link
 * SelectInference} resolves names through CTEs, joins, subqueries and set operations down to the
 * parents' columns. A column that cannot be known is left out and the list marked incomplete with
 * the reason; nothing is guessed. Never throws.
 */
public final class ColumnInference {
  private ColumnInference() {}

  /** The columns of {@code sql} (the last query of it, as dbt materializes the last statement). */
  public static QueryColumns infer(String sql, SqlDialect dialect, ParentRelations parents) {
    return inferred(sql, dialect, parents).columns();
  }

  /**
   * What {@link #inferred} gives: the columns, and whether they last as long as the SQL and the
   * parents do (not when the parser ran out of time: a later run may read it, and no cache should
   * keep it unread).
   */
  public record Inferred(QueryColumns columns, boolean lasting) {}

  /** {@link #infer}, and whether what it gives lasts. */
  public static Inferred inferred(String sql, SqlDialect dialect, ParentRelations parents) {
    if (sql == null || sql.isBlank()) {
      return new Inferred(QueryColumns.unreadable("the compiled SQL is empty"), true);
    }
    ParserText.Read text = ParserText.read(sql, dialect);
    SqlParse.Read parsed = SqlParse.read(text.text(), dialect);
    if (parsed.timedOut()) {
      return new Inferred(
          QueryColumns.unreadable(
              "the SQL parser ("
                  + dialect.adapterType()
                  + " dialect) ran out of time reading the compiled SQL ("
                  + SqlParse.READ_TIMEOUT_MS / 1000
                  + " s of CPU)"),
          false);
    }
    return new Inferred(columns(sql, dialect, parents, text, parsed.statements()), true);
  }

  private static QueryColumns columns(
      String sql,
      SqlDialect dialect,
      ParentRelations parents,
      ParserText.Read text,
      List<Statement> parsed) {
    if (parsed == null) {
      if (ParserText.selectsNothing(sql, dialect)) {
        return QueryColumns.unreadable(
            "the compiled SQL has a `select` without columns: a macro that"
                + " reads a relation's columns from the warehouse while compiling found none");
      }
      return QueryColumns.unreadable(
          "the SQL parser (" + dialect.adapterType() + " dialect) could not read the compiled SQL");
    }
    Select last = null;
    for (Statement s : parsed) {
      if (s instanceof Select sel) {
        last = sel;
      }
    }
    if (last == null) {
      return QueryColumns.unreadable("the compiled SQL is not a query");
    }
    try {
      SelectInference walk = new SelectInference(parents, text.stars());
      Shape shape = walk.query(last, Map.of(), null);
      return restored(
          new QueryColumns(
              shape.relationColumns(), new ArrayList<>(walk.filters.values()), true, walk.missing));
    } catch (RuntimeException | StackOverflowError e) {
      return QueryColumns.unreadable(
          "the query could not be followed (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Names turned back from {@link ReservedNames}' stand-ins. */
  private static QueryColumns restored(QueryColumns q) {
    List<InferredColumn> cols = new ArrayList<>();
    for (InferredColumn c : q.output().columns()) {
      List<Upstream> up = new ArrayList<>();
      c.upstream()
          .forEach(
              u ->
                  up.add(new Upstream(u.relation(), ReservedNames.restored(u.column()), u.kind())));
      cols.add(
          new InferredColumn(
              ReservedNames.restored(c.name()), c.type(), c.nameOrigin(), c.typeOrigin(), up));
    }
    List<Upstream> filters = new ArrayList<>();
    q.filters()
        .forEach(
            u ->
                filters.add(
                    new Upstream(u.relation(), ReservedNames.restored(u.column()), u.kind())));
    return new QueryColumns(
        new RelationColumns(cols, q.output().complete(), q.output().gaps()),
        filters,
        q.parsed(),
        q.missing());
  }
}
