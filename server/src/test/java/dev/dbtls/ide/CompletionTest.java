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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Completion contexts, each on a mini project with a {@code $0} cursor. */
class CompletionTest {

  /**
   * A shop project with staging models, a versioned model, a seed, a snapshot, sources, macros and
   * a package.
   */
  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      vars:
        start_date: '2020-01-01'
        limit_rows: 100
      -- file: models/staging/stg_orders.sql
      select 1 as order_id
      -- file: models/staging/stg_customers.sql
      select 1 as customer_id
      -- file: models/staging/schema.yml
      version: 2
      models:
        - name: stg_orders
          description: One row per order.
          columns:
            - name: order_id
              description: The order key.
              data_type: integer
            - name: customer_id
            - name: amount
        - name: stg_customers
          columns:
            - name: customer_id
            - name: first_name
        - name: dim_customers
          latest_version: 2
          versions:
            - v: 1
            - v: 2
      sources:
        - name: raw
          schema: raw_data
          description: The raw shop data.
          tables:
            - name: orders
              description: Orders as loaded.
              columns:
                - name: id
                - name: status
            - name: payments
        - name: crm
          tables:
            - name: contacts
      -- file: models/dim_customers_v1.sql
      select 1 as id
      -- file: models/dim_customers_v2.sql
      select 1 as id
      -- file: models/disabled_model.sql
      {{ config(enabled=false) }}
      select 1
      -- file: seeds/country_codes.csv
      code,name
      -- file: snapshots/orders_snapshot.sql
      {% snapshot orders_snapshot %}
      {{ config(target_schema='snapshots', unique_key='id', strategy='timestamp', updated_at='u') }}
      select * from {{ source('raw', 'orders') }}
      {% endsnapshot %}
      -- file: macros/cents.sql
      {% macro cents_to_dollars(column_name, scale=2) %}
        ({{ column_name }} / 100)::numeric(16, {{ scale }})
      {% endmacro %}
      -- file: macros/macros.yml
      macros:
        - name: cents_to_dollars
          description: Converts cents to dollars.
      -- file: macros/my_mat.sql
      {% materialization my_mat, default %}
      {% endmaterialization %}
      -- file: models/docs.md
      {% docs order_status %}
      Status of an order.
      {% enddocs %}
      -- file: dbt_packages/utils/dbt_project.yml
      name: utils
      -- file: dbt_packages/utils/macros/star.sql
      {% macro star(from, except=[]) %}*{% endmacro %}
      {% macro private_helper() %}x{% endmacro %}
      -- file: dbt_packages/utils/models/util_dates.sql
      select 1 as date_day
      """;

  private static List<CompletionItem> complete(String files) {
    Fixture f = Fixture.of(PROJECT + files);
    ProjectSnapshot s = snapshot(f);
    String path = Fixture.ROOT.relativize(f.cursorFile()).toString();
    return Analysis.strict(s).completion(new Analysis.Cursor(path, f.text(path), f.cursorOffset()));
  }

  /** As {@link #complete}, with the buffer ending right at the cursor (no final newline). */
  private static List<CompletionItem> completeAtEnd(String files) {
    Fixture f = Fixture.of(PROJECT + files);
    ProjectSnapshot s = snapshot(f);
    String path = Fixture.ROOT.relativize(f.cursorFile()).toString();
    String text = f.text(path).substring(0, f.cursorOffset());
    return Analysis.strict(s).completion(new Analysis.Cursor(path, text, f.cursorOffset()));
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

  private static List<String> labels(List<CompletionItem> items, CompletionKind kind) {
    return items.stream().filter(i -> i.kind() == kind).map(CompletionItem::label).toList();
  }

  private static CompletionItem item(List<CompletionItem> items, String label) {
    return items.stream()
        .filter(i -> i.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError(label + " not in " + labels(items)));
  }

  // ---------------------------------------------------------------- ref

  @Test
  void refOffersModelsSeedsSnapshotsAndPackages() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select * from {{ ref('$0') }}
        """);
    assertEquals(
        List.of("dim_customers", "stg_customers", "stg_orders"),
        labels(items, CompletionKind.MODEL).subList(0, 3));
    assertTrue(labels(items, CompletionKind.MODEL).contains("util_dates"));
    assertFalse(labels(items, CompletionKind.MODEL).contains("report")); // the file itself
    assertFalse(labels(items).contains("disabled_model"));
    assertEquals(List.of("country_codes"), labels(items, CompletionKind.SEED));
    assertEquals(List.of("orders_snapshot"), labels(items, CompletionKind.SNAPSHOT));
    assertEquals(List.of("shop", "utils"), labels(items, CompletionKind.PACKAGE));
    assertEquals(1, labels(items).stream().filter("dim_customers"::equals).count());

    CompletionItem orders = item(items, "stg_orders");
    assertTrue(orders.detail().startsWith("model "), orders.detail());
    assertTrue(orders.detail().contains("stg_orders"), orders.detail());
    assertEquals("One row per order.", orders.documentation());
    assertEquals("stg_orders", orders.insertText());
    assertFalse(orders.snippet());
    assertTrue(item(items, "dim_customers").detail().contains("versions 1, 2"));
    assertTrue(item(items, "util_dates").detail().contains("(utils)"));
  }

  @Test
  void refWhileTheProjectLoadsListsTheNamesItsFilesGive() {
    Fixture f =
        Fixture.of(
            PROJECT
                + """
        -- file: models/report.sql
        select * from {{ ref('$0') }}
        """);
    String path = "models/report.sql";
    ProjectInputs inputs =
        ProjectInputs.load(
            Fixture.ROOT,
            new ProjectInputs.Options(null, null, null, Map.of(), Map.of("HOME", "/x")),
            f);
    List<CompletionItem> early =
        RefCompletionFromFiles.find(inputs, path, f.text(path), f.cursorOffset()).orElseThrow();
    List<CompletionItem> loaded =
        Analysis.strict(snapshot(f))
            .completion(new Analysis.Cursor(path, f.text(path), f.cursorOffset()));
    // the same list, in the same order: the model disabled in its own config left out, the
    // versioned model's files (named dim_customers_v1, _v2) listed as the model the YAML versions
    assertEquals(labels(loaded), labels(early));
    assertEquals(List.of("orders_snapshot"), labels(early, CompletionKind.SNAPSHOT));
    assertEquals("model models/util_dates.sql (utils)", item(early, "util_dates").detail());
    assertEquals(loaded.get(0).replaceStart(), early.get(0).replaceStart());
    // the same when no property file's text is in memory (a load keeps none): the versions read
    // from each file once
    dev.dbtls.project.FileSource unreadYaml = yamlReadOnAsk(f);
    ProjectInputs unread =
        ProjectInputs.load(
            Fixture.ROOT,
            new ProjectInputs.Options(null, null, null, Map.of(), Map.of("HOME", "/x")),
            unreadYaml);
    assertEquals(
        labels(early),
        labels(
            RefCompletionFromFiles.find(unread, path, f.text(path), f.cursorOffset())
                .orElseThrow()));
    assertTrue(
        unread.files().stream()
            .filter(x -> x.relativePath().endsWith(".yml"))
            .noneMatch(dev.dbtls.project.ProjectFile::textRead),
        "the property files' texts not kept");

    // only the package's own in its second argument; nothing outside a ref's string
    Fixture second =
        Fixture.of(
            PROJECT
                + """
        -- file: models/report.sql
        select * from {{ ref('utils', '$0') }} where {{ source('raw', 'orders') }}
        """);
    assertEquals(
        List.of("util_dates"),
        labels(
            RefCompletionFromFiles.find(inputs, path, second.text(path), second.cursorOffset())
                .orElseThrow()));
    assertTrue(
        RefCompletionFromFiles.find(
                inputs, path, second.text(path), second.text(path).indexOf("where"))
            .isEmpty());
  }

  /** {@code f}'s files, each property file's text read only when asked for (as a warm start's). */
  private static dev.dbtls.project.FileSource yamlReadOnAsk(Fixture f) {
    return yamlReadOnAsk(f, new java.util.concurrent.atomic.AtomicInteger());
  }

  /** The same, counting the property files' texts read in {@code reads}. */
  private static dev.dbtls.project.FileSource yamlReadOnAsk(
      Fixture f, java.util.concurrent.atomic.AtomicInteger reads) {
    return new dev.dbtls.project.FileSource() {
      @Override
      public Optional<String> read(java.nio.file.Path file) {
        return f.read(file);
      }

      @Override
      public Optional<dev.dbtls.project.FileText> text(java.nio.file.Path file) {
        return file.toString().endsWith(".yml")
            ? Optional.of(
                dev.dbtls.project.FileText.later(
                    () -> {
                      reads.incrementAndGet();
                      return f.read(file).orElse(null);
                    }))
            : f.text(file);
      }

      @Override
      public boolean isDirectory(java.nio.file.Path dir) {
        return f.isDirectory(dir);
      }

      @Override
      public List<java.nio.file.Path> list(java.nio.file.Path dir, java.util.Set<String> suffixes) {
        return f.list(dir, suffixes);
      }
    };
  }

  @Test
  void refWhileTheProjectLoadsReadsNoPropertyFileWhenNoFileIsNamedAsAVersion() {
    String project =
        """
        -- file: dbt_project.yml
        name: shop
        version: '1.0'
        profile: shop
        -- file: models/orders.sql
        select 1 as id
        -- file: models/customers.sql
        select 1 as id
        -- file: models/schema.yml
        version: 2
        models:
          - name: orders
            versions:
              - v: 1
        """;
    Fixture f = Fixture.of(project + "-- file: models/report.sql\nselect * from {{ ref('$0') }}\n");
    String path = "models/report.sql";
    java.util.concurrent.atomic.AtomicInteger reads =
        new java.util.concurrent.atomic.AtomicInteger();
    ProjectInputs inputs =
        ProjectInputs.load(
            Fixture.ROOT,
            new ProjectInputs.Options(null, null, null, Map.of(), Map.of("HOME", "/x")),
            yamlReadOnAsk(f, reads));
    int before = reads.get();
    List<CompletionItem> early =
        RefCompletionFromFiles.find(inputs, path, f.text(path), f.cursorOffset()).orElseThrow();
    assertEquals(List.of("customers", "orders"), labels(early, CompletionKind.MODEL));
    assertEquals(before, reads.get(), "no property file read: no model file is named <name>_v<n>");

    // a file named as a version's: the property files are read, and a name they do not version
    // stays the file's
    Fixture named =
        Fixture.of(
            project
                + "-- file: models/orders_v1.sql\nselect 1 as id\n"
                + "-- file: models/customers_v2.sql\nselect 1 as id\n"
                + "-- file: models/report.sql\nselect * from {{ ref('$0') }}\n");
    ProjectInputs withVersions =
        ProjectInputs.load(
            Fixture.ROOT,
            new ProjectInputs.Options(null, null, null, Map.of(), Map.of("HOME", "/x")),
            yamlReadOnAsk(named, reads));
    before = reads.get();
    assertEquals(
        List.of("customers", "customers_v2", "orders"),
        labels(
            RefCompletionFromFiles.find(withVersions, path, named.text(path), named.cursorOffset())
                .orElseThrow(),
            CompletionKind.MODEL));
    assertEquals(before + 1, reads.get(), "the property file read once");
    assertEquals(
        Optional.empty(),
        RefDefinitionFromFiles.find(
            withVersions, path, "select * from {{ ref('customers_v2') }}", 25));
  }

  @Test
  void refReplacesTheStringContentTypedSoFarAndPutsPrefixMatchesFirst() {
    Fixture f =
        Fixture.of(
            PROJECT
                + """
        -- file: models/report.sql
        select * from {{ ref("stg_c$0") }}
        """);
    List<CompletionItem> items =
        Analysis.strict(snapshot(f))
            .completion(
                new Analysis.Cursor(
                    "models/report.sql", f.text("models/report.sql"), f.cursorOffset()));
    assertEquals("stg_customers", items.get(0).label());
    int contentStart = f.text("models/report.sql").indexOf("stg_c");
    assertEquals(contentStart, items.get(0).replaceStart());
    assertEquals(f.cursorOffset(), items.get(0).replaceEnd());
    assertFalse(labels(items).contains("country_codes")); // no 'stg_c' subsequence
  }

  @Test
  void halfTypedRefAtEndOfFile() {
    List<CompletionItem> items =
        completeAtEnd(
            """
        -- file: models/report.sql
        select * from {{ ref('st$0""");
    assertEquals(List.of("stg_customers", "stg_orders"), labels(items).subList(0, 2));
    assertEquals(items.get(0).replaceEnd() - 2, items.get(0).replaceStart());
  }

  @Test
  void unclosedRefStringWithSqlAfterIt() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select * from {{ ref('stg_$0 }}
        where status = 'open'
        """);
    assertEquals(List.of("stg_customers", "stg_orders"), labels(items).subList(0, 2));
  }

  @Test
  void refWithPackageGivesThatPackagesNodes() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select * from {{ ref('utils', '$0') }}
        """);
    assertEquals(List.of("util_dates"), labels(items));
  }

  @Test
  void versionedRefOffersVersions() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select * from {{ ref('dim_customers', $0) }}
        """);
    assertEquals(List.of("v=1", "v=2"), labels(items, CompletionKind.KEYWORD).subList(0, 2));
    assertTrue(item(items, "v=2").detail().contains("latest"));
    assertEquals("v=1", item(items, "v=1").insertText());

    items =
        complete(
            """
        -- file: models/report.sql
        select * from {{ ref('dim_customers', v='$0') }}
        """);
    assertEquals(List.of("1", "2"), labels(items));
  }

  // ---------------------------------------------------------------- source

  @Test
  void sourceOffersSourceNamesThenTables() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select * from {{ source('$0') }}
        """);
    assertEquals(List.of("crm", "raw"), labels(items));
    assertEquals(CompletionKind.SOURCE, items.get(0).kind());
    assertEquals("The raw shop data.", item(items, "raw").documentation());

    items =
        complete(
            """
        -- file: models/report.sql
        select * from {{ source('raw', 'o$0') }}
        """);
    assertEquals(List.of("orders"), labels(items));
    assertEquals(CompletionKind.SOURCE_TABLE, items.get(0).kind());
    assertEquals("Orders as loaded.", items.get(0).documentation());

    items =
        completeAtEnd(
            """
        -- file: models/report.sql
        select * from {{ source("raw", "$0""");
    assertEquals(List.of("orders", "payments"), labels(items));
  }

  // ---------------------------------------------------------------- macros

  @Test
  void macrosInExpressionsAreSnippetsWithTheirParameters() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select {{ cen$0 }} from x
        """);
    CompletionItem m = items.get(0);
    assertEquals("cents_to_dollars", m.label());
    assertEquals(CompletionKind.MACRO, m.kind());
    assertTrue(m.snippet());
    assertEquals("cents_to_dollars(${1:column_name}, ${2:scale})", m.insertText());
    assertTrue(m.documentation().startsWith("Converts cents to dollars."), m.documentation());
    assertEquals(m.replaceEnd() - 3, m.replaceStart());
  }

  @Test
  void macroNameBeforeAnOpenParenIsInsertedAlone() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select {{ cen$0(amount) }} from x
        """);
    assertEquals("cents_to_dollars", item(items, "cents_to_dollars").insertText());
    assertFalse(item(items, "cents_to_dollars").snippet());
  }

  @Test
  void macroKeywordArguments() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select {{ cents_to_dollars('amount', $0) }} from x
        """);
    assertEquals("scale=", items.get(0).label());
    assertFalse(labels(items).contains("column_name="));

    items =
        complete(
            """
        -- file: models/report.sql
        select {{ utils.star(except=['a'], $0) }} from x
        """);
    assertEquals(List.of("from="), labels(items, CompletionKind.KEYWORD).subList(0, 1));
    assertFalse(labels(items).contains("except="));
  }

  @Test
  void packagePrefixGivesThatPackagesMacros() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select {{ utils.$0 }} from x
        """);
    assertEquals(List.of("private_helper", "star"), labels(items));
    assertEquals("star(${1:from}, ${2:except})", item(items, "star").insertText());

    // package macros are not callable unqualified from the root project; the package name is
    items =
        complete(
            """
        -- file: models/report.sql
        select {{ $0 }} from x
        """);
    assertFalse(labels(items, CompletionKind.MACRO).contains("star"));
    assertTrue(labels(items, CompletionKind.PACKAGE).contains("utils"));
  }

  @Test
  void dbtBuiltinMacros() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select {{ dbt.date$0 }} from x
        """);
    assertTrue(labels(items, CompletionKind.MACRO).contains("dateadd"), labels(items).toString());
    assertTrue(item(items, "dateadd").insertText().startsWith("dateadd(${1:"));

    items =
        complete(
            """
        -- file: models/report.sql
        select {{ datea$0 }} from x
        """);
    assertEquals("dateadd", items.get(0).label());
  }

  @Test
  void macroInsidePackageSeesItsOwnPackagesMacrosUnqualified() {
    List<CompletionItem> items =
        complete(
            """
        -- file: dbt_packages/utils/models/uses.sql
        select {{ st$0 }}
        """);
    assertEquals("star", items.get(0).label());
  }

  @Test
  void dbtContextNamesInExpressions() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        {% if is_inc$0 %}
        """);
    assertEquals("is_incremental", items.get(0).label());
    assertEquals("is_incremental()", items.get(0).insertText());

    items =
        complete(
            """
        -- file: models/report.sql
        select * from {{ $0 }}
        """);
    for (String name :
        List.of(
            "ref",
            "source",
            "config",
            "var",
            "env_var",
            "this",
            "target",
            "adapter",
            "execute",
            "return",
            "log",
            "exceptions",
            "modules")) {
      assertTrue(labels(items, CompletionKind.FUNCTION).contains(name), name);
    }
    assertEquals("ref('$1')", item(items, "ref").insertText());

    items =
        complete(
            """
        -- file: models/report.sql
        select * from {{ target.$0 }}
        """);
    assertTrue(labels(items).containsAll(List.of("name", "schema", "database", "type")));
    assertFalse(labels(items).contains("ref"));
  }

  @Test
  void localsFiltersAndTests() {
    List<CompletionItem> items =
        complete(
            """
        -- file: macros/m.sql
        {% macro pivot(column, values=[]) %}
          {% set quoted = [] %}
          {% for value in values %}
            {{ $0 }}
          {% endfor %}
        {% endmacro %}
        """);
    assertEquals(
        List.of("column", "quoted", "value", "values"),
        labels(items, CompletionKind.VAR).subList(0, 4));
    assertTrue(labels(items, CompletionKind.VAR).contains("loop"));
    assertTrue(item(items, "values").detail().contains("= []"));

    items =
        complete(
            """
        -- file: models/report.sql
        select '{{ var('start_date') | up$0 }}'
        """);
    assertEquals("upper", items.get(0).label());

    items =
        complete(
            """
        -- file: models/report.sql
        {% if x is def$0 %}{% endif %}
        """);
    assertEquals(List.of("defined", "undefined"), labels(items));
  }

  // ---------------------------------------------------------------- var, doc

  @Test
  void varNamesWithValues() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select * from x where d > '{{ var('$0') }}'
        """);
    assertEquals(List.of("limit_rows", "start_date"), labels(items));
    assertEquals(CompletionKind.VAR, items.get(0).kind());
    assertEquals("var = 100", items.get(0).detail());
  }

  @Test
  void envVarNamesAndDispatchedMacros() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select '{{ env_var('HO$0') }}'
        """);
    assertEquals(List.of("HOME"), labels(items));

    items =
        complete(
            """
        -- file: macros/m.sql
        {% macro my_concat(a, b) %}{{ return(adapter.dispatch('my_c$0')(a, b)) }}{% endmacro %}
        {% macro default__my_concat(a, b) %}{{ a }} || {{ b }}{% endmacro %}
        """);
    assertEquals("my_concat", items.get(0).label());
  }

  @Test
  void docNamesInYamlDescriptions() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/more.yml
        models:
          - name: stg_orders
            columns:
              - name: status
                description: "{{ doc('ord$0') }}"
        """);
    assertEquals(List.of("order_status"), labels(items));
    assertEquals(CompletionKind.DOC, items.get(0).kind());
    assertEquals("Status of an order.", items.get(0).documentation());
  }

  // ---------------------------------------------------------------- config

  @Test
  void configKeys() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        {{ config(mat$0) }}
        """);
    assertEquals("materialized", items.get(0).label());
    assertEquals("materialized=", items.get(0).insertText());
    assertEquals(CompletionKind.CONFIG_KEY, items.get(0).kind());

    items =
        complete(
            """
        -- file: models/report.sql
        {{ config(materialized='table', $0) }}
        """);
    assertTrue(
        labels(items)
            .containsAll(
                List.of(
                    "schema",
                    "alias",
                    "database",
                    "tags",
                    "enabled",
                    "unique_key",
                    "incremental_strategy",
                    "on_schema_change",
                    "pre_hook",
                    "post_hook",
                    "persist_docs",
                    "meta",
                    "grants",
                    "contract",
                    "docs",
                    "full_refresh",
                    "sql_header")));
    assertTrue(labels(items).stream().noneMatch(l -> l.equals("ref")));
  }

  @Test
  void materializedValuesIncludeCustomMaterializations() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        {{ config(materialized='$0') }}
        """);
    assertEquals(
        List.of(
            "ephemeral", "incremental", "materialized_view", "my_mat", "snapshot", "table", "view"),
        labels(items).stream().sorted().toList());
    assertEquals(CompletionKind.CONFIG_VALUE, items.get(0).kind());

    items =
        completeAtEnd(
            """
        -- file: models/report.sql
        {{ config(tags=['a'], materialized="incr$0""");
    assertEquals("incremental", items.get(0).label());

    items =
        complete(
            """
        -- file: models/report.sql
        {{ config(materialized='incremental', on_schema_change='$0') }}
        """);
    assertEquals(
        List.of("append_new_columns", "fail", "ignore", "sync_all_columns"),
        labels(items).stream().sorted().toList());
  }

  @Test
  void configValuesWithoutQuotesAndConfigGet() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        {{ config(materialized=$0) }}
        """);
    assertEquals(CompletionKind.CONFIG_VALUE, items.get(0).kind());
    assertEquals("'ephemeral'", items.get(0).insertText());

    items =
        complete(
            """
        -- file: macros/m.sql
        {% macro m() %}{% set s = config.get('uni$0') %}{% endmacro %}
        """);
    assertEquals("unique_key", items.get(0).label());
    assertEquals("unique_key", items.get(0).insertText());
  }

  @Test
  void docWithPackage() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/more.yml
        models:
          - name: stg_orders
            description: "{{ doc('shop', '$0') }}"
        """);
    assertEquals(List.of("order_status"), labels(items));
    assertTrue(
        complete(
                """
        -- file: models/more.yml
        models:
          - name: stg_orders
            description: "{{ doc('utils', '$0') }}"
        """)
            .isEmpty());
  }

  // ---------------------------------------------------------------- Jinja tags

  @Test
  void jinjaTagsAfterPercentBrace() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        {% $0 %}
        """);
    assertTrue(
        labels(items)
            .containsAll(
                List.of("if", "for", "set", "macro", "call", "do", "filter", "raw", "endif")));
    assertTrue(items.stream().allMatch(i -> i.kind() == CompletionKind.KEYWORD));

    items =
        complete(
            """
        -- file: models/report.sql
        {% for x in [1, 2] %}
          select {{ x }}
        {% end$0
        """);
    assertEquals("endfor", items.get(0).label());
  }

  // ---------------------------------------------------------------- SQL

  @Test
  void sqlKeywordsOutsideJinja() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select * fr$0
        """);
    assertEquals("from", items.get(0).label());
    assertEquals(CompletionKind.KEYWORD, items.get(0).kind());

    items =
        complete(
            """
        -- file: models/report.sql
        SELECT * FROM x GRO$0
        """);
    assertEquals("GROUP BY", items.get(0).label());
  }

  @Test
  void columnsAfterTheAliasOfARef() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select o.$0
        from {{ ref('stg_orders') }} as o
        join {{ ref('stg_customers') }} c using (customer_id)
        """);
    assertEquals(List.of("amount", "customer_id", "order_id"), labels(items));
    assertEquals(CompletionKind.COLUMN, items.get(0).kind());
    assertEquals("The order key.", item(items, "order_id").documentation());
    assertTrue(item(items, "order_id").detail().startsWith("integer"));

    items =
        complete(
            """
        -- file: models/report.sql
        select c.fi$0
        from {{ ref('stg_orders') }} as o
        join {{ ref('stg_customers') }} c using (customer_id)
        """);
    assertEquals(List.of("first_name"), labels(items));
  }

  @Test
  void columnsAfterACteOrASourceAlias() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        with orders as (
            select * from {{ ref('stg_orders') }}
        ),
        raw_orders as (select * from {{ source('raw', 'orders') }} where id > 0),
        final as (select * from orders)
        select final.$0 from final join raw_orders r on r.id = final.order_id
        """);
    assertEquals(List.of("amount", "customer_id", "order_id"), labels(items));

    items =
        complete(
            """
        -- file: models/report.sql
        with raw_orders as (select * from {{ source('raw', 'orders') }})
        select r.$0 from raw_orders r
        """);
    assertEquals(List.of("id", "status"), labels(items));
  }

  @Test
  void unknownQualifierGivesNothing() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        with renamed as (select order_id as id from {{ ref('stg_orders') }})
        select x.$0, renamed.id from renamed join analytics.other x on true
        """);
    assertEquals(List.of(), items);
  }

  @Test
  void plainColumnNamesOfReferencedModels() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select amo$0 from {{ ref('stg_orders') }}
        """);
    assertEquals("amount", items.get(0).label());
    assertEquals(CompletionKind.COLUMN, items.get(0).kind());
  }

  @Test
  void noCompletionInsideSqlStringsAndComments() {
    for (String body :
        List.of(
            "select 'abc$0' from x",
            "select 'it''s $0' from x",
            "select '{{ var(\"a\") }} $0' from x",
            "-- sel$0\nselect 1",
            "/* sel$0 */ select 1",
            "select \"col$0\" from x",
            "{# ref('$0') #}",
            "select {{ 'stg$0' }}")) {
      assertEquals(List.of(), complete("-- file: models/report.sql\n" + body + "\n"), body);
    }
    // an unterminated comment or string at the end of the file
    assertEquals(List.of(), completeAtEnd("-- file: models/report.sql\nselect 1 /* sel$0"));
    assertEquals(List.of(), completeAtEnd("-- file: models/report.sql\nselect 'sel$0"));
    // and SQL again right after them
    assertFalse(complete("-- file: models/report.sql\nselect 'a' as x fr$0\n").isEmpty());
    assertFalse(complete("-- file: models/report.sql\n-- note\nsel$0\n").isEmpty());
  }

  @Test
  void jinjaDelimitersAndTheTextAfterThem() {
    assertEquals(List.of(), complete("-- file: models/report.sql\nselect {$0{ x }}\n"));
    assertEquals(List.of(), complete("-- file: models/report.sql\nselect {{ x }$0}\n"));
    // right after `}}` is SQL again
    List<CompletionItem> items =
        complete("-- file: models/report.sql\nselect * from {{ ref('stg_orders') }}$0\n");
    assertTrue(labels(items, CompletionKind.KEYWORD).contains("where"));
    assertFalse(labels(items).contains("stg_customers"));
    // Markdown and YAML have no SQL completion
    assertEquals(List.of(), complete("-- file: models/more.md\nsel$0\n"));
  }

  @Test
  void neverThrowsOnHalfTypedText() {
    String text =
        "{{ config(materialized='t', tags=['a', {% if x %}{{ ref('a' , '' , v= ) }} "
            + "{{ source( ,, ) }} {{ utils. }} {% macro m( %} {{ var(\" {% endif %} '\"/* -- {{";
    Fixture f = Fixture.of(PROJECT);
    ProjectSnapshot s = snapshot(f);
    for (int i = 0; i <= text.length(); i++) {
      // the request itself, not Completion.complete, which turns a bug into no items
      assertNotNull(Completion.find(s, "models/x.sql", text, i));
      assertNotNull(Completion.find(s, "models/x.sql", text.substring(0, i), i));
    }
    assertEquals(
        List.of(), Analysis.strict(s).completion(new Analysis.Cursor("models/x.sql", "abc", 10)));
    // every offset of every file of the fixture project
    for (String path :
        List.of(
            "models/staging/schema.yml",
            "snapshots/orders_snapshot.sql",
            "macros/cents.sql",
            "models/docs.md",
            "dbt_packages/utils/macros/star.sql")) {
      String t = f.text(path);
      for (int i = 0; i <= t.length(); i++) {
        assertNotNull(Completion.find(s, path, t, i));
      }
    }
  }
}
