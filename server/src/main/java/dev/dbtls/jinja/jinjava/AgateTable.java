package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.jinja.PyObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An empty agate table: what a skipped query returns ({@code rows}, {@code columns}, ...). */
final class AgateTable implements PyObject {
  static final AgateTable EMPTY = new AgateTable();

  @Override
  public Object attr(String name) {
    return switch (name) {
      case "rows", "columns", "column_names", "column_types" -> new EmptyColumns();
      default -> MISSING;
    };
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    return switch (method) {
      case "print_table", "print_json" -> "";
      case "select", "where", "limit", "order_by", "distinct" -> this;
      default -> MISSING;
    };
  }

  @Override
  public String toString() {
    return "<agate.Table>";
  }

  /** Empty rows/columns where {@code columns[i].values()} is also empty. */
  static final class EmptyColumns extends ArrayList<Object> implements JinjaCallable {
    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
      return new ArrayList<>();
    }
  }
}
