package dev.dbtls.project;

import java.util.function.Supplier;

/**
 * A project file's text: read when the file was found, or, when its source knew the file unchanged
 * since a session that read it ({@link FileSource#stamp}), read the first time something asks. A
 * warm start whose linked manifest still holds then reads none of the files it does not need.
 */
public final class FileText {
  private static final FileText NONE = new FileText(null, null, 0);

  private volatile String text;
  private volatile Supplier<String> later;

  /** The {@link #hash} of the text its source vouches for without reading it; 0: none. */
  private final long vouched;

  /** Whether the last reading gave nothing (the file could not be read). */
  private volatile boolean missed;

  private FileText(String text, Supplier<String> later, long vouched) {
    this.text = text;
    this.later = later;
    this.vouched = vouched;
  }

  /** A text read already; null for a file without one. */
  public static FileText of(String text) {
    return text == null ? NONE : new FileText(text, null, 0);
  }

  /**
   * A text {@code read} the first time it is asked for: what it gives is kept; when it gives null
   * (the file could not be read: deleted, or the reading thread interrupted), "" is answered and
   * the next call reads again.
   */
  public static FileText later(Supplier<String> read) {
    return new FileText(null, read, 0);
  }

  /**
   * As {@link #later}, of a file whose source vouches (by its stamp) for a text whose {@link #hash}
   * is {@code hash}: what a caller that only compares texts may take without reading it.
   */
  public static FileText vouched(long hash, Supplier<String> read) {
    return new FileText(null, read, hash);
  }

  /**
   * The {@link #hash} of the text its source vouched for by the file's stamp ({@link #vouched(long,
   * Supplier)}), known without reading it; 0 when none did.
   */
  public long vouchedHash() {
    return vouched;
  }

  /**
   * A 64-bit hash of a text (murmur-style mixing, four chars per step, and the length): what the
   * caches compare a file's current text against. Not cryptographic; an edit that leaves it
   * unchanged has a chance of about 2^-64.
   */
  public static long hash(String s) {
    int n = s.length();
    long h = 0x9E3779B97F4A7C15L ^ n;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      long k =
          s.charAt(i)
              | (long) s.charAt(i + 1) << 16
              | (long) s.charAt(i + 2) << 32
              | (long) s.charAt(i + 3) << 48;
      k *= 0x87C37B91114253D5L;
      k = Long.rotateLeft(k, 31);
      k *= 0x4CF5AD432745937FL;
      h ^= k;
      h = Long.rotateLeft(h, 27) * 5 + 0x52DCE729;
    }
    long k = 0;
    for (int shift = 0; i < n; i++, shift += 16) {
      k |= (long) s.charAt(i) << shift;
    }
    k *= 0x87C37B91114253D5L;
    k = Long.rotateLeft(k, 31);
    k *= 0x4CF5AD432745937FL;
    h ^= k;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }

  /** The text, read now if it was not yet. */
  public String get() {
    String t = text;
    if (t != null) {
      return t;
    }
    synchronized (this) {
      Supplier<String> read = later;
      if (text == null && read != null) {
        String r = read.get();
        missed = r == null;
        if (r == null) {
          return "";
        }
        text = r;
        later = null;
      }
      return text;
    }
  }

  /**
   * The text, without keeping it when it is not in memory yet: read now for a caller that only
   * hashes or compares it. A warm start reads every file once to check its caches, and kept what it
   * read: 136 MB of a 100,000-model server's 1.16 GB. "" when the file cannot be read; null for a
   * file without a text.
   */
  public String peek() {
    String t = text;
    if (t != null) {
      return t;
    }
    Supplier<String> read = later;
    if (read == null) {
      return text; // none, or read meanwhile (the text is set before the reader is dropped)
    }
    String r = read.get();
    missed = r == null;
    return r == null ? "" : r;
  }

  /** Whether the last reading of the text gave nothing ("" was answered) and none was kept. */
  public boolean missed() {
    return missed && text == null;
  }

  /** The value kept by {@link #memo}, or null. */
  private volatile Object memo;

  /**
   * What {@code derive} makes of the text, made once and kept (the text itself read through {@link
   * #peek}, so not kept): a fingerprint every build asks of every file costs one reading per file,
   * not one per build. A value of another type (another caller's) is replaced; a reading that
   * failed is not kept.
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(Class<T> type, java.util.function.Function<String, T> derive) {
    Object m = memo;
    if (type.isInstance(m)) {
      return (T) m;
    }
    T v = derive.apply(peek());
    if (!missed()) {
      memo = v;
    }
    return v;
  }

  /** Whether the text is in memory (read when found, or asked for since). */
  public boolean isRead() {
    return later == null;
  }
}
