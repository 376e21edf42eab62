package dev.dbtls.project.properties;

import dev.dbtls.project.Shared;
import dev.dbtls.project.Span;
import java.util.List;
import java.util.Map;

/** A table of a source. */
public record SourceTableSpec(
    String name,
    String identifier,
    String description,
    List<ColumnSpec> columns,
    List<DataTestSpec> tests,
    String loadedAtField,
    Map<String, Object> freshness,
    Map<String, Object> quoting,
    Map<String, Object> meta,
    List<String> tags,
    Map<String, Object> config,
    Span span,
    Span nameSpan) {
  public SourceTableSpec {
    columns = Shared.list(columns);
    tests = Shared.list(tests);
    freshness = Shared.map(freshness);
    quoting = Shared.map(quoting);
    meta = Shared.map(meta);
    tags = Shared.list(tags);
    config = Shared.map(config);
  }
}
