package dev.dbtls.project.properties;

import dev.dbtls.project.Shared;
import dev.dbtls.project.Span;
import java.util.List;
import java.util.Map;

/**
 * Properties of a model, seed, snapshot or analysis as declared in one YAML file; {@code
 * constraints} are a model's own (dbt 1.5+: several columns, named, foreign keys with {@code to}).
 */
public record NodeSpec(
    String resourceType,
    String name,
    String description,
    Map<String, Object> config,
    List<ColumnSpec> columns,
    List<DataTestSpec> tests,
    Map<String, Object> meta,
    List<String> tags,
    List<VersionSpec> versions,
    String latestVersion,
    String file,
    Span span,
    Span nameSpan,
    List<Object> constraints) {
  public NodeSpec {
    name = Shared.name(name); // the model's file's stem, and its refs' names
    config = Shared.map(config);
    columns = Shared.list(columns);
    tests = Shared.list(tests);
    meta = Shared.map(meta);
    tags = Shared.list(tags);
    versions = Shared.list(versions);
    constraints = Shared.list(constraints);
  }
}
