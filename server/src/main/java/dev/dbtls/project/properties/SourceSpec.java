package dev.dbtls.project.properties;

import dev.dbtls.project.Shared;
import dev.dbtls.project.Span;
import java.util.List;
import java.util.Map;

/** A source declared in property YAML, with its tables. */
public record SourceSpec(
    String name,
    String description,
    String database,
    String schema,
    String loader,
    String loadedAtField,
    Map<String, Object> freshness,
    Map<String, Object> quoting,
    Map<String, Object> meta,
    List<String> tags,
    Map<String, Object> config,
    List<SourceTableSpec> tables,
    String file,
    Span span,
    Span nameSpan) {
  public SourceSpec {
    freshness = Shared.map(freshness);
    quoting = Shared.map(quoting);
    meta = Shared.map(meta);
    tags = Shared.list(tags);
    config = Shared.map(config);
    tables = Shared.list(tables);
  }
}
