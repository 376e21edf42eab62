package dev.dbtls.project;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dbt version whose behaviour dbtls emulates (what templates see as {@code dbt_version}), where
 * dbt versions differ observably; and the check of a project's {@code require-dbt-version} ranges
 * against it. dbt 1.12 by default; the {@code dbtls.dbtVersion} setting (or {@code --dbt-version})
 * picks another, else a project whose {@code require-dbt-version} excludes 1.12 gets the newest
 * release its ranges allow.
 */
public record DbtVersion(int major, int minor, int patch) implements Comparable<DbtVersion> {
  /** The default: dbt Core 1.12. */
  public static final String EMULATED = "1.12.0";

  public static final DbtVersion DEFAULT = new DbtVersion(1, 12, 0);

  /** Where dbt's base {@code api.Column} dropped its INTEGER => INT, FLOAT, TIMESTAMP labels. */
  public static final DbtVersion LOWER_CASE_TYPE_LABELS = new DbtVersion(1, 7, 0);

  private static final Pattern VERSION =
      Pattern.compile("\\s*v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?\\S*\\s*");
  private static final Pattern RANGE =
      Pattern.compile("\\s*(>=|<=|==|=|>|<|!=)?\\s*(\\d+(?:\\.\\d+){0,2})\\s*");

  /** A version as written ({@code 1.6}, {@code 1.6.3}, {@code 1.7.0b1}); null when it is none. */
  public static DbtVersion parse(String text) {
    Matcher m = text == null ? null : VERSION.matcher(text);
    if (m == null || !m.matches()) {
      return null;
    }
    try {
      return new DbtVersion(
          Integer.parseInt(m.group(1)),
          m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
          m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The version to emulate: {@code setting} when given (and readable), else the default unless the
   * project's {@code require-dbt-version} excludes it, then the newest dbt release the ranges
   * allow.
   */
  public static DbtVersion choose(String setting, List<String> ranges) {
    DbtVersion given = parse(setting);
    if (given != null) {
      return given;
    }
    if (DEFAULT.unmet(ranges).isEmpty()) {
      return DEFAULT;
    }
    TreeSet<DbtVersion> candidates = new TreeSet<>();
    for (int minor = 0; minor <= DEFAULT.minor; minor++) {
      candidates.add(new DbtVersion(1, minor, 0));
    }
    for (String r : ranges) {
      for (String part : r.split(",")) {
        Matcher m = RANGE.matcher(part);
        if (m.matches() && parse(m.group(2)) != null) {
          candidates.add(parse(m.group(2)));
        }
      }
    }
    for (DbtVersion v : candidates.descendingSet()) {
      if (v.compareTo(DEFAULT) <= 0 && v.unmet(ranges).isEmpty()) {
        return v;
      }
    }
    return DEFAULT;
  }

  /** Whether this version comes before {@code other}. */
  public boolean before(DbtVersion other) {
    return compareTo(other) < 0;
  }

  /** The ranges this version does not satisfy (or that cannot be read), empty when all hold. */
  public List<String> unmet(List<String> ranges) {
    List<String> out = new ArrayList<>();
    for (String r : ranges) {
      for (String part : r.split(",")) {
        Matcher m = RANGE.matcher(part);
        if (!m.matches()) {
          out.add(r);
          break;
        }
        DbtVersion bound = parse(m.group(2));
        int c = compareTo(bound);
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
  private boolean prefixMatch(String v) {
    return (this + ".").startsWith(v + ".");
  }

  @Override
  public int compareTo(DbtVersion o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c != 0 ? c : Integer.compare(patch, o.patch);
  }

  /** As dbt prints it: {@code 1.12.0}. */
  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
