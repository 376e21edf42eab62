package dev.dbtls.project.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.project.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

  /** Each violation as {@code line:startColumn-endColumn KIND [key] message}, 1-based. */
  static List<String> check(DbtSchema schema, String yaml) {
    List<String> out = new ArrayList<>();
    for (SchemaViolation v :
        SchemaValidator.validate(schema, YamlDocument.parse("x.yml", yaml).root())) {
      out.add(line(v));
    }
    return out;
  }

  static String line(SchemaViolation v) {
    return (v.span().startLine() + 1)
        + ":"
        + (v.span().startColumn() + 1)
        + "-"
        + (v.span().endColumn() + 1)
        + " "
        + v.kind()
        + (v.key() == null ? "" : " " + v.key())
        + " "
        + v.message();
  }

  private static final String MATERIALIZATIONS =
      "snapshot, seed, view, table, incremental, materialized_view, external, test, ephemeral,"
          + " unit, analysis, function, streaming_table, dynamic_table, inline";

  @Test
  void propertyFileViolationsAreSortedAsDbtSortsThem() {
    assertEquals(
        List.of(
            "2:1-10 CUSTOM_TOP_LEVEL_KEY weird_top unexpected top-level key 'weird_top'",
            "6:5-17 CUSTOM_KEY_IN_OBJECT custom_thing unexpected key 'custom_thing' in models[0]",
            "7:5-9 PROPERTY_MOVED_TO_CONFIG tags 'tags' is a config: it belongs under config: in"
                + " models[0]",
            "9:21-26 GENERIC 'tabel' is not one of "
                + MATERIALIZATIONS
                + " at models[0].config.materialized",
            "10:7-14 CUSTOM_KEY_IN_CONFIG my_conf custom key 'my_conf' in models[0].config",
            "14:9-13 PROPERTY_MOVED_TO_CONFIG meta 'meta' is a config: it belongs under config: in"
                + " models[0].columns[0]",
            "20:5-16 GENERIC missing required key 'name' at models[1]"),
        check(
            DbtSchema.PROPERTIES,
            """
            version: 2
            weird_top: 1
            models:
              - name: a
                description: x
                custom_thing: 1
                tags: [x]
                config:
                  materialized: tabel
                  my_conf: 2
                  enabled: "{{ true }}"
                columns:
                  - name: c
                    meta: {a: 1}
                    data_tests:
                      - unique
                      - accepted_values:
                          arguments:
                            values: [1]
              - description: no name
            """));
  }

  @Test
  void genericTestArgumentsOutsideArgumentsAreTheirOwnKind() {
    assertEquals(
        List.of(
            "7:15-17 MISSING_ARGUMENTS_PROPERTY to test argument 'to' not under arguments: in"
                + " models[0].columns[0].data_tests[0].relationships",
            "8:15-23 PROPERTY_MOVED_TO_CONFIG severity 'severity' is a config: it belongs under"
                + " config: in models[0].columns[0].data_tests[0].relationships"),
        check(
            DbtSchema.PROPERTIES,
            """
            models:
              - name: a
                columns:
                  - name: c
                    data_tests:
                      - relationships:
                          to: ref('b')
                          severity: warn
                          arguments:
                            field: id
                      - test_name: not_null
                      - unique
            """));
  }

  @Test
  void projectConfigTreesTellFoldersFromCustomAndUnprefixedConfigs() {
    assertEquals(
        List.of(
            "5:1-14 CUSTOM_TOP_LEVEL_KEY my_custom_top unexpected top-level key 'my_custom_top'",
            "8:20-25 GENERIC 'tabel' is not one of "
                + MATERIALIZATIONS
                + " at models.jaffle.+materialized",
            "10:5-15 CUSTOM_KEY_IN_CONFIG +my_custom custom config '+my_custom' in models.jaffle",
            "12:7-19 MISSING_PLUS_PREFIX materialized config 'materialized' without its '+' in"
                + " models.jaffle.staging",
            "14:16-17 GENERIC expected string or null, found number 5 at"
                + " models.jaffle.staging.+schema"),
        check(
            DbtSchema.PROJECT,
            """
            name: jaffle
            version: '1.0'
            config-version: 2
            profile: jaffle
            my_custom_top: 1
            models:
              jaffle:
                +materialized: tabel
                +enabled: "{{ var('x') }}"
                +my_custom: 3
                staging:
                  materialized: view
                  +tags: [a]
                  +schema: 5
            """));
  }

  @Test
  void jinjaValuesAreNotJudgedBeforeDbtRendersThem() {
    assertEquals(
        List.of(),
        check(
            DbtSchema.PROJECT,
            """
            name: p
            models:
              p:
                +enabled: "{{ target.name == 'prod' }}"
                +materialized: "{{ 'table' if target.name == 'prod' else 'view' }}"
                +persist_docs: "{{ var('docs') }}"
            """));
  }

  @Test
  void aValueNoBranchFitsGetsOneTypeError() {
    assertEquals(
        List.of(
            "3:20-21 GENERIC expected string or array or null, found number 5 at models[0].config.tags"),
        check(
            DbtSchema.PROPERTIES,
            """
            models:
              - name: a
                config: {tags: 5}
            """));
  }

  @Test
  void otherFiles() {
    assertEquals(
        List.of("3:5-12 CUSTOM_KEY_IN_OBJECT revison unexpected key 'revison' in packages[0]"),
        check(
            DbtSchema.PACKAGES,
            """
            packages:
              - git: https://example.com/x.git
                revison: main
              - package: dbt-labs/dbt_utils
                version: [">=1.0.0", "<2.0.0"]
            """));
    assertEquals(
        List.of(
            "2:5-9 GENERIC missing required key 'definition' at selectors[0]",
            "3:5-15 CUSTOM_KEY_IN_OBJECT descriptin unexpected key 'descriptin' in selectors[0]"),
        check(
            DbtSchema.SELECTORS,
            """
            selectors:
              - name: nightly
                descriptin: every night
            """));
  }

  @Test
  void profilesReportOnlyWrongValuesOfAdaptersTheSchemaKnows() {
    YamlDocument doc =
        YamlDocument.parse(
            "profiles.yml",
            """
            shop:
              target: dev
              outputs:
                dev:
                  type: postgres
                  dbname: shop
                  threads: [1]
                lite:
                  type: sqlite
                  threads: [1]
            """);
    List<String> out = new ArrayList<>();
    SchemaValidator.validateProfiles(doc.root()).forEach(v -> out.add(line(v)));
    assertEquals(
        List.of(
            "7:7-14 GENERIC expected string or integer or null, found a list at shop.outputs.dev.threads"),
        out);
  }

  @Test
  void anEmptyOrBrokenFileHasNoViolations() {
    assertEquals(List.of(), check(DbtSchema.PROPERTIES, ""));
    assertEquals(List.of(), check(DbtSchema.PROPERTIES, "models: [\n"));
    assertEquals(
        List.of("1:3-3 GENERIC expected object, found a list"),
        check(DbtSchema.PROPERTIES, "- a\n- b\n"));
  }
}
