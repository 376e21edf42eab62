package dev.dbtls.ide;

import dev.dbtls.project.Span;

/** A clickable name in a file ({@code range}) and where it leads. */
public record DocumentLink(Span range, Location target) {}
