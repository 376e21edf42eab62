package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionTest {

  private static List<Location> definition(String extra) {
    NavFixture f = NavFixture.with(extra);
    return Analysis.strict(f.snapshot())
        .definition(new Analysis.Cursor(f.file(), f.text(), f.offset()));
  }

  private static Location loc(String path, int line, int col, int endLine, int endCol) {
    return new Location(path, new Span(line, col, endLine, endCol));
  }

  /** What a first load's listed files answer at the cursor, beside the loaded project's answer. */
  private static void fromFilesAsLoaded(String extra, boolean answered) {
    NavFixture f = NavFixture.with(extra);
    var early = RefDefinitionFromFiles.find(f.snapshot().inputs(), f.file(), f.text(), f.offset());
    assertEquals(answered, early.isPresent(), extra);
    early.ifPresent(
        found ->
            assertEquals(
                Analysis.strict(f.snapshot())
                    .definition(new Analysis.Cursor(f.file(), f.text(), f.offset())),
                found,
                extra));
  }

  @Test
  void duringAFirstLoadTheFileNamesAnswerARefAsTheLoadedProjectDoesOrNotAtAll() {
    // customers is a name: in the property file that gives dim_orders versions: the load says
    fromFilesAsLoaded("-- file: models/x.sql\nselect * from {{ ref('cust$0omers') }}\n", false);
    fromFilesAsLoaded("-- file: models/x.sql\nselect * from {{ ref('stg_$0orders') }}\n", true);
    fromFilesAsLoaded(
        "-- file: models/x.sql\nselect * from {{ ref('util', 'util_$0model') }}\n", true);
    fromFilesAsLoaded(
        "-- file: models/x.sql\nselect * from {{ ref(\"stg_$0customers\") }}\n", true);
    // a version, a versioned model, a source, a macro: the load answers
    fromFilesAsLoaded(
        "-- file: models/x.sql\nselect * from {{ ref('dim_orders', v=1$0) }}\n", false);
    fromFilesAsLoaded("-- file: models/x.sql\nselect * from {{ ref('dim_$0orders') }}\n", false);
    fromFilesAsLoaded(
        "-- file: models/x.sql\nselect * from {{ source('raw', 'ord$0ers') }}\n", false);
    fromFilesAsLoaded(
        "-- file: models/x.sql\nselect {{ cents_to_$0dollars('amount') }} from t\n", false);
    // two models of that name (the root's and a package's): which one is the load's to say
    // a version's file name; a model disabled from YAML or by an expression; a snapshot of the name
    fromFilesAsLoaded("-- file: models/x.sql\nselect * from {{ ref('dim_orders_$0v1') }}\n", false);
    fromFilesAsLoaded(
        "-- file: models/more.yml\nmodels:\n  - name: stg_orders\n    config:\n      enabled: false\n"
            + "-- file: models/x.sql\nselect * from {{ ref('stg_$0orders') }}\n",
        false);
    fromFilesAsLoaded(
        "-- file: models/off.sql\n{{ config(enabled=var('on', false)) }}\nselect 1 as id\n"
            + "-- file: models/x.sql\nselect * from {{ ref('o$0ff') }}\n",
        false);
    fromFilesAsLoaded(
        "-- file: snapshots/snap.sql\n{% snapshot util_model %}\n{{ config(unique_key='id',"
            + " strategy='check', check_cols='all') }}\nselect 1 as id\n{% endsnapshot %}\n"
            + "-- file: models/x.sql\nselect * from {{ ref('util_$0model') }}\n",
        false);
    fromFilesAsLoaded(
        "-- file: dbt_packages/util/models/stg_orders.sql\nselect 1 as id\n"
            + "-- file: models/x.sql\nselect * from {{ ref('stg_$0orders') }}\n",
        false);
  }

  @Test
  void refGoesToTheModelFile() {
    assertEquals(
        List.of(loc("models/customers.sql", 0, 0, 0, 0)),
        definition(
            """
        -- file: models/x.sql
        select * from {{ ref('cust$0omers') }}
        """));
  }

  @Test
  void refToAPackageModel() {
    assertEquals(
        List.of(loc("dbt_packages/util/models/util_model.sql", 0, 0, 0, 0)),
        definition(
            """
        -- file: models/x.sql
        select * from {{ ref('util', 'util_$0model') }}
        """));
  }

  @Test
  void refToAVersionedModelGoesToTheVersionOrTheLatest() {
    assertEquals(
        List.of(loc("models/dim_orders_v1.sql", 0, 0, 0, 0)),
        definition(
            """
        -- file: models/x.sql
        select * from {{ ref('dim_orders', v=1$0) }}
        """));
    assertEquals(
        List.of(loc("models/dim_orders_v2.sql", 0, 0, 0, 0)),
        definition(
            """
        -- file: models/x.sql
        select * from {{ ref('dim_$0orders') }}
        """));
  }

  @Test
  void sourceGoesToTheTableNameInYaml() {
    assertEquals(
        List.of(loc("models/sources.yml", 8, 14, 8, 20)),
        definition(
            """
        -- file: models/x.sql
        select * from {{ source('raw', 'ord$0ers') }}
        """));
  }

  @Test
  void macroCallGoesToTheMacroName() {
    assertEquals(
        List.of(loc("macros/cents.sql", 0, 9, 0, 25)),
        definition(
            """
        -- file: models/x.sql
        select {{ cents_to_$0dollars('amount') }} from t
        """));
  }

  @Test
  void packageQualifiedMacro() {
    assertEquals(
        List.of(loc("dbt_packages/util/macros/star.sql", 0, 9, 0, 13)),
        definition(
            """
        -- file: models/x.sql
        select {{ util.st$0ar(ref('customers')) }} from t
        """));
    // an unqualified call also finds a package's macro
    assertEquals(
        List.of(loc("dbt_packages/util/macros/star.sql", 0, 9, 0, 13)),
        definition(
            """
        -- file: models/x.sql
        select {{ st$0ar(ref('customers')) }} from t
        """));
  }

  @Test
  void dispatchListsTheImplementationsInSearchOrder() {
    assertEquals(
        List.of(
            loc("macros/dispatched.sql", 1, 9, 1, 24), loc("macros/dispatched.sql", 2, 9, 2, 25)),
        definition(
            """
        -- file: models/x.sql
        select {{ adapter.dispatch('my_$0hash', 'shop')('id') }} from t
        """));
  }

  @Test
  void docGoesToTheDocsBlock() {
    assertEquals(
        List.of(loc("models/docs.md", 0, 8, 0, 20)),
        definition(
            """
        -- file: models/x.sql
        {{ doc('order_$0status') }}
        """));
    assertEquals(
        List.of(loc("models/docs.md", 0, 8, 0, 20)),
        definition(
            """
        -- file: models/more.yml
        version: 2
        models:
          - name: stg_orders
            description: '{{ doc("order_$0status") }}'
        """));
  }

  @Test
  void varGoesToItsKeyInDbtProjectYml() {
    assertEquals(
        List.of(loc("dbt_project.yml", 3, 2, 3, 12)),
        definition(
            """
        -- file: models/x.sql
        select {{ var('start_$0date') }}
        """));
    assertEquals(
        List.of(loc("dbt_project.yml", 5, 4, 5, 10)),
        definition(
            """
        -- file: models/x.sql
        select {{ var('reg$0ion') }}
        """));
    assertEquals(
        List.of(loc("dbt_packages/util/dbt_project.yml", 2, 2, 2, 11)),
        definition(
            """
        -- file: dbt_packages/util/models/other.sql
        select {{ var('util_$0flag') }}
        """));
  }

  @Test
  void fromAYamlModelEntryToItsFiles() {
    NavFixture f = NavFixture.cursorAt("  - name: custo$0mers\n");
    assertEquals(
        List.of(loc("models/customers.sql", 0, 0, 0, 0)),
        Analysis.strict(f.snapshot())
            .definition(new Analysis.Cursor(f.file(), f.text(), f.offset())));
    f = NavFixture.cursorAt("  - name: dim_$0orders\n");
    assertEquals(
        List.of(
            loc("models/dim_orders_v2.sql", 0, 0, 0, 0),
            loc("models/dim_orders_v1.sql", 0, 0, 0, 0)),
        Analysis.strict(f.snapshot())
            .definition(new Analysis.Cursor(f.file(), f.text(), f.offset())));
  }

  @Test
  void fromAGenericTestInYamlToItsDefinition() {
    assertEquals(
        List.of(loc("macros/tests.sql", 0, 8, 0, 19)),
        definition(
            """
        -- file: macros/tests.sql
        {% test is_positive(model, column_name) %}select 1{% endtest %}
        -- file: models/more.yml
        version: 2
        models:
          - name: stg_orders
            columns:
              - name: id
                tests:
                  - is_posi$0tive
                  - not_null
        """));
  }

  @Test
  void fromARefInYaml() {
    assertEquals(
        List.of(loc("models/customers.sql", 0, 0, 0, 0)),
        definition(
            """
        -- file: models/more.yml
        version: 2
        models:
          - name: stg_orders
            columns:
              - name: id
                tests:
                  - relationships: {to: ref('custo$0mers'), field: id}
        """));
  }

  @Test
  void fromAPythonModel() {
    assertEquals(
        List.of(loc("models/customers.sql", 0, 0, 0, 0)),
        definition(
            """
        -- file: models/py.py
        def model(dbt, session):
            return dbt.ref("custo$0mers")
        """));
    assertEquals(
        List.of(loc("models/sources.yml", 8, 14, 8, 20)),
        definition(
            """
        -- file: models/py.py
        def model(dbt, session):
            return dbt.source("raw", "ord$0ers")
        """));
  }

  @Test
  void nothingAtThisPosition() {
    assertTrue(
        definition(
                """
        -- file: models/x.sql
        sel$0ect * from {{ ref('customers') }}
        """)
            .isEmpty());
    assertTrue(
        definition(
                """
        -- file: models/x.sql
        select * from {{ ref('nope$0') }}
        """)
            .isEmpty());
    // dbt's builtin macros live in the jar, not in the project
    assertTrue(
        definition(
                """
        -- file: models/x.sql
        select {{ dbt.date_tr$0unc('day', 'x') }}
        """)
            .isEmpty());
  }

  @Test
  void halfTypedTextNeverFails() {
    String[] texts = {
      "{{ ref('cust",
      "{{ ref(",
      "{{ source('raw', ",
      "{{ var(",
      "{% macro x(",
      "{{ adapter.dispatch(",
      "{{ util.",
      "{{ doc('",
      "{{ config(materialized=",
      "{{"
    };
    NavFixture f = NavFixture.of(NavFixture.PROJECT);
    for (String t : texts) {
      for (int i = 0; i <= t.length(); i++) {
        Analysis.strict(f.snapshot()).definition(new Analysis.Cursor("models/x.sql", t, i));
      }
      Analysis.strict(f.snapshot())
          .definition(new Analysis.Cursor("models/x.sql", t, t.length() + 5));
    }
  }
}
