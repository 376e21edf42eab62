package dev.dbtls.index.strict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The four deprecations dbt derives from its JSON schemas: one positive and one negative case each,
 * and the fixes as dbt-autofix makes them.
 */
class SchemaDeprecationsTest {
  private static final String MODELS =
      """
      -- file: models/orders.sql
      select 1 as id
      """;

  /** A target on an adapter whose configs dbt's JSON schema describes. */
  private static final String SNOWFLAKE =
      """
      -- file: profiles.yml
      shop:
        target: dev
        outputs:
          dev:
            type: snowflake
            account: acme
            database: analytics
            schema: dev
      """;

  @Test
  void customTopLevelKeyIsRemovedFromAPropertyFile() {
    StrictFixture f =
        StrictFixture.of(
            MODELS
                + """
            -- file: models/schema.yml
            version: 2
            owner:
              team: finance
            models:
              - name: orders
            """);
    assertEquals(List.of("custom-top-level-key-deprecation 2:1"), f.found("models/schema.yml"));
    assertEquals(List.of("Remove the custom top-level key `owner`"), f.titles("models/schema.yml"));
    assertEquals(
        """
        version: 2
        models:
          - name: orders
        """,
        f.fixed("models/schema.yml"));
  }

  @Test
  void knownTopLevelKeysAreNotCustom() {
    StrictFixture f =
        StrictFixture.of(
            MODELS
                + """
            -- file: models/schema.yml
            version: 2
            models:
              - name: orders
            sources:
              - name: raw
                tables:
                  - name: orders
            """);
    assertEquals(List.of(), f.found("models/schema.yml"));
  }

  @Test
  void customKeyInConfigMovesUnderMeta() {
    StrictFixture f =
        StrictFixture.of(
            MODELS
                + SNOWFLAKE
                + """
            -- file: models/schema.yml
            version: 2
            models:
              - name: orders
                config:
                  materialized: table   # why
                  owner: finance
                  meta:
                    tier: 1
            """);
    assertEquals(List.of("custom-key-in-config-deprecation 6:7"), f.found("models/schema.yml"));
    assertEquals(List.of("Move `owner` under `meta`"), f.titles("models/schema.yml"));
    assertEquals(
        """
        version: 2
        models:
          - name: orders
            config:
              materialized: table   # why
              meta:
                tier: 1
                owner: finance
        """,
        f.fixed("models/schema.yml"));
  }

  @Test
  void customPlusKeyInTheProjectMovesUnderPlusMeta() {
    StrictFixture f =
        StrictFixture.of(
            MODELS
                + SNOWFLAKE
                + """
            -- file: dbt_project.yml
            name: shop
            version: '1.0'
            profile: shop
            models:
              shop:
                +materialized: view
                +owner: finance
                marts:
                  +materialized: table
            """);
    assertEquals(List.of("custom-key-in-config-deprecation 7:5"), f.found("dbt_project.yml"));
    assertEquals(
        """
        name: shop
        version: '1.0'
        profile: shop
        models:
          shop:
            +materialized: view
            +meta:
              owner: finance
            marts:
              +materialized: table
        """,
        f.fixed("dbt_project.yml"));
  }

  @Test
  void aCustomConfigKeyATemplateReadsWithConfigGetHasNoFix() {
    // dbt's config.get does not look in meta: moved there, the macro would get its default
    StrictFixture f =
        StrictFixture.of(
            MODELS
                + SNOWFLAKE
                + """
            -- file: macros/owner.sql
            {% macro owner() %}{{ return(config.get('owner', 'nobody')) }}{% endmacro %}
            -- file: models/schema.yml
            version: 2
            models:
              - name: orders
                config:
                  owner: finance
            """);
    assertEquals(List.of("custom-key-in-config-deprecation 5:7"), f.found("models/schema.yml"));
    assertEquals(Arrays.asList((String) null), f.titles("models/schema.yml"));
    assertTrue(
        f.problems("models/schema.yml")
            .get(0)
            .message()
            .endsWith(
                "`shop/macros/owner.sql` reads it with config.get, which does not look in meta:"
                    + " read it with config.meta_get there when it moves."),
        f.problems("models/schema.yml").get(0).message());
  }

