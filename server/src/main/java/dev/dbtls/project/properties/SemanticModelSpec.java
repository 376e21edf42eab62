package dev.dbtls.project.properties;

import dev.dbtls.project.Span;
import java.util.List;
import java.util.Map;

/**
 * A semantic model: a model's entities, dimensions and measures for the Semantic Layer. Declared
 * under {@code semantic_models:} with {@code model: ref('x')}, or (dbt 1.12's YAML) on a model
 * entry with {@code semantic_model:} and its columns' {@code entity:}/{@code dimension:}, then
 * {@code inline} and {@code model} is that model's {@code ref}.
 */
public record SemanticModelSpec(
    String name,
    String description,
    String label,
    String model,
    Span modelSpan,
    Map<String, Object> config,
    String aggTimeDimension,
    String primaryEntity,
    List<SemanticElement> entities,
    List<SemanticElement> dimensions,
    List<SemanticElement> measures,
    boolean inline,
    String file,
    Span span,
    Span nameSpan) {

  /** Entities, dimensions and measures in that order. */
  public List<SemanticElement> elements() {
    List<SemanticElement> all = new java.util.ArrayList<>(entities);
    all.addAll(dimensions);
    all.addAll(measures);
    return all;
  }
}
