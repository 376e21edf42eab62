package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.Piece;
import dev.dbtls.jinja.scan.PieceKind;

/**
 * Jinjava mishandles comments next to whitespace control ({@code {#- -#}}, or {@code -%}} before a
 * comment), so comments are rewritten before parsing into an empty expression that also swallows
 * the whitespace a {@code -} trims. Length and line breaks are kept, so every later offset and line
 * stays where it was.
 */
final class CommentStripper {
  private static final java.util.regex.Pattern RAW_TAG =
      java.util.regex.Pattern.compile("\\{%[-+]?\\s*raw\\b");

  private CommentStripper() {}

  /**
   * The text Jinjava parses: newlines normalized and one trailing newline dropped, as Jinja2 does
   * (dbt keeps its default keep_trailing_newline=False), and comments rewritten.
   */
  static String prepare(String text) {
    String t = text.indexOf('\r') >= 0 ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
    if (t.endsWith("\n")) {
      t = t.substring(0, t.length() - 1);
    }
    return DelimiterGuard.apply(strip(t));
  }

  static String strip(String text) {
    if (!text.contains("{#") && !RAW_TAG.matcher(text).find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    int floor = 0; // end of the last rewritten span: a trim never reaches back into it
    for (Piece p : JinjaScanner.scan(text).pieces()) {
      if (p.kind() == PieceKind.RAW && p.closed()) {
        raw(text, p, out);
        floor = p.end();
        continue;
      }
      if (p.kind() != PieceKind.COMMENT || !p.closed()) {
        continue;
      }
      int start = p.start();
      int end = p.end();
      if (p.trimLeft()) {
        while (start > floor && Character.isWhitespace(text.charAt(start - 1))) {
          start--;
        }
      }
      if (p.trimRight()) {
        while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
          end++;
        }
      }
      floor = end;
      for (int i = start; i < end; i++) {
        out.setCharAt(i, text.charAt(i) == '\n' ? '\n' : ' ');
      }
      // an empty expression, not a comment: Jinjava would let a preceding -%} trim past a comment
      String head = end - start >= 6 ? "{{''" : "{#";
      String tail = end - start >= 6 ? "}}" : "#}";
      out.replace(start, start + head.length(), head);
      out.replace(end - tail.length(), end, tail);
    }
    return out.toString();
  }

  /**
   * Jinjava's raw tag ignores {@code -} trimming (and then misses {@code {%- endraw %}}): the
   * trimmed whitespace moves inside the raw tags themselves, as in {@code {% raw \n %}}.
   */
  private static void raw(String text, Piece p, StringBuilder out) {
    String open = text.substring(p.start(), p.innerStart());
    String close = text.substring(p.innerEnd(), p.end());
    if (!open.contains("-") && !close.contains("-")) {
      return;
    }
    int start = p.start();
    int innerStart = p.innerStart();
    int innerEnd = p.innerEnd();
    int end = p.end();
    if (open.startsWith("{%-")) {
      while (start > 0 && Character.isWhitespace(text.charAt(start - 1))) {
        start--;
      }
    }
    if (open.endsWith("-%}")) {
      while (innerStart < innerEnd && Character.isWhitespace(text.charAt(innerStart))) {
        innerStart++;
      }
    }
    if (close.startsWith("{%-")) {
      while (innerEnd > innerStart && Character.isWhitespace(text.charAt(innerEnd - 1))) {
        innerEnd--;
      }
    }
    if (close.endsWith("-%}")) {
      while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
        end++;
      }
    }
    tag(text, out, start, innerStart, "{% raw");
    tag(text, out, innerEnd, end, "{% endraw");
  }

  /** Writes {@code head}, then blanks keeping line breaks, then {@code %}} over [from, to). */
  private static void tag(String text, StringBuilder out, int from, int to, String head) {
    for (int i = from; i < to; i++) {
      out.setCharAt(i, text.charAt(i) == '\n' ? '\n' : ' ');
    }
    for (int i = 0; i < head.length(); i++) {
      out.setCharAt(from + i, head.charAt(i));
    }
    out.setCharAt(to - 2, '%');
    out.setCharAt(to - 1, '}');
  }
}
