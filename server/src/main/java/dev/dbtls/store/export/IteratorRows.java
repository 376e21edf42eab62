package dev.dbtls.store.export;

import java.util.Iterator;
import java.util.List;

/** {@link RowSource} over an iterator of value lists. */
final class IteratorRows implements RowSource {
  private final List<ExportColumn> columns;
  private final Iterator<? extends List<?>> rows;
  private List<?> current;

  IteratorRows(List<ExportColumn> columns, Iterator<? extends List<?>> rows) {
    this.columns = List.copyOf(columns);
    this.rows = rows;
  }

  @Override
  public List<ExportColumn> columns() {
    return columns;
  }

  @Override
  public boolean next() {
    current = rows.hasNext() ? rows.next() : null;
    return current != null;
  }

  @Override
  public Object value(int index) {
    return index < current.size() ? current.get(index) : null;
  }
}
