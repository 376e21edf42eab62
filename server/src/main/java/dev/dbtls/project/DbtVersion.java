package dev.dbtls.project;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dbt version whose behaviour dbtls emulates (what templates see as {@code dbt_version}), and
 * the check of a project's {@code require-dbt-version} ranges against it.
 */
public final class DbtVersion {
  public static final String EMULATED = "1.10.0";
  private static final Pattern RANGE =
      Pattern.compile("\\s*(>=|<=|==|=|>|<|!=)?\\s*(\\d+(?:\\.\\d+){0,2})\\s*");

  private DbtVersion() {}

  /** The ranges {@link #EMULATED} does not satisfy (or cannot be read), empty when all hold. */
  public static List<String> unmet(List<String> ranges) {
    List<String> out = new ArrayList<>();
    for (String r : ranges) {
      for (String part : r.split(",")) {
        Matcher m = RANGE.matcher(part);
        if (!m.matches()) {
          out.add(r);
          break;
        }
        int c = compare(EMULATED, m.group(2));
        String op = m.group(1) == null ? "==" : m.group(1);
        boolean ok =
            switch (op) {
              case ">=" -> c >= 0;
              case "<=" -> c <= 0;
              case ">" -> c > 0;
              case "<" -> c < 0;
              case "!=" -> c != 0;
              default -> c == 0 || prefixMatch(m.group(2));
            };
        if (!ok) {
          out.add(r);
          break;
        }
      }
    }
    return out;
  }

  /** {@code ==1.10} matches 1.10.x as pip-style ranges do for shorter versions. */
  private static boolean prefixMatch(String v) {
    return (EMULATED + ".").startsWith(v + ".");
  }

  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < 3; i++) {
      int p = i < x.length ? Integer.parseInt(x[i]) : 0;
      int q = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }
}
