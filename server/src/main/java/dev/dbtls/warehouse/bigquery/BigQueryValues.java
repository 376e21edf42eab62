package dev.dbtls.warehouse.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import dev.dbtls.warehouse.PreviewColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BigQuery's columns and values as the grid shows them: types named as BigQuery writes them ({@code
 * ARRAY<INT64>}, {@code STRUCT<id INT64, tags ARRAY<STRING>>}) beside dbtls' normalized name;
 * numbers as numbers, timestamps as ISO instants, arrays as lists and structs as objects (shown as
 * JSON).
 */
final class BigQueryValues {
  private BigQueryValues() {}

  static PreviewColumn column(Field f) {
    String type = typeName(f);
    return new PreviewColumn(f.getName(), type, normalized(f));
  }

  /** The type as BigQuery's SQL writes it. */
  static String typeName(Field f) {
    String element = elementName(f);
    return f.getMode() == Field.Mode.REPEATED ? "ARRAY<" + element + ">" : element;
  }

  private static String elementName(Field f) {
    StandardSQLTypeName t = f.getType().getStandardType();
    if (t == StandardSQLTypeName.STRUCT && f.getSubFields() != null) {
      List<String> parts = new ArrayList<>();
      for (Field sub : f.getSubFields()) {
        parts.add(sub.getName() + " " + typeName(sub));
      }
      return "STRUCT<" + String.join(", ", parts) + ">";
    }
    return t.name();
  }

  static String normalized(Field f) {
    if (f.getMode() == Field.Mode.REPEATED) {
      return "array";
    }
    return switch (f.getType().getStandardType()) {
      case BOOL -> "boolean";
      case INT64 -> "integer";
      case NUMERIC, BIGNUMERIC -> "decimal";
      case FLOAT64 -> "float";
      case STRING -> "text";
      case BYTES -> "binary";
      case DATE -> "date";
      case TIME -> "time";
      case DATETIME -> "timestamp";
      case TIMESTAMP -> "timestamptz";
      case INTERVAL -> "interval";
      case JSON -> "json";
      case STRUCT -> "struct";
      default -> "other";
    };
  }

  /** One value of field {@code f}. */
  static Object value(Field f, FieldValue v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (f.getMode() == Field.Mode.REPEATED) {
      Field element = f.toBuilder().setMode(Field.Mode.NULLABLE).build();
      List<Object> out = new ArrayList<>();
      for (FieldValue x : v.getRepeatedValue()) {
        out.add(value(element, x));
      }
      return out;
    }
    return switch (f.getType().getStandardType()) {
      case BOOL -> v.getBooleanValue();
      case INT64 -> v.getLongValue();
      case NUMERIC, BIGNUMERIC -> v.getNumericValue();
      case FLOAT64 -> {
        double d = v.getDoubleValue();
        yield Double.isFinite(d) ? (Object) d : String.valueOf(d);
      }
      case TIMESTAMP -> v.getTimestampInstant().toString();
      case STRUCT -> record(f.getSubFields(), v);
      default -> v.getStringValue(); // STRING, BYTES (base64), DATE, TIME, DATETIME, JSON, …
    };
  }

  private static Map<String, Object> record(FieldList fields, FieldValue v) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<FieldValue> values = v.getRecordValue();
    for (int i = 0; i < fields.size() && i < values.size(); i++) {
      out.put(fields.get(i).getName(), value(fields.get(i), values.get(i)));
    }
    return out;
  }
}
