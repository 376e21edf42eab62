package dev.dbtls.warehouse.findings;

import dev.dbtls.warehouse.PlanNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** The numbers of a plan as the rules read them, and as their titles write them. */
final class PlanFigures {
  private PlanFigures() {}

  static double loops(PlanNode n) {
    return n.loops() == null || n.loops() < 1 ? 1 : n.loops();
  }

  static double number(String s) {
    if (s == null) {
      return 0;
    }
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Rows of a join's side: in all, or per loop of the outer side (the inner side). */
  static Double rows(PlanNode n, boolean analyzed, boolean perLoop, String dialect) {
    if (perLoop && (dialect.equals("mariadb") || dialect.equals("mysql"))) {
      // MariaDB: the rows a table step examines each time, before its filter
      String examined = n.property(analyzed && n.property("r_rows") != null ? "r_rows" : "rows");
      if (examined != null) {
        return number(examined);
      }
    }
    Double r = analyzed && n.actualRows() != null ? n.actualRows() : n.estimatedRows();
    if (r == null) {
      return null;
    }
    return perLoop || !analyzed || n.actualRows() == null ? r : r * loops(n);
  }

  /** 1,000,000 — whole numbers grouped; fractions rounded. */
  static String count(double d) {
    return String.format(Locale.ROOT, "%,d", Math.round(d));
  }

  /** 0.0001% — two significant digits under 1 %, one decimal above. */
  static String percent(double share) {
    double p = share * 100;
    if (p == 0) {
      return "0%";
    }
    if (p >= 1) {
      return String.format(Locale.ROOT, "%.1f%%", p);
    }
    return new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros().toPlainString() + "%";
  }

  static String times(double factor) {
    return factor >= 100 ? count(factor) + "x" : String.format(Locale.ROOT, "%.0fx", factor);
  }
}
