package dev.dbtls.warehouse.findings;

import dev.dbtls.warehouse.Finding;
import dev.dbtls.warehouse.PlanNode;

/** One kind of finding, judged at one step of a plan. */
interface PlanRule {
  /** The finding about {@code step}, or null when the rule finds nothing there. */
  Finding at(PlanNode step, PlanScope scope);
}
