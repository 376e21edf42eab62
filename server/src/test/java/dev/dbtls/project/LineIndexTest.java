package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Offsets to lines and columns and back, the same for a string as for any other text. */
class LineIndexTest {
  @Test
  void linesColumnsAndOffsetsOfAStringAndOfOtherTextAgree() {
    for (String text :
        new String[] {"", "\n", "a", "a\n", "\nb", "ab\ncd\n\nef", "x\r\ny\n", "é\n—\nz"}) {
      LineIndex s = new LineIndex(text);
      LineIndex b = new LineIndex(new StringBuilder(text));
      assertEquals(text.split("\n", -1).length, s.lineCount(), text);
      assertEquals(s.lineCount(), b.lineCount(), text);
      for (int o = 0; o <= text.length() + 1; o++) {
        assertEquals(b.line(o), s.line(o), text + " @" + o);
        assertEquals(b.column(o), s.column(o), text + " @" + o);
        assertEquals(Math.min(o, text.length()), s.offset(s.line(o), s.column(o)), text + " @" + o);
      }
    }
    LineIndex i = new LineIndex("ab\ncd\n\nef");
    assertEquals(new Span(1, 1, 3, 1), i.span(4, 8));
    assertEquals(9, i.offset(3, 5));
    assertEquals(0, i.offset(-1, 3));
  }

  @Test
  void textsEitherSideOfSixtyFourKilobytesAgreeWithCountingTheNewlines() {
    for (int length : new int[] {65_534, 65_535, 65_536, 65_537, 200_000}) {
      StringBuilder b = new StringBuilder();
      for (int line = 0; b.length() < length; line++) {
        b.append("x".repeat(line % 90)).append('\n');
      }
      String text = b.substring(0, length);
      LineIndex index = new LineIndex(text);
      int line = 0;
      int lineStart = 0;
      for (int o = 0; o <= length; o++) {
        if (o % 331 == 0 || o > length - 200) {
          assertEquals(line, index.line(o), length + " @" + o);
          assertEquals(o - lineStart, index.column(o), length + " @" + o);
          assertEquals(o, index.offset(line, o - lineStart), length + " @" + o);
        }
        if (o < length && text.charAt(o) == '\n') {
          line++;
          lineStart = o + 1;
        }
      }
      assertEquals(line + 1, index.lineCount(), "lines of " + length);
      assertEquals(line, index.line(length + 5), "past the end: the last line");
    }
  }
}
