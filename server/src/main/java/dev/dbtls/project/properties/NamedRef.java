package dev.dbtls.project.properties;

import dev.dbtls.project.Span;

/** A resource named in property YAML (a metric, a measure), with where the name is written. */
public record NamedRef(String name, Span span) {}
