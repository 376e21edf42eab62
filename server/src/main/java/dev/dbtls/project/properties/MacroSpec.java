package dev.dbtls.project.properties;

import dev.dbtls.project.Span;
import java.util.List;
import java.util.Map;

/** Documentation of a macro from property YAML. */
public record MacroSpec(
    String name,
    String description,
    List<Argument> arguments,
    Map<String, Object> meta,
    String file,
    Span span) {
  public record Argument(String name, String type, String description) {}
}
