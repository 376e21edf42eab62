package dev.dbtls.ide;

/** What a completion item names; the {@code lsp} layer maps it to an LSP item kind. */
public enum CompletionKind {
  MODEL,
  SEED,
  SNAPSHOT,
  SOURCE,
  SOURCE_TABLE,
  MACRO,
  VAR,
  CONFIG_KEY,
  CONFIG_VALUE,
  DOC,
  COLUMN,
  KEYWORD,
  FUNCTION,
  /**
   * A package name: the first argument of {@code ref('pkg', 'm')}, or {@code pkg.} before a macro.
   */
  PACKAGE
}
