package dev.dbtls.warehouse.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.StandardSQLTypeName;
import dev.dbtls.warehouse.PreviewColumn;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * BigQuery's columns and values as its REST answer carries them (every leaf a string, records and
 * arrays nested), read into the grid's types and named as BigQuery writes them.
 */
class BigQueryValuesTest {
  private static FieldValue leaf(String v) {
    return FieldValue.of(FieldValue.Attribute.PRIMITIVE, v);
  }

  @Test
  void typesAreNamedAsBigQueryWritesThem() {
    Field tags =
        Field.newBuilder("tags", StandardSQLTypeName.STRING).setMode(Field.Mode.REPEATED).build();
    Field address =
        Field.of(
            "address",
            LegacySQLTypeName.RECORD,
            Field.of("city", StandardSQLTypeName.STRING),
            Field.of("zip", StandardSQLTypeName.INT64));
    assertEquals(new PreviewColumn("tags", "ARRAY<STRING>", "array"), BigQueryValues.column(tags));
    assertEquals(
        new PreviewColumn("address", "STRUCT<city STRING, zip INT64>", "struct"),
        BigQueryValues.column(address));
    assertEquals(
        new PreviewColumn("at", "TIMESTAMP", "timestamptz"),
        BigQueryValues.column(Field.of("at", StandardSQLTypeName.TIMESTAMP)));
    assertEquals(
        new PreviewColumn("amount", "NUMERIC", "decimal"),
        BigQueryValues.column(Field.of("amount", StandardSQLTypeName.NUMERIC)));
  }

  @Test
  void leavesBecomeNumbersBooleansAndIsoTimes() {
    assertEquals(42L, BigQueryValues.value(Field.of("n", StandardSQLTypeName.INT64), leaf("42")));
    assertEquals(
        new BigDecimal("12.50"),
        BigQueryValues.value(Field.of("d", StandardSQLTypeName.NUMERIC), leaf("12.50")));
    assertEquals(true, BigQueryValues.value(Field.of("b", StandardSQLTypeName.BOOL), leaf("true")));
    assertEquals(
        "NaN", BigQueryValues.value(Field.of("f", StandardSQLTypeName.FLOAT64), leaf("NaN")));
    // the REST answer gives a timestamp as seconds since the epoch
    assertEquals(
        "2024-03-01T12:30:00Z",
        BigQueryValues.value(Field.of("t", StandardSQLTypeName.TIMESTAMP), leaf("1709296200.0")));
    assertEquals(
        "2024-03-01",
        BigQueryValues.value(Field.of("day", StandardSQLTypeName.DATE), leaf("2024-03-01")));
    assertNull(
        BigQueryValues.value(
            Field.of("n", StandardSQLTypeName.INT64),
            FieldValue.of(FieldValue.Attribute.PRIMITIVE, null)));
  }

  @Test
  void arraysAndRecordsNestAsListsAndObjects() {
    Field items =
        Field.newBuilder(
                "items",
                LegacySQLTypeName.RECORD,
                Field.of("sku", StandardSQLTypeName.STRING),
                Field.newBuilder("qty", StandardSQLTypeName.INT64).build())
            .setMode(Field.Mode.REPEATED)
            .build();
    FieldList sub = items.getSubFields();
    FieldValue one =
        FieldValue.of(
            FieldValue.Attribute.RECORD, FieldValueList.of(List.of(leaf("A-1"), leaf("2")), sub));
    FieldValue two =
        FieldValue.of(
            FieldValue.Attribute.RECORD, FieldValueList.of(List.of(leaf("B-7"), leaf("1")), sub));
    Object v =
        BigQueryValues.value(
            items, FieldValue.of(FieldValue.Attribute.REPEATED, List.of(one, two)));
    assertEquals(List.of(Map.of("sku", "A-1", "qty", 2L), Map.of("sku", "B-7", "qty", 1L)), v);
    assertEquals("ARRAY<STRUCT<sku STRING, qty INT64>>", BigQueryValues.typeName(items));
  }
}
