package dev.dbtls.warehouse.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexSqlTest {
  @Test
  void indexNamesAndIdentifiers() {
    assertEquals(
        "dbtls_orders_customer_id_idx", IndexSql.indexName("orders", List.of("customer_id")));
    String longName =
        IndexSql.indexName(
            "a_very_long_table_name_for_orders_of_customers",
            List.of("customer_identifier", "created_at_timestamp"));
    assertEquals(63, longName.length());
    assertTrue(longName.startsWith("dbtls_a_very_long_table_name") && longName.endsWith("_idx"));
    assertEquals(
        longName,
        IndexSql.indexName(
            "a_very_long_table_name_for_orders_of_customers",
            List.of("customer_identifier", "created_at_timestamp")));
    assertEquals("dbtls_my_table_order_idx", IndexSql.indexName("My Table", List.of("Order")));
    assertEquals("orders", IndexSql.ident("orders", "postgres"));
    assertEquals("\"order\"", IndexSql.ident("order", "postgres"));
    assertEquals("\"Orders\"", IndexSql.ident("Orders", "duckdb"));
    assertEquals("Orders", IndexSql.ident("Orders", "mariadb"));
    assertEquals("`my table`", IndexSql.ident("my table", "mariadb"));
  }
}
