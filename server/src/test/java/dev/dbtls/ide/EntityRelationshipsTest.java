package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dbt/erd's answer: relationships from data tests and foreign_key constraints, columns, selection.
 */
class EntityRelationshipsTest {
  private static final NavFixture F =
      NavFixture.of(
          """
      -- file: models/customers.sql
      select 1 as id, 'a' as name
      -- file: models/products.sql
      select 1 as sku
      -- file: models/orders.sql
      select 1 as order_id, 1 as customer_id, 1 as product_sku
      -- file: models/schema.yml
      version: 2
      models:
        - name: orders
          columns:
            - name: customer_id
              tests:
                - relationships:
                    to: ref('customers')
                    field: id
            - name: product_sku
              constraints:
                - type: foreign_key
                  to: ref('products')
                  to_columns: [sku]
      """);

  private static EntityRelationships.Erd erd(List<String> select) {
    Analysis a = F.analysis();
    dev.dbtls.workspace.ProjectColumns.inferNow(a, F.fixture());
    return a.erd(select, 200);
  }

  @Test
  void relationshipsFromTestsAndConstraints() {
    EntityRelationships.Erd e = erd(List.of("orders"));
    assertNull(e.message());
    assertEquals(
        List.of(
            new EntityRelationships.Relationship(
                "model.shop.orders",
                "customer_id",
                "model.shop.customers",
                "id",
                "relationships_test"),
            new EntityRelationships.Relationship(
                "model.shop.orders",
                "product_sku",
                "model.shop.products",
                "sku",
                "foreign_key_constraint")),
        e.relationships());
    assertEquals(
        List.of("model.shop.orders", "model.shop.customers", "model.shop.products"),
        e.entities().stream().map(EntityRelationships.Entity::nodeId).toList());
    EntityRelationships.Entity orders = e.entities().get(0);
    assertTrue(orders.selected());
    assertEquals(
        List.of("order_id", "customer_id", "product_sku"),
        orders.columns().stream().map(NodeColumns.Column::name).toList());
    assertEquals("integer", orders.columns().get(0).type());
    assertFalse(e.entities().get(1).selected());
  }

  @Test
  void everyModelWithoutASelectionAndABadSelector() {
    assertEquals(3, erd(null).entities().size());
    assertEquals(2, erd(null).relationships().size());
    EntityRelationships.Erd none = erd(List.of("tag:none"));
    assertEquals(0, none.relationships().size());
    assertEquals(
        "The selection criterion 'tag:none' does not match any enabled nodes", none.message());
    assertEquals(
        "The selection criterion '+bad(' does not match any enabled nodes",
        erd(List.of("+bad(")).message());
  }

  private static EntityRelationships.Relationship key(
      String from, String fromColumn, String to, String toColumn, String constraint) {
    return new EntityRelationships.Relationship(
        "model.shop." + from,
        fromColumn,
        "model.shop." + to,
        toColumn,
        List.of("warehouse_foreign_key"),
        constraint);
  }

  @Test
  void warehouseKeysSayTheSameAsTestsAndConstraintsOrAreTheirOwnEdges() {
    Analysis a = F.analysis();
    dev.dbtls.workspace.ProjectColumns.inferNow(a, F.fixture());
    EntityRelationships.Erd e =
        a.erd(
            List.of("customers"),
            200,
            new EntityRelationships.WarehouseKeys(
                List.of(
                    key("orders", "CUSTOMER_ID", "customers", "id", "orders_customer_fk"),
                    // composite: one edge per column pair, the same constraint name
                    key("orders", "customer_id", "customers", "name", "orders_customer_name_fk"),
                    key("orders", "product_sku", "customers", "id", "orders_customer_name_fk"),
                    key("orders", "product_sku", "products", "sku", "orders_product_fk")),
                null));
    assertNull(e.message());
    assertEquals(
        List.of(
            new EntityRelationships.Relationship(
                "model.shop.orders",
                "customer_id",
                "model.shop.customers",
                "id",
                List.of("relationships_test", "warehouse_foreign_key"),
                "orders_customer_fk"),
            key("orders", "customer_id", "customers", "name", "orders_customer_name_fk"),
            key("orders", "product_sku", "customers", "id", "orders_customer_name_fk")),
        e.relationships(),
        "the key between two nodes outside the selection is left out");
    assertEquals(
        List.of("model.shop.customers", "model.shop.orders"),
        e.entities().stream().map(EntityRelationships.Entity::nodeId).toList());

    EntityRelationships.Erd both =
        a.erd(
            List.of("orders"),
            200,
            new EntityRelationships.WarehouseKeys(
                List.of(key("orders", "product_sku", "products", "sku", "orders_product_fk")),
                null));
    assertEquals(List.of("relationships_test"), both.relationships().get(0).sources());
    assertEquals(
        new EntityRelationships.Relationship(
            "model.shop.orders",
            "product_sku",
            "model.shop.products",
            "sku",
            List.of("foreign_key_constraint", "warehouse_foreign_key"),
            "orders_product_fk"),
        both.relationships().get(1));
    assertEquals(2, both.relationships().size());
  }

  @Test
  void unreadWarehouseKeysSayWhyAndTheDiagramStillHasTestsAndConstraints() {
    Analysis a = F.analysis();
    dev.dbtls.workspace.ProjectColumns.inferNow(a, F.fixture());
    EntityRelationships.Erd e =
        a.erd(
            List.of("orders"),
            200,
            EntityRelationships.WarehouseKeys.unread(
                "warehouse foreign keys not read: the server is down"));
    assertEquals("warehouse foreign keys not read: the server is down", e.message());
    assertEquals(
        List.of("relationships_test", "foreign_key_constraint"),
        e.relationships().stream().map(EntityRelationships.Relationship::source).toList());
  }
}
