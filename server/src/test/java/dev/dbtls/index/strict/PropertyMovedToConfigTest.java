package dev.dbtls.index.strict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configs at the top of a property-YAML entry, moved under {@code config:} as dbt-autofix does. */
class PropertyMovedToConfigTest {
  private static final String MODELS =
      """
      -- file: models/orders.sql
      select 1 as id
      -- file: models/customers.sql
      select 1 as id
      """;

  @Test
  void metaTagsAndDocsMoveUnderANewConfig() {
    StrictFixture f =
        StrictFixture.of(
            MODELS
                + """
            -- file: models/schema.yml
            version: 2
            models:
              - name: orders
                description: "Orders"  # keep me
                meta:
                  owner: finance
                tags: [daily]
                columns:
                  - name: id
                    meta: {pii: false}
            """);
    assertEquals(
        List.of(
            "property-moved-to-config-deprecation 5:5",
            "property-moved-to-config-deprecation 7:5",
            "property-moved-to-config-deprecation 10:9"),
        f.found("models/schema.yml"));
    assertEquals(
        List.of(
            "Move `meta`, `tags` under `config:`",
            "Move `meta`, `tags` under `config:`",
            "Move `meta` under `config:`"),
        f.titles("models/schema.yml"));
    assertEquals(
        """
        version: 2
        models:
          - name: orders
            description: "Orders"  # keep me
            config:
              meta:
                owner: finance
              tags: [daily]
            columns:
              - name: id
                config:
                  meta: {pii: false}
        """,
        f.fixed("models/schema.yml"));
  }

  @Test
  void anExistingConfigGetsTheKeysAtItsEnd() {
    StrictFixture f =
        StrictFixture.of(
            MODELS
                + """
            -- file: models/schema.yml
            version: 2
            models:
              - name: orders
                config:
                  materialized: table   # why
                    # a comment
                description: x
                docs:
                  show: false
                access: public
              - name: customers
                access: private
                config:
                  access: protected
            """);
    assertEquals(
        List.of(
            "property-moved-to-config-deprecation 8:5",
            "property-moved-to-config-deprecation 10:5",
            "property-moved-to-config-deprecation 12:5"),
        f.found("models/schema.yml"));
    assertEquals(
        """
        version: 2
        models:
          - name: orders
            config:
              materialized: table   # why
              docs:
                show: false
              access: public
                # a comment
            description: x
          - name: customers
            config:
              access: protected
        """,
        f.fixed("models/schema.yml"));
  }

  @Test
  void keysDbtIgnoresAtTheTopOrMergesHaveNoFix() {
    StrictFixture f =
        StrictFixture.of(
            MODELS
                + """
            -- file: models/schema.yml
            version: 2
            models:
              - name: orders
                materialized: table
                tags: [a]
                config:
                  tags: [b]
            """);
    assertEquals(
        List.of(
            "property-moved-to-config-deprecation 4:5", "property-moved-to-config-deprecation 5:5"),
        f.found("models/schema.yml"));
    assertEquals(Arrays.asList(null, null), f.titles("models/schema.yml"));
  }

  @Test
  void sourceFreshnessAndTestConfigsMove() {
    StrictFixture f =
        StrictFixture.of(
            MODELS
                + """
            -- file: models/sources.yml
            version: 2
            sources:
              - name: raw
                freshness:
                  warn_after: {count: 12, period: hour}
                loaded_at_field: _loaded_at
                tables:
                  - name: orders
                    columns:
                      - name: id
                        data_tests:
                          - not_null:
                              severity: warn
            """);
    assertEquals(
        List.of(
            "property-moved-to-config-deprecation 4:5",
            "property-moved-to-config-deprecation 6:5",
            "property-moved-to-config-deprecation 13:19"),
        f.found("models/sources.yml"));
    assertEquals(
        """
        version: 2
        sources:
          - name: raw
            config:
              freshness:
                warn_after: {count: 12, period: hour}
              loaded_at_field: _loaded_at
            tables:
              - name: orders
                columns:
                  - name: id
                    data_tests:
                      - not_null:
                          config:
                            severity: warn
        """,
        f.fixed("models/sources.yml"));
  }

  @Test
  void entriesWithEverythingUnderConfigAreFine() {
    StrictFixture f =
        StrictFixture.of(
            MODELS
                + """
            -- file: models/schema.yml
            version: 2
            models:
              - name: orders
                description: x
                config:
                  meta: {owner: a}
                  tags: [daily]
                columns:
                  - name: id
                    description: key
                    data_tests:
                      - unique
                      - not_null:
                          config:
                            severity: warn
            """);
    assertEquals(List.of(), f.found("models/schema.yml"));
  }
}
