package dev.dbtls.project.properties;

import dev.dbtls.project.Span;
import java.util.List;
import java.util.Map;

/**
 * A metric of the Semantic Layer. {@code measures}: the measures it reads ({@code type_params}'s
 * {@code measure}, a conversion's base and conversion measures); {@code metrics}: the metrics it is
 * made of (ratio, derived, cumulative and conversion inputs). {@code semanticModel}: for a metric
 * declared on a model entry (dbt 1.12), the semantic model it belongs to.
 */
public record MetricSpec(
    String name,
    String label,
    String type,
    String description,
    List<NamedRef> measures,
    List<NamedRef> metrics,
    String semanticModel,
    Map<String, Object> config,
    List<String> tags,
    String file,
    Span span,
    Span nameSpan) {}
