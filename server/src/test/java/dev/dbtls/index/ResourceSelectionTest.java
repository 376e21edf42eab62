package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Selecting dbt 1.11/1.12's resources as dbt does: {@code resource_type:function}, the {@code
 * metric:}, {@code semantic_model:}, {@code saved_query:} and {@code unit_test:} methods, and the
 * graph through functions and the Semantic Layer.
 */
class ResourceSelectionTest {
  private static final Manifest M =
      ManifestBuilder.build(
          Fixture.of(
                  """
      -- file: functions/double_it.sql
      select x * 2
      -- file: functions/f.yml
      functions:
        - name: double_it
          arguments: [{name: x, data_type: int}]
          returns: {data_type: int}
      -- file: models/orders.sql
      select {{ function('double_it') }}(1) as amount
      -- file: models/semantic.yml
      semantic_models:
        - name: orders_sm
          model: ref('orders')
          measures:
            - {name: total, agg: sum, expr: amount}
      metrics:
        - {name: revenue, label: Revenue, type: simple, type_params: {measure: total}}
      saved_queries:
        - name: report
          query_params: {metrics: [revenue]}
      unit_tests:
        - name: doubles
          model: orders
          given: []
          expect: {rows: [{amount: 2}]}
      """)
              .load());

  private static Set<String> ids(String... select) {
    return new TreeSet<>(new Selector(M).select(List.of(select), List.of()));
  }

  @Test
  void byTypeAndByName() {
    assertEquals(Set.of("function.shop.double_it"), ids("resource_type:function"));
    assertEquals(Set.of("function.shop.double_it"), ids("double_it"));
    assertEquals(Set.of("metric.shop.revenue"), ids("metric:revenue"));
    assertEquals(Set.of("metric.shop.revenue"), ids("metric:shop.rev*"));
    assertEquals(Set.of("semantic_model.shop.orders_sm"), ids("semantic_model:orders_sm"));
    assertEquals(Set.of("saved_query.shop.report"), ids("saved_query:report"));
    assertEquals(Set.of("unit_test.shop.orders.doubles"), ids("unit_test:shop.doubles"));
    assertEquals(Set.of("semantic_model.shop.orders_sm"), ids("resource_type:semantic_model"));
  }

  @Test
  void theGraphRunsThroughFunctionsAndTheSemanticLayer() {
    assertEquals(
        Set.of(
            "function.shop.double_it",
            "model.shop.orders",
            "semantic_model.shop.orders_sm",
            "metric.shop.revenue",
            "saved_query.shop.report"),
        ids("+saved_query:report"));
    assertEquals(
        Set.of("function.shop.double_it", "model.shop.orders", "unit_test.shop.orders.doubles"),
        ids("double_it+1", "unit_test:doubles"));
  }
}
