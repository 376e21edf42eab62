package dev.dbtls.index.strict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names dbt v2 refuses and sources' {@code overrides}: reported, no fix. */
class ResourceDeprecationsTest {
  @Test
  void namesWithSpacesAndSharedNames() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: models/stg supplies.sql
            select 1 as id
            -- file: models/sales.sql
            select 1 as id
            -- file: seeds/sales.csv
            id
            1
            -- file: models/orders.sql
            select 1 as id
            """);
    assertEquals(List.of("resource-names-with-spaces 1:1"), f.found("models/stg supplies.sql"));
    assertEquals(
        List.of("duplicate-name-distinct-node-types-deprecation 1:1"), f.found("models/sales.sql"));
    assertEquals(
        List.of("duplicate-name-distinct-node-types-deprecation 1:1"), f.found("seeds/sales.csv"));
    assertTrue(f.problems("models/sales.sql").get(0).message().contains("seed.shop.sales"));
    assertEquals(Arrays.asList((String) null), f.titles("models/sales.sql"));
    assertEquals(List.of(), f.found("models/orders.sql"));
  }

  @Test
  void exposureNamesAndSourceOverrides() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: models/orders.sql
            select 1 as id
            -- file: models/exposures.yml
            version: 2
            exposures:
              - name: Weekly KPIs
                type: dashboard
                owner: {email: a@b.c}
                depends_on: [ref('orders')]
              - name: weekly_kpis
                label: Weekly KPIs
                type: dashboard
                owner: {email: a@b.c}
            sources:
              - name: stripe
                overrides: stripe_source
                tables:
                  - name: payments
              - name: raw
                tables:
                  - name: orders
            """);
    assertEquals(
        List.of("exposure-name 3:11", "source-override-deprecation 13:5"),
        f.found("models/exposures.yml"));
    assertEquals(Arrays.asList(null, null), f.titles("models/exposures.yml"));
  }

  @Test
  void cumulativeMetricParamsMoveUnderCumulativeTypeParams() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: models/metrics.yml
            version: 2
            metrics:
              - name: revenue_7d
                label: Revenue, 7 days
                type: cumulative
                type_params:
                  measure: revenue
                  window: 7 days
              - name: revenue_mtd
                label: Revenue, month to date
                type: cumulative
                type_params:
                  measure: revenue
                  cumulative_type_params:
                    grain_to_date: month
            """);
    assertEquals(
        List.of("mf-cumulative-type-params-deprecation 8:7"), f.found("models/metrics.yml"));
    assertEquals(
        """
        version: 2
        metrics:
          - name: revenue_7d
            label: Revenue, 7 days
            type: cumulative
            type_params:
              measure: revenue
              cumulative_type_params:
                window: 7 days
          - name: revenue_mtd
            label: Revenue, month to date
            type: cumulative
            type_params:
              measure: revenue
              cumulative_type_params:
                grain_to_date: month
        """,
        f.fixed("models/metrics.yml"));
  }
}
