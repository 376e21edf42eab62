package dev.dbtls.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dbtls.warehouse.findings.PlanFindings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redshift's text plan, in the shape its documentation shows, read into the one plan tree. */
class RedshiftPlanTest {
  private static final String PLAN =
      """
      XN Merge  (cost=1000000000136.38..1000000000137.82 rows=576 width=25)
        Merge Key: sum(sales.pricepaid)
        ->  XN Network  (cost=1000000000136.38..1000000000137.82 rows=576 width=25)
              Send to leader
              ->  XN Sort  (cost=1000000000136.38..1000000000137.82 rows=576 width=25)
                    Sort Key: sum(sales.pricepaid)
                    ->  XN HashAggregate  (cost=105.98..106.04 rows=576 width=25)
                          ->  XN Hash Join DS_BCAST_INNER  (cost=3.36..8791562.40 rows=172456 width=25)
                                Hash Cond: ("outer".listid = "inner".listid)
                                ->  XN Seq Scan on listing l  (cost=0.00..1924.97 rows=192497 width=14)
                                ->  XN Hash  (cost=87.98..87.98 rows=8798 width=11)
                                      ->  XN Seq Scan on public.sales  (cost=0.00..87.98 rows=8798 width=11)
                                            Filter: (qtysold > 2)
      """;

  @Test
  void readsStepsDetailsAndDistribution() {
    PlanNode root = RedshiftPlan.read(PLAN.lines().toList()).finish();
    assertEquals("Merge", root.operator());
    assertEquals("sum(sales.pricepaid)", root.property("Merge Key"));
    PlanNode network = root.children().get(0);
    assertEquals("Send to leader", network.detail());
    PlanNode join = network.children().get(0).children().get(0).children().get(0);
    assertEquals("Hash Join", join.operator());
    assertEquals("DS_BCAST_INNER", join.property("Distribution"));
    assertEquals("(\"outer\".listid = \"inner\".listid)", join.condition());
    assertEquals(172456.0, join.estimatedRows());
    PlanNode listing = join.children().get(0);
    assertEquals("Seq Scan", listing.operator());
    assertEquals("listing", listing.relation());
    assertEquals("l", listing.alias());
    PlanNode sales = join.children().get(1).children().get(0);
    assertEquals("sales", sales.relation());
    assertEquals("public", sales.schema());
    assertEquals("(qtysold > 2)", sales.filter());
    assertNull(sales.alias());
  }

  @Test
  void aBroadcastJoinIsAFinding() {
    PlanNode root = RedshiftPlan.read(PLAN.lines().toList()).finish();
    List<Finding> findings = PlanFindings.of(root, "redshift", Map.of(), false);
    Finding f =
        findings.stream().filter(x -> x.kind().equals("data-movement")).findFirst().orElseThrow();
    assertEquals(
        "Join moves rows between nodes: it copies the whole inner table to every node", f.title());
    assertEquals(
        List.of(
            "Hash Join DS_BCAST_INNER: copies the whole inner table to every node",
            "listing: about 192,497 rows",
            "sales: about 8,798 rows"),
        f.evidence());
  }

  @Test
  void aPlanWithoutMovementHasNoSuchFinding() {
    String plan =
        """
        XN Hash Join DS_DIST_NONE  (cost=1.00..2.00 rows=10 width=8)
          Hash Cond: ("outer".id = "inner".id)
          ->  XN Seq Scan on a  (cost=0.00..1.00 rows=10 width=4)
          ->  XN Hash  (cost=1.00..1.00 rows=10 width=4)
                ->  XN Seq Scan on b  (cost=0.00..1.00 rows=10 width=4)
        """;
    PlanNode root = RedshiftPlan.read(plan.lines().toList()).finish();
    assertEquals(
        List.of(),
        PlanFindings.of(root, "redshift", Map.of(), false).stream()
            .filter(f -> f.kind().equals("data-movement"))
            .toList());
  }
}
