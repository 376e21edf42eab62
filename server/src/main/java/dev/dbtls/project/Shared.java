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

  /** Slots of {@link #RECENT}: a power of two. */
  private static final int SLOTS = 1 << 14;

  /**
   * The names interned last, each in the slot of its hash: a name found here costs a comparison.
   * The JVM's string table copies a name's text to look it up, which was 290 samples of a warm
   * server start on 10,000 models (columns inference and the linked cache's decoding). Every entry
   * is a result of {@link String#intern}, and a racing write only loses an entry (strings are
   * immutable, so another thread sees a whole one).
   */
  private static final String[] RECENT = new String[SLOTS];

  /**
   * The one instance of a short name ({@link String#intern}, whose table lets go of what no one
   * holds but the {@link #SLOTS} names kept in {@link #RECENT}); a long text is returned as it is.
   */
  public static String name(String s) {
    if (s == null || s.length() > 64) {
      return s;
    }
    int h = s.hashCode();
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    String recent = RECENT[slot];
    if (recent != null && recent.equals(s)) {
      return recent;
    }
    String interned = s.intern();
    RECENT[slot] = interned;
    return interned;
  }
}
