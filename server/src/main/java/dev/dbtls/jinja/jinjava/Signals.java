package dev.dbtls.jinja.jinjava;

/**
 * Control flow that must cross Jinjava's {@code catch (Exception)} blocks: these are Errors without
 * stack traces, caught by the macro, loop or render they belong to.
 */
final class Signals {
  private Signals() {}

  /** {@code return(x)}: ends the innermost macro, which returns x. */
  static final class MacroReturn extends Error {
    final transient Object value;

    MacroReturn(Object value) {
      super(null, null, false, false);
      this.value = value;
    }
  }

  /** {@code exceptions.raise_compiler_error(msg)}: ends the render. */
  static final class CompilerError extends Error {
    CompilerError(String message) {
      super(message, null, false, false);
    }
  }

  /** {@code {% break %}} / {@code {% continue %}}. */
  static final class LoopControl extends Error {
    final boolean isBreak;

    LoopControl(boolean isBreak) {
      super(null, null, false, false);
      this.isBreak = isBreak;
    }
  }

  /** A render limit was hit (RenderLimits): the problem is recorded; ends the render. */
  static final class LimitExceeded extends Error {
    final transient dev.dbtls.project.ProblemCode code;

    LimitExceeded(dev.dbtls.project.ProblemCode code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }
}
