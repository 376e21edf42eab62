package dev.dbtls.ide;

import dev.dbtls.jinja.scan.Piece;
import dev.dbtls.jinja.scan.PieceKind;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.jinja.scan.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The one lexer of the SQL inside a template (every editor feature reads template SQL through it;
 * {@code sql.SqlLexer} is for compiled SQL, a plain text in one dialect). The SQL of a template as
 * words, quoted identifiers and punctuation, with their offsets. Only TEXT pieces are SQL; strings,
 * comments and dollar-quoted bodies are skipped, and their state runs across Jinja pieces ({@code
 * '{{ var("x") }}'} is one string). A {@code {{ ... }}} outside a string is one {@link Kind#JINJA}
 * token: it stands for a relation or a value in the SQL.
 */
public final class SqlTokens {
  private SqlTokens() {}

  /**
   * Where the CTE list of {@code sql} starts: the offset just after its leading {@code with} (or
   * {@code with recursive}), or -1 when the statement does not start with one.
   */
  public static int afterLeadingWith(String sql) {
    List<Tok> toks = of(dev.dbtls.jinja.scan.JinjaScanner.scan(sql));
    if (toks.isEmpty() || !toks.get(0).isWord("with")) {
      return -1;
    }
    boolean recursive = toks.size() > 1 && toks.get(1).isWord("recursive");
    return toks.get(recursive ? 1 : 0).end();
  }

  enum Kind {
    WORD,
    QUOTED,
    PUNCT,
    JINJA
  }

  /**
   * One token: {@code [start, end)} is the whole token, quotes included; {@code text} is a word's
   * text or a quoted identifier's content (without quotes).
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

  private enum State {
    CODE,
    STRING,
    QUOTED,
    LINE_COMMENT,
    BLOCK_COMMENT,
    DOLLAR
  }

  /**
   * A string, quoted name, comment or dollar-quoted body, delimiters included; {@code closed}: its
   * last character closes it (a cursor right after it is outside), false for a {@code --} comment
   * (to its line end) and for one that runs to the end of the text.
   */
  record Literal(int start, int end, boolean closed) {}

  /**
   * The tokens, and where the comments are: {@code /* * /} ones (closed or running to the end of
   * the text) and {@code --} ones (each to its line end), for folding; and every literal.
   */
  record Lexed(
      List<Tok> tokens,
      List<TextRange> blockComments,
      List<TextRange> lineComments,
      List<Literal> literals) {
    /** Whether a cursor at {@code offset} is inside a string, quoted name or comment. */
    boolean inLiteral(int offset) {
      for (Literal l : literals) {
        if (l.start() < offset && (offset < l.end() || !l.closed() && offset == l.end())) {
          return true;
        }
      }
      return false;
    }
  }

  static List<Tok> of(ScannedTemplate template) {
    return lex(template).tokens();
  }

  static Lexed lex(ScannedTemplate template) {
    String text = template.text();
    List<Tok> out = new ArrayList<>();
    List<TextRange> blockComments = new ArrayList<>();
    List<TextRange> lineComments = new ArrayList<>();
    List<Literal> literals = new ArrayList<>();
    State state = State.CODE;
    char quote = '"';
    int literalStart = 0;
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
              literals.add(new Literal(literalStart, i + 1, true));
            }
            i++;
          }
          case QUOTED -> {
            if (c == quote && i + 1 < end && text.charAt(i + 1) == quote) {
              i++;
            } else if (c == quote) {
              state = State.CODE;
              out.add(
                  new Tok(Kind.QUOTED, literalStart, i + 1, text.substring(literalStart + 1, i)));
              literals.add(new Literal(literalStart, i + 1, true));
            }
            i++;
          }
          case LINE_COMMENT -> {
            if (c == '\n') {
              lineComments.add(new TextRange(literalStart, i));
              literals.add(new Literal(literalStart, i, false));
              state = State.CODE;
            }
            i++;
          }
          case BLOCK_COMMENT -> {
            if (c == '*' && i + 1 < end && text.charAt(i + 1) == '/') {
              blockComments.add(new TextRange(literalStart, i + 2));
              literals.add(new Literal(literalStart, i + 2, true));
              state = State.CODE;
              i++;
            }
            i++;
          }
          case DOLLAR -> {
            if (c == '$' && i + 1 < end && text.charAt(i + 1) == '$') {
              state = State.CODE;
              literals.add(new Literal(literalStart, i + 2, true));
              i++;
            }
            i++;
          }
          default -> {
            int s = i;
            literalStart = i;
            if (c == '\'') {
              state = State.STRING;
              i++;
            } else if (c == '"' || c == '`') {
              state = State.QUOTED;
              quote = c;
              i++;
            } else if (c == '-' && i + 1 < end && text.charAt(i + 1) == '-') {
              state = State.LINE_COMMENT;
              i += 2;
            } else if (c == '/' && i + 1 < end && text.charAt(i + 1) == '*') {
              state = State.BLOCK_COMMENT;
              i += 2;
            } else if (c == '$' && i + 1 < end && text.charAt(i + 1) == '$') {
              state = State.DOLLAR;
              i += 2;
            } else if (isWordChar(c)) {
              // `$` inside a name: Snowflake, PostgreSQL and Oracle allow it
              while (i < end
                  && (isWordChar(text.charAt(i))
                      || text.charAt(i) == '$' && !(i + 1 < end && text.charAt(i + 1) == '$'))) {
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
      lineComments.add(new TextRange(literalStart, text.length()));
    } else if (state == State.BLOCK_COMMENT) {
      blockComments.add(new TextRange(literalStart, text.length()));
    }
    if (state != State.CODE) {
      literals.add(new Literal(literalStart, text.length(), false));
    }
    return new Lexed(out, blockComments, lineComments, literals);
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

  /**
   * The index of the parenthesis that closes the one at {@code open}, or -1 when it is not closed.
   */
  static int matching(List<Tok> toks, int open) {
    int depth = 0;
    for (int i = open; i < toks.size(); i++) {
      if (toks.get(i).isPunct('(')) {
        depth++;
      } else if (toks.get(i).isPunct(')') && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The SQL word (letters, digits, {@code _}) around {@code offset}: {@code [start, end)}, empty
   * when none.
   */
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
