package dev.dbtls.ide;

import dev.dbtls.project.Span;

/** A place in a project file: its path relative to the root project, and a range in it. */
public record Location(String displayPath, Span span) {}
