package dev.dbtls.ide;

import dev.dbtls.jinja.scan.Piece;
import dev.dbtls.jinja.scan.PieceKind;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.jinja.scan.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a template as words, quoted identifiers and punctuation, with their offsets. Only
 * TEXT pieces are SQL; strings, comments and dollar-quoted bodies are skipped, and their state
 * runs across Jinja pieces ({@code '{{ var("x") }}'} is one string). A {@code {{ ... }}} outside
 * a string is one {@link Kind#JINJA} token: it stands for a relation or a value in the SQL.
 */
final class SqlTokens {
  private SqlTokens() {}

  enum Kind { WORD, QUOTED, PUNCT, JINJA }

  /**
   * One token: {@code [start, end)} is the whole token, quotes included; {@code text} is a
   * word's text or a quoted identifier's content (without quotes).
   */
  record Tok(Kind kind, int start, int end, String text) {
    boolean isWord(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isPunct(char c) {
      return kind == Kind.PUNCT && text.charAt(0) == c;
    }

    boolean isName() {
      return kind == Kind.WORD && !Character.isDigit(text.charAt(0)) || kind == Kind.QUOTED;
    }

    /** Where the name is: a quoted identifier's content, or the word. */
    int nameStart() {
      return kind == Kind.QUOTED ? start + 1 : start;
    }

    int nameEnd() {
      return nameStart() + text.length();
    }
  }

  private enum State { CODE, STRING, QUOTED, LINE_COMMENT, BLOCK_COMMENT, DOLLAR }

  /**
   * The tokens, and where the comments are: {@code /* * /} ones (closed or running to the end of
   * the text) and {@code --} ones (each to its line end), for folding.
   */
  record Lexed(List<Tok> tokens, List<TextRange> blockComments, List<TextRange> lineComments) {}

  static List<Tok> of(ScannedTemplate template) {
    return lex(template).tokens();
  }

  static Lexed lex(ScannedTemplate template) {
    String text = template.text();
    List<Tok> out = new ArrayList<>();
    List<TextRange> blockComments = new ArrayList<>();
    List<TextRange> lineComments = new ArrayList<>();
    State state = State.CODE;
    char quote = '"';
    int quotedStart = 0;
    int commentStart = 0;
    for (Piece p : template.pieces()) {
      if (p.kind() == PieceKind.EXPRESSION && state == State.CODE) {
        out.add(new Tok(Kind.JINJA, p.start(), p.end(), ""));
        continue;
      }
      if (p.kind() != PieceKind.TEXT) {
        continue;
      }
      int i = p.start();
      int end = p.end();
      while (i < end) {
        char c = text.charAt(i);
        switch (state) {
          case STRING -> {
            if (c == '\'' && i + 1 < end && text.charAt(i + 1) == '\'') {
              i++; // a doubled quote stays inside
            } else if (c == '\'') {
              state = State.CODE;
            }
            i++;
          }
          case QUOTED -> {
            if (c == quote && i + 1 < end && text.charAt(i + 1) == quote) {
              i++;
            } else if (c == quote) {
              state = State.CODE;
              out.add(new Tok(Kind.QUOTED, quotedStart, i + 1,
                  text.substring(quotedStart + 1, i)));
            }
            i++;
          }
          case LINE_COMMENT -> {
            if (c == '\n') {
              lineComments.add(new TextRange(commentStart, i));
              state = State.CODE;
            }
            i++;
          }
          case BLOCK_COMMENT -> {
            if (c == '*' && i + 1 < end && text.charAt(i + 1) == '/') {
              blockComments.add(new TextRange(commentStart, i + 2));
              state = State.CODE;
              i++;
            }
            i++;
          }
          case DOLLAR -> {
            if (c == '$' && i + 1 < end && text.charAt(i + 1) == '$') {
              state = State.CODE;
              i++;
            }
            i++;
          }
          default -> {
            int s = i;
            if (c == '\'') {
              state = State.STRING;
              i++;
            } else if (c == '"' || c == '`') {
              state = State.QUOTED;
              quote = c;
              quotedStart = i;
              i++;
            } else if (c == '-' && i + 1 < end && text.charAt(i + 1) == '-') {
              state = State.LINE_COMMENT;
              commentStart = i;
              i += 2;
            } else if (c == '/' && i + 1 < end && text.charAt(i + 1) == '*') {
              state = State.BLOCK_COMMENT;
              commentStart = i;
              i += 2;
            } else if (c == '$' && i + 1 < end && text.charAt(i + 1) == '$') {
              state = State.DOLLAR;
              i += 2;
            } else if (isWordChar(c)) {
              while (i < end && isWordChar(text.charAt(i))) {
                i++;
              }
              out.add(new Tok(Kind.WORD, s, i, text.substring(s, i)));
            } else {
              if (!Character.isWhitespace(c)) {
                out.add(new Tok(Kind.PUNCT, s, s + 1, String.valueOf(c)));
              }
              i++;
            }
          }
        }
      }
    }
    if (state == State.LINE_COMMENT) {
      lineComments.add(new TextRange(commentStart, text.length()));
    } else if (state == State.BLOCK_COMMENT) {
      blockComments.add(new TextRange(commentStart, text.length()));
    }
    return new Lexed(out, blockComments, lineComments);
  }

  /**
   * Whether {@code offset} is in a word of SQL code: not in Jinja, a string, a quoted name or a
   * comment.
   */
  static boolean inCodeWord(ScannedTemplate template, int offset) {
    for (Tok t : of(template)) {
      if (t.start() > offset) {
        return false;
      }
      if (t.kind() == Kind.WORD && offset <= t.end()) {
        return true;
      }
    }
    return false;
  }

  /** The SQL word (letters, digits, {@code _}) around {@code offset}: {@code [start, end)}, empty when none. */
  record Word(int start, int end, String text) {}

  static java.util.Optional<Word> wordAt(String text, int offset) {
    if (text == null || offset < 0 || offset > text.length()) {
      return java.util.Optional.empty();
    }
    int start = offset;
    while (start > 0 && isWordChar(text.charAt(start - 1))) {
      start--;
    }
    int end = offset;
    while (end < text.length() && isWordChar(text.charAt(end))) {
      end++;
    }
    if (start == end || Character.isDigit(text.charAt(start))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Word(start, end, text.substring(start, end)));
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
