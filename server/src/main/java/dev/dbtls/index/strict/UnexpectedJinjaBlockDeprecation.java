package dev.dbtls.index.strict;

import dev.dbtls.project.FileKind;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An end tag with nothing to end at the top level of a macro file: {@code {% endmacro %}} after the
 * macro already ended, or a stray {@code {% endif %}}. dbt's block extractor skips it with this
 * warning; dbt v2 refuses the file. The fix removes the tag, as dbt-autofix does (tags in Jinja
 * comments do not count).
 */
final class UnexpectedJinjaBlockDeprecation implements StrictRule {
  private static final String EVENT = "UnexpectedJinjaBlockDeprecation";
  private static final Pattern COMMENT = Pattern.compile("\\{#.*?#\\}", Pattern.DOTALL);
  private static final Pattern TAG =
      Pattern.compile("\\{%[-+]?\\s*(.*?)\\s*[-+]?%\\}", Pattern.DOTALL);
  private static final Pattern WORD = Pattern.compile("^([A-Za-z_]+)\\b");

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    if (!file.is(FileKind.MACRO) && !file.is(FileKind.GENERIC_TEST)) {
      return;
    }
    if (!file.displayPath().endsWith(".sql")) {
      return;
    }
    String text = file.text();
    // comments blanked at the same length, so a tag inside one is not seen
    StringBuilder clean = new StringBuilder(text);
    Matcher c = COMMENT.matcher(text);
    while (c.find()) {
      for (int i = c.start(); i < c.end(); i++) {
        if (clean.charAt(i) != '\n') {
          clean.setCharAt(i, ' ');
        }
      }
    }
    Deque<String> open = new ArrayDeque<>();
    Matcher m = TAG.matcher(clean);
    while (m.find()) {
      Matcher w = WORD.matcher(m.group(1));
      if (!w.find()) {
        continue;
      }
      String word = w.group(1);
      switch (word) {
        case "macro", "materialization", "test", "data_test", "if", "for", "call", "filter" ->
            open.push(word);
        case "endmacro",
            "endmaterialization",
            "endtest",
            "enddata_test",
            "endif",
            "endfor",
            "endcall",
            "endfilter" -> {
          String opens = word.substring(3);
          if (open.contains(opens)) {
            while (!open.isEmpty() && !open.pop().equals(opens)) {
              // an inner block left open: the block parser reports it
            }
          } else if (open.isEmpty()) {
            out.add(unexpected(file, word, m.start(), m.end()));
          } // inside a block, a mismatched end is a syntax error, reported as such
        }
        default -> {}
      }
    }
  }

  private static Deprecation unexpected(StrictFile file, String word, int start, int end) {
    Span at = file.lines().span(start, end);
    return new Deprecation(
        file.problem(
            ProblemCode.UNEXPECTED_JINJA_BLOCK_DEPRECATION,
            EVENT,
            at,
            "Found unexpected `{% "
                + word
                + " %}` with no block to end in file `"
                + file.displayPath()
                + "`; dbt ignores it today, a future version will refuse it."),
        "Remove the unexpected `{% " + word + " %}`",
        List.of(new Edit(at, "")));
  }
}
