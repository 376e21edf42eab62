package dev.dbtls.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trino's distributed plan and {@code explain analyze}, as Trino 476 printed them for one query on
 * its tpch catalog (recorded here from a real server), read into the one plan tree: stages below
 * the steps that receive them, steps with their tables, joins, estimates and analyzed figures.
 */
class TrinoPlanTest {
  private static List<String> recorded(String name) throws IOException {
    try (InputStream in = TrinoPlanTest.class.getResourceAsStream("/plans/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** The steps from the root down the first child each time, as operator names. */
  private static String spine(PlanNode n) {
    StringBuilder s = new StringBuilder(n.operator());
    while (!n.children().isEmpty()) {
      n = n.children().get(0);
      s.append(" > ").append(n.operator());
    }
    return s.toString();
  }

  private static PlanNode find(PlanNode n, String operator) {
    if (n.operator().equals(operator)) {
      return n;
    }
    for (PlanNode c : n.children()) {
      PlanNode f = find(c, operator);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  @Test
  void distributedPlanIsOneTreeAcrossStages() throws IOException {
    PlanNode root = TrinoPlan.read(recorded("trino-476-distributed.txt")).finish();
    assertEquals(
        "Output > Aggregate > LocalExchange > RemoteSource > Aggregate > InnerJoin > ScanFilter",
        spine(root));
    assertEquals("0 [HASH]", root.property("Stage"));
    PlanNode join = find(root, "InnerJoin");
    assertEquals("Inner", join.joinType());
    assertEquals("(custkey = custkey_1)", join.condition());
    assertEquals("REPLICATED", join.property("Distribution"));
    assertEquals(4500.0, join.estimatedRows());
    PlanNode orders = join.children().get(0);
    assertEquals("orders", orders.relation());
    assertEquals("tiny", orders.schema());
    assertEquals("tpch", orders.property("Catalog"));
    assertEquals(15000.0, orders.estimatedRows());
    // the customer side arrives by broadcast from stage 2, filtered down to 300 rows
    PlanNode broadcast = join.children().get(1).children().get(0);
    assertEquals("RemoteSource", broadcast.operator());
    assertEquals("BROADCAST", broadcast.property("Exchange"));
    assertEquals("receives stage 2 (BROADCAST)", broadcast.detail());
    PlanNode customer = broadcast.children().get(0);
    assertEquals("ScanFilterProject", customer.operator());
    assertEquals("customer", customer.relation());
    assertEquals(300.0, customer.estimatedRows());
    assertEquals("(mktsegment = varchar(10) 'BUILDING')", customer.filter());
    assertEquals("2 [SOURCE]", customer.property("Stage"));
    assertNull(customer.actualRows());
  }

  @Test
  void analyzedPlanHasEachStepsRowsAndTime() throws IOException {
    PlanNode root = TrinoPlan.read(recorded("trino-476-explain-analyze.txt")).finish();
    assertEquals("Aggregate", root.operator());
    assertEquals(5.0, root.actualRows());
    PlanNode join = find(root, "InnerJoin");
    assertEquals(3706.0, join.actualRows());
    assertEquals(4500.0, join.estimatedRows());
    PlanNode customer = find(root, "ScanFilterProject");
    assertEquals(337.0, customer.actualRows());
    assertEquals("12.00ms", customer.property("CPU"));
    assertEquals(83.0, customer.selfTimeMs(), 0.001);
    assertEquals("3 [SOURCE]", customer.property("Stage"));
    assertTrue(customer.property("Stage CPU").startsWith("11.92ms, Scheduled: 82.66ms"));
    // each step's share of the wall time of all steps is the share Trino prints (37.05%)
    assertNotNull(customer.timeShare());
    assertEquals(0.3705, customer.timeShare(), 0.0001);
    assertEquals(0.4107, find(root, "ScanFilter").timeShare(), 0.0001);
  }

  @Test
  void aLargeReplicatedBuildSideIsAFinding() throws IOException {
    List<String> small = recorded("trino-476-explain-analyze.txt");
    PlanNode root = TrinoPlan.read(small).finish();
    assertEquals(
        List.of(),
        dev.dbtls.warehouse.findings.PlanFindings.of(root, "trino", java.util.Map.of(), true)
            .stream()
            .filter(f -> f.kind().equals("data-movement"))
            .toList());
    // the same plan with the customers' stage sending 3 million rows
    List<String> large =
        small.stream().map(l -> l.replace("Output: 337 rows", "Output: 3000000 rows")).toList();
    List<Finding> findings =
        dev.dbtls.warehouse.findings.PlanFindings.of(
            TrinoPlan.read(large).finish(), "trino", java.util.Map.of(), true);
    Finding f =
        findings.stream().filter(x -> x.kind().equals("data-movement")).findFirst().orElseThrow();
    assertEquals("Join copies its build side (3,000,000 rows) to every worker", f.title());
    assertEquals("build side (customer): 3,000,000 rows", f.evidence().get(1));
  }

  @Test
  void anArgumentStopsAtTheCommaOfItsOwnDepth() {
    assertEquals(
        "(a = b AND c IN (1, 2))",
        TrinoPlan.argument(
            "criteria = (a = b AND c IN (1, 2)), distribution = PARTITIONED", "criteria"));
    assertEquals(
        "PARTITIONED",
        TrinoPlan.argument("criteria = (a), distribution = PARTITIONED", "distribution"));
    assertNull(TrinoPlan.argument("count = 3", "table"));
  }

  @Test
  void textWithoutFragmentsIsNoPlan() {
    assertNull(TrinoPlan.read(List.of("Trino version: 476", "not a plan")));
  }
}
