package dev.dbtls.index.strict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Generic test arguments nested under {@code arguments:}, as dbt-autofix does. */
class MissingArgumentsPropertyTest {
  @Test
  void argumentsMoveUnderArgumentsAndConfigsStay() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: models/orders.sql
            select 1 as id, 'a' as status
            -- file: models/schema.yml
            version: 2
            models:
              - name: orders
                columns:
                  - name: status
                    data_tests:
                      - accepted_values:
                          values: ['a', 'b']  # the states
                          quote: true
                          config:
                            where: "1=1"
                      - relationships: {to: ref('orders'), field: id}
                data_tests:
                  - name: orders_positive
                    test_name: dbt_utils.expression_is_true
                    expression: "id > 0"
            """);
    assertEquals(
        List.of(
            "missing-arguments-property-in-generic-test-deprecation 8:15",
            "missing-arguments-property-in-generic-test-deprecation 12:29",
            "missing-arguments-property-in-generic-test-deprecation 16:9"),
        f.found("models/schema.yml"));
    assertEquals(
        """
        version: 2
        models:
          - name: orders
            columns:
              - name: status
                data_tests:
                  - accepted_values:
                      arguments:
                        values: ['a', 'b']  # the states
                        quote: true
                      config:
                        where: "1=1"
                  - relationships: {arguments: {to: ref('orders'), field: id}}
            data_tests:
              - name: orders_positive
                test_name: dbt_utils.expression_is_true
                arguments:
                  expression: "id > 0"
        """,
        f.fixed("models/schema.yml"));
  }

  @Test
  void testsWithArgumentsOrNoneAreFine() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: models/orders.sql
            select 1 as id
            -- file: models/schema.yml
            version: 2
            models:
              - name: orders
                columns:
                  - name: id
                    data_tests:
                      - unique
                      - not_null:
                          config:
                            severity: warn
                      - accepted_values:
                          arguments:
                            values: [1, 2]
                          config:
                            where: "id > 0"
            """);
    assertEquals(List.of(), f.found("models/schema.yml"));
  }
}
