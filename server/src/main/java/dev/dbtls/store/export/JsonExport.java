package dev.dbtls.store.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * JSON with its own types: numbers (decimals exact, in plain notation), booleans, null; dates,
 * times and timestamps as ISO-8601 strings; bytes as base64; NaN and infinities as strings (JSON
 * has no number for them). An array of objects, or one object per line.
 */
final class JsonExport implements FormatWriter {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
  private final boolean lines;

  JsonExport(boolean lines) {
    this.lines = lines;
  }

  @Override
  public void write(List<ExportColumn> columns, Rows rows, Path file) throws Exception {
    try (OutputStream os = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
        JsonGenerator g = FACTORY.createGenerator(os, JsonEncoding.UTF8)) {
      g.setRootValueSeparator(null);
      if (!lines) {
        g.writeStartArray();
      }
      while (rows.next()) {
        g.writeStartObject();
        for (int i = 0; i < columns.size(); i++) {
          g.writeFieldName(columns.get(i).name());
          value(g, rows.get(i));
        }
        g.writeEndObject();
        if (lines) {
          g.writeRaw('\n');
        }
      }
      if (!lines) {
        g.writeEndArray();
        g.writeRaw('\n');
      }
    }
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (v instanceof Float f && Float.isFinite(f)) {
        g.writeNumber(f);
      } else if (Double.isFinite(d)) {
        g.writeNumber(d);
      } else {
        g.writeString(Double.toString(d));
      }
    } else if (v instanceof byte[] b) {
      g.writeBinary(b);
    } else {
      g.writeString(ValueText.of(v));
    }
  }
}
