package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {

  /** Files that use the common project's models, sources, macros, vars and docs. */
  private static final String USES =
      """
      -- file: models/a.sql
      select * from {{ ref('customers') }} join {{ ref('shop', 'customers') }} using (id)
      -- file: models/b.sql
      {% set c = ref('customers') %}
      select {{ cents_to_dollars('x') }}, {{ var('start_date') }} from {{ source('raw', 'orders') }}
      -- file: models/c.sql
      select * from {{ ref('dim_orders', v=1) }}, {{ ref('dim_orders') }}
      -- file: models/uses.yml
      version: 2
      models:
        - name: a
          description: '{{ doc("order_status") }}'
          columns:
            - name: id
              tests:
                - relationships: {to: ref('customers'), field: id}
                - is_positive
      -- file: dbt_packages/util/models/p.sql
      select * from {{ ref('customers') }} where {{ var('start_date') }}
      -- file: macros/tests.sql
      {% test is_positive(model, column_name) %}select 1{% endtest %}
      -- file: macros/more.sql
      {% macro twice(x) %}{{ cents_to_dollars(x) }} * 2{% endmacro %}
      """;

  private static List<Location> references(String marked, boolean declaration) {
    NavFixture f = NavFixture.of(NavFixture.PROJECT + mark(USES, marked));
    return f.analysis().references(f.cursor(), declaration);
  }

  /** USES with the cursor set by {@code marked}: a piece of it with {@code $0} inside. */
  private static String mark(String text, String marked) {
    String plain = marked.replace("$0", "");
    int at = text.indexOf(plain);
    return at < 0
        ? text + marked
        : text.substring(0, at) + marked + text.substring(at + plain.length());
  }

  private static Location loc(String path, int line, int col, int endLine, int endCol) {
    return new Location(path, new Span(line, col, endLine, endCol));
  }

  @Test
  void everyRefToAModel() {
    List<Location> expected =
        List.of(
            loc("models/a.sql", 0, 22, 0, 31),
            loc("models/a.sql", 0, 58, 0, 67),
            loc("models/b.sql", 0, 16, 0, 25),
            loc("models/uses.yml", 7, 37, 7, 46),
            loc("dbt_packages/util/models/p.sql", 0, 22, 0, 31));
    assertEquals(expected, references("select * from {{ ref('cust$0omers') }} join", false));
  }

  @Test
  void fromTheModelsOwnFileAndFromItsYamlEntry() {
    NavFixture f = NavFixture.of(NavFixture.PROJECT + USES);
    String own = f.fixture().text("models/customers.sql");
    List<Location> refs =
        f.analysis()
            .references(new Analysis.Cursor("models/customers.sql", own, own.length() - 1), true);
    assertEquals(loc("models/customers.sql", 0, 0, 0, 0), refs.get(0));
    assertEquals(6, refs.size());
    String yaml = f.fixture().text("models/schema.yml");
    int at = yaml.indexOf("customers");
    assertEquals(
        refs.subList(1, 6),
        f.analysis().references(new Analysis.Cursor("models/schema.yml", yaml, at), false));
  }

  @Test
  void pythonModelsCount() {
    List<Location> refs =
        references(
            "-- file: models/py.py\ndef model(dbt, session):\n    return dbt.ref(\"custo$0mers\")\n",
            false);
    assertTrue(refs.contains(loc("models/py.py", 1, 20, 1, 29)), refs::toString);
    assertTrue(refs.contains(loc("models/a.sql", 0, 22, 0, 31)), refs::toString);
  }

  @Test
  void versionsAreTellApart() {
    assertEquals(
        List.of(loc("models/c.sql", 0, 22, 0, 32)), references("ref('dim_orders', v=$01)", false));
    assertEquals(
        List.of(loc("models/c.sql", 0, 52, 0, 62)), references("{{ ref('dim_$0orders') }}", false));
  }

  @Test
  void everyCallOfASourceTable() {
    assertEquals(
        List.of(
            loc("models/sources.yml", 8, 14, 8, 20),
            loc("models/b.sql", 1, 83, 1, 89),
            loc("models/staging/stg_orders.sql", 0, 32, 0, 38)),
        references("{{ source('raw', 'ord$0ers') }}", true));
  }

  @Test
  void everyCallOfAMacro() {
    assertEquals(
        List.of(
            loc("macros/cents.sql", 0, 9, 0, 25),
            loc("models/b.sql", 1, 10, 1, 26),
            loc("macros/more.sql", 0, 23, 0, 39)),
        references("{{ cents_to_$0dollars('x') }}", true));
    // from the definition itself
    NavFixture f = NavFixture.of(NavFixture.PROJECT + USES);
    String def = f.fixture().text("macros/cents.sql");
    assertEquals(
        List.of(loc("models/b.sql", 1, 10, 1, 26), loc("macros/more.sql", 0, 23, 0, 39)),
        f.analysis()
            .references(
                new Analysis.Cursor("macros/cents.sql", def, def.indexOf("dollars")), false));
  }

  @Test
  void packageMacroAndDispatchImplementations() {
    assertEquals(
        List.of(loc("models/x.sql", 0, 15, 0, 19)),
        references("-- file: models/x.sql\nselect {{ util.st$0ar('a') }}\n", false));
    NavFixture f = NavFixture.of(NavFixture.PROJECT);
    String impl = f.fixture().text("macros/dispatched.sql");
    assertEquals(
        List.of(loc("macros/dispatched.sql", 0, 52, 0, 59)),
        f.analysis()
            .references(
                new Analysis.Cursor("macros/dispatched.sql", impl, impl.indexOf("duckdb__my") + 9),
                false));
  }

  @Test
  void everyUseOfAGenericTest() {
    assertEquals(
        List.of(loc("macros/tests.sql", 0, 8, 0, 19), loc("models/uses.yml", 8, 12, 8, 23)),
        references("{% test is_pos$0itive(", true));
  }

  @Test
  void fromADispatchToTheCallsOfTheDispatchingMacro() {
    assertEquals(
        List.of(loc("models/x.sql", 0, 10, 0, 17)),
        references(
            "-- file: models/x.sql\nselect {{ my_hash('id') }}, {{ adapter.dispatch('my_h$0ash', 'shop')('id') }}\n",
            false));
  }

  @Test
  void everyUseOfAVar() {
    assertEquals(
        List.of(
            loc("dbt_project.yml", 3, 2, 3, 12),
            loc("models/b.sql", 1, 44, 1, 54),
            loc("dbt_packages/util/models/p.sql", 0, 51, 0, 61)),
        references("{{ var('start_$0date') }} from", true));
  }

  @Test
  void everyUseOfADocsBlock() {
    assertEquals(
        List.of(loc("models/docs.md", 0, 8, 0, 20), loc("models/uses.yml", 3, 26, 3, 38)),
        references("{{ doc(\"order_$0status\") }}", true));
  }

  @Test
  void nothingAtThisPosition() {
    assertTrue(
        references("-- file: models/x.sql\n{{ config(materialized$0='table') }}\n", true)
            .isEmpty());
    assertTrue(references("-- file: macros/y.sql\nse$0lect 1\n", true).isEmpty());
    assertTrue(references("-- file: models/x.sql\n{{ ref('nope$0') }}\n", true).isEmpty());
  }

  @Test
  void halfTypedTextNeverFails() {
    NavFixture f = NavFixture.of(NavFixture.PROJECT + USES);
    for (String t :
        new String[] {
          "{{ ref('cust",
          "{{ ref(",
          "{{ var(",
          "{{ adapter.dispatch(",
          "{{ doc(",
          "{% macro",
          "- name: "
        }) {
      for (int i = 0; i <= t.length(); i++) {
        f.analysis().references(new Analysis.Cursor("models/a.sql", t, i), true);
        f.analysis().references(new Analysis.Cursor("models/uses.yml", t, i), true);
      }
    }
  }
}
