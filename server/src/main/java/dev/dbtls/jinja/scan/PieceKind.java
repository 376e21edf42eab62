package dev.dbtls.jinja.scan;

/** The kinds of top-level pieces a template is cut into. */
public enum PieceKind {
  /** Plain template text, copied to the output. */
  TEXT,
  /** {@code {{ ... }}}. */
  EXPRESSION,
  /** {@code {% ... %}}. */
  STATEMENT,
  /** {@code {# ... #}}. */
  COMMENT,
  /** {@code {% raw %} ... {% endraw %}} as one piece; its inner range is the raw content. */
  RAW
}
