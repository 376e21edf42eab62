package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateError.ErrorReason;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Severity;
import java.util.ArrayList;
import java.util.List;

/** Jinjava's TemplateErrors as dbtls Problems: 0-based, with the file they happened in. */
final class ProblemTranslator {
  private ProblemTranslator() {}

  static List<Problem> translate(List<TemplateError> errors, String defaultPath) {
    List<Problem> out = new ArrayList<>();
    for (TemplateError e : errors) {
      if (e.getSeverity() == ErrorType.WARNING && e.getReason() == ErrorReason.UNKNOWN) {
        continue; // unknown properties: Jinja prints undefined for them, and so do we
      }
      boolean syntax =
          e.getReason() == ErrorReason.SYNTAX_ERROR
              || isSyntax(e.getException())
              || e.getMessage() != null && e.getMessage().startsWith("Syntax error");
      boolean tooLarge =
          e.getException() instanceof com.hubspot.jinjava.interpret.OutputTooBigException
              || e.getException()
                  instanceof com.hubspot.jinjava.interpret.CollectionTooBigException;
      ProblemCode code =
          tooLarge
              ? ProblemCode.JINJA_TOO_LARGE
              : syntax ? ProblemCode.JINJA_SYNTAX : ProblemCode.JINJA_RENDER;
      Severity severity =
          e.getSeverity() == ErrorType.FATAL || syntax ? Severity.ERROR : Severity.WARNING;
      int line = Math.max(0, e.getLineno() - 1);
      int col = Math.max(0, e.getStartPosition() - 1);
      String file = e.getSourceTemplate().orElse(defaultPath);
      if (STACK_TRACES && e.getException() != null) {
        // -Ddbtls.stackTraces=true: where an engine error came from, for bug reports
        System.err.println("dbtls: " + file + ":" + (line + 1) + ": " + e.getMessage());
        e.getException().printStackTrace();
      }
      out.add(
          new Problem(file, line, col, line, col, severity, code, PyMessage.of(e.getMessage())));
    }
    return out;
  }

  private static final boolean STACK_TRACES = Boolean.getBoolean("dbtls.stackTraces");

  private static boolean isSyntax(Throwable t) {
    for (int i = 0; t != null && i < 5; t = t.getCause(), i++) {
      if (t instanceof com.hubspot.jinjava.interpret.TemplateSyntaxException) {
        return true;
      }
    }
    return false;
  }

  /** Problems in reading order: by file, then line, then column (stable for equal places). */
  static void sort(List<Problem> problems) {
    problems.sort(Problem.READING_ORDER);
  }
}
