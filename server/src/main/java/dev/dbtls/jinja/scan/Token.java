package dev.dbtls.jinja.scan;

/**
 * One token inside an expression or a statement. {@code value} is the text for names, numbers and
 * operators, and the unquoted, unescaped content for strings. {@code closed} is false only for a
 * string that lacks its closing quote.
 */
public record Token(TokenKind kind, int start, int end, String value, boolean closed) {

  public TextRange range() {
    return new TextRange(start, end);
  }

  public boolean is(TokenKind k, String v) {
    return kind == k && value.equals(v);
  }

  public boolean isName(String v) {
    return kind == TokenKind.NAME && value.equals(v);
  }

  public boolean isPunct(String v) {
    return kind == TokenKind.PUNCT && value.equals(v);
  }

  public boolean isOperator(String v) {
    return kind == TokenKind.OPERATOR && value.equals(v);
  }

  /** For a string token: the range of its content without the quotes. */
  public TextRange innerRange() {
    if (kind != TokenKind.STRING) {
      return range();
    }
    return new TextRange(start + 1, closed ? end - 1 : end);
  }
}
