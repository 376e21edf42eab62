package dev.dbtls.jinja.scan;

/** A half-open range of character offsets {@code [start, end)} in a template text. */
public record TextRange(int start, int end) {
  public static final TextRange EMPTY = new TextRange(0, 0);

  public boolean contains(int offset) {
    return offset >= start && offset < end;
  }

  /** True also when the offset touches the end: where a cursor right after a name still counts. */
  public boolean touches(int offset) {
    return offset >= start && offset <= end;
  }

  public int length() {
    return end - start;
  }

  public String of(CharSequence text) {
    return text.subSequence(start, end).toString();
  }
}
