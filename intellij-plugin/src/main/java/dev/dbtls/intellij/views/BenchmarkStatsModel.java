package dev.dbtls.intellij.views;

import dev.dbtls.protocol.BenchmarkStats;
import dev.dbtls.protocol.BenchmarkVariant;
import java.util.List;
import java.util.Locale;
import javax.swing.table.AbstractTableModel;

/** The statistics table of a benchmark: one row per variant, times in ms. */
public final class BenchmarkStatsModel extends AbstractTableModel {
  private static final String[] COLUMNS = {
    "variant", "runs", "rows", "min", "median", "p95", "max", "mean", "stddev"
  };
  private List<BenchmarkVariant> variants = List.of();

  public void show(List<BenchmarkVariant> variants) {
    this.variants = variants == null ? List.of() : List.copyOf(variants);
    fireTableDataChanged();
  }

  @Override
  public int getRowCount() {
    return variants.size();
  }

  @Override
  public int getColumnCount() {
    return COLUMNS.length;
  }

  @Override
  public String getColumnName(int column) {
    return column <= 2 ? COLUMNS[column] : COLUMNS[column] + " (ms)";
  }

  @Override
  public Object getValueAt(int row, int column) {
    BenchmarkVariant v = variants.get(row);
    BenchmarkStats s = v.stats();
    if (column == 0) {
      return v.label();
    }
    if (column == 2) {
      return String.format(Locale.ROOT, "%,d", v.rows());
    }
    if (s == null) {
      return "";
    }
    return switch (column) {
      case 1 -> Integer.toString(s.runs());
      case 3 -> ms(s.min());
      case 4 -> ms(s.median());
      case 5 -> ms(s.p95());
      case 6 -> ms(s.max());
      case 7 -> ms(s.mean());
      default -> ms(s.stddev());
    };
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
  }
}
