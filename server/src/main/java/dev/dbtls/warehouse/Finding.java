package dev.dbtls.warehouse;

import java.util.List;

/**
 * Something that looks wrong in a plan. {@code kind} is a stable id (one per rule of {@link
 * dev.dbtls.warehouse.findings.PlanFindings}); {@code nodeId} the {@link PlanNode#id()} it is
 * about; {@code title} one line for the user; {@code evidence} the facts with their numbers; {@code
 * confidence} "high", "medium" or "low", {@code confidenceReason} why; {@code index} the index that
 * would help, or null.
 */
public record Finding(
    String kind,
    String nodeId,
    String title,
    List<String> evidence,
    String confidence,
    String confidenceReason,
    IndexSuggestion index) {
  public static final String HIGH = "high";
  public static final String MEDIUM = "medium";
  public static final String LOW = "low";

  public Finding {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
