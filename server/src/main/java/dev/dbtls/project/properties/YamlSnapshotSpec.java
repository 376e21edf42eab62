package dev.dbtls.project.properties;

import dev.dbtls.project.Span;

/**
 * A snapshot defined in YAML (dbt 1.9): a {@code snapshots:} entry with {@code relation:} (a {@code
 * ref} or {@code source} call) instead of a SQL file. Its config and description are those of its
 * {@link NodeSpec}.
 */
public record YamlSnapshotSpec(String name, String relation, Span relationSpan) {}
