package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.DbtProject;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading {@code target/catalog.json}: columns per unique id, tolerant of bad files. */
class CatalogTest {

  /** A catalog as dbt 1.10 writes it (trimmed): metadata, nodes, sources, stats, errors. */
  static final String CATALOG =
      """
      {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/catalog/v1.json",
        "dbt_version": "1.10.0", "generated_at": "2026-01-01T00:00:00Z", "invocation_id": "x",
        "env": {}},
       "nodes": {
        "model.shop.stg_orders": {
          "metadata": {"type": "VIEW", "schema": "main", "name": "stg_orders",
            "database": "shop", "comment": null, "owner": null},
          "columns": {
            "status": {"type": "VARCHAR", "index": 3, "name": "status", "comment": null},
            "order_id": {"type": "INTEGER", "index": 1, "name": "order_id", "comment": "the key"},
            "AMOUNT": {"type": "DECIMAL(18,2)", "index": 2, "name": "AMOUNT", "comment": ""}
          },
          "stats": {"has_stats": {"id": "has_stats", "label": "Has Stats?", "value": false,
            "include": false, "description": "Indicates whether there are statistics"}},
          "unique_id": "model.shop.stg_orders"}},
       "sources": {
        "source.shop.raw.orders": {
          "metadata": {"type": "BASE TABLE", "schema": "raw", "name": "orders"},
          "columns": {"id": {"type": "BIGINT", "index": 1, "name": "id", "comment": null}},
          "stats": {}, "unique_id": "source.shop.raw.orders"}},
       "errors": null}
      """;

  @Test
  void columnsOfNodesAndSourcesInWarehouseOrder() {
    Catalog c = Catalog.parse("target/catalog.json", CATALOG);
    assertEquals(List.of(), c.problems());
    assertEquals(2, c.relationCount());
    assertEquals(
        List.of(
            new Catalog.Column("order_id", "INTEGER", 1, "the key"),
            new Catalog.Column("AMOUNT", "DECIMAL(18,2)", 2, null),
            new Catalog.Column("status", "VARCHAR", 3, null)),
        c.columns("model.shop.stg_orders"));
    assertEquals("BIGINT", c.columns("source.shop.raw.orders").get(0).type());
    assertEquals("AMOUNT", c.column("model.shop.stg_orders", "amount").orElseThrow().name());
    assertEquals(List.of(), c.columns("model.shop.nope"));
    assertEquals(List.of(), c.columns(null));
  }

  @Test
  void readsTheTargetPathOfTheProject() {
    Fixture f =
        Fixture.of(
            "-- file: dbt_project.yml\nname: shop\ntarget-path: out\n"
                + "-- file: out/catalog.json\n"
                + CATALOG);
    DbtProject root = f.load().root();
    assertEquals(Fixture.ROOT.resolve("out/catalog.json"), Catalog.fileOf(root));
    assertEquals(2, Catalog.read(root, f).relationCount());
    assertTrue(
        Catalog.read(Fixture.of("-- file: models/a.sql\nselect 1\n").load().root(), Fixture.of(""))
            .isEmpty());
  }

  @Test
  void malformedFilesKeepWhatWasReadAndSayWhere() {
    // cut in the middle of the second relation, as while dbt is still writing it
    String cut = CATALOG.substring(0, CATALOG.indexOf("\"id\": {\"type\""));
    Catalog c = Catalog.parse("target/catalog.json", cut);
    assertEquals(3, c.columns("model.shop.stg_orders").size());
    assertEquals(1, c.problems().size());
    assertEquals(ProblemCode.CATALOG_INVALID, c.problems().get(0).code());
    assertEquals("target/catalog.json", c.problems().get(0).file());
    assertEquals(18, c.problems().get(0).line()); // where the text ends

    Catalog broken =
        Catalog.parse(
            "target/catalog.json",
            "{\"nodes\": {\"model.a.b\": {\"columns\": {\"x\": {\"type\": 1,]");
    assertEquals(ProblemCode.CATALOG_INVALID, broken.problems().get(0).code());
    assertEquals(0, broken.problems().get(0).line());
    assertEquals(53, broken.problems().get(0).column()); // the `]`

    for (String bad :
        List.of(
            "",
            "[]",
            "null",
            "{",
            "{\"nodes\": []}",
            "{\"nodes\": {\"m\": 3}}",
            "{\"nodes\": {\"m\": {\"columns\": [1]}}}",
            "{\"nodes\": {\"m\": {\"columns\": {\"c\": \"x\", \"d\": {\"index\": \"a\", \"name\": 3}}}}}")) {
      Catalog k = Catalog.parse("c.json", bad);
      assertTrue(k.relationCount() <= 1, bad);
    }
    Catalog odd =
        Catalog.parse(
            "c.json",
            "{\"nodes\": {\"m\": {\"columns\": {\"c\": \"x\", \"d\": {\"index\": \"a\", \"name\": 3}}}}}");
    assertEquals(List.of(new Catalog.Column("d", null, Integer.MAX_VALUE, null)), odd.columns("m"));
    assertEquals(List.of(), odd.problems());
    assertEquals(1, Catalog.parse("c.json", "[]").problems().size());
  }
}
