package dev.dbtls.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Snowflake's semi-structured values as its JDBC driver hands them over — {@code VARCHAR} columns
 * named {@code VARIANT}, {@code OBJECT} or {@code ARRAY} holding pretty-printed JSON — reach the
 * grid as JSON (lists and maps, numbers exact) with a JSON type, not as text with line breaks. The
 * strings come from a real result set (DuckDB), under Snowflake's (and Databricks') type names.
 */
class NestedJsonValuesTest {
  private static Object read(String literal, String snowflakeType) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet rs = c.createStatement().executeQuery("select " + literal)) {
      rs.next();
      return Values.read(rs, 1, Types.VARCHAR, snowflakeType);
    }
  }

  @Test
  void variantObjectAndArrayAreJson() throws Exception {
    assertEquals(
        Map.of(
            "id",
            BigInteger.valueOf(12345678901234567L),
            "price",
            new BigDecimal("19.990"),
            "tags",
            List.of("a", "b"),
            "ok",
            true),
        read(
            "'{\n  \"id\": 12345678901234567,\n  \"price\": 19.990,\n  \"tags\": [\n    \"a\",\n"
                + "    \"b\"\n  ],\n  \"ok\": true\n}'",
            "VARIANT"));
    assertEquals(List.of(BigInteger.ONE, "two"), read("'[\n  1,\n  \"two\"\n]'", "ARRAY"));
    assertEquals(Map.of("a", BigInteger.TWO), read("'{\"a\": 2}'", "OBJECT(a NUMBER)"));
    assertEquals("plain text", read("'\"plain text\"'", "VARIANT"), "a JSON string is a string");
    assertEquals("not json {", read("'not json {'", "VARIANT"), "kept as it came");
    // Databricks' driver hands its nested types over the same way
    assertEquals(
        Map.of("a", BigInteger.ONE, "b", List.of("x")),
        read("'{\"a\":1,\"b\":[\"x\"]}'", "STRUCT<a: INT, b: ARRAY<STRING>>"));
    assertEquals("{\"a\": 1}", read("'{\"a\": 1}'", "VARCHAR"), "text columns stay text");
  }

  @Test
  void theirTypesAreJsonArrayAndStruct() {
    assertEquals("json", ColumnTypes.normalize(Types.VARCHAR, "VARIANT"));
    assertEquals("array", ColumnTypes.normalize(Types.VARCHAR, "ARRAY"));
    assertEquals("array", ColumnTypes.normalize(Types.VARCHAR, "ARRAY(NUMBER)"));
    assertEquals("struct", ColumnTypes.normalize(Types.VARCHAR, "OBJECT"));
    assertEquals("map", ColumnTypes.normalize(Types.VARCHAR, "MAP(VARCHAR, NUMBER)"));
    assertEquals("text", ColumnTypes.normalize(Types.VARCHAR, "VARCHAR"));
  }
}
