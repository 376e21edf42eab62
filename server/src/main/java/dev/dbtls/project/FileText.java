package dev.dbtls.project;

import java.util.function.Supplier;

/**
 * A project file's text: read when the file was found, or, when its source knew the file unchanged
 * since a session that read it ({@link FileSource#stamp}), read the first time something asks. A
 * warm start whose linked manifest still holds then reads none of the files it does not need.
 */
public final class FileText {
  private static final FileText NONE = new FileText(null, null);

  private volatile String text;
  private volatile Supplier<String> later;

  private FileText(String text, Supplier<String> later) {
    this.text = text;
    this.later = later;
  }

  /** A text read already; null for a file without one. */
  public static FileText of(String text) {
    return text == null ? NONE : new FileText(text, null);
  }

  /**
   * A text {@code read} the first time it is asked for: what it gives is kept; when it gives null
   * (the file could not be read: deleted, or the reading thread interrupted), "" is answered and
   * the next call reads again.
   */
  public static FileText later(Supplier<String> read) {
    return new FileText(null, read);
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
        if (r == null) {
          return "";
        }
        text = r;
        later = null;
      }
      return text;
    }
  }

  /** Whether the text is in memory (read when found, or asked for since). */
  public boolean isRead() {
    return later == null;
  }
}
