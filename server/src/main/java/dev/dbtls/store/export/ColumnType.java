package dev.dbtls.store.export;

import java.sql.Types;
import java.util.Locale;

/** The types an export keeps apart; anything else is written as text. */
public enum ColumnType {
  BOOLEAN,
  /** Whole numbers (64-bit). */
  INTEGER,
  /** Exact decimals; precision and scale travel in {@link ExportColumn}. */
  DECIMAL,
  DOUBLE,
  TEXT,
  DATE,
  TIME,
  /** A timestamp without time zone. */
  TIMESTAMP,
  /** A timestamp with time zone (an instant with its offset). */
  TIMESTAMP_TZ,
  BINARY,
  /** Arrays, structs, JSON, intervals...: written as their text. */
  OTHER;

  /** Maps a JDBC type ({@link java.sql.Types}) and the driver's type name. */
  public static ColumnType ofJdbc(int jdbcType, String typeName) {
    String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    return switch (jdbcType) {
      case Types.BOOLEAN, Types.BIT -> BOOLEAN;
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
      case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> DOUBLE;
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.CLOB,
          Types.NCLOB ->
          TEXT;
      case Types.DATE -> DATE;
      case Types.TIME, Types.TIME_WITH_TIMEZONE -> TIME;
      case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_TZ;
      // PostgreSQL reports timestamptz as TIMESTAMP and says so in the name
      case Types.TIMESTAMP ->
          name.contains("tz") || name.contains("time zone") ? TIMESTAMP_TZ : TIMESTAMP;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
      default -> OTHER;
    };
  }
}
