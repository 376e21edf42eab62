package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Completion in property YAML as typed, each case a mini project with a {@code $0} cursor. */
class YamlCompletionTest {

  static final String CATALOG =
      """
      {"metadata": {"dbt_version": "1.10.0"},
       "nodes": {
        "model.shop.orders": {"metadata": {"type": "BASE TABLE", "name": "orders"},
          "columns": {
            "order_id": {"type": "INTEGER", "index": 1, "name": "order_id", "comment": null},
            "customer_id": {"type": "INTEGER", "index": 2, "name": "customer_id", "comment": null},
            "amount": {"type": "DECIMAL(18,2)", "index": 3, "name": "amount", "comment": "euros"},
            "status": {"type": "VARCHAR", "index": 4, "name": "status", "comment": null}},
          "unique_id": "model.shop.orders"},
        "model.shop.stg_customers": {"metadata": {"type": "VIEW"},
          "columns": {"CUSTOMER_ID": {"type": "BIGINT", "index": 1, "name": "CUSTOMER_ID"}},
          "unique_id": "model.shop.stg_customers"}},
       "sources": {
        "source.shop.raw.orders": {"metadata": {"type": "BASE TABLE"},
          "columns": {"id": {"type": "BIGINT", "index": 1, "name": "id", "comment": null},
                      "status": {"type": "TEXT", "index": 2, "name": "status", "comment": null}},
          "unique_id": "source.shop.raw.orders"}},
       "errors": null}
      """;

