package dev.dbtls.project.yaml;

/**
 * One {@code String} for each text that YAML files repeat: the property files of a project say
 * {@code name}, {@code data_type}, {@code varchar}, {@code id} or {@code not_null} again for every
 * column, and what a parsed file keeps (column specs, tests, config maps) would otherwise hold a
 * copy of each. 100,000 generated models: 5.1 million scalars and keys in their YAML, 132,000 of
 * them different.
 *
 * <p>A fixed table with one string a slot, the last one seen there: a lookup is a hash (which the
 * string keeps) and one comparison, it holds at most {@link #SLOTS} strings however long the
 * process runs, and texts that are seldom repeated only take a slot until a frequent one comes
 * back. Shared by every thread without locks: a slot written by two threads at once keeps either
 * string, both equal to what their callers asked for, and a {@code String} is safe to hand between
 * threads this way (its fields are final).
 */
final class SharedTexts {
  private static final int SLOTS = 1 << 14;

  /** Longer texts (a model's description) are seldom repeated word for word. */
  private static final int LONGEST = 128;

  private static final String[] TABLE = new String[SLOTS];

  private SharedTexts() {}

  /** {@code text}, or an equal string handed out before. */
  static String of(String text) {
    if (text.length() > LONGEST) {
      return text;
    }
    int h = text.hashCode();
    int slot = (h ^ (h >>> 14)) & (SLOTS - 1);
    String seen = TABLE[slot];
    if (seen != null && seen.hashCode() == h && seen.equals(text)) {
      return seen;
    }
    TABLE[slot] = text;
    return text;
  }
}
