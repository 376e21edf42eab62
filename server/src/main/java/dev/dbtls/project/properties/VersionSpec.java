package dev.dbtls.project.properties;

import dev.dbtls.project.Shared;
import dev.dbtls.project.Span;
import java.util.List;
import java.util.Map;

/** One entry of a model's {@code versions:} with its columns already included/excluded. */
public record VersionSpec(
    String v, String definedIn, List<ColumnSpec> columns, Map<String, Object> config, Span span) {
  public VersionSpec {
    columns = Shared.list(columns);
    config = Shared.map(config);
  }
}
