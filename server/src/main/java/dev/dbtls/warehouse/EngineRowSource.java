package dev.dbtls.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.store.export.ColumnType;
import dev.dbtls.store.export.ExportColumn;
import dev.dbtls.store.export.RowSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An engine's {@link QueryRows} as an export reads them: numbers, booleans and text keep their
 * type; arrays and structs are written as JSON; dates and times as the ISO text the engine gave.
 */
final class EngineRowSource implements RowSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final QueryRows rows;
  private final List<ExportColumn> columns = new ArrayList<>();

  EngineRowSource(QueryRows rows) {
    this.rows = rows;
    for (PreviewColumn c : rows.columns()) {
      columns.add(new ExportColumn(c.name(), type(c.type())));
    }
  }

  private static ColumnType type(String normalized) {
    return switch (normalized) {
      case "boolean" -> ColumnType.BOOLEAN;
      case "integer" -> ColumnType.INTEGER;
      case "decimal" -> ColumnType.DECIMAL;
      case "float" -> ColumnType.DOUBLE;
      case "text" -> ColumnType.TEXT;
      default -> ColumnType.OTHER;
    };
  }

  @Override
  public List<ExportColumn> columns() {
    return columns;
  }

  @Override
  public boolean next() throws Exception {
    return rows.next();
  }

  @Override
  public Object value(int index) throws Exception {
    Object v = rows.value(index);
    if (v instanceof List<?> || v instanceof Map<?, ?>) {
      try {
        return JSON.writeValueAsString(v);
      } catch (JsonProcessingException e) {
        return String.valueOf(v);
      }
    }
    if (v instanceof String s && columns.get(index).type() == ColumnType.DOUBLE) {
      return s; // NaN, Infinity
    }
    return v;
  }
}
