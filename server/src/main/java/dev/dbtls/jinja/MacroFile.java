package dev.dbtls.jinja;

/**
 * A file of macro definitions and the dbt namespace it belongs to: the root project's name, an
 * installed package's name, or {@code dbt} for dbt's own (global project and builtin) macros.
 */
public record MacroFile(String packageName, String path, String text, boolean genericTestFile) {
  /** How the paths of the macros dbtls ships begin (they are no file of the project's). */
  public static final String BUILTIN_PREFIX = "<dbtls>/";

  /**
   * A macro file. {@code genericTestFile}: a file under a test path's {@code generic/} folder, of
   * which dbt reads only the {@code test} and {@code data_test} blocks.
   */
  public MacroFile(String packageName, String path, String text) {
    this(packageName, path, text, false);
  }
}
