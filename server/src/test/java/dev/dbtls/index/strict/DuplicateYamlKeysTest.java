package dev.dbtls.index.strict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A key written twice in one mapping: dbt keeps the last; the fix removes the earlier one. */
class DuplicateYamlKeysTest {
  @Test
  void theEarlierKeyIsRemoved() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: models/a.sql
            select 1 as id
            -- file: models/schema.yml
            version: 2
            models:
              - name: a
                description: old
                columns:
                  - name: id
                # the one dbt reads
                description: new
            """);
    assertEquals(List.of("duplicate-yaml-keys-deprecation 8:5"), f.found("models/schema.yml"));
    assertEquals(
        """
        version: 2
        models:
          - name: a
            columns:
              - name: id
            # the one dbt reads
            description: new
        """,
        f.fixed("models/schema.yml"));
  }

  @Test
  void nestedBlockValuesGoWithTheirKey() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: dbt_project.yml
            name: shop
            profile: shop
            models:
              shop:
                +materialized: view
            vars:
              a: 1
            models:
              shop:
                +materialized: table
            """);
    assertEquals(List.of("duplicate-yaml-keys-deprecation 8:1"), f.found("dbt_project.yml"));
    assertEquals(
        """
        name: shop
        profile: shop
        vars:
          a: 1
        models:
          shop:
            +materialized: table
        """,
        f.fixed("dbt_project.yml"));
  }

  @Test
  void sameKeysInDifferentMappingsAndMergeKeysAreFine() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: models/a.sql
            select 1 as id
            -- file: models/b.sql
            select 1 as id
            -- file: models/schema.yml
            version: 2
            models:
              - name: a
                description: x
              - name: b
                description: x
                config: &c
                  tags: [a]
                meta:
                  <<: *c
                  tags: [b]
            """);
    assertEquals(
        List.of(),
        f.found("models/schema.yml").stream().filter(d -> d.startsWith("duplicate")).toList());
  }
}
