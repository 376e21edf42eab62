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
}
