package dev.dbtls.project;

/** How bad a {@link Problem} is; mirrors LSP's DiagnosticSeverity without depending on it. */
public enum Severity {
  ERROR,
  WARNING,
  INFO,
  /**
   * a suggestion the editor shows faintly (LSP's Hint); kept last: the parse cache stores ordinals
   */
  HINT
}
