package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.jinja.PyObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An empty agate table: what a skipped query returns ({@code rows}, {@code columns}, ...);
 * iterating it, as {@code for row in load_result('q')['table']} does, gives no rows.
 */
final class AgateTable implements PyObject, Iterable<Object> {
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
  public java.util.Iterator<Object> iterator() {
    return java.util.Collections.emptyIterator();
  }

  @Override
  public String toString() {
    return "<agate.Table>";
  }

  /**
   * Rows or columns of a result nobody ran: an empty list that also answers as agate's mapped
   * sequences do ({@code columns.items()}, {@code columns['x'].values()}, {@code rows[0][1]}),
   * always with more emptiness, so macros written for real results (dbt_utils'
   * get_query_results_as_dict, get_column_values) render without false errors.
   */
  static final class EmptyColumns extends ArrayList<Object>
      implements JinjaCallable,
          PyObject,
          com.hubspot.jinjava.objects.serialization.PyishSerializable {
    // PyishSerializable: Jinjava would otherwise rewrap it as a plain list when it is stored

    @Override
    public String toString() {
      return "[]";
    }

    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
      return new EmptyColumns();
    }

    @Override
    public Object attr(String name) {
      return new EmptyColumns(); // columns[0], columns['id'], row.id, column.values_distinct
    }

    @Override
    public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
      return switch (method) {
        case "index", "count" -> 0L;
        default -> new EmptyColumns(); // items(), keys(), values(), values_distinct(), ...
      };
    }
  }
}
