package dev.dbtls.project.properties;

import dev.dbtls.project.Span;
import java.util.List;

/**
 * A user-defined function's properties (dbt 1.11): its arguments and return type. Its description
 * and config are read as any node's ({@link NodeSpec} of type {@code function}).
 */
public record FunctionSpec(
    String name, List<Argument> arguments, String returnType, String file, Span nameSpan) {

  /** One argument: {@code default_value} as written, or null. */
  public record Argument(
      String name, String dataType, String description, Object defaultValue, Span span) {}
}
