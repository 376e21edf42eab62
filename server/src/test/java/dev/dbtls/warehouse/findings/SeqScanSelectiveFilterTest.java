package dev.dbtls.warehouse.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.warehouse.Finding;
import dev.dbtls.warehouse.PlanNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real plans of real databases for this rule: {@code PlanFindingsTest} in the warehouse tests. */
class SeqScanSelectiveFilterTest {
  /** One row found by one of three parallel workers: PostgreSQL says 0 rows a loop. */
  @Test
  void rowsRoundedAwayPerLoopAreNotCalledNone() {
    PlanNode scan =
        new PlanNode(
            "Seq Scan",
            "orders",
            null,
            null,
            null,
            null,
            0.0,
            null,
            3L,
            null,
            List.of(),
            "0.0",
            "s",
            null,
            null,
            "(note = 'x'::text)",
            null,
            null,
            null,
            Map.of());
    PlanNode gather =
        new PlanNode(
            "Gather",
            null,
            null,
            null,
            null,
            null,
            1.0,
            null,
            1L,
            null,
            List.of(scan),
            "0",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of());
    List<Finding> found = PlanFindings.of(gather, "postgres", Map.of("s.orders", 1e6), true);
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(SeqScanSelectiveFilter.KIND, f.kind());
    assertEquals(
        "Full scan of s.orders keeps under 0.0002% of 1,000,000 rows: an index on (note)"
            + " would serve the filter",
        f.title());
    assertEquals(
        "filter (note = 'x'::text) keeps under 2 (under 0.0002%, measured; the warehouse"
            + " rounds rows per loop, 3 loops)",
        f.evidence().get(1));
  }
}
