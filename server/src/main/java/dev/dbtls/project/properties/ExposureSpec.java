package dev.dbtls.project.properties;

import dev.dbtls.project.Span;
import java.util.List;
import java.util.Map;

/** An exposure: a dashboard, notebook or application that depends on nodes. */
public record ExposureSpec(
    String name,
    String label,
    String type,
    String maturity,
    String url,
    String description,
    Map<String, Object> owner,
    List<String> dependsOn,
    Map<String, Object> meta,
    List<String> tags,
    String file,
    Span span,
    Span nameSpan) {}
