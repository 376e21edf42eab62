package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Catalog;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Columns from {@code target/catalog.json} in SQL completion and in hover, merged with YAML. */
class CatalogColumnsTest {

  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      -- file: models/stg_orders.sql
      select 1 as order_id
      -- file: models/orders.sql
      select * from {{ ref('stg_orders') }}
      -- file: models/schema.yml
      models:
        - name: stg_orders
          columns:
            - name: order_id
              description: The order key.
              data_type: int
            - name: status
              data_type: text
      sources:
        - name: raw
          tables:
            - name: orders
      -- file: target/catalog.json
      {"nodes": {
        "model.shop.stg_orders": {"columns": {
          "ORDER_ID": {"type": "INTEGER", "index": 1, "name": "ORDER_ID", "comment": null},
          "LOADED_AT": {"type": "TIMESTAMP_NTZ", "index": 2, "name": "LOADED_AT",
            "comment": "when it arrived"}}},
        "model.shop.orders": {"columns": {
          "order_id": {"type": "INTEGER", "index": 1, "name": "order_id", "comment": null}}}},
       "sources": {
        "source.shop.raw.orders": {"columns": {
          "id": {"type": "BIGINT", "index": 1, "name": "id", "comment": null}}}}}
      """;

  /** The project with {@code files} added, its catalog read as after a build. */
  private static NavFixture load(String files) {
    NavFixture f = NavFixture.of(PROJECT + files);
    ProjectCatalog.load(f.snapshot(), f.fixture());
    return f;
  }

  private static List<CompletionItem> complete(String files) {
    NavFixture l = load(files);
    return Completion.find(l.snapshot(), l.file(), l.text(), l.offset());
  }

  private static String hover(String files) {
    NavFixture l = load(files);
    return Hover.find(l.snapshot(), l.file(), l.text(), l.offset()).orElseThrow().markdown();
  }

  @Test
  void sqlColumnsMergeCatalogTypesWithYamlNamesAndDescriptions() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select s.$0 from {{ ref('stg_orders') }} s
        """);
    assertEquals(
        List.of("LOADED_AT", "order_id", "status"),
        items.stream().map(CompletionItem::label).toList());
    CompletionItem id = items.get(1);
    assertEquals("INTEGER · stg_orders", id.detail());
    assertEquals("The order key.", id.documentation());
    assertEquals("TIMESTAMP_NTZ · stg_orders", items.get(0).detail());
    assertEquals("when it arrived", items.get(0).documentation());
    assertEquals("text · stg_orders", items.get(2).detail());
  }

  @Test
  void sqlColumnsOfASourceAndOfAModelOnlyTheCatalogKnows() {
    List<CompletionItem> items =
        complete(
            """
        -- file: models/report.sql
        select r.$0 from {{ source('raw', 'orders') }} r
        """);
    assertEquals(List.of("id"), items.stream().map(CompletionItem::label).toList());
    assertEquals("BIGINT · orders", items.get(0).detail());

    items =
        complete(
            """
        -- file: models/report.sql
        select ord$0 from {{ ref('orders') }}
        """);
    assertEquals("order_id", items.get(0).label());
    assertEquals(CompletionKind.COLUMN, items.get(0).kind());
    assertNull(items.get(0).documentation());
  }

  @Test
  void hoverTablesTheCatalogColumnsThenYamlOnlyOnes() {
    String md =
        hover(
            """
        -- file: models/report.sql
        select * from {{ ref('stg_ord$0ers') }}
        """);
    assertTrue(
        md.contains(
            """
        | column | type | description |
        |---|---|---|
        | `order_id` | INTEGER | The order key. |
        | `LOADED_AT` | TIMESTAMP_NTZ | when it arrived |
        | `status` | text |  |

        Column types from `target/catalog.json` (`dbt docs generate`).
        """),
        md);

    md =
        hover(
            """
        -- file: models/report.sql
        select * from {{ source('raw', 'ord$0ers') }}
        """);
    assertTrue(md.contains("| `id` | BIGINT |  |"), md);
  }

  @Test
  void columnHoverSpellsAndDescribesAColumnAsCompletionDoes() {
    // one "columns of a node" (NodeColumns): YAML's spelling, the catalog's type
    String md =
        hover(
            """
        -- file: models/report.sql
        select order$0_id from {{ ref('stg_orders') }}
        """);
    assertTrue(md.startsWith("**column** `order_id` `INTEGER` · model `stg_orders`"), md);
    assertTrue(md.endsWith("The order key."), md);
  }

  @Test
  void oneReadPerSnapshotAndNoneWithoutAFile() {
    NavFixture l = load("-- file: models/report.sql\nselect 1$0\n");
    Catalog first = ProjectCatalog.of(l.snapshot());
    assertSame(first, ProjectCatalog.of(l.snapshot()));
    assertEquals(3, first.relationCount());
    Fixture none = Fixture.of("-- file: models/a.sql\nselect 1\n");
    ProjectSnapshot s = none.snapshot();
    assertSame(Catalog.EMPTY, ProjectCatalog.load(s, none));
    assertSame(Catalog.EMPTY, ProjectCatalog.load(null, none));
  }
}
