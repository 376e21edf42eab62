package dev.dbtls.project.properties;

import dev.dbtls.project.Shared;
import dev.dbtls.project.Span;
import java.util.List;
import java.util.Map;

/** A column declared in property YAML. */
public record ColumnSpec(
    String name,
    String description,
    String dataType,
    List<DataTestSpec> tests,
    List<Object> constraints,
    Map<String, Object> meta,
    List<String> tags,
    Boolean quote,
    Span span) {
  public ColumnSpec {
    name = Shared.name(name);
    dataType = Shared.name(dataType);
    tests = Shared.list(tests);
    constraints = Shared.list(constraints);
    meta = Shared.map(meta);
    tags = Shared.list(tags);
  }
}
