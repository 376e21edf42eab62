package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenameTest {

  /** Files that use the common project's models, macros and tests. */
  private static final String USES =
      """
      -- file: models/a.sql
      select * from {{ ref('customers') }} join {{ ref("shop", "customers") }} using (id)
      -- file: models/py.py
      def model(dbt, session):
          return dbt.ref( "customers" )
      -- file: models/c.sql
      select * from {{ ref('dim_orders', v=1) }}, {{ ref('dim_orders') }}
      -- file: models/uses.yml
      version: 2
      models:
        - name: a
          columns:
            - name: id
              tests:
                - relationships: {to: ref('customers'), field: id}
                - is_positive
                - shop.is_positive:
                    severity: warn
      exposures:
        - name: dash
          type: dashboard
          owner: {email: a@b.c}
          depends_on:
            - ref('customers')
      -- file: dbt_packages/util/models/p.sql
      select * from {{ ref('customers') }}
      -- file: macros/tests.sql
      {% test is_positive(model, column_name) %}select 1{% endtest %}
      -- file: macros/more.sql
      {% macro twice(x) %}{{ cents_to_dollars(x) }} * {{ shop.cents_to_dollars(x) }}{% endmacro %}
      """;

  /** The common project plus USES, the cursor set by {@code marked} (a piece of them with $0). */
  private static NavFixture at(String marked) {
    String all = NavFixture.PROJECT + USES;
    String plain = marked.replace("$0", "");
    int at = all.indexOf(plain);
    return NavFixture.of(
        at < 0 ? all + marked : all.substring(0, at) + marked + all.substring(at + plain.length()));
  }

  private static RenameResult rename(String marked, String newName) {
    NavFixture f = at(marked);
    return Rename.renameAt(f.snapshot(), f.file(), f.text(), f.offset(), newName);
  }

  private static Rename.Prepared prepare(String marked) {
    NavFixture f = at(marked);
    return Rename.prepareAt(f.snapshot(), f.file(), f.text(), f.offset());
  }

  /** Each changed file's text after the change, by path. */
  private static Map<String, String> applied(NavFixture f, WorkspaceChange change) {
    Map<String, String> out = new LinkedHashMap<>();
    change
        .edits()
        .forEach(
            (path, edits) -> {
              // edits are against the old text: apply from the last one back
              String text = f.fixture().text(path);
              for (int i = edits.size() - 1; i >= 0; i--) {
                text = TextEdit.apply(text, List.of(edits.get(i)));
              }
              out.put(path, text);
            });
    return out;
  }

  private static TextEdit edit(int line, int col, int endCol, String text) {
    return new TextEdit(new Span(line, col, line, endCol), text);
  }

  private static WorkspaceChange.FileRename move(String from, String to) {
    return new WorkspaceChange.FileRename(from, to);
  }

  // ---------------------------------------------------------------- models

  @Test
  void aModelFromARef() {
    assertEquals(
        new Rename.Prepared(new Span(0, 22, 0, 31), "customers", null),
        prepare("select * from {{ ref('cust$0omers') }} join"));
    RenameResult r = rename("select * from {{ ref('cust$0omers') }} join", "clients");
    assertTrue(r.ok(), r::error);
    assertEquals(List.of(move("models/customers.sql", "models/clients.sql")), r.change().renames());
    Map<String, List<TextEdit>> expected = new LinkedHashMap<>();
    expected.put("models/a.sql", List.of(edit(0, 22, 31, "clients"), edit(0, 58, 67, "clients")));
    expected.put("models/py.py", List.of(edit(1, 21, 30, "clients")));
    expected.put("models/schema.yml", List.of(edit(2, 10, 19, "clients")));
    expected.put(
        "models/uses.yml", List.of(edit(6, 37, 46, "clients"), edit(15, 13, 22, "clients")));
    assertEquals(expected, r.change().edits());
  }

  @Test
  void aModelFromItsYamlEntryKeepsQuotesAndSpacing() {
    NavFixture f = at("  - name: custo$0mers\n    description: One row");
    RenameResult r = Rename.renameAt(f.snapshot(), f.file(), f.text(), f.offset(), "clients");
    assertTrue(r.ok(), r::error);
    Map<String, String> after = applied(f, r.change());
    assertEquals(
        "select * from {{ ref('clients') }} join {{ ref(\"shop\", \"clients\") }} using (id)\n",
        after.get("models/a.sql"));
    assertEquals(
        "def model(dbt, session):\n    return dbt.ref( \"clients\" )\n", after.get("models/py.py"));
    assertTrue(after.get("models/uses.yml").contains("{to: ref('clients'), field: id}"));
    assertTrue(after.get("models/uses.yml").contains("      - ref('clients')\n"));
    assertTrue(
        after.get("models/schema.yml").contains("  - name: clients\n    description: One row"));
    assertFalse(after.containsKey("dbt_packages/util/models/p.sql"), "packages are not edited");
  }

  @Test
  void aVersionedModelRenamesItsVersionFilesAndKeepsVersionArguments() {
    RenameResult r = rename("{{ ref('dim_$0orders', v=1) }}", "fct_orders");
    assertTrue(r.ok(), r::error);
    assertEquals(
        List.of(
            move("models/dim_orders_v1.sql", "models/fct_orders_v1.sql"),
            move("models/dim_orders_v2.sql", "models/fct_orders_v2.sql")),
        r.change().renames());
    Map<String, List<TextEdit>> expected = new LinkedHashMap<>();
    expected.put(
        "models/c.sql", List.of(edit(0, 22, 32, "fct_orders"), edit(0, 52, 62, "fct_orders")));
    expected.put("models/schema.yml", List.of(edit(12, 10, 20, "fct_orders")));
    assertEquals(expected, r.change().edits());
  }

  @Test
  void aSeedRenamesItsCsv() {
    NavFixture f =
        NavFixture.of(
            """
        -- file: seeds/countries.csv
        code,name
        -- file: seeds/seeds.yml
        version: 2
        seeds:
          - name: countries
        -- file: models/m.sql
        select * from {{ ref('coun$0tries') }}
        """);
    RenameResult r = Rename.renameAt(f.snapshot(), f.file(), f.text(), f.offset(), "nations");
    assertTrue(r.ok(), r::error);
    assertEquals(List.of(move("seeds/countries.csv", "seeds/nations.csv")), r.change().renames());
    assertEquals(
        Map.of(
            "models/m.sql",
            List.of(edit(0, 22, 31, "nations")),
            "seeds/seeds.yml",
            List.of(edit(2, 10, 19, "nations"))),
        r.change().edits());
  }

  @Test
  void unitTestsAndProjectConfigNameTheModelToo() {
    NavFixture f =
        NavFixture.of(
            """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        models:
          shop:
            staging:
              stg_a:
                +materialized: table
              +tags: [staging]
        -- file: models/staging/stg_a.sql
        select 1 as id
        -- file: models/b.sql
        select * from {{ ref('stg$0_a') }}
        -- file: models/unit.yml
        unit_tests:
          - name: t1
            model: stg_a
            given:
              - input: ref('stg_a')
                rows: []
        """);
    RenameResult r = Rename.renameAt(f.snapshot(), f.file(), f.text(), f.offset(), "stg_accounts");
    assertTrue(r.ok(), r::error);
    assertEquals(
        List.of(move("models/staging/stg_a.sql", "models/staging/stg_accounts.sql")),
        r.change().renames());
    Map<String, List<TextEdit>> expected = new LinkedHashMap<>();
    expected.put("dbt_project.yml", List.of(edit(5, 6, 11, "stg_accounts")));
    expected.put("models/b.sql", List.of(edit(0, 22, 27, "stg_accounts")));
    expected.put(
        "models/unit.yml",
        List.of(edit(2, 11, 16, "stg_accounts"), edit(4, 20, 25, "stg_accounts")));
    assertEquals(expected, r.change().edits());
  }

  @Test
  void modelNamesAreCheckedForConflictsAndSpelling() {
    String cursor = "select * from {{ ref('cust$0omers') }} join";
    assertEquals(
        "a model named 'stg_orders' already exists: models/staging/stg_orders.sql",
        rename(cursor, "stg_orders").error());
    assertEquals(
        "a model named 'util_model' already exists: dbt_packages/util/models/util_model.sql",
        rename(cursor, "util_model").error());
    assertEquals(
        "'my model' is not a valid model name: use letters, digits and underscores, not "
            + "starting with a digit",
        rename(cursor, "my model").error());
    assertFalse(rename(cursor, "").ok());
    assertFalse(rename(cursor, "1x").ok());
    assertTrue(rename(cursor, "customers").change().isEmpty(), "the same name changes nothing");
  }

  @Test
  void packageModelsAndPackageFilesAreRefused() {
    assertEquals(
        "models of package util are not part of this project",
        prepare("-- file: models/x.sql\nselect * from {{ ref('util_m$0odel') }}\n").error());
    assertEquals(
        "this file belongs to package util, which is installed, not part of this project: "
            + "nothing in it is renamed",
        prepare("select * from {{ ref('cus$0tomers') }}\n").error());
    assertEquals(
        "no model, seed or snapshot named 'nope' is in the project",
        prepare("-- file: models/x.sql\nselect * from {{ ref('no$0pe') }}\n").error());
  }

  // ---------------------------------------------------------------- macros

  @Test
  void aMacroFromACall() {
    assertEquals(
        new Rename.Prepared(new Span(0, 23, 0, 39), "cents_to_dollars", null),
        prepare("{{ cents_to_$0dollars(x) }} *"));
    RenameResult r = rename("{{ cents_to_$0dollars(x) }} *", "to_dollars");
    assertTrue(r.ok(), r::error);
    assertEquals(List.of(), r.change().renames());
    assertEquals(
        Map.of(
            "macros/cents.sql",
            List.of(edit(0, 9, 25, "to_dollars")),
            "macros/more.sql",
            List.of(edit(0, 23, 39, "to_dollars"), edit(0, 56, 72, "to_dollars"))),
        r.change().edits());
  }

  @Test
  void aMacroRenamesItsPropertyEntry() {
    RenameResult r =
        rename(
            """
        -- file: macros/props.yml
        version: 2
        macros:
          - name: cents_to_dollars
            description: Cents to dollars.
          - name: "my_hash"
        -- file: models/m.sql
        select {{ cents_$0to_dollars('c') }}
        """,
            "to_dollars");
    assertTrue(r.ok(), r::error);
    assertEquals(
        List.of(edit(2, 10, 26, "to_dollars")), r.change().edits().get("macros/props.yml"));
    assertEquals(List.of(edit(0, 10, 26, "to_dollars")), r.change().edits().get("models/m.sql"));
  }

  @Test
  void aDispatchedMacroRenamesItsImplementationsAndTheDispatchString() {
    String expectedFile =
        "{% macro hash_of(col) %}{{ return(adapter.dispatch('hash_of', 'shop')(col)) }}{% endmacro %}\n"
            + "{% macro duckdb__hash_of(col) %}md5({{ col }}){% endmacro %}\n"
            + "{% macro default__hash_of(col) %}hash({{ col }}){% endmacro %}\n";
    String call =
        "-- file: models/h.sql\nselect {{ my_h$0ash('id') }}, {{ shop.default__my_hash('x') }}\n";
    for (String marked :
        new String[] {
          call, "{% macro duckdb__my_h$0ash(col) %}", "adapter.dispatch('my_$0hash', 'shop')"
        }) {
      NavFixture f = at(marked);
      Rename.Prepared p = Rename.prepareAt(f.snapshot(), f.file(), f.text(), f.offset());
      assertEquals("my_hash", p.name(), marked);
      RenameResult r = Rename.renameAt(f.snapshot(), f.file(), f.text(), f.offset(), "hash_of");
      assertTrue(r.ok(), r::error);
      Map<String, String> after = applied(f, r.change());
      assertEquals(expectedFile, after.get("macros/dispatched.sql"), marked);
    }
    NavFixture f = at(call);
    RenameResult r = Rename.renameAt(f.snapshot(), f.file(), f.text(), f.offset(), "hash_of");
    assertEquals(
        "select {{ hash_of('id') }}, {{ shop.default__hash_of('x') }}\n",
        applied(f, r.change()).get("models/h.sql"));
    assertEquals(
        "a macro named 'cents_to_dollars' already exists: macros/cents.sql",
        rename(call, "cents_to_dollars").error());
  }

  @Test
  void aGenericTestRenamesItsYamlUses() {
    assertEquals(
        new Rename.Prepared(new Span(0, 8, 0, 19), "is_positive", null),
        prepare("{% test is_pos$0itive("));
    RenameResult r = rename("{% test is_pos$0itive(", "positive");
    assertTrue(r.ok(), r::error);
    assertEquals(
        Map.of(
            "macros/tests.sql",
            List.of(edit(0, 8, 19, "positive")),
            "models/uses.yml",
            List.of(edit(7, 12, 23, "positive"), edit(8, 17, 28, "positive"))),
        r.change().edits());
    // from a use in YAML, the same change
    assertEquals(r, rename("          - is_posi$0tive\n", "positive"));
  }

  @Test
  void builtinAndPackageMacrosAreRefused() {
    assertEquals(
        "dbt's builtin macros cannot be renamed",
        prepare("-- file: models/x.sql\nselect {{ dbt.date_t$0runc('day', 'x') }}\n").error());
    assertEquals(
        "dbt's builtin macros cannot be renamed",
        prepare("-- file: models/x.sql\n{% if is_incr$0emental() %}{% endif %}\n").error());
    assertEquals(
        "dbt's builtin generic tests cannot be renamed",
        prepare(
                "-- file: models/t.yml\nversion: 2\nmodels:\n  - name: a\n    tests:\n      - not_n$0ull\n")
            .error());
    assertEquals(
        "macros of package util are not part of this project",
        prepare("-- file: models/x.sql\nselect {{ util.st$0ar('a') }}\n").error());
    assertEquals(
        "'generate_schema_name' overrides dbt's builtin macro of that name: dbt calls it by "
            + "this name, so it keeps it",
        prepare(
                """
        -- file: macros/gen.sql
        {% macro generate_schema_$0name(custom, node) %}x{% endmacro %}
        """)
            .error());
    assertEquals(
        "'oracle__dateadd' implements dbt's dispatched macro 'dateadd': dbt finds it by "
            + "this name, so it keeps it",
        prepare(
                """
        -- file: macros/gen.sql
        {% macro oracle__date$0add(a, b, c) %}x{% endmacro %}
        """)
            .error());
    assertEquals(
        "'is_good' is the name of one of dbt's builtin macros: the macro would override it",
        rename("{{ cents_to_$0dollars(x) }} *", "is_incremental")
            .error()
            .replace("is_incremental", "is_good"));
    assertFalse(rename("{{ cents_to_$0dollars(x) }} *", "if").ok());
    // one set of dbt's context names (DbtBuiltins): its objects are taken as much as its functions
    assertEquals(
        "'target' is the name of one of dbt's builtin macros: the macro would override it",
        rename("{{ cents_to_$0dollars(x) }} *", "target").error());
  }

  // ---------------------------------------------------------------- CTEs

  private static final String CTES =
      """
      -- file: models/ctes.sql
      with source as (
          select * from {{ source('raw', 'orders') }}
      ),
      renamed as (
          select source.id, s.source, 'source' as label -- from source
          from source as s
          join {{ ref('customers') }} c on c.id = source.id
      )
      select * from renamed, source
      """;

  @Test
  void aCteFromItsDefinitionOrAUse() {
    for (String marked :
        new String[] {"with sou$0rce as", "from sou$0rce as s", "renamed, sou$0rce"}) {
      NavFixture f = NavFixture.of(mark(CTES, marked));
      Rename.Prepared p = Rename.prepareAt(f.snapshot(), f.file(), f.text(), f.offset());
      assertEquals("source", p.name(), marked);
      RenameResult r = Rename.renameAt(f.snapshot(), f.file(), f.text(), f.offset(), "orders");
      assertTrue(r.ok(), r::error);
      assertEquals(
          Map.of(
              "models/ctes.sql",
              List.of(
                  edit(0, 5, 11, "orders"),
                  edit(4, 11, 17, "orders"),
                  edit(5, 9, 15, "orders"),
                  edit(6, 44, 50, "orders"),
                  edit(8, 23, 29, "orders"))),
          r.change().edits(),
          marked);
      assertEquals(List.of(), r.change().renames());
    }
  }

  @Test
  void cteNamesAreChecked() {
    NavFixture f = NavFixture.of(mark(CTES, "with sou$0rce as"));
    assertEquals(
        "a CTE named 'renamed' already exists in this file",
        Rename.renameAt(f.snapshot(), f.file(), f.text(), f.offset(), "RENAMED").error());
    assertEquals(
        "'select' is not a valid CTE name: use letters, digits and underscores, not "
            + "starting with a digit, and not a SQL keyword",
        Rename.renameAt(f.snapshot(), f.file(), f.text(), f.offset(), "select").error());
  }

  @Test
  void notACteWhereTheNameIsAColumnStringOrComment() {
    for (String marked :
        new String[] {
          "s.sou$0rce,", "'sou$0rce' as label", "-- from sou$0rce", "select * from ren$0amed"
        }) {
      NavFixture f = NavFixture.of(mark(CTES, marked));
      Rename.Prepared p = Rename.prepareAt(f.snapshot(), f.file(), f.text(), f.offset());
      if (marked.startsWith("select")) {
        assertEquals("renamed", p.name());
      } else {
        assertNull(p.name(), marked);
      }
    }
  }

  @Test
  void cteScopesQuotesAndStatements() {
    String sql =
        """
        -- file: models/scoped.sql
        with a as (select 1 as id),
        "b" as (
          with a as (select 2 as id) select a.id from a
        ),
        c as (select * from a, "b" where a.id = "b".id)
        select * from A join c on A.id = c.id;
        with a as (select 3) select * from a
        """;
    NavFixture f = NavFixture.of(mark(sql, "with $0a as (select 1"));
    RenameResult r = Rename.renameAt(f.snapshot(), f.file(), f.text(), f.offset(), "first");
    assertTrue(r.ok(), r::error);
    assertEquals(
        """
        with first as (select 1 as id),
        "b" as (
          with a as (select 2 as id) select a.id from a
        ),
        c as (select * from first, "b" where first.id = "b".id)
        select * from first join c on first.id = c.id;
        with a as (select 3) select * from a
        """,
        applied(f, r.change()).get("models/scoped.sql"));
    f = NavFixture.of(mark(sql, "\"$0b\" as"));
    r = Rename.renameAt(f.snapshot(), f.file(), f.text(), f.offset(), "second");
    assertEquals(
        Map.of(
            "models/scoped.sql",
            List.of(edit(1, 1, 2, "second"), edit(4, 24, 25, "second"), edit(4, 41, 42, "second"))),
        r.change().edits());
  }

  @Test
  void aSnapshotRenamesItsBlock() {
    NavFixture f =
        NavFixture.of(
            """
        -- file: snapshots/snap.sql
        {% snapshot orders_snapshot %}
        select 1
        {% endsnapshot %}
        -- file: models/m.sql
        select * from {{ ref('orders_snap$0shot') }}
        """);
    RenameResult r =
        Rename.renameAt(f.snapshot(), f.file(), f.text(), f.offset(), "orders_history");
    assertTrue(r.ok(), r::error);
    assertEquals(List.of(), r.change().renames());
    assertEquals(
        Map.of(
            "models/m.sql",
            List.of(edit(0, 22, 37, "orders_history")),
            "snapshots/snap.sql",
            List.of(edit(0, 12, 27, "orders_history"))),
        r.change().edits());
  }

  @Test
  void theRangeIsTheNameTheUserEdits() {
    assertEquals(
        new Rename.Prepared(new Span(0, 24, 0, 31), "my_hash", null),
        prepare("-- file: models/h.sql\nselect {{ shop.default__my_h$0ash('x') }}\n"));
    assertEquals(
        new Rename.Prepared(new Span(12, 10, 12, 20), "dim_orders", null),
        prepare("  - name: dim_ord$0ers"));
  }

  private static String mark(String text, String marked) {
    String plain = marked.replace("$0", "");
    int at = text.indexOf(plain);
    return text.substring(0, at) + marked + text.substring(at + plain.length());
  }

  // ---------------------------------------------------------------- elsewhere

  @Test
  void otherThingsSayWhyNot() {
    assertEquals(
        "renaming a source table is not supported",
        prepare("{{ source('raw', 'ord$0ers') }}").error());
    assertTrue(
        prepare("-- file: models/x.sql\nsel$0ect 1\n")
            .error()
            .startsWith("nothing that can be renamed"));
    assertTrue(
        prepare("-- file: models/x.sql\n{{ var('start$0_date') }}\n").error().contains("var"));
  }

  @Test
  void halfTypedInputGivesSensibleAnswers() {
    assertEquals(
        "no model, seed or snapshot named 'cust' is in the project",
        prepare("-- file: models/x.sql\nselect * from {{ ref('cust$0\n").error());
    // an unclosed CTE still renames what is there
    NavFixture f =
        NavFixture.of("-- file: models/x.sql\nwith a$0 as (select 1), b as (select * from a\n");
    RenameResult r = Rename.renameAt(f.snapshot(), f.file(), f.text(), f.offset(), "first");
    assertEquals(
        Map.of("models/x.sql", List.of(edit(0, 5, 6, "first"), edit(0, 42, 43, "first"))),
        r.change().edits());
    assertEquals(
        "'' is not a valid CTE name: use letters, digits and underscores, not starting with "
            + "a digit, and not a SQL keyword",
        Rename.renameAt(f.snapshot(), f.file(), f.text(), f.offset(), " ").error());
  }

  /** Every prefix of every file of the common project, as if typed: nothing throws. */
  @Test
  void everyPrefixOfEveryFile() {
    NavFixture f = NavFixture.of(NavFixture.PROJECT + USES + CTES);
    for (dev.dbtls.project.ProjectFile file : f.snapshot().inputs().files()) {
      String path = f.snapshot().inputs().displayPath(file);
      String text = file.text();
      for (int end = 0; end <= text.length(); end++) {
        String typed = text.substring(0, end);
        for (int offset : new int[] {end, end / 2, Math.max(0, end - 3)}) {
          Rename.prepareAt(f.snapshot(), path, typed, offset);
          DocumentHighlights.find(f.snapshot(), path, typed, offset);
        }
        if (end % 11 == 0) { // a rename scans the whole project: fewer of them
          Rename.renameAt(f.snapshot(), path, typed, end, "renamed");
        }
      }
    }
  }

  @Test
  void halfTypedTextNeverFails() {
    NavFixture f = at("");
    for (String t :
        new String[] {
          "{{ ref('cust",
          "{{ ref(",
          "with a as (select * from a",
          "with",
          "{% macro",
          "{% test x(",
          "{{ adapter.dispatch('",
          "- name: ",
          "with a as ( ) , b as"
        }) {
      for (int i = 0; i <= t.length(); i++) {
        for (String path : new String[] {"models/a.sql", "models/uses.yml", "models/py.py"}) {
          assertTrue(f.analysis().prepareRename(new Analysis.Cursor(path, t, i)) != null);
          assertTrue(f.analysis().rename(new Analysis.Cursor(path, t, i), "x") != null);
        }
      }
    }
    assertFalse(f.analysis().prepareRename(new Analysis.Cursor("models/a.sql", "x", 5)).ok());
  }
}
