package dev.dbtls.project.properties;

import dev.dbtls.project.Span;
import java.util.List;
import java.util.Map;

/** A saved query of the Semantic Layer: metrics grouped by dimensions, with optional exports. */
public record SavedQuerySpec(
    String name,
    String label,
    String description,
    List<NamedRef> metrics,
    List<String> groupBy,
    List<String> exports,
    Map<String, Object> config,
    List<String> tags,
    String file,
    Span span,
    Span nameSpan) {}