  static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      -- file: models/staging/stg_orders.sql
      select id as order_id, customer_id, amount, status from {{ source('raw', 'orders') }}
      -- file: models/staging/stg_customers.sql
      select 1 as customer_id
      -- file: models/customers.sql
      select * from {{ ref('stg_customers') }}
      -- file: models/orders.sql
      select * from {{ ref('stg_orders') }}
      -- file: models/marts/revenue.sql
      select 1 as day
      -- file: models/staging/_staging.yml
      version: 2
      models:
        - name: stg_orders
          description: One row per order.
          columns:
            - name: order_id
              description: The order key.
            - name: status
        - name: stg_customers
      sources:
        - name: raw
          tables:
            - name: orders
      -- file: seeds/country_codes.csv
      code,"country name"
      NL,Netherlands
      -- file: snapshots/orders_snapshot.sql
      {% snapshot orders_snapshot %}
      {{ config(unique_key='id', strategy='check', check_cols='all') }}
      select * from {{ source('raw', 'orders') }}
      {% endsnapshot %}
      -- file: macros/tests.sql
      {% test is_positive(model, column_name, allow_zero=false) %}select 1{% endtest %}
      {% materialization my_mat, default %}{% endmaterialization %}
      -- file: dbt_packages/utils/dbt_project.yml
      name: utils
      -- file: dbt_packages/utils/macros/t.sql
      {% test expression_is_true(model, expression, column_name=None) %}select 1{% endtest %}
      """;

  private static List<CompletionItem> complete(String files) {
    return complete(files, true);
  }

  private static List<CompletionItem> complete(String files, boolean withCatalog) {
    Fixture f =
        Fixture.of(
            PROJECT + files + (withCatalog ? "-- file: target/catalog.json\n" + CATALOG : ""));
    ProjectSnapshot s = snapshot(f);
    ProjectCatalog.load(s, f);
    String path = Fixture.ROOT.relativize(f.cursorFile()).toString();
    String text = f.text(path);
    int offset = f.cursorOffset();
    List<CompletionItem> items = Completion.find(s, path, text, offset);
    for (CompletionItem i : items) {
      assertTrue(i.replaceStart() <= offset && i.replaceEnd() == offset, i.toString());
    }
    return items;
  }

  private static ProjectSnapshot snapshot(Fixture f) {
    return ProjectSnapshot.load(
        Fixture.ROOT,
        new ProjectInputs.Options(null, null, null, Map.of(), Map.of("HOME", "/x")),
        List.of(),
        f,
        false);
  }

  private static List<String> labels(List<CompletionItem> items) {
    return items.stream().map(CompletionItem::label).toList();
  }

  private static CompletionItem item(List<CompletionItem> items, String label) {
    return items.stream()
        .filter(i -> i.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError(label + " not in " + labels(items)));
  }

  // ---------------------------------------------------------------- names of models, seeds, ...

  @Test
  void modelNamesPreferThoseNotYetDescribed() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: $0
        """);
    assertEquals(
        List.of("customers", "orders", "revenue", "stg_customers", "stg_orders"), labels(items));
    assertEquals("models/customers.sql", items.get(0).detail());
    assertEquals(CompletionKind.MODEL, items.get(0).kind());
    assertEquals(
        "models/staging/stg_orders.sql · described in models/staging/_staging.yml",
        item(items, "stg_orders").detail());
    assertEquals("One row per order.", item(items, "stg_orders").documentation());
  }

  @Test
  void modelNamesHalfTypedAndNotListedTwice() {
    Fixture f = Fixture.of(PROJECT + "-- file: models/new.yml\nmodels:\n  - name: cus$0\n");
    List<CompletionItem> items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: cus$0
        """);
    assertEquals(List.of("customers", "stg_customers"), labels(items));
    int at = f.cursorOffset();
    assertEquals(at - 3, items.get(0).replaceStart());
    assertEquals("customers", items.get(0).insertText());

    items =
        complete(
            """
        -- file: models/new.yml
        version: 2
        models:
        - name: customers
          description: x
        - name: $0
        - name: revenue
        """);
    assertEquals(List.of("orders", "stg_customers", "stg_orders"), labels(items));

    // quoted, in the file that describes them already
    items =
        complete(
            """
        -- file: models/staging/_staging.yml
        models:
          - name: stg_orders
          - name: "st$0
        """);
    assertEquals(List.of("stg_customers", "customers"), labels(items)); // prefix, subsequence
  }

  @Test
  void seedSnapshotAndMacroNames() {
    List<CompletionItem> items =
        complete(
            """
        -- file: seeds/seeds.yml
        seeds:
          - name: $0
        """);
    assertEquals(List.of("country_codes"), labels(items));
    assertEquals(CompletionKind.SEED, items.get(0).kind());
    assertEquals("seeds/country_codes.csv", items.get(0).detail());

    items =
        complete(
            """
        -- file: snapshots/s.yml
        snapshots:
          - name: $0
        """);
    assertEquals(List.of("orders_snapshot"), labels(items));

    items =
        complete(
            """
        -- file: macros/m.yml
        macros:
          - name: $0
        """);
    assertEquals(List.of("test_is_positive"), labels(items));
  }

  // ---------------------------------------------------------------- columns

  @Test
  void columnsFromTheCatalogMinusThoseListed() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            columns:
              - name: order_id
              - name: $0
              - name: status
        """);
    assertEquals(List.of("amount", "customer_id"), labels(items));
    assertEquals(CompletionKind.COLUMN, items.get(0).kind());
    assertEquals("DECIMAL(18,2) · orders", items.get(0).detail());
    assertEquals("euros", items.get(0).documentation());
  }

  @Test
  void columnsWithoutCatalogComeFromYamlOfParents() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            columns:
              - name: $0
        """,
            false);
    assertEquals(List.of("order_id", "status"), labels(items));
    assertEquals("column · from stg_orders", items.get(0).detail());
    assertEquals("The order key.", items.get(0).documentation());
  }

  @Test
  void columnsSelectedByTheModelsSql() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/more.yml
        models:
          - name: stg_orders
            columns:
              - name: status
              - name: $0
        """,
            false);
    assertEquals(List.of("amount", "customer_id", "order_id"), labels(items));
    assertEquals("column · select of stg_orders", items.get(0).detail());
  }

  @Test
  void columnsOfSourcesAndParentsInTheCatalog() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/src.yml
        sources:
          - name: raw
            tables:
              - name: orders
                columns:
                  - name: st$0
        """);
    assertEquals(List.of("status"), labels(items));
    assertEquals("TEXT · orders", items.get(0).detail());

    // customers: no catalog entry of its own; its parent's, in the warehouse's spelling
    items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: customers
            columns:
              - name: $0
        """);
    assertEquals(List.of("CUSTOMER_ID"), labels(items));
    assertEquals("BIGINT · from stg_customers", items.get(0).detail());
  }

  @Test
  void columnsOfAModelVersion() {
    String files =
        """
        -- file: models/dim_v1.sql
        select * from {{ ref('stg_orders') }}
        -- file: models/dim_v2.sql
        select * from {{ ref('customers') }}
        -- file: models/dim.yml
        models:
          - name: dim
            latest_version: 2
            versions:
              - v: 1
                columns:
                  - include: all
                    exclude: [status]
                  - name: $0
              - v: 2
        """;
    List<CompletionItem> items = complete(files);
    assertEquals(List.of("order_id", "status"), labels(items));
    assertEquals("column · from stg_orders", items.get(0).detail());

    items = complete(files.replace("- name: $0", "- $0"));
    assertTrue(labels(items).containsAll(List.of("name", "include", "exclude")));
  }

  @Test
  void dataTypeFromTheCatalog() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            columns:
              - name: amount
                data_type: $0
        """);
    assertEquals(List.of("decimal(18,2)"), labels(items));
  }

  // ---------------------------------------------------------------- data tests

  @Test
  void testNamesWithArgumentSnippets() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            columns:
              - name: order_id
                data_tests:
                  - $0
        """);
    assertEquals(
        List.of(
            "accepted_values",
            "not_null",
            "relationships",
            "unique",
            "is_positive",
            "utils.expression_is_true"),
        labels(items));
    CompletionItem av = item(items, "accepted_values");
    assertEquals("accepted_values:\n    values: [$1]", av.insertText());
    assertTrue(av.snippet());
    assertEquals(
        "relationships:\n    to: ref('$1')\n    field: $2",
        item(items, "relationships").insertText());
    assertEquals("not_null", item(items, "not_null").insertText());
    assertFalse(item(items, "not_null").snippet());
    assertEquals(
        "generic test utils.expression_is_true(expression)",
        item(items, "utils.expression_is_true").detail());
  }

  @Test
  void testNamesFollowTheArgumentsFormOfTheFile() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            data_tests:
              - utils.expression_is_true:
                  arguments:
                    expression: "amount > 0"
              - acc$0
        """);
    assertEquals("accepted_values", items.get(0).label());
    assertEquals("accepted_values:\n    arguments:\n      values: [$1]", items.get(0).insertText());
  }

  @Test
  void testNamesInAFlowListAndWithTextAfterTheCursor() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            columns:
              - name: order_id
                tests: [unique, no$0]
        """);
    assertEquals("not_null", items.get(0).label());
    assertEquals("not_null", items.get(0).insertText());
    assertFalse(labels(items).contains("unique")); // no match for `no`

    items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            columns:
              - name: order_id
                tests:
                  - accepted$0: {values: [1]}
        """);
    assertEquals("accepted_values", items.get(0).insertText());
  }

  @Test
  void testArguments() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            columns:
              - name: status
                data_tests:
                  - accepted_values:
                      values: [a, b]
                      $0
        """);
    assertEquals(List.of("quote", "arguments", "config"), labels(items));
    assertEquals("quote: ", items.get(0).insertText());

    items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            columns:
              - name: customer_id
                data_tests:
                  - relationships:
                      arguments:
                        $0
        """);
    assertEquals(List.of("field", "to"), labels(items));

    items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            columns:
              - name: amount
                data_tests:
                  - is_positive:
                      al$0
        """);
    assertEquals(List.of("allow_zero"), labels(items));
  }

  @Test
  void refInsideTestArguments() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            columns:
              - name: customer_id
                data_tests:
                  - relationships:
                      to: ref('cust$0')
                      field: id
        """);
    assertEquals(List.of("customers", "stg_customers"), labels(items));
    assertEquals(CompletionKind.MODEL, items.get(0).kind());
    assertEquals(items.get(0).replaceEnd() - 4, items.get(0).replaceStart()); // `cust`

    items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            data_tests:
              - dbt_utils.relationships_where:
                  to: source('raw', '$0
        """);
    assertEquals(List.of("orders"), labels(items));
    assertEquals(CompletionKind.SOURCE_TABLE, items.get(0).kind());
  }

  // ---------------------------------------------------------------- config

  @Test
  void configKeysOfTheResourceType() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            config:
              mat$0
        """);
    assertEquals("materialized", items.get(0).label());
    assertEquals("materialized: ", items.get(0).insertText());
    assertEquals(items.get(0).replaceEnd() - 3, items.get(0).replaceStart());
    assertEquals(CompletionKind.CONFIG_KEY, items.get(0).kind());
    assertNotNull(items.get(0).documentation());

    items =
        complete(
            """
        -- file: seeds/seeds.yml
        seeds:
          - name: country_codes
            config:
              $0
              enabled: true
        """);
    assertTrue(labels(items).containsAll(List.of("quote_columns", "column_types", "delimiter")));
    assertFalse(labels(items).contains("materialized"));
    assertFalse(labels(items).contains("enabled"));
    assertEquals("meta:", item(items, "meta").insertText());

    items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            columns:
              - name: status
                data_tests:
                  - not_null:
                      config:
                        sev$0
        """);
    assertEquals(List.of("severity"), labels(items));
  }

  @Test
  void configValues() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            config:
              materialized: $0
        """);
    assertEquals(
        List.of(
            "ephemeral", "incremental", "materialized_view", "my_mat", "snapshot", "table", "view"),
        labels(items));
    assertEquals(CompletionKind.CONFIG_VALUE, items.get(0).kind());

    items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            config:
              on_schema_change: "sy$0"
        """);
    assertEquals(List.of("sync_all_columns"), labels(items));
    // inside the quotes: only what is typed after the opening quote is replaced
    assertEquals(items.get(0).replaceEnd() - 2, items.get(0).replaceStart());
    assertEquals(
        List.of("false", "true"),
        labels(
            complete(
                """
        -- file: models/new.yml
        models:
          - name: orders
            config:
              enabled: $0
        """)));
  }

  @Test
  void projectFileConfigKeysAndValues() {
    List<CompletionItem> items =
        complete(
            """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        models:
          shop:
            +mat$0
        """);
    assertEquals("+materialized", items.get(0).label());
    assertEquals("+materialized: ", items.get(0).insertText());
    items =
        complete(
            """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        models:
          shop:
            +materialized: ta$0
        """);
    assertEquals("table", items.get(0).label());
  }

  // ---------------------------------------------------------------- keys

  @Test
  void keysByPlace() {
    List<CompletionItem> items = complete("-- file: models/new.yml\n$0\n");
    assertEquals(
        YamlVocabulary.TOP.stream().sorted().toList(), labels(items).stream().sorted().toList());
    items = complete("-- file: models/new.yml\nversion: 2\nmod$0\n");
    assertEquals("models", items.get(0).label());
    assertEquals("models:", items.get(0).insertText());
    assertFalse(labels(complete("-- file: models/new.yml\nversion: 2\nv$0\n")).contains("version"));

    items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            $0
        """);
    assertEquals("description", items.get(0).label());
    assertFalse(labels(items).contains("name"));
    assertTrue(labels(items).containsAll(List.of("columns", "data_tests", "config", "versions")));

    items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            columns:
              - name: status
                $0
        """);
    assertEquals("description", items.get(0).label());
    assertTrue(labels(items).containsAll(List.of("data_type", "data_tests", "constraints")));
    assertFalse(labels(items).contains("columns"));

    items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            columns:
              - $0
        """);
    assertEquals("name", items.get(0).label());
    assertEquals("name: ", items.get(0).insertText());

    items =
        complete(
            """
        -- file: models/src.yml
        sources:
          - name: raw
            tables:
              - name: orders
                ident$0
        """);
    assertEquals(List.of("identifier"), labels(items));
  }

  @Test
  void configOfATestGivenByTestNameAndNothingInOtherYamlFiles() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/new.yml
        models:
          - name: orders
            data_tests:
              - name: orders_have_amounts
                test_name: utils.expression_is_true
                config:
                  whe$0
        """);
    assertEquals(List.of("where"), labels(items));
    assertTrue( // the schema's keys only (SchemaCompletionTest), no model or test names
        labels(complete("-- file: packages.yml\npackages:\n  - $0\n"))
            .containsAll(List.of("git", "local", "package", "private", "tarball")));
    assertEquals(List.of(), complete("-- file: profiles.yml\nshop:\n  $0\n"));
  }

  @Test
  void windowsLineEnds() {
    Fixture f = Fixture.of(PROJECT);
    ProjectSnapshot s = snapshot(f);
    String text =
        "models:\r\n  - name: orders\r\n    columns:\r\n      - name: x\r\n"
            + "        data_tests:\r\n          - \r\n";
    int at = text.indexOf("- \r\n") + 2;
    List<CompletionItem> items = Completion.find(s, "models/new.yml", text, at);
    assertEquals("accepted_values", items.get(0).label());
    assertEquals(Map.of("models", java.util.Set.of("orders")), DescribedNames.names(text));
  }

  @Test
  void nothingInBlockScalarsCommentsAndUnknownPlaces() {
    for (String body :
        List.of(
            "models:\n  - name: orders\n    description: |\n      some te$0\n",
            "models:\n  - name: orders\n    description: >-\n      line\n\n      more$0\n",
            "models:\n  - name: orders # a comm$0\n",
            "# models$0\n",
            "models:\n  - name: orders\n    description: \"done\" $0\n",
            "models:\n  - name: orders\n    columns:\n      - name: status\n        tags: [a, $0]\n")) {
      assertEquals(List.of(), complete("-- file: models/new.yml\n" + body), body);
    }
  }

  @Test
  void neverThrowsOnHalfTypedYaml() {
    String text =
        """
        version: 2
        models:
          - name: orders
            config: {materialized: table
            columns:
              - name: "status
                data_tests:
                  - accepted_values:
                      arguments:
                  -
              -name x
            - : y
        sources:
        - name: raw
          tables:
          - name: orders
            columns: [ {name: id}
              description: |
                 - name: inside
            ref('x', source('
        ---
          weird:
        \t- tab
        """;
    Fixture f = Fixture.of(PROJECT);
    ProjectSnapshot s = snapshot(f);
    for (int i = 0; i <= text.length(); i++) {
      assertNotNull(Completion.find(s, "models/x.yml", text, i));
      assertNotNull(Completion.find(s, "models/x.yml", text.substring(0, i), i));
      assertNotNull(Completion.find(s, "dbt_project.yml", text, i));
    }
  }
}
