package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Problem;
import dev.dbtls.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogChecksTest {
  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      -- file: models/orders.sql
      select 1 as id, 2 as amount
      -- file: models/customers.sql
      select 1 as id
      -- file: models/schema.yml
      version: 2
      models:
        - name: orders
          columns:
            - name: id
            - name: amount
            - name: discount
              description: not built yet
        - name: customers
          columns:
            - name: nickname
      sources:
        - name: raw
          tables:
            - name: payments
              columns:
                - name: ID
                - name: method
      """;

  private static final String CATALOG =
      """
      -- file: target/catalog.json
      {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/catalog/v1.json"},
       "nodes": {"model.shop.orders": {"unique_id": "model.shop.orders",
         "metadata": {"type": "BASE TABLE", "schema": "main", "name": "orders"},
         "columns": {"id": {"type": "INTEGER", "index": 1, "name": "id"},
                     "AMOUNT": {"type": "INTEGER", "index": 2, "name": "AMOUNT"}}}},
       "sources": {"source.shop.raw.payments": {"unique_id": "source.shop.raw.payments",
         "metadata": {"type": "BASE TABLE", "schema": "raw", "name": "payments"},
         "columns": {"id": {"type": "INTEGER", "index": 1, "name": "id"}}}}}
      """;

  private static List<Problem> problems(String spec) {
    Fixture f = Fixture.of(spec);
    ProjectSnapshot s = f.snapshot();
    ProjectCatalog.load(s, f);
    return Analysis.strict(s).diagnostics(List.of()).values().stream()
        .flatMap(List::stream)
        .filter(
            p ->
                p.code().id().startsWith("property-unknown-column")
                    || p.code().id().equals("catalog-invalid"))
        .toList();
  }

  @Test
  void aDescribedColumnTheRelationDoesNotHave() {
    List<Problem> found = problems(PROJECT + CATALOG);
    assertEquals(
        List.of(
            "models/schema.yml:7:15: warning property-unknown-column: column 'discount' is not in model 'orders'",
            "models/schema.yml:18:19: warning property-unknown-column: column 'method' is not in source 'payments'"),
        found.stream()
            .map(p -> p.format().substring(0, p.format().indexOf("' according") + 1))
            .toList());
    // customers is not in the catalog (built after it): nothing is said
  }

  @Test
  void noCatalogNoCheckAndABrokenOneIsReportedAtItsFile() {
    assertEquals(List.of(), problems(PROJECT));
    List<Problem> broken = problems(PROJECT + "-- file: target/catalog.json\n{\"nodes\": {\n");
    assertEquals(
        List.of("target/catalog.json"), broken.stream().map(Problem::file).distinct().toList());
  }
}
