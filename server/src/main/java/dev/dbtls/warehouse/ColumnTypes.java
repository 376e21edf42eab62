package dev.dbtls.warehouse;

import java.sql.Types;
import java.util.Locale;

/**
 * One normalized set of type names over every database: boolean, integer, decimal, float, text,
 * date, time, timestamp, timestamptz, binary, json, uuid, interval, array, struct, map, other. The
 * database's own type name is kept beside it.
 */
final class ColumnTypes {
  private ColumnTypes() {}

  static String normalize(int sqlType, String databaseType) {
    String t = databaseType == null ? "" : databaseType.toLowerCase(Locale.ROOT);
    if (t.startsWith("json") || t.equals("variant")) {
      return "json";
    }
    if (t.equals("uuid")) {
      return "uuid";
    }
    if (t.contains("interval")) {
      return "interval";
    }
    if (sqlType == Types.ARRAY || t.endsWith("[]") || t.startsWith("_") || t.startsWith("array")) {
      return "array";
    }
    if (t.startsWith("struct") || t.startsWith("object") || sqlType == Types.STRUCT) {
      return "struct";
    }
    if (t.startsWith("map")) {
      return "map";
    }
    return switch (sqlType) {
      case Types.BIT, Types.BOOLEAN -> "boolean";
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> "integer";
      case Types.DECIMAL, Types.NUMERIC -> t.contains("hugeint") ? "integer" : "decimal";
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> "float";
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.CLOB,
          Types.NCLOB ->
          "text";
      case Types.DATE -> "date";
      case Types.TIME, Types.TIME_WITH_TIMEZONE -> "time";
      case Types.TIMESTAMP -> zoned(t) ? "timestamptz" : "timestamp";
      case Types.TIMESTAMP_WITH_TIMEZONE -> "timestamptz";
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "binary";
      default -> byName(t);
    };
  }

  static boolean zoned(String databaseType) {
    String t = databaseType.toLowerCase(Locale.ROOT);
    return t.contains("timestamptz") || t.contains("with time zone");
  }

  private static String byName(String t) {
    if (t.contains("int")) {
      return "integer";
    }
    if (t.contains("char") || t.contains("text") || t.contains("string")) {
      return "text";
    }
    if (t.contains("bool")) {
      return "boolean";
    }
    if (t.contains("timestamp")) {
      return zoned(t) ? "timestamptz" : "timestamp";
    }
    if (t.contains("date")) {
      return "date";
    }
    if (t.contains("decimal") || t.contains("numeric")) {
      return "decimal";
    }
    if (t.contains("double") || t.contains("float") || t.contains("real")) {
      return "float";
    }
    if (t.contains("blob") || t.contains("binary") || t.contains("bytea")) {
      return "binary";
    }
    return "other";
  }
}
