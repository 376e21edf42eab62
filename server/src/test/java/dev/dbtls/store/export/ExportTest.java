package dev.dbtls.store.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExportTest {
  static final int N = 100_000;
  @TempDir Path dir;

  private ExportResult export(ExportFormat format, long rows) {
    Path file = dir.resolve("result." + format.extension());
    ExportResult r = Export.write(SampleRows.source(rows, -1), file, format);
    assertTrue(r.ok(), r.error());
    assertEquals(file, r.file());
    assertEquals(rows, r.rows());
    return r;
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  // ---- CSV

  @Test
  void csvOf100kRowsParsesBackPerRfc4180() throws Exception {
    ExportResult r = export(ExportFormat.CSV, N);
    List<List<String>> rows;
    try (Reader in = Files.newBufferedReader(r.file(), StandardCharsets.UTF_8)) {
      rows = parseCsv(in);
    }
    assertEquals(N + 1, rows.size());
    assertEquals(
        List.of("id", "name", "amount", "ratio", "flag", "day", "at", "at_tz", "note"),
        rows.get(0));
    for (int i = 0; i < N; i++) {
      List<Object> want = SampleRows.row(i);
      List<String> got = rows.get(i + 1);
      assertEquals(Long.toString(i), got.get(0));
      assertEquals(want.get(1), got.get(1));
      assertEquals(want.get(2), new BigDecimal(got.get(2)));
      assertEquals(want.get(3), Double.parseDouble(got.get(3)));
      assertEquals(want.get(4).toString(), got.get(4));
      assertEquals(want.get(5), LocalDate.parse(got.get(5)));
      assertEquals(want.get(6), LocalDateTime.parse(got.get(6)));
      assertEquals(want.get(7), OffsetDateTime.parse(got.get(7)));
      assertEquals(want.get(8), got.get(8), "row " + i); // null stays apart from ""
    }
    String text = Files.readString(r.file());
    assertTrue(
        text.startsWith(
            "id,name,amount,ratio,flag,day,at,at_tz,note\r\n"
                + "0,plain,0.00,0.0,true,2024-01-01,2024-01-01T00:00:00,2024-01-01T00:00:00+02:00,\r\n"
                + "1,\"with, comma\",1.37,0.125,false,2024-01-02,2024-01-01T00:00:01.000001,"
                + "2024-01-01T00:01:00+02:00,note 1\r\n"
                + "2,\"with \"\"quotes\"\"\",2.74,0.25,false,"),
        text.substring(0, 300));
  }

  /** RFC 4180: an unquoted empty field is null, a quoted one "". */
  static List<List<String>> parseCsv(Reader r) throws IOException {
    BufferedReader in = new BufferedReader(r);
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int c;
    while ((c = in.read()) != -1) {
      if (quoted) {
        if (c == '"') {
          in.mark(1);
          if (in.read() == '"') {
            field.append('"');
          } else {
            in.reset();
            quoted = false;
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"') {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',' || c == '\r') {
        row.add(field.isEmpty() && !wasQuoted ? null : field.toString());
        field.setLength(0);
        wasQuoted = false;
        if (c == '\r') {
          assertEquals('\n', in.read(), "a record ends with CRLF");
          rows.add(row);
          row = new ArrayList<>();
        }
      } else {
        assertFalse(c == '\n', "a bare LF outside quotes");
        field.append((char) c);
      }
    }
    assertTrue(row.isEmpty() && field.isEmpty(), "the last record ends with CRLF");
    return rows;
  }

  // ---- JSON

  @Test
  void jsonArrayOf100kRowsKeepsTypes() throws Exception {
    ExportResult r = export(ExportFormat.JSON, N);
    ObjectMapper mapper =
        new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    int i = 0;
    try (JsonParser p = mapper.createParser(r.file().toFile())) {
      assertEquals(JsonToken.START_ARRAY, p.nextToken());
      while (p.nextToken() == JsonToken.START_OBJECT) {
        checkJson(i++, mapper.readTree(p));
      }
      assertEquals(JsonToken.END_ARRAY, p.currentToken());
    }
    assertEquals(N, i);
  }

  @Test
  void jsonLinesOf100kRowsKeepTypes() throws Exception {
    ExportResult r = export(ExportFormat.JSON_LINES, N);
    ObjectMapper mapper =
        new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    List<String> lines = Files.readAllLines(r.file());
    assertEquals(N, lines.size());
    int i = 0;
    try (MappingIterator<JsonNode> it =
        mapper.readerFor(JsonNode.class).readValues(r.file().toFile())) {
      while (it.hasNext()) {
        checkJson(i++, it.next());
      }
    }
    assertEquals(N, i);
    assertEquals(
        "{\"id\":1,\"name\":\"with, comma\",\"amount\":1.37,\"ratio\":0.125,"
            + "\"flag\":false,\"day\":\"2024-01-02\",\"at\":\"2024-01-01T00:00:01.000001\","
            + "\"at_tz\":\"2024-01-01T00:01:00+02:00\",\"note\":\"note 1\"}",
        lines.get(1));
  }

  private static void checkJson(int i, JsonNode o) {
    List<Object> want = SampleRows.row(i);
    assertTrue(o.get("id").isIntegralNumber());
    assertEquals(i, o.get("id").longValue());
    assertEquals(want.get(1), o.get("name").textValue());
    assertTrue(o.get("amount").isBigDecimal());
    // Jackson's tree drops trailing zeros; the text keeps them (see the line compared above)
    assertEquals(0, ((BigDecimal) want.get(2)).compareTo(o.get("amount").decimalValue()));
    assertEquals((double) want.get(3), o.get("ratio").doubleValue());
    assertTrue(o.get("flag").isBoolean());
    assertEquals(want.get(4), o.get("flag").booleanValue());
    assertEquals(want.get(5), LocalDate.parse(o.get("day").textValue()));
    assertEquals(want.get(6), LocalDateTime.parse(o.get("at").textValue()));
    assertEquals(want.get(7), OffsetDateTime.parse(o.get("at_tz").textValue()));
    if (want.get(8) == null) {
      assertTrue(o.get("note").isNull());
    } else {
      assertEquals(want.get(8), o.get("note").textValue());
    }
  }

  // ---- XLSX

  @Test
  void xlsxOf100kRowsHasTypedCells() throws Exception {
    ExportResult r = export(ExportFormat.XLSX, N);
    try (ReadableWorkbook wb =
        new ReadableWorkbook(r.file().toFile(), new ReadingOptions(true, false))) {
      List<Sheet> sheets = wb.getSheets().toList();
      assertEquals(List.of("result"), sheets.stream().map(Sheet::getName).toList());
      AtomicInteger count = new AtomicInteger();
      try (Stream<Row> rows = sheets.get(0).openStream()) {
        rows.forEach(
            row -> {
              int n = count.getAndIncrement();
              if (n == 0) {
                assertEquals("id", row.getCellText(0));
                assertEquals("note", row.getCellText(8));
              } else {
                checkXlsx(n - 1, row);
              }
            });
      }
      assertEquals(N + 1, count.get());
    }
  }

  private static void checkXlsx(int i, Row row) {
    List<Object> want = SampleRows.row(i);
    Cell id = row.getCell(0);
    assertEquals(CellType.NUMBER, id.getType());
    assertEquals(BigDecimal.valueOf(i), id.asNumber());
    assertEquals(CellType.STRING, row.getCell(1).getType());
    assertEquals(want.get(1), row.getCell(1).asString());
    assertEquals(0, ((BigDecimal) want.get(2)).compareTo(row.getCell(2).asNumber()));
    assertEquals((double) want.get(3), row.getCell(3).asNumber().doubleValue());
    assertEquals(CellType.BOOLEAN, row.getCell(4).getType());
    assertEquals(want.get(4), row.getCell(4).asBoolean());
    Cell day = row.getCell(5);
    assertEquals(CellType.NUMBER, day.getType());
    assertEquals("yyyy-mm-dd", day.getDataFormatString());
    assertEquals(((LocalDate) want.get(5)).atStartOfDay(), day.asDate());
    Cell at = row.getCell(6);
    assertEquals("yyyy-mm-dd hh:mm:ss", at.getDataFormatString());
    // Excel's day fractions round to the millisecond
    assertEquals(((LocalDateTime) want.get(6)).withNano(0), at.asDate().withNano(0));
    assertEquals(
        SampleRows.atTz(i).toInstant(),
        row.getCell(7).asDate().toInstant(java.time.ZoneOffset.UTC));
    if (want.get(8) == null) {
      assertTrue(
          row.getCellCount() < 9
              || row.getCell(8) == null
              || row.getCell(8).getType() == CellType.EMPTY);
    } else {
      assertEquals(want.get(8), row.getCell(8).asString());
    }
  }

  @Test
  void xlsxStartsANewSheetPastTheRowLimit() throws Exception {
    Path file = dir.resolve("small.xlsx");
    new XlsxExport(10)
        .write(SampleRows.COLUMNS, new Rows(SampleRows.source(25, -1), () -> false), file);
    try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
      List<Sheet> sheets = wb.getSheets().toList();
      assertEquals(
          List.of("result", "result 2", "result 3"), sheets.stream().map(Sheet::getName).toList());
      List<Row> last = sheets.get(2).read();
      assertEquals(6, last.size());
      assertEquals("id", last.get(0).getCellText(0));
      assertEquals("24", last.get(5).getCellText(0));
    }
  }

  // ---- Parquet

  @Test
  void parquetOf100kRowsKeepsTypesAndValues() throws Exception {
    ExportResult r = export(ExportFormat.PARQUET, N);
    assertEquals(List.of("result.parquet"), files());
    String f = "read_parquet('" + r.file() + "')";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      List<String> types = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + f)) {
        while (rs.next()) {
          types.add(rs.getString(1) + " " + rs.getString(2));
        }
      }
      assertEquals(
          List.of(
              "id BIGINT",
              "name VARCHAR",
              "amount DECIMAL(12,2)",
              "ratio DOUBLE",
              "flag BOOLEAN",
              "day DATE",
              "at TIMESTAMP",
              "at_tz TIMESTAMP WITH TIME ZONE",
              "note VARCHAR"),
          types);
      BigDecimal amounts = BigDecimal.ZERO;
      long notes = 0;
      for (long i = 0; i < N; i++) {
        amounts = amounts.add(SampleRows.amount(i));
        notes += SampleRows.row(i).get(8) == null ? 0 : 1;
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*), sum(id), sum(amount), count(note),"
                  + " count(*) FILTER (flag), min(day), max(\"at\"), sum(ratio),"
                  + " count(*) FILTER (note = '') FROM "
                  + f)) {
        assertTrue(rs.next());
        assertEquals(N, rs.getLong(1));
        assertEquals((long) N * (N - 1) / 2, rs.getLong(2));
        assertEquals(amounts, rs.getBigDecimal(3));
        assertEquals(notes, rs.getLong(4));
        assertEquals((N + 2) / 3, rs.getLong(5));
        assertEquals(LocalDate.of(2024, 1, 1), rs.getObject(6, LocalDate.class));
        assertEquals(SampleRows.row(N - 1).get(6), rs.getObject(7, LocalDateTime.class));
        assertEquals((double) N * (N - 1) / 2 / 8, rs.getDouble(8));
        assertTrue(rs.getLong(9) > 0);
      }
      // row order and every column of a row with awkward text
      try (ResultSet rs = s.executeQuery("SELECT * FROM " + f + " LIMIT 1 OFFSET 4")) {
        assertTrue(rs.next());
        List<Object> want = SampleRows.row(4);
        assertEquals(4L, rs.getLong("id"));
        assertEquals(want.get(1), rs.getString("name"));
        assertEquals(want.get(2), rs.getBigDecimal("amount"));
        assertEquals(want.get(6), rs.getObject("at", LocalDateTime.class));
        assertEquals(
            SampleRows.atTz(4).toInstant(),
            rs.getObject("at_tz", OffsetDateTime.class).toInstant());
      }
    }
  }

  // ---- every format

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void aFailingRowSourceLeavesNoFile(ExportFormat format) throws Exception {
    Path file = dir.resolve("result." + format.extension());
    ExportResult r = Export.write(SampleRows.source(N, 5_000), file, format);
    assertFalse(r.ok());
    assertNull(r.file());
    assertEquals("cannot export to " + file + ": connection reset by peer", r.error());
    assertEquals(List.of(), files());
  }

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void aCancelledExportKeepsTheOldFile(ExportFormat format) throws Exception {
    Path file = dir.resolve("result." + format.extension());
    Files.writeString(file, "old");
    AtomicInteger polls = new AtomicInteger();
    ExportResult r =
        Export.write(SampleRows.source(N, -1), file, format, () -> polls.incrementAndGet() > 3);
    assertEquals("the export was cancelled", r.error());
    assertEquals(List.of(file.getFileName().toString()), files());
    assertEquals("old", Files.readString(file));
  }

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void anEmptyResultIsAFileWithColumnsOnly(ExportFormat format) throws Exception {
    ExportResult r = export(format, 0);
    assertEquals(format == ExportFormat.JSON_LINES, r.bytes() == 0); // no line, no byte
    if (format == ExportFormat.JSON) {
      assertEquals("[]\n", Files.readString(r.file()));
    }
  }

  @Test
  void aMissingFolderIsAMessage() {
    Path file = dir.resolve("no/such/result.csv");
    ExportResult r = Export.write(SampleRows.source(3, -1), file, ExportFormat.CSV);
    assertEquals("cannot export: the folder " + file.getParent() + " does not exist", r.error());
  }

  @Test
  void aValueThatDoesNotFitItsParquetColumnNamesRowAndColumn() throws Exception {
    List<ExportColumn> cols = List.of(new ExportColumn("n", ColumnType.INTEGER));
    Path file = dir.resolve("bad.parquet");
    ExportResult r =
        Export.write(
            RowSource.of(cols, List.of(List.of(1L), List.of("two")).iterator()),
            file,
            ExportFormat.PARQUET);
    assertEquals(
        "cannot export to " + file + ": row 2, column n: cannot write two as BIGINT", r.error());
    assertEquals(List.of(), files());
  }

  @Test
  void namesAreMadeUnique() {
    List<ExportColumn> cols =
        Export.uniqueNames(
            List.of(
                new ExportColumn("a", ColumnType.TEXT), new ExportColumn("a", ColumnType.TEXT),
                new ExportColumn("", ColumnType.TEXT), new ExportColumn(null, null)));
    assertEquals(
        List.of("a", "a_2", "column_3", "column_4"),
        cols.stream().map(ExportColumn::name).toList());
    assertEquals(ColumnType.OTHER, cols.get(3).type());
  }

  @Test
  void formatsByName() {
    assertEquals(ExportFormat.JSON_LINES, ExportFormat.of("JSONL").orElseThrow());
    assertEquals(ExportFormat.JSON_LINES, ExportFormat.of("json-lines").orElseThrow());
    assertEquals(ExportFormat.JSON_LINES, ExportFormat.of("ndjson").orElseThrow());
    assertEquals(ExportFormat.PARQUET, ExportFormat.of("parquet").orElseThrow());
    assertTrue(ExportFormat.of("xml").isEmpty());
  }

  // ---- straight from JDBC

  @Test
  void aDuckDbResultSetKeepsItsTypes() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT range AS id, (range * 1.25)::DECIMAL(10, 2) AS"
                    + " price, DATE '2024-03-01' + range::INT AS day, TIMESTAMPTZ"
                    + " '2024-03-01 10:00:00+00' AS at_tz, 'x,' || range AS label, [1, 2] AS list,"
                    + " range % 2 = 0 AS even, NULL::VARCHAR AS nothing FROM range(1000)")) {
      RowSource rows = RowSource.of(rs);
      assertEquals(
          List.of(
              ColumnType.INTEGER,
              ColumnType.DECIMAL,
              ColumnType.DATE,
              ColumnType.TIMESTAMP_TZ,
              ColumnType.TEXT,
              ColumnType.OTHER,
              ColumnType.BOOLEAN,
              ColumnType.TEXT),
          rows.columns().stream().map(ExportColumn::type).toList());
      ExportResult r = Export.write(rows, dir.resolve("duck.parquet"), ExportFormat.PARQUET);
      assertTrue(r.ok(), r.error());
      assertEquals(1000, r.rows());
      try (ResultSet back =
          s.executeQuery(
              "SELECT count(*), sum(price), max(day),"
                  + " min(at_tz), max(label), any_value(list), count(nothing), typeof(any_value(price))"
                  + " FROM read_parquet('"
                  + r.file()
                  + "')")) {
        assertTrue(back.next());
        assertEquals(1000, back.getLong(1));
        assertEquals(new BigDecimal("624375.00"), back.getBigDecimal(2));
        assertEquals(LocalDate.of(2024, 3, 1).plusDays(999), back.getObject(3, LocalDate.class));
        assertEquals(
            OffsetDateTime.parse("2024-03-01T10:00:00Z").toInstant(),
            back.getObject(4, OffsetDateTime.class).toInstant());
        assertEquals("x,999", back.getString(5));
        assertEquals("[1, 2]", back.getString(6));
        assertEquals(0, back.getLong(7));
        assertEquals("DECIMAL(10,2)", back.getString(8));
      }
    }
  }

  @Test
  void aSqliteResultSetExportsToCsv() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INTEGER, name TEXT, score REAL)");
      s.execute("INSERT INTO t VALUES (1, 'a\"b', 1.5), (2, NULL, NULL), (3, '', 2)");
      try (ResultSet rs = s.executeQuery("SELECT * FROM t ORDER BY id")) {
        ExportResult r = Export.write(RowSource.of(rs), dir.resolve("t.csv"), ExportFormat.CSV);
        assertTrue(r.ok(), r.error());
        assertEquals(
            "id,name,score\r\n1,\"a\"\"b\",1.5\r\n2,,\r\n3,\"\",2.0\r\n",
            Files.readString(r.file()));
      }
    }
  }
}
