package dev.dbtls.query;

/**
 * What an explain came to: nothing to run, SQL that did not compile, or the plan (or the
 * warehouse's error) with its findings.
 *
 * @param prepared the SQL resolved; null when the request names nothing to run
 * @param explain the plan and its findings; null when nothing ran
 */
public record ExplainOutcome(PreviewSql prepared, ModelExplain explain) {

  /** Whether the request named nothing to run (a file without a model and no ad-hoc SQL). */
  public boolean nothing() {
    return prepared == null;
  }

  /** Whether the SQL could not be compiled ({@code prepared.problems()} say why). */
  public boolean compileFailed() {
    return prepared != null && prepared.failed();
  }
}
