package dev.dbtls.project;

import java.util.Objects;

/**
 * A located problem in a project file. Lines and columns are 0-based (as in LSP); {@link #format()}
 * prints them 1-based, the way compilers do. {@code file} is the path as the user knows it
 * (relative to the project root where possible); it may be empty for problems that belong to no
 * file (a missing profile).
 */
public record Problem(
    String file,
    int line,
    int column,
    int endLine,
    int endColumn,
    Severity severity,
    ProblemCode code,
    String message) {

  public Problem {
    file = file == null ? "" : file;
    Objects.requireNonNull(code, "code");
    severity = severity == null ? code.defaultSeverity() : severity;
    message = message == null ? "" : message;
  }

  /** Reading order: by file, then line, then column (stable for equal places). */
  public static final java.util.Comparator<Problem> READING_ORDER =
      java.util.Comparator.comparing(Problem::file)
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column);

  public static Problem at(String file, int line, int column, ProblemCode code, String message) {
    return new Problem(file, line, column, line, column, code.defaultSeverity(), code, message);
  }

  public static Problem at(String file, Span span, ProblemCode code, String message) {
    return new Problem(
        file,
        span.startLine(),
        span.startColumn(),
        span.endLine(),
        span.endColumn(),
        code.defaultSeverity(),
        code,
        message);
  }

  public static Problem ofFile(String file, ProblemCode code, String message) {
    return at(file, 0, 0, code, message);
  }

  public Problem withSeverity(Severity s) {
    return new Problem(file, line, column, endLine, endColumn, s, code, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: severity code: message}, 1-based, as printed by the command line. */
  public String format() {
    String where = file.isEmpty() ? "" : file + ":" + (line + 1) + ":" + (column + 1) + ": ";
    return where + severity.name().toLowerCase() + " " + code.id() + ": " + message;
  }
}
