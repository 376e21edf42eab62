package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.properties.SemanticModelSpec;
import dev.dbtls.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Semantic models, metrics and saved queries read from property YAML (the {@code semantic_models:}
 * YAML and dbt 1.12's YAML on a model entry) as nodes with dbt's unique ids and dependencies, and
 * every name they give that matches nothing a located problem.
 */
class SemanticLayerTest {
  private static final String YAML =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      metrics:
        shop:
          +meta: {owner: finance}
      saved-queries:
        +enabled: false
      -- file: models/orders.sql
      select 1 as order_id, 2 as customer_id, 3.0 as amount
      -- file: models/customers.sql
      select 2 as customer_id
      -- file: models/semantic.yml
      semantic_models:
        - name: orders_sm
          model: ref('orders')
          entities:
            - {name: order, type: primary, expr: order_id}
          measures:
            - {name: order_total, agg: sum, expr: amount}
            - {name: order_count, agg: count, expr: "1", create_metric: true}
        - name: ghosts
          model: ref('ordrs')
      metrics:
        - name: revenue
          label: Revenue
          type: simple
          type_params:
            measure: order_total
        - name: aov
          label: AOV
          type: ratio
          type_params:
            numerator: revenue
            denominator: {name: order_count}
        - name: broken
          label: Broken
          type: derived
          type_params:
            expr: a + b
            metrics: [revenu, {name: order_count}]
        - name: lost
          label: Lost
          type: simple
          type_params:
            measure: order_totl
        - name: paused
          label: Paused
          type: simple
          type_params: {measure: order_total}
          config: {enabled: false}
      saved_queries:
        - name: revenue_report
          query_params:
            metrics: [revenue, aov, nothing]
            group_by: ["Dimension('order__status')"]
      -- file: models/customers.yml
      models:
        - name: customers
          semantic_model:
            name: customers_sm
          columns:
            - name: customer_id
              entity: primary
          metrics:
            - name: customer_count
              type: simple
              agg: count
              expr: customer_id
      """;

  private static final Manifest M = ManifestBuilder.build(Fixture.of(YAML).load());

  private static Problem problem(ProblemCode code, String text) {
    return M.problems().stream()
        .filter(p -> p.code() == code && p.message().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError(code + " " + text + " in " + M.problems()));
  }

  @Test
  void nodesWithDbtsUniqueIdsAndDependencies() {
    Node sm = M.nodes().get("semantic_model.shop.orders_sm");
    assertEquals(ResourceType.SEMANTIC_MODEL, sm.type(), M.nodes().keySet().toString());
    assertEquals(List.of("model.shop.orders"), sm.dependsOn());
    assertEquals(List.of("shop", "orders_sm"), sm.fqn());
    assertEquals("models/semantic.yml", sm.originalFilePath());
    assertEquals(
        List.of("semantic_model.shop.orders_sm"), M.nodes().get("metric.shop.revenue").dependsOn());
    assertEquals(
        List.of("metric.shop.revenue", "metric.shop.order_count"),
        M.nodes().get("metric.shop.aov").dependsOn());
    assertEquals(
        List.of("metric.shop.revenue", "metric.shop.aov"),
        M.disabled().get("saved_query.shop.revenue_report").dependsOn());
    assertTrue(M.dag().childrenOf("model.shop.orders").contains(sm.uniqueId()));
  }

  @Test
  void aMeasureWithCreateMetricMakesASimpleMetric() {
    Node m = M.nodes().get("metric.shop.order_count");
    assertEquals(ResourceType.METRIC, m.type());
    assertEquals(List.of("semantic_model.shop.orders_sm"), m.dependsOn());
  }

  @Test
  void dbt112YamlOnAModelEntry() {
    Node sm = M.nodes().get("semantic_model.shop.customers_sm");
    assertEquals(List.of("model.shop.customers"), sm.dependsOn(), M.nodes().keySet().toString());
    SemanticModelSpec spec = (SemanticModelSpec) sm.extra().get(Node.SEMANTIC_SPEC);
    assertEquals("customer_id", spec.entities().get(0).name());
    assertTrue(spec.inline());
    assertEquals(List.of(sm.uniqueId()), M.nodes().get("metric.shop.customer_count").dependsOn());
  }

  @Test
  void dbtProjectYmlConfiguresThem() {
    assertEquals(
        java.util.Map.of("owner", "finance"),
        M.nodes().get("metric.shop.revenue").config().get("meta"));
    assertTrue(M.disabled().containsKey("saved_query.shop.revenue_report"));
  }

  @Test
  void aDisabledMetricIsApart() {
    assertTrue(
        M.disabled().containsKey("metric.shop.paused"), M.nodes().get("metric.shop.paused") + "");
    assertTrue(!M.nodes().containsKey("metric.shop.paused"));
  }

  @Test
  void unknownNamesAreLocated() {
    Problem model = problem(ProblemCode.REF_UNKNOWN, "ref('ordrs')");
    assertEquals("models/semantic.yml", model.file());
    assertEquals(9, model.line());
    assertTrue(model.message().contains("did you mean 'orders'"), model.message());
    Problem measure = problem(ProblemCode.SEMANTIC_REFERENCE_UNKNOWN, "measure 'order_totl'");
    assertEquals(32, measure.line());
    assertTrue(measure.message().contains("did you mean 'order_total'"), measure.message());
    Problem input = problem(ProblemCode.SEMANTIC_REFERENCE_UNKNOWN, "metric 'revenu'");
    assertEquals(27, input.line());
    Problem query = problem(ProblemCode.SEMANTIC_REFERENCE_UNKNOWN, "metric 'nothing'");
    assertEquals(41, query.line());
    assertTrue(
        M.problems().stream()
            .noneMatch(p -> p.message().contains("'order_count'") || p.message().contains("aov")),
        M.problems().toString());
  }
}
