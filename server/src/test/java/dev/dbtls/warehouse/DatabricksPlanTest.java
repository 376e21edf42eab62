package dev.dbtls.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Databricks' and Spark's {@code explain formatted}, in the shape Spark's documentation shows (the
 * numbered tree, {@code *} for whole-stage code, then one block of details per step), read into the
 * one plan tree. Used today by {@code type: jdbc} targets whose URL is Databricks'.
 */
class DatabricksPlanTest {
  private static final String PLAN =
      """
      == Physical Plan ==
      AdaptiveSparkPlan (12)
      +- HashAggregate (11)
         +- Exchange (10)
            +- HashAggregate (9)
               +- Project (8)
                  +- * BroadcastHashJoin Inner BuildRight (7)
                     :- * Project (3)
                     :  +- * Filter (2)
                     :     +- Scan parquet main.shop.orders (1)
                     +- BroadcastExchange (6)
                        +- * Filter (5)
                           +- Scan parquet main.shop.customers (4)


      (1) Scan parquet main.shop.orders
      Output [3]: [order_id#1, customer_id#2, amount#3]
      Batched: true
      Location: PreparedDeltaFileIndex [dbfs:/user/hive/warehouse/shop.db/orders]
      PushedFilters: [IsNotNull(customer_id)]
      ReadSchema: struct<order_id:int,customer_id:int,amount:decimal(10,2)>

      (2) Filter [codegen id : 2]
      Input [3]: [order_id#1, customer_id#2, amount#3]
      Condition : isnotnull(customer_id#2)

      (7) BroadcastHashJoin [codegen id : 2]
      Left keys [1]: [customer_id#2]
      Right keys [1]: [customer_id#10]
      Join type: Inner
      Join condition: None

      (10) Exchange
      Input [2]: [country#12, sum#20]
      Arguments: hashpartitioning(country#12, 200), ENSURE_REQUIREMENTS, [plan_id=51]
      """;

  @Test
  void readsTheNumberedTreeAndEachStepsDetails() {
    PlanNode root = DatabricksPlan.read(PLAN.lines().toList()).finish();
    assertEquals("AdaptiveSparkPlan", root.operator());
    PlanNode exchange = root.children().get(0).children().get(0);
    assertEquals("Exchange", exchange.operator());
    assertEquals(
        "hashpartitioning(country#12, 200), ENSURE_REQUIREMENTS, [plan_id=51]",
        exchange.property("Arguments"));
    PlanNode join = exchange.children().get(0).children().get(0).children().get(0);
    assertEquals("BroadcastHashJoin", join.operator());
    assertEquals("Inner", join.joinType());
    assertEquals("BuildRight", join.property("Build side"));
    assertEquals("[customer_id#2] = [customer_id#10]", join.condition());
    PlanNode filter = join.children().get(0).children().get(0);
    assertEquals("Filter", filter.operator());
    assertEquals("isnotnull(customer_id#2)", filter.filter());
    PlanNode orders = filter.children().get(0);
    assertEquals("Scan parquet", orders.operator());
    assertEquals("orders", orders.relation());
    assertEquals("shop", orders.schema());
    assertEquals("main", orders.property("Catalog"));
    assertEquals("[IsNotNull(customer_id)]", orders.property("PushedFilters"));
    PlanNode customers = join.children().get(1).children().get(0).children().get(0);
    assertEquals("customers", customers.relation());
    assertNull(customers.property("PushedFilters"));
  }

  @Test
  void textWithoutAPhysicalPlanIsNoPlan() {
    assertNull(DatabricksPlan.read(List.of("== Parsed Logical Plan ==", "'Project [*]")));
  }
}
