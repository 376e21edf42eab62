package dev.dbtls.index;

import dev.dbtls.project.Span;

/** A {@code {% docs name %}} block. */
public record DocBlock(
    String packageName, String name, String content, String displayPath, Span span) {
  public String uniqueId() {
    return "doc." + packageName + "." + name;
  }
}