  @Test
  void onAnAdapterTheSchemaDoesNotDescribeACustomConfigKeyHasNoFix() {
    StrictFixture f =
        StrictFixture.of(
            MODELS
                + """
            -- file: dbt_project.yml
            name: shop
            profile: shop
            models:
              shop:
                +unlogged: true
            """);
    assertEquals(List.of("custom-key-in-config-deprecation 5:5"), f.found("dbt_project.yml"));
    assertEquals(Arrays.asList((String) null), f.titles("dbt_project.yml"));
    assertTrue(
        f.problems("dbt_project.yml")
            .get(0)
            .message()
            .endsWith(
                "dbt's JSON schema does not describe duckdb's own configs: if it is one of them, leave"
                    + " it."));
  }

  @Test
  void configsAndFoldersAreNotCustomKeys() {
    StrictFixture f =
        StrictFixture.of(
            MODELS
                + """
            -- file: dbt_project.yml
            name: shop
            version: '1.0'
            profile: shop
            models:
              shop:
                +materialized: view
                +enabled: "{{ target.name != 'ci' }}"
                +meta: {owner: finance}
                marts:
                  +materialized: table
            -- file: models/schema.yml
            version: 2
            models:
              - name: orders
                config:
                  materialized: table
                  meta: {owner: finance}
                  on_error: continue
            """);
    assertEquals(List.of(), f.found("dbt_project.yml"));
    assertEquals(List.of(), f.found("models/schema.yml"));
  }

  @Test
  void customKeyInObjectMovesUnderConfigMeta() {
    StrictFixture f =
        StrictFixture.of(
            MODELS
                + """
            -- file: models/schema.yml
            version: 2
            models:
              - name: orders
                owner: finance
                columns:
                  - name: id
                    pii: false
                    description: x
                config:
                  materialized: table
            """);
    assertEquals(
        List.of("custom-key-in-object-deprecation 4:5", "custom-key-in-object-deprecation 7:9"),
        f.found("models/schema.yml"));
    assertEquals(
        List.of("Move `owner` under `config.meta`", "Move `pii` under `config.meta`"),
        f.titles("models/schema.yml"));
    assertEquals(
        """
        version: 2
        models:
          - name: orders
            columns:
              - name: id
                config:
                  meta:
                    pii: false
                description: x
            config:
              materialized: table
              meta:
                owner: finance
        """,
        f.fixed("models/schema.yml"));
  }

  @Test
  void keysEntriesHaveAreNotCustom() {
    StrictFixture f =
        StrictFixture.of(
            MODELS
                + """
            -- file: models/schema.yml
            version: 2
            models:
              - name: orders
                description: x
                latest_version: 1
                versions:
                  - v: 1
                columns:
                  - name: id
                    data_type: int
                    data_tests:
                      - unique
                      - accepted_values:
                          arguments:
                            values: [1, 2]
            """);
    assertEquals(List.of(), f.found("models/schema.yml"));
  }

  @Test
  void wrongValuesAreGenericSchemaDeprecationsWithoutFix() {
    StrictFixture f =
        StrictFixture.of(
            MODELS
                + """
            -- file: models/schema.yml
            version: 2
            models:
              - name: orders
                config:
                  materialized: tabel
                  enabled: maybe
              - description: no name
            """);
    assertEquals(
        List.of(
            "generic-json-schema-validation-deprecation 5:21",
            "generic-json-schema-validation-deprecation 6:16",
            "generic-json-schema-validation-deprecation 7:5"),
        f.found("models/schema.yml"));
    assertEquals(Arrays.asList(null, null, null), f.titles("models/schema.yml"));
    assertEquals(
        "GenericJSONSchemaValidationDeprecation: Expected boolean or null, found string 'maybe'"
            + " at models[0].config.enabled in file `models/schema.yml`: dbt's JSON schema refuses"
            + " it, and so will dbt v2.",
        f.problems("models/schema.yml").get(1).message());
  }

  @Test
  void jinjaValuesAreNotJudged() {
    StrictFixture f =
        StrictFixture.of(
            MODELS
                + """
            -- file: models/schema.yml
            version: 2
            models:
              - name: orders
                config:
                  enabled: "{{ var('orders_enabled', true) }}"
                  materialized: "{{ 'table' if target.name == 'prod' else 'view' }}"
            """);
    assertEquals(List.of(), f.found("models/schema.yml"));
  }
}
