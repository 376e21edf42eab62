package dev.dbtls.intellij.views;

import dev.dbtls.protocol.PreviewColumn;
import dev.dbtls.protocol.PreviewPage;
import dev.dbtls.protocol.PreviewResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.swing.table.AbstractTableModel;

/**
 * The rows of a {@code dbt/preview} answer and the pages loaded after it, as a table: one column
 * per result column (its normalized type known), the cursor of the next page while the server has
 * more.
 */
public final class ResultsTableModel extends AbstractTableModel {
  private static final Set<String> NUMERIC =
      Set.of(
          "integer",
          "bigint",
          "smallint",
          "tinyint",
          "hugeint",
          "number",
          "numeric",
          "decimal",
          "double",
          "float",
          "real");

  private List<PreviewColumn> columns = List.of();
  private final List<List<Object>> rows = new ArrayList<>();
  private boolean hasMore;
  private boolean truncated;
  private String cursor;

  /** Replaces everything with a new answer's columns and first page. */
  public void show(PreviewResult result) {
    columns = result.columns() == null ? List.of() : List.copyOf(result.columns());
    rows.clear();
    if (result.rows() != null) {
      rows.addAll(result.rows());
    }
    hasMore = result.hasMore();
    truncated = result.truncated();
    cursor = result.cursor();
    fireTableStructureChanged();
  }

  /** Adds the next page ("load more"). */
  public void append(PreviewPage page) {
    int from = rows.size();
    if (page.rows() != null) {
      rows.addAll(page.rows());
    }
    hasMore = page.hasMore();
    truncated = page.truncated();
    cursor = page.cursor();
    if (rows.size() > from) {
      fireTableRowsInserted(from, rows.size() - 1);
    }
  }

  public boolean hasMore() {
    return hasMore && cursor != null;
  }

  /** The preview's row limit cut the result short. */
  public boolean truncated() {
    return truncated;
  }

  public String cursor() {
    return cursor;
  }

  public PreviewColumn column(int index) {
    return columns.get(index);
  }

  /** Whether the column's values are numbers (right-aligned in the grid). */
  public boolean numeric(int index) {
    String type = columns.get(index).type();
    return type != null && NUMERIC.contains(type.toLowerCase(java.util.Locale.ROOT));
  }

  /** The value as it came (JSON scalars: String, Double, Boolean, null; nested: Map or List). */
  public Object value(int row, int column) {
    List<Object> r = rows.get(row);
    return column < r.size() ? r.get(column) : null;
  }

  @Override
  public int getRowCount() {
    return rows.size();
  }

  @Override
  public int getColumnCount() {
    return columns.size();
  }

  @Override
  public String getColumnName(int column) {
    return columns.get(column).name();
  }

  @Override
  public Class<?> getColumnClass(int column) {
    return String.class;
  }

  /** The cell's text in the grid; {@link #value} has the value itself. */
  @Override
  public Object getValueAt(int row, int column) {
    return CellText.inGrid(value(row, column));
  }
}
