package dev.dbtls.ide;

import dev.dbtls.project.Span;

/**
 * Where a name seen in a query plan comes from in a model's source: a {@code ref(...)} or {@code
 * source(...)} call, a CTE's definition, or the ref of a parent the plan reaches through (a parent
 * inlined as {@code __dbtls_upstream__<name>}, or a relation further up).
 *
 * @param kind what the name stands for
 * @param name the name as the source writes it: the model of a ref, {@code source.table} of a
 *     source, the CTE's name
 * @param uniqueId the node the ref or source resolves to (for {@code UPSTREAM} the node the plan's
 *     name is); null for a CTE
 * @param displayPath the model file, relative to the root project
 * @param span the {@code ref(...)}/{@code source(...)} call or the CTE's name, 0-based
 */
public record PlanSource(Kind kind, String name, String uniqueId, String displayPath, Span span) {
  /** What a plan's name stands for in the model. */
  public enum Kind {
    REF,
    SOURCE,
    CTE,
    UPSTREAM
  }
}
