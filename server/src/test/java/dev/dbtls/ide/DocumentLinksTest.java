package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.project.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentLinksTest {

  private static List<DocumentLink> links(String extra) {
    NavFixture f = NavFixture.with(extra);
    return DocumentLinks.find(f.snapshot(), f.file(), f.text());
  }

  private static DocumentLink link(int line, int col, int endCol, String path, Span target) {
    return new DocumentLink(new Span(line, col, line, endCol), new Location(path, target));
  }

  private static final Span START = new Span(0, 0, 0, 0);

  @Test
  void refsAndSourcesInSql() {
    assertEquals(
        List.of(
            link(0, 22, 35, "models/staging/stg_customers.sql", START),
            link(1, 23, 29, "models/sources.yml", new Span(8, 14, 8, 20)),
            link(2, 21, 31, "dbt_packages/util/models/util_model.sql", START),
            link(3, 13, 23, "models/dim_orders_v1.sql", START)),
        links(
            """
        -- file: models/x.sql
        $0select * from {{ ref('stg_customers') }}
        join {{ source('raw', 'orders') }} using (id)
        join {{ ref('util', 'util_model') }} using (id)
        join {{ ref('dim_orders', v=1) }} using (id)
        join {{ ref('nope') }} using (id) join {{ ref(name) }} join {{ source('raw', 'nope') }}
        """));
  }

  @Test
  void refsInYamlAndPython() {
    assertEquals(
        List.of(
            link(8, 23, 32, "models/customers.sql", START),
            link(9, 36, 42, "models/sources.yml", new Span(8, 14, 8, 20))),
        links(
            """
        -- file: models/more.yml
        $0version: 2
        models:
          - name: stg_orders
            columns:
              - name: customer_id
                data_tests:
                  - relationships:
                      field: id
                      to: ref('customers')
                      other: source('raw', 'orders')
                      missing: ref('nope')
        """));
    assertEquals(
        List.of(link(1, 20, 33, "models/staging/stg_customers.sql", START)),
        links(
            """
        -- file: models/p.py
        $0def model(dbt, session):
            return dbt.ref("stg_customers")
        """));
  }

  @Test
  void halfTypedAndUnknownFilesGiveNoLinks() {
    assertEquals(
        List.of(),
        links(
            """
        -- file: models/x.sql
        $0select * from {{ ref('stg_cust
        """));
    assertEquals(
        List.of(),
        Analysis.of(null)
            .documentLinks(Analysis.Cursor.document("models/x.sql", "{{ ref('a') }}")));
    NavFixture f = NavFixture.of(NavFixture.PROJECT);
    assertEquals(List.of(), DocumentLinks.find(f.snapshot(), "seeds/x.csv", "ref('customers')"));
  }
}
