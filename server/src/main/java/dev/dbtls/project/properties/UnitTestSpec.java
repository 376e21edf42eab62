package dev.dbtls.project.properties;

import dev.dbtls.project.Span;
import java.util.List;
import java.util.Map;

/**
 * A unit test as written under {@code unit_tests:} (dbt 1.8+): the model it tests, its {@code
 * given} inputs, what it {@code expect}s, the {@code overrides} of macros, vars and env vars, its
 * config and the model versions it covers.
 *
 * @param versionsInclude the versions {@code versions: include:} names; empty for all
 * @param versionsExclude the versions {@code versions: exclude:} names
 */
public record UnitTestSpec(
    String name,
    String model,
    String description,
    List<Fixture> given,
    Fixture expect,
    Map<String, Object> macros,
    Map<String, Object> vars,
    Map<String, Object> envVars,
    Map<String, Object> config,
    List<String> versionsInclude,
    List<String> versionsExclude,
    String file,
    Span span,
    Span nameSpan) {

  /** dbt's fixture formats. */
  public static final String DICT = "dict";

  public static final String CSV = "csv";
  public static final String SQL = "sql";

  /**
   * One input ({@code input: ref('m')}, {@code source('s', 't')}, {@code this}) or the expected
   * output (no input): rows as mappings ({@code dict}), or as text ({@code csv} with a header, or a
   * {@code sql} query), or a {@code fixture} file's name under {@code tests/fixtures}; {@code
   * rowsGiven} is false when neither {@code rows} nor {@code fixture} is written (a seed input then
   * gives its own rows, as in dbt).
   */
  public record Fixture(
      String input,
      String format,
      List<Map<String, Object>> rows,
      String text,
      String fixture,
      boolean rowsGiven,
      Span span) {}
}
