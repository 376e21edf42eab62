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
    return s == null || s.length() > 64 ? s : kept(RECENT, s, true);
  }

  /**
   * The string in {@code s}'s slot of {@code table} when it equals {@code s}, else {@code s} (its
   * {@link String#intern interned} instance when {@code intern}), put in that slot.
   */
  private static String kept(String[] table, String s, boolean intern) {
    int slot = slot(s.hashCode(), table.length);
    String seen = table[slot];
    if (seen != null && seen.equals(s)) {
      return seen;
    }
    String one = intern ? s.intern() : s;
    table[slot] = one; // a racing write only loses an entry (a String is safe to publish so)
    return one;
  }

  /** Slots of {@link #TEXTS}: a power of two. */
  private static final int TEXT_SLOTS = 1 << 14;

  /** The texts seen last through {@link #text}, each in the slot of its hash. */
  private static final String[] TEXTS = new String[TEXT_SLOTS];

  /**
   * {@code s}, or an equal string handed out before: for the texts of YAML files, which say {@code
   * name}, {@code data_type}, {@code varchar}, {@code id} or {@code not_null} again for every
   * column (100,000 generated models: 5.1 million scalars and keys, 132,000 of them different).
   * Unlike {@link #name}, never {@link String#intern}: only the last text seen in a slot is kept,
   * so a text met once costs a comparison and no entry in the JVM's string table, and the table
   * holds at most {@link #TEXT_SLOTS} strings however long the process runs. A long text is
   * returned as it is.
   */
  public static String text(String s) {
    return s == null || s.length() > 128 ? s : kept(TEXTS, s, false);
  }

  /** The slot of hash {@code h} in a table of {@code slots} (a power of two) entries. */
  static int slot(int h, int slots) {
    return (h ^ (h >>> 16)) & (slots - 1);
  }

  /** Slots of {@link #VALUES}: a power of two. */
  private static final int VALUE_SLOTS = 1 << 16;

  /** The small records made last through {@link #value}, each in the slot of its hash. */
  private static final Record[] VALUES = new Record[VALUE_SLOTS];

  /**
   * One instance of a small immutable record for the many equal ones a project holds (where a
   * column's name or type came from, which parent column it derives from): {@code r}, or an equal
   * record made shortly before. A racing write only loses an entry.
   */
  @SuppressWarnings("unchecked")
  public static <T extends Record> T value(T r) {
    if (r == null) {
      return null;
    }
    int h = r.hashCode();
    int slot = slot(h, VALUE_SLOTS);
    Record recent = VALUES[slot];
    if (recent != null && recent.getClass() == r.getClass() && recent.equals(r)) {
      return (T) recent;
    }
    VALUES[slot] = r;
    return r;
  }

  /** Slots of {@link #CONFIGS}: a power of two. */
  private static final int CONFIG_SLOTS = 1 << 14;

  /** The configs made last through {@link #config}, each in the slot of its hash. */
  private static final Map<?, ?>[] CONFIGS = new Map<?, ?>[CONFIG_SLOTS];

  /**
   * One read-only map for the many nodes whose resolved config is the same, key for key in the same
   * order: a folder's models, a project's data tests. On 100,000 generated models each of the
   * 338,000 nodes held its own config, about 100 MB of the heap. {@code m} is not changed after
   * this (the map returned may be {@code m}, read-only); null stays null.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> config(Map<String, Object> m) {
    if (m == null || m.isEmpty()) {
      return m == null ? null : Map.of();
    }
    int h = m.hashCode();
    int slot = slot(h, CONFIG_SLOTS);
    Map<String, Object> recent = (Map<String, Object>) CONFIGS[slot];
    if (recent == m || recent instanceof FrozenMap<String, Object> f && f.sameInOrder(m)) {
      return recent;
    }
    Map<String, Object> shared = frozen(m);
    CONFIGS[slot] = shared;
    return shared;
  }

  /**
   * {@code m} as a compact read-only map ({@link FrozenMap}), and so each map among its values; the
   * shared empty map when it is empty; null stays null.
   */
  @SuppressWarnings("unchecked")
  public static <V> Map<String, V> frozen(Map<String, V> m) {
    if (m == null || m.isEmpty()) {
      return m == null ? null : Map.of();
    }
    if (m instanceof FrozenMap<String, V>) {
      return m;
    }
    // one pass, no copy between: a warm start freezes every node's maps as it decodes them
    Object[] keys = new Object[m.size()];
    Object[] values = new Object[keys.length];
    int i = 0;
    for (Map.Entry<String, V> e : m.entrySet()) {
      if (i == keys.length) {
        break; // the map grew while copied: what was there when counted
      }
      Object v = e.getValue();
      keys[i] = e.getKey();
      values[i++] = v instanceof Map<?, ?> inner ? frozen((Map<String, Object>) inner) : v;
    }
    return FrozenMap.of(keys, values, i);
  }

  /**
   * The map of these keys and values in this order, as {@link #frozen} makes it (the maps among the
   * values frozen already): for a decoder that reads a map straight into arrays. The arrays are the
   * map's from then on.
   */
  public static <V> Map<String, V> frozen(Object[] keys, Object[] values) {
    return keys.length == 0 ? Map.of() : FrozenMap.of(keys, values, keys.length);
  }

  /**
   * A copy of {@code value} a template may change: maps and lists (and those within them) copied
   * into mutable ones, other values as they are. dbt gives each render its own dicts; a node's
   * config here is read-only and shared ({@link #config}).
   */
  @SuppressWarnings("unchecked")
  public static <T> T mutableCopy(T value) {
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> copy = new java.util.LinkedHashMap<>(Math.max(4, m.size() * 2));
      m.forEach((k, v) -> copy.put(k, mutableCopy(v)));
      return (T) copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new java.util.ArrayList<>(l.size());
      l.forEach(v -> copy.add(mutableCopy(v)));
      return (T) copy;
    }
    return value;
  }
}
