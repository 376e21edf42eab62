package dev.dbtls.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.warehouse.findings.PlanFindings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Snowflake's {@code explain using json}, in the shape its documentation shows (GlobalStats, and
 * Operations with ids, parentOperators, expressions, objects and partitions), read into the one
 * plan tree; a filtered scan that prunes nothing is a finding.
 */
class SnowflakePlanTest {
  private static final String PLAN =
      """
      {"GlobalStats": {"partitionsTotal": 412, "partitionsAssigned": 412, "bytesAssigned": 9812345678},
       "Operations": [[
         {"id": 0, "operation": "Result", "expressions": ["O.O_ORDERKEY", "C.C_NAME"]},
         {"id": 1, "parentOperators": [0], "operation": "InnerJoin",
          "expressions": ["joinKey: (C.C_CUSTKEY = O.O_CUSTKEY)"]},
         {"id": 2, "parentOperators": [1], "operation": "Filter",
          "expressions": ["O.O_COMMENT LIKE '%special%'"]},
         {"id": 3, "parentOperators": [2], "operation": "TableScan",
          "objects": ["SNOWFLAKE_SAMPLE_DATA.TPCH_SF10.ORDERS"], "alias": "O",
          "expressions": ["O_ORDERKEY", "O_CUSTKEY", "O_COMMENT"],
          "partitionsAssigned": 400, "partitionsTotal": 400, "bytesAssigned": 9800000000},
         {"id": 4, "parentOperators": [1], "operation": "TableScan",
          "objects": ["SNOWFLAKE_SAMPLE_DATA.TPCH_SF10.CUSTOMER"], "alias": "C",
          "expressions": ["C_CUSTKEY", "C_NAME"],
          "partitionsAssigned": 12, "partitionsTotal": 12, "bytesAssigned": 12345678}
       ]]}
      """;

  @Test
  void readsTheStepsAndTheirPartitions() throws Exception {
    PlanNode root = SnowflakePlan.read(new ObjectMapper().readTree(PLAN)).finish();
    assertEquals("Result", root.operator());
    assertEquals("412", root.property("Query partitionsTotal"));
    PlanNode join = root.children().get(0);
    assertEquals("InnerJoin", join.operator());
    assertEquals("Inner", join.joinType());
    assertEquals("(C.C_CUSTKEY = O.O_CUSTKEY)", join.condition());
    PlanNode orders = join.children().get(0).children().get(0);
    assertEquals("ORDERS", orders.relation());
    assertEquals("TPCH_SF10", orders.schema());
    assertEquals("O", orders.alias());
    assertEquals("400", orders.property("partitionsAssigned"));
    assertEquals("CUSTOMER", join.children().get(1).relation());
  }

  @Test
  void aFilterThatPrunesNothingIsAFinding() throws Exception {
    PlanNode root = SnowflakePlan.read(new ObjectMapper().readTree(PLAN)).finish();
    List<Finding> findings = PlanFindings.of(root, "snowflake", Map.of(), false);
    assertEquals(1, findings.size(), findings.toString());
    Finding f = findings.get(0);
    assertEquals("no-pruning", f.kind());
    assertEquals("Filter on ORDERS prunes nothing: 400 of 400 partitions read", f.title());
    assertEquals(Finding.HIGH, f.confidence());
    // the small customer table (12 partitions) is read whole without a word
    assertTrue(f.evidence().get(0).startsWith("TableScan of ORDERS"));
  }

  @Test
  void aPrunedScanIsNoFinding() throws Exception {
    String pruned = PLAN.replace("\"partitionsAssigned\": 400", "\"partitionsAssigned\": 9");
    PlanNode root = SnowflakePlan.read(new ObjectMapper().readTree(pruned)).finish();
    assertEquals(List.of(), PlanFindings.of(root, "snowflake", Map.of(), false));
  }
}
