package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbtls.project.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextEditTest {
  @Test
  void editsApplyInOrder() {
    String text = "select *\nfrom {{ ref('a') }}\n";
    String out =
        TextEdit.apply(
            text,
            List.of(
                new TextEdit(new Span(1, 13, 1, 14), "orders"),
                new TextEdit(new Span(0, 7, 0, 8), "id")));
    assertEquals("select id\nfrom {{ ref('orders') }}\n", out);
  }

  @Test
  void aWholeTextReplacesEverything() {
    assertEquals("b", TextEdit.apply("a\nb", List.of(new TextEdit(null, "b"))));
  }

  @Test
  void insertAtTheEndAndPastTheEndOfALine() {
    String text = "ab\ncd";
    assertEquals("abX\ncd", TextEdit.apply(text, List.of(new TextEdit(new Span(0, 9, 0, 9), "X"))));
  }

  @Test
  void anEditOutsideTheDocumentOrWithoutTextIsRefused() {
    String text = "ab\ncd";
    var past =
        assertThrows(
            IllegalArgumentException.class,
            () -> TextEdit.apply(text, List.of(new TextEdit(new Span(5, 0, 5, 0), "Y"))));
    assertEquals("the range 6:1-6:1 is not in the document (2 lines)", past.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> TextEdit.apply(text, List.of(new TextEdit(new Span(1, 1, 0, 0), "Y"))));
    assertThrows(
        IllegalArgumentException.class,
        () -> TextEdit.apply(text, List.of(new TextEdit(new Span(-1, 0, 0, 0), "Y"))));
    assertThrows(
        IllegalArgumentException.class,
        () -> TextEdit.apply(text, List.of(new TextEdit(new Span(0, 0, 0, 0), null))));
    assertThrows(
        IllegalArgumentException.class,
        () -> TextEdit.apply(text, List.of(new TextEdit(null, null))));
  }

  @Test
  void deleteAcrossLines() {
    assertEquals(
        "a d", TextEdit.apply("a b\nc d", List.of(new TextEdit(new Span(0, 2, 1, 2), ""))));
  }
}
