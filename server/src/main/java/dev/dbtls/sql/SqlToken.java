package dev.dbtls.sql;

/** One token of SQL text: {@code [start, end)}; comments and whitespace are not tokens. */
public record SqlToken(Kind kind, int start, int end, String text) {

  public enum Kind {
    WORD,
    QUOTED,
    NUMBER,
    PUNCT,
    UNTERMINATED
  }

  /** A bare word equal to {@code keyword}, ignoring case (quoted names never are). */
  public boolean is(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  public boolean isPunct(char c) {
    return kind == Kind.PUNCT && text.length() == 1 && text.charAt(0) == c;
  }
}
