package dev.dbtls.project;

import java.util.List;
import java.util.Map;

/**
 * One object for the many equal values a project holds: the shared empty list and map for the parts
 * that are mostly empty (a column's meta, tags and constraints, a data test's config), and one
 * string for a name repeated in thousands of places (column names and types, test names). On 10,000
 * models 300,000 such maps and 420,000 such lists were each their own object (27 MB of a 200 MB
 * heap), and a column name such as {@code id} was a new string in every model. The records that
 * hold them pass their fields through here; only for values no one changes after building them.
 */
public final class Shared {
  private Shared() {}

  /** {@code l}, or the shared empty list when it is empty. */
  public static <T> List<T> list(List<T> l) {
    return l != null && l.isEmpty() ? List.of() : l;
  }

  /** {@code m}, or the shared empty map when it is empty. */
  public static <K, V> Map<K, V> map(Map<K, V> m) {
    return m != null && m.isEmpty() ? Map.of() : m;
  }

  /**
   * The one instance of a short name ({@link String#intern}, whose table lets go of what no one
   * holds); a long text is returned as it is.
   */
  public static String name(String s) {
    return s != null && s.length() <= 64 ? s.intern() : s;
  }
}
