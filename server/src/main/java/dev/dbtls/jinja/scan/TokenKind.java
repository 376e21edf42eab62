package dev.dbtls.jinja.scan;

/** What a {@link Token} inside {@code {{ }}} or {@code {% %}} is. */
public enum TokenKind {
  /** An identifier: {@code ref}, {@code if}, {@code True}, {@code my_var}. */
  NAME,
  /** A quoted string; {@link Token#value()} holds it unquoted and unescaped. */
  STRING,
  NUMBER,
  /** {@code + - * / // % ** ~ == != < <= > >= = |}. */
  OPERATOR,
  /** {@code ( ) [ ] { } , . :}. */
  PUNCT,
  /** A character Jinja does not accept here. */
  ERROR
}
