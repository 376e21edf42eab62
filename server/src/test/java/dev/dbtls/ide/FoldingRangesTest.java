package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FoldingRangesTest {

  private static String folds(String path, String text) {
    return FoldingRanges.find(path, text).stream()
        .map(
            r ->
                r.startLine()
                    + "-"
                    + r.endLine()
                    + (r.kind() == FoldingRange.Kind.COMMENT ? " comment" : ""))
        .collect(Collectors.joining(", "));
  }

  @Test
  void jinjaBlocksFoldToTheLineBeforeTheirEndTag() {
    assertEquals(
        "0-7, 1-2, 3-4, 5-6",
        folds(
            "macros/m.sql",
            """
        {% macro m(x) %}
          {% if x %}
            a
          {% elif y %}
            b
          {% else %}
            c
          {% endif %}
        {% endmacro %}
        """));
  }

  @Test
  void commentsConfigAndParentheses() {
    assertEquals(
        "0-1, 3-5 comment, 6-8 comment, 9-10 comment, 11-13, 12-13",
        folds(
            "models/m.sql",
            """
        {{ config(
            materialized='table'
        ) }}
        {#
          a Jinja comment
        #}
        /* a
           SQL comment
        */
        -- two lines
        -- of comments
        with a as (
          select (1
            + 2) as x
        )
        select * from a
        """));
  }

  @Test
  void closerAfterTextStaysInTheFold() {
    assertEquals("0-1", folds("models/m.sql", "select (1,\n  2) as x\n"));
    assertEquals("", folds("models/m.sql", "select (1, 2) as x\n"));
  }

  @Test
  void unclosedBlocksFoldToTheEndOfTheText() {
    // the macro folds to the last line with text; the unclosed parenthesis does not fold
    assertEquals(
        "0-3",
        folds(
            "macros/m.sql",
            """
        {% macro m() %}
        with a as (
          select 1
        from x

        """));
  }

  @Test
  void markdownDocsBlocksAndNothingForYaml() {
    assertEquals("0-1", folds("models/docs.md", "{% docs x %}\ntext (\n{% enddocs %}\n"));
    assertEquals(List.of(), FoldingRanges.find("models/s.yml", "models:\n  - name: x\n"));
    assertEquals(List.of(), Analysis.foldingRanges(new Analysis.Cursor(null, null, 0)));
  }

  @Test
  void brokenInputNeverThrows() {
    for (String text :
        new String[] {
          "",
          "{%",
          "{% if",
          "(",
          ")",
          "/*",
          "{#",
          "--",
          "{{ (\n",
          "{% if %}\n{% else %}\n{% else %}\n",
          "\r\n(\r\n)\r\n"
        }) {
      FoldingRanges.find("models/x.sql", text);
    }
    assertEquals("1-2", folds("models/x.sql", "\r\n(\r\n1\r\n)\r\n"));
  }
}
