package dev.dbtls.protocol;

/**
 * The kind of template piece a stretch of compiled SQL came from: plain text (maps character for
 * character), an expression ({@code {{ }}}), a statement tag ({@code {% %}}), a comment or a raw
 * block (each maps as a whole).
 */
public enum TemplatePieceKind {
  TEXT,
  EXPRESSION,
  STATEMENT,
  COMMENT,
  RAW
}
