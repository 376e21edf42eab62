package dev.dbtls.project.properties;

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
    Span span) {}
