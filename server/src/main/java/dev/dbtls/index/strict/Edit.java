package dev.dbtls.index.strict;

import dev.dbtls.project.Span;

/**
 * One text change of a fix: {@code range} (0-based lines and columns, end exclusive, as {@link
 * Span}) replaced by {@code text}. The edits of one fix are relative to the file as it was before
 * any of them, and do not overlap.
 */
public record Edit(Span range, String text) {}
