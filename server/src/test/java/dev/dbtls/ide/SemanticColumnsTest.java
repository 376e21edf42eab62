package dev.dbtls.ide;

import static dev.dbtls.ide.FeatureChecks.checkDiagnostics;
import static dev.dbtls.ide.FeatureChecks.checkProblems;

import org.junit.jupiter.api.Test;

/**
 * A semantic model's entities, dimensions and measures checked against its model's columns where
 * every column is known ({@code semantic-column-unknown}); nothing said of expressions, nor of a
 * model whose columns are not all known.
 */
class SemanticColumnsTest {
  private static final String PROJECT =
      """
      -- file: models/orders.sql
      select 1 as order_id, 2.0 as amount, current_date as ordered_at
      -- file: models/loose.sql
      select * from {{ source('raw', 'orders') }}
      -- file: models/sources.yml
      sources:
        - name: raw
          tables:
            - name: orders
      -- file: models/semantic.yml
      $0semantic_models:
        - name: orders
          model: ref('orders')
          entities:
            - {name: order, type: primary, expr: order_id}
          dimensions:
            - {name: ordered_at, type: time}
            - {name: status, type: categorical}
            - {name: month, type: time, expr: "date_trunc('month', ordered_at)"}
          measures:
            - {name: total, agg: sum, expr: amount}
            - {name: doubled, agg: sum, expr: amount * 2}
            - {name: n, agg: count, expr: "1"}
            - {name: tax, agg: sum, expr: amout}
        - name: loose
          model: ref('loose')
          dimensions:
            - {name: anything, type: categorical}
      """;

  @Test
  void aColumnTheModelDoesNotProduceIsAWarningAtItsName() {
    checkDiagnostics(PROJECT, "semantic-column-unknown@8", "semantic-column-unknown@14");
  }

  @Test
  void theMessageSaysWhichColumnAndTheClosestOne() {
    checkProblems(
        PROJECT,
        "models/semantic.yml:8:16: warning semantic-column-unknown: dimension 'status' of semantic"
            + " model 'orders' reads column 'status', which model 'orders' does not produce",
        "models/semantic.yml:14:37: warning semantic-column-unknown: measure 'tax' of semantic"
            + " model 'orders' reads column 'amout', which model 'orders' does not produce; did you"
            + " mean 'amount'?");
  }
}
