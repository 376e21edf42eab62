package dev.dbtls.ide;

import static dev.dbtls.ide.FeatureChecks.checkCompletion;
import static dev.dbtls.ide.FeatureChecks.checkDefinition;
import static dev.dbtls.ide.FeatureChecks.checkHover;
import static dev.dbtls.ide.FeatureChecks.checkSymbols;

import org.junit.jupiter.api.Test;

/**
 * Navigation of dbt 1.11/1.12's resources: {@code function('…')} completes, hovers and goes to the
 * function's body; a semantic model's {@code model: ref('x')} goes to the model; a metric or
 * measure named in metrics and saved queries goes to where it is declared.
 */
class ResourceNavigationTest {
  private static final String PROJECT =
      """
      -- file: functions/is_positive.sql
      amount > 0
      -- file: functions/schema.yml
      functions:
        - name: is_positive
          description: Above zero
          arguments:
            - {name: amount, data_type: numeric}
          returns: {data_type: boolean}
      -- file: models/orders.sql
      select 1 as order_id, 2.0 as amount
      -- file: models/semantic.yml
      semantic_models:
        - name: orders
          model: ref('orders')
          measures:
            - {name: order_total, agg: sum, expr: amount}
      metrics:
        - name: revenue
          label: Revenue
          type: simple
          type_params:
            measure: order_total
      saved_queries:
        - name: by_day
          query_params:
            metrics: [revenue]
      """;

  private static String sql(String body) {
    return PROJECT + "-- file: models/report.sql\n" + body + "\n";
  }

  @Test
  void functionCompletesWithTheProjectsFunctions() {
    checkCompletion(sql("select {{ function('is_$0') }}(1)"), "is_positive");
  }

  @Test
  void functionGoesToItsBody() {
    checkDefinition(
        sql("select {{ function('is_po$0sitive') }}(1)"), "functions/is_positive.sql:1");
  }

  @Test
  void functionHoverShowsItsSignature() {
    checkHover(
        sql("select {{ function('is_po$0sitive') }}(1)"),
        "is_positive(amount numeric) returns boolean",
        "Above zero");
  }

  @Test
  void aFunctionsYamlEntryGoesToItsBody() {
    checkDefinition(
        PROJECT.replace("- name: is_positive", "- name: is_pos$0itive"),
        "functions/is_positive.sql:1");
  }

  @Test
  void aSemanticModelsModelGoesToTheModel() {
    checkDefinition(
        PROJECT.replace("model: ref('orders')", "model: ref('ord$0ers')"), "models/orders.sql:1");
  }

  @Test
  void aMeasureGoesToItsSemanticModel() {
    checkDefinition(
        PROJECT.replace("measure: order_total", "measure: order_t$0otal"), "models/semantic.yml:5");
  }

  @Test
  void aSavedQuerysMetricGoesToTheMetric() {
    checkDefinition(
        PROJECT.replace("metrics: [revenue]", "metrics: [reve$0nue]"), "models/semantic.yml:7");
  }

  @Test
  void theOutlineOfTheSemanticLayer() {
    checkSymbols(
        PROJECT.replace("semantic_models:", "$0semantic_models:"),
        "semantic_model orders: semantic model of ref('orders')",
        "  dimension order_total: measure sum",
        "metric revenue: simple metric",
        "saved_query by_day: saved query");
  }
}
