package dev.dbtls.project.properties;

import dev.dbtls.project.Shared;
import dev.dbtls.project.Span;
import java.util.Map;

/**
 * One data test as written in YAML: {@code not_null}, {@code accepted_values: {values: [...]}},
 * {@code dbt_utils.expression_is_true: {...}}. {@code testName} keeps the package prefix.
 */
public record DataTestSpec(
    String testName,
    Map<String, Object> args,
    Map<String, Object> config,
    String customName,
    Span span) {
  public DataTestSpec {
    testName = Shared.name(testName);
    args = Shared.frozen(args);
    config = Shared.frozen(config);
  }

  public String packageName() {
    int dot = testName.indexOf('.');
    return dot < 0 ? null : testName.substring(0, dot);
  }

  public String macroName() {
    int dot = testName.indexOf('.');
    return dot < 0 ? testName : testName.substring(dot + 1);
  }
}
