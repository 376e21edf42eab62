package dev.dbtls.store.export;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Parquet through DuckDB: rows go through DuckDB's appender into a table of a temporary database
 * file next to the target (so a result larger than memory spills to disk, not to the heap), then
 * {@code COPY ... TO ... (FORMAT parquet, COMPRESSION zstd)} writes the file with DuckDB's own
 * Parquet writer (row order kept). The temporary database is deleted afterwards. Each column keeps
 * its type; a value that does not fit its column's type fails the export with the row and column.
 */
final class ParquetExport implements FormatWriter {
  private static final String TABLE = "export_rows";

  @Override
  public void write(List<ExportColumn> columns, Rows rows, Path file) throws Exception {
    Path db = file.resolveSibling(file.getFileName() + ".duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
      try (Statement s = c.createStatement()) {
        s.execute("SET memory_limit = '256MB'");
        s.execute("SET preserve_insertion_order = true");
        s.execute(createTable(columns));
      }
      append(c.unwrap(DuckDBConnection.class), columns, rows);
      try (Statement s = c.createStatement()) {
        s.execute(
            "COPY ("
                + select(columns)
                + ") TO "
                + literal(file.toString())
                + " (FORMAT parquet, COMPRESSION zstd)");
      }
    } finally {
      deleteDatabase(db);
    }
  }

  private static void append(DuckDBConnection c, List<ExportColumn> columns, Rows rows)
      throws Exception {
    try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE)) {
      while (rows.next()) {
        a.beginRow();
        for (int i = 0; i < columns.size(); i++) {
          Object v = rows.get(i);
          try {
            appendValue(a, columns.get(i), v);
          } catch (RuntimeException e) {
            throw new SQLException(
                "row "
                    + rows.count()
                    + ", column "
                    + columns.get(i).name()
                    + ": cannot write "
                    + ValueText.of(v)
                    + " as "
                    + duckType(columns.get(i)),
                e);
          }
        }
        a.endRow();
      }
    }
  }

  private static void appendValue(DuckDBAppender a, ExportColumn col, Object v)
      throws SQLException {
    if (v == null) {
      a.appendNull();
      return;
    }
    switch (col.type()) {
      case BOOLEAN -> {
        boolean b = v instanceof Boolean x ? x : parseBoolean(ValueText.of(v));
        a.append(b);
      }
      case INTEGER ->
          a.append(v instanceof Number n ? exactLong(n) : Long.parseLong(ValueText.of(v).strip()));
      case DOUBLE ->
          a.append(
              v instanceof Number n
                  ? n.doubleValue()
                  : Double.parseDouble(ValueText.of(v).strip()));
      case DECIMAL -> {
        BigDecimal d = v instanceof BigDecimal x ? x : new BigDecimal(ValueText.of(v).strip());
        if (exactDecimal(col)) {
          a.append(d.setScale(col.scale(), RoundingMode.HALF_EVEN));
        } else {
          a.append(d.doubleValue());
        }
      }
      case DATE -> a.append(v instanceof LocalDate d ? d : LocalDate.parse(ValueText.of(v)));
      case TIME -> a.append(v instanceof LocalTime t ? t : LocalTime.parse(ValueText.of(v)));
      case TIMESTAMP ->
          a.append(
              v instanceof LocalDateTime t
                  ? t
                  : LocalDateTime.parse(ValueText.of(v).replace(' ', 'T')));
      case TIMESTAMP_TZ ->
          a.append(
              v instanceof OffsetDateTime t
                  ? t
                  : OffsetDateTime.parse(ValueText.of(v).replace(' ', 'T')));
      case BINARY ->
          a.appendByteArray(
              v instanceof byte[] b
                  ? b
                  : ValueText.of(v).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      default -> a.append(ValueText.of(v));
    }
  }

  private static long exactLong(Number n) {
    if (n instanceof BigDecimal d) {
      return d.longValueExact();
    }
    if (n instanceof BigInteger i) {
      return i.longValueExact();
    }
    if (n instanceof Double || n instanceof Float) {
      return new BigDecimal(n.toString()).longValueExact();
    }
    return n.longValue();
  }

  private static boolean parseBoolean(String s) {
    return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "t", "1", "yes" -> true;
      case "false", "f", "0", "no" -> false;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  private static boolean exactDecimal(ExportColumn c) {
    return c.precision() >= 1
        && c.precision() <= 38
        && c.scale() >= 0
        && c.scale() <= c.precision();
  }

  /** DuckDB's type for a column; a decimal of unknown precision becomes DOUBLE. */
  static String duckType(ExportColumn c) {
    return switch (c.type()) {
      case BOOLEAN -> "BOOLEAN";
      case INTEGER -> "BIGINT";
      case DECIMAL ->
          exactDecimal(c) ? "DECIMAL(" + c.precision() + ", " + c.scale() + ")" : "DOUBLE";
      case DOUBLE -> "DOUBLE";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case TIMESTAMP -> "TIMESTAMP";
      case TIMESTAMP_TZ -> "TIMESTAMPTZ";
      case BINARY -> "BLOB";
      default -> "VARCHAR";
    };
  }

  private static String createTable(List<ExportColumn> columns) {
    List<String> defs = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      defs.add("c" + i + " " + duckType(columns.get(i)));
    }
    return "CREATE TABLE " + TABLE + " (" + String.join(", ", defs) + ")";
  }

  /** Internal column names c0, c1... renamed to the result's names (any text, quoted). */
  private static String select(List<ExportColumn> columns) {
    List<String> cols = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      cols.add("c" + i + " AS \"" + columns.get(i).name().replace("\"", "\"\"") + "\"");
    }
    return "SELECT " + String.join(", ", cols) + " FROM " + TABLE;
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static void deleteDatabase(Path db) {
    for (String suffix : List.of("", ".wal")) {
      Export.deleteQuietly(db.resolveSibling(db.getFileName() + suffix));
    }
    Path spill = db.resolveSibling(db.getFileName() + ".tmp");
    if (Files.isDirectory(spill)) {
      try (Stream<Path> s = Files.walk(spill)) {
        s.sorted(Comparator.reverseOrder()).forEach(Export::deleteQuietly);
      } catch (IOException e) {
        // left behind: a hidden folder named after the temporary file
      }
    }
  }
}
