package dev.dbtls.index.strict;

import dev.dbtls.project.Problem;
import java.util.List;

/**
 * One thing dbt Core v2's strict spec refuses, where it is ({@code problem}, its code dbt's
 * deprecation name), and its fix: {@code fixTitle} and the {@code fix} edits, all in {@code
 * problem.file()}; {@code fix} is empty (and {@code fixTitle} null) when there is no safe fix.
 */
public record Deprecation(Problem problem, String fixTitle, List<Edit> fix) {
  public Deprecation {
    fix = fix == null ? List.of() : List.copyOf(fix);
    fixTitle = fix.isEmpty() ? null : fixTitle;
  }

  /** A deprecation without a safe fix. */
  public Deprecation(Problem problem) {
    this(problem, null, List.of());
  }

  public boolean fixable() {
    return !fix.isEmpty();
  }
}
