package dev.dbtls.workspace;

import dev.dbtls.columns.InferredColumn;
import dev.dbtls.columns.Origin;
import dev.dbtls.columns.QueryColumns;
import dev.dbtls.columns.RelationColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a model's inferred columns stand in its template file, as numbers: kept beside the
 * inference in compiled-SQL offsets ({@link ColumnsCache.Memo}), so that a later session can place
 * them again without rendering the template (the source map that moved them is a render's). Four
 * numbers per column (its name's and its type's SQL origin), two per missing column.
 */
final class TemplatePlaces {
  private TemplatePlaces() {}

  /** The places of {@code placed}, a model's columns already moved into its template. */
  static int[] of(QueryColumns placed) {
    List<InferredColumn> cols = placed.output().columns();
    int[] at = new int[4 * cols.size() + 2 * placed.missing().size()];
    int k = 0;
    for (InferredColumn c : cols) {
      k = put(at, k, c.nameOrigin());
      k = put(at, k, c.typeOrigin());
    }
    for (QueryColumns.MissingColumn m : placed.missing()) {
      at[k++] = m.start();
      at[k++] = m.end();
    }
    return at;
  }

  /**
   * {@code compiled} (origins in compiled-SQL offsets) with the origins {@link #of} recorded, as
   * {@code ProjectColumns} places them after a render; null when the numbers do not fit it.
   */
  static QueryColumns apply(QueryColumns compiled, int[] at) {
    List<InferredColumn> cols = compiled.output().columns();
    if (at == null || at.length != 4 * cols.size() + 2 * compiled.missing().size()) {
      return null;
    }
    List<InferredColumn> out = new ArrayList<>(cols.size());
    int k = 0;
    for (InferredColumn c : cols) {
      out.add(
          new InferredColumn(
              c.name(),
              c.type(),
              placed(c.nameOrigin(), at, k),
              placed(c.typeOrigin(), at, k + 2),
              c.upstream()));
      k += 4;
    }
    List<QueryColumns.MissingColumn> missing = new ArrayList<>();
    for (QueryColumns.MissingColumn m : compiled.missing()) {
      missing.add(new QueryColumns.MissingColumn(m.relation(), m.column(), at[k], at[k + 1]));
      k += 2;
    }
    return new QueryColumns(
        new RelationColumns(out, compiled.output().complete(), compiled.output().gaps()),
        compiled.filters(),
        compiled.parsed(),
        missing);
  }

  private static int put(int[] at, int k, Origin o) {
    boolean moved = moved(o);
    at[k] = moved ? o.start() : -1;
    at[k + 1] = moved ? o.end() : -1;
    return k + 2;
  }

  private static Origin placed(Origin o, int[] at, int k) {
    return moved(o) ? Origin.sql(at[k], at[k + 1]) : o;
  }

  /** Whether placing moves this origin: a piece of SQL (the others stay as they are). */
  private static boolean moved(Origin o) {
    return o != null && o.kind() == Origin.Kind.SQL && o.start() >= 0;
  }
}
