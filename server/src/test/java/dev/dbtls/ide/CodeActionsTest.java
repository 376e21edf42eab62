package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Problem;
import dev.dbtls.project.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quick fixes for misspelt names, and rewriting hard-coded relation names into ref/source. */
class CodeActionsTest {
  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      vars:
        start_date: '2020-01-01'
      -- file: models/staging/stg_orders.sql
      select * from {{ source('raw', 'orders') }}
      -- file: models/staging/stg_order_items.sql
      select 1 as id
      -- file: models/staging/stg_customers.sql
      select * from {{ source('raw', 'customers') }}
      -- file: macros/cents.sql
      {% macro cents_to_dollars(c) %}({{ c }} / 100){% endmacro %}
      -- file: models/sources.yml
      version: 2
      sources:
        - name: raw
          schema: raw_data
          tables:
            - name: orders
            - name: customers
      -- file: models/docs.md
      {% docs order_id %}The key.{% enddocs %}
      """;

  @Test
  void unknownRefGetsAChangeToTheCloseNames() {
    List<String> actions =
        actions(
            PROJECT
                + """
        -- file: models/a.sql
        select * from {{ ref('stg_ordrs$0') }}
        """);
    assertEquals(
        List.of("quickfix* Change to 'stg_orders' [0:22-0:31 stg_orders] fixes ref-unknown"),
        actions);
  }

  @Test
  void aSingularTestsUnknownRefGetsTheSameFix() {
    List<String> actions =
        actions(
            PROJECT
                + """
        -- file: tests/no_orders_lost.sql
        select * from {{ ref('stg_ordrs$0') }} where id is null
        """);
    assertEquals(
        List.of(
            "quickfix* Change to 'stg_orders' [0:22-0:31 stg_orders] fixes test-target-missing"),
        actions);
  }

  @Test
  void severalCandidatesClosestFirstAndPreferred() {
    List<String> actions =
        actions(
            PROJECT
                + """
        -- file: models/stg_ordes.sql
        select 1 as id
        -- file: models/a.sql
        select * from {{ ref('stg_orde$0') }}
        """);
    assertEquals(
        List.of(
            "quickfix* Change to 'stg_ordes' [0:22-0:30 stg_ordes] fixes ref-unknown",
            "quickfix Change to 'stg_orders' [0:22-0:30 stg_orders] fixes ref-unknown"),
        actions);
  }

  @Test
  void unknownSourceTableOrSourceName() {
    assertEquals(
        List.of("quickfix* Change to 'orders' [0:32-0:37 orders] fixes source-unknown"),
        actions(
            PROJECT
                + """
            -- file: models/a.sql
            select * from {{ source('raw', 'order$0') }}
            """));
    assertEquals(
        List.of("quickfix* Change to 'raw' [0:25-0:27 raw] fixes source-unknown"),
        actions(
            PROJECT
                + """
            -- file: models/a.sql
            select * from {{ source('rw$0', 'orders') }}
            """));
    assertEquals(
        List.of(
            "quickfix* Change to source('raw', 'orders') [0:25-0:27 raw,"
                + " 0:31-0:36 orders] fixes source-unknown"),
        actions(
            PROJECT
                + """
            -- file: models/a.sql
            select * from {{ source('rw$0', 'ordrs') }}
            """));
  }

  @Test
  void undefinedMacro() {
    assertEquals(
        List.of(
            "quickfix* Change to 'cents_to_dollars' [0:10-0:25 cents_to_dollars]"
                + " fixes undefined-macro"),
        actions(
            PROJECT
                + """
            -- file: models/a.sql
            select {{ cent_to_dollars$0('amount') }} as amount from t
            """));
  }

  @Test
  void undefinedVar() {
    assertEquals(
        List.of("quickfix* Change to 'start_date' [0:35-0:44 start_date] fixes var-undefined"),
        actions(
            PROJECT
                + """
            -- file: models/a.sql
            select * from t where d > '{{ var('strt_date$0') }}'
            """));
  }

  @Test
  void unknownDocInPropertyYaml() {
    assertEquals(
        List.of("quickfix* Change to 'order_id' [5:30-5:37 order_id] fixes doc-unknown"),
        actions(
            PROJECT
                + """
            -- file: models/props.yml
            version: 2
            models:
              - name: stg_orders
                columns:
                  - name: id
                    description: "{{ doc('ordr_id$0') }}"
            """));
  }

  @Test
  void unknownRefInPropertyYaml() {
    assertEquals(
        List.of(
            "quickfix* Change to 'stg_orders' [7:23-7:32 stg_orders] fixes test-target-missing"),
        actions(
            PROJECT
                + """
            -- file: models/props.yml
            version: 2
            models:
              - name: stg_orders
                columns:
                  - name: id
                    data_tests:
                      - relationships:
                          to: ref('stg_ordrs$0')
                          field: id
            """));
  }

  @Test
  void noFixWithoutACloseName() {
    assertEquals(
        List.of(),
        actions(
            PROJECT
                + """
        -- file: models/a.sql
        select * from {{ ref('zzzzzzzz$0') }}
        """));
  }

  // ---------------------------------------------------------------- hard-coded relations

  @Test
  void qualifiedRelationOfAModelBecomesARef() {
    assertEquals(
        List.of(
            "refactor.rewrite Replace with {{ ref('stg_orders') }}"
                + " [0:14-0:29 {{ ref('stg_orders') }}]"),
        actions(
            PROJECT
                + """
            -- file: models/a.sql
            select * from main.stg_$0orders o join x on true
            """));
  }

  @Test
  void threePartQuotedNameOfASourceBecomesASource() {
    assertEquals(
        List.of(
            "refactor.rewrite Replace with {{ source('raw', 'orders') }}"
                + " [0:14-0:40 {{ source('raw', 'orders') }}]"),
        actions(
            PROJECT
                + """
            -- file: models/a.sql
            select * from "shop"."raw_data".$0"orders"
            """));
  }

  @Test
  void caseIsIgnoredForBareNamesButNotForQuotedOnes() {
    assertEquals(
        1,
        actions(
                PROJECT
                    + """
        -- file: models/a.sql
        select * from RAW_DATA.Orde$0rs
        """)
            .size());
    assertEquals(
        List.of(),
        actions(
            PROJECT
                + """
        -- file: models/a.sql
        select * from "RAW_DATA"."Orde$0rs"
        """));
  }

  @Test
  void bareIdentifierOnlyAfterFromOrJoinAndWhenUnambiguous() {
    assertEquals(
        List.of(
            "refactor.rewrite Replace with {{ ref('stg_customers') }}"
                + " [1:5-1:18 {{ ref('stg_customers') }}]"),
        actions(
            PROJECT
                + """
            -- file: models/a.sql
            select * from x
            join stg_cust$0omers c on c.id = x.id
            """));
    assertEquals(
        List.of(),
        actions(
            PROJECT
                + """
        -- file: models/a.sql
        select stg_cust$0omers from x
        """));
    // "orders" is both a source table's identifier and (below) a model's
    assertEquals(
        List.of(),
        actions(
            PROJECT
                + """
        -- file: models/orders.sql
        select 1 as id
        -- file: models/a.sql
        select * from ord$0ers
        """));
  }

  @Test
  void bigQueryBacktickedPathInOneQuote() {
    assertEquals(
        List.of(
            "refactor.rewrite Replace with {{ ref('stg_orders') }}"
                + " [0:14-0:41 {{ ref('stg_orders') }}]"),
        actions(
            PROJECT
                + """
            -- file: profiles.yml
            shop:
              target: dev
              outputs:
                dev:
                  type: bigquery
                  project: proj
                  dataset: analytics
            -- file: models/a.sql
            select * from `proj.analytics.stg$0_orders`
            """));
  }

  @Test
  void anOlderVersionKeepsItsVersion() {
    assertEquals(
        List.of(
            "refactor.rewrite Replace with {{ ref('dim', v=1) }}"
                + " [0:14-0:25 {{ ref('dim', v=1) }}]"),
        actions(
            PROJECT
                + """
            -- file: models/dim_v1.sql
            select 1 as id
            -- file: models/dim_v2.sql
            select 2 as id
            -- file: models/dim.yml
            version: 2
            models:
              - name: dim
                latest_version: 2
                versions:
                  - v: 1
                  - v: 2
            -- file: models/a.sql
            select * from main.dim$0_v1
            """));
  }

  @Test
  void aNameInsideJinjaOrAStringOrTheFileItselfIsNotRewritten() {
    assertEquals(
        List.of(),
        actions(
            PROJECT
                + """
        -- file: models/a.sql
        select * from {{ 'main.stg_$0orders' }}
        """));
    assertEquals(
        List.of(),
        actions(
            PROJECT
                + """
        -- file: models/a.sql
        select 'main.stg_$0orders' as x
        """));
    assertEquals(
        List.of(),
        actions(
            PROJECT
                + """
        -- file: models/a.sql
        select * from main.$0a
        """));
  }

  @Test
  void brokenInputNeverThrows() {
    NavFixture f =
        NavFixture.of(
            PROJECT
                + """
        -- file: models/a.sql
        select * from {{ ref('stg_$0
        """);
    for (Span s :
        new Span[] {
          new Span(0, 0, 0, 0), new Span(9, 9, 9, 9), new Span(0, 5, 0, 2), new Span(-1, -1, 0, 0)
        }) {
      CodeActions.find(f.snapshot(), f.file(), f.text(), s, problems(f));
    }
    assertEquals(
        List.of(),
        f.analysis().codeActions(new Analysis.Cursor(f.file(), null, 0), Span.NONE, null));
    assertEquals(
        List.of(), Analysis.of(null).codeActions(new Analysis.Cursor(null, null, 0), null, null));
  }

  /** Actions at the cursor, given the problems the file has (as the editor would pass them). */
  private static List<String> actions(String spec) {
    NavFixture f = NavFixture.of(spec);
    Span cursor = new LineIndex(f.text()).span(f.offset(), f.offset());
    List<String> out = new ArrayList<>();
    for (CodeAction a : CodeActions.find(f.snapshot(), f.file(), f.text(), cursor, problems(f))) {
      StringBuilder sb =
          new StringBuilder(a.kind() + (a.preferred() ? "* " : " ") + a.title() + " [");
      for (int i = 0; i < a.edits().size(); i++) {
        Span r = a.edits().get(i).range();
        sb.append(i == 0 ? "" : ", ")
            .append(r.startLine())
            .append(':')
            .append(r.startColumn())
            .append('-')
            .append(r.endLine())
            .append(':')
            .append(r.endColumn())
            .append(' ')
            .append(a.edits().get(i).text());
      }
      sb.append(']');
      a.fixes().forEach(p -> sb.append(" fixes ").append(p.code().id()));
      out.add(sb.toString());
    }
    return out;
  }

  private static List<Problem> problems(NavFixture f) {
    List<Problem> out = new ArrayList<>();
    f.snapshot().manifest().problems().stream()
        .filter(p -> p.file().equals(f.file()))
        .forEach(out::add);
    NodeCompiler compiler = new NodeCompiler(f.snapshot());
    f.snapshot()
        .manifest()
        .nodesInFile(f.file())
        .forEach(
            n ->
                compiler.compile(n).problems().stream()
                    .filter(p -> p.file().equals(f.file()))
                    .forEach(out::add));
    return out;
  }
}
