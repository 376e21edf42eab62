package dev.dbtls.project;

/** How bad a {@link Problem} is; mirrors LSP's DiagnosticSeverity without depending on it. */
public enum Severity {
  ERROR, WARNING, INFO
}
