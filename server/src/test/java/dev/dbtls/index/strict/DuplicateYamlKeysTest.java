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

  @Test
  void keysTheTreeTypesOrMergesAreStillComparedAsWritten() {
    // the file's tree tells the rule whether to read it again (keysMayRepeat): a key typed as a
    // number beside the same text as a string, a second merge key and a key repeated after a
    // merge still count, each alone
    assertEquals(
        List.of("duplicate-yaml-keys-deprecation 7:7"), duplicates("!!str 0x1A: a\n      0x1A: b"));
    assertEquals(
        List.of("duplicate-yaml-keys-deprecation 8:7"),
        duplicates("tags: [a]\n      <<: *m\n      <<: *m"));
    assertEquals(
        List.of("duplicate-yaml-keys-deprecation 8:7"),
        duplicates("show: x\n      <<: *m\n      show: y"));
    // a mapping that starts with a merge key is not checked, as dbt does not
    assertEquals(List.of(), duplicates("<<: *m\n      show: x\n      show: y"));
  }

  /** The duplicate-key findings of a model's {@code docs} mapping holding {@code entries}. */
  private static List<String> duplicates(String entries) {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: models/a.sql
            select 1 as id
            -- file: models/schema.yml
            version: 2
            models:
              - name: a
                meta: &m {show: z}
                docs:
                  %s
            """
                .formatted(entries));
    return f.found("models/schema.yml").stream().filter(d -> d.startsWith("duplicate")).toList();
  }

  @Test
  void aFileWhoseKeysAreAllWrittenDifferentlyIsNotReadAgain() {
    assertEquals(
        false,
        dev.dbtls.project.yaml.YamlDocument.parse(
                "s.yml", "version: 2\nmodels:\n  - name: a\n    columns:\n      - name: id\n")
            .keysMayRepeat());
    assertEquals(
        true,
        dev.dbtls.project.yaml.YamlDocument.parse("s.yml", "a: 1\nb:\n  yes: 1\n").keysMayRepeat());
  }
}
