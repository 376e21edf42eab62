package dev.dbtls.project;

/** A range in a text, 0-based lines and columns, end exclusive. */
public record Span(int startLine, int startColumn, int endLine, int endColumn) {
  public static final Span NONE = new Span(0, 0, 0, 0);

  /** Slots of the table of a thread that made many spans: a power of two. */
  private static final int BITS = 16;

  /** Slots of a thread's first table: a thread that makes few spans keeps 12 KB. */
  private static final int FIRST_BITS = 10;

  /**
   * The spans a thread made last through {@link #of}, each in the slot of its hash, beside its
   * value packed in a {@code long}. A project's YAML files are alike, so their spans repeat from
   * file to file (a column's name at line 40, columns 14 to 21): on 100,000 generated models 3.2
   * million spans were 103 MB of the heap, most of them equal to another. The packed values are
   * compared, not the spans: reading a span made earlier, somewhere in the heap, missed the
   * processor's cache on nearly every call (a quarter of parsing a 10,000-model project's YAML).
   * One table per thread, so a value and its span are always written together; 12 KB until the
   * thread has made four spans per slot, then 768 KB (the threads that parse a project; a pool's
   * idle threads end, and their tables with them).
   */
  private static final class Recent {
    final int bits;
    final long[] keys;
    final Span[] spans;
    int made;

    Recent(int bits) {
      this.bits = bits;
      this.keys = new long[1 << bits];
      this.spans = new Span[1 << bits];
    }
  }

  private static final ThreadLocal<Recent> RECENT =
      ThreadLocal.withInitial(() -> new Recent(FIRST_BITS));

  /**
   * The span from the start to the end, one object for spans made often with the same value on a
   * thread (lines below 2^20, columns below 2^12; a new one for the others).
   */
  public static Span of(int startLine, int startColumn, int endLine, int endColumn) {
    if (((startLine | endLine) >>> 20 | (startColumn | endColumn) >>> 12) != 0) {
      return new Span(startLine, startColumn, endLine, endColumn);
    }
    long key = (long) startLine << 44 | (long) endLine << 24 | (long) startColumn << 12 | endColumn;
    Recent recent = RECENT.get();
    int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - recent.bits));
    Span s = recent.spans[slot];
    if (s != null && recent.keys[slot] == key) {
      return s;
    }
    s = new Span(startLine, startColumn, endLine, endColumn);
    if (++recent.made > 4 << recent.bits && recent.bits < BITS) {
      recent = new Recent(BITS);
      RECENT.set(recent);
      slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - BITS));
    }
    recent.keys[slot] = key;
    recent.spans[slot] = s;
    return s;
  }
}
