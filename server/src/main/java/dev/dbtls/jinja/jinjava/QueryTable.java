package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.objects.serialization.PyishSerializable;
import dev.dbtls.jinja.Database;
import dev.dbtls.jinja.PyObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The agate table of a query a build ran ({@code run_query}, {@code load_result('x')['table']}):
 * {@code rows} (each indexed by position or column name), {@code columns} (by position or name,
 * each with {@code name} and {@code values()}), {@code column_names}; iterating it gives the rows.
 */
final class QueryTable implements PyObject, Iterable<Object> {
  private final List<String> names;
  private final Rows rows = new Rows();

  QueryTable(Database.Result result) {
    this.names = result.columns();
    for (List<Object> r : result.rows()) {
      rows.add(new Row(names, r));
    }
  }

  /** dbt's {@code load_result(name)}: data (rows as tuples), table and the adapter's response. */
  static Map<String, Object> statementResult(Database.Result r) {
    QueryTable table = new QueryTable(r);
    List<Object> data = new ArrayList<>();
    r.rows().forEach(row -> data.add(new PyTuple(row)));
    java.util.HashMap<String, Object> out = new java.util.HashMap<>();
    out.put("data", data);
    out.put("table", table);
    out.put("response", response(r));
    return out;
  }

  /** dbt's AdapterResponse: {@code _message}, {@code code}, {@code rows_affected}. */
  static PyObjects response(Database.Result r) {
    String message = r.code() + (r.rowsAffected() > 0 ? " " + r.rowsAffected() : "");
    return new PyObjects(
        "AdapterResponse",
        Map.of(
            "_message", message.strip(),
            "code", r.code(),
            "rows_affected", Math.max(0, r.rowsAffected())));
  }

  @Override
  public Object attr(String name) {
    return switch (name) {
      case "rows" -> rows;
      case "columns" -> columns();
      case "column_names" -> new PyTuple(names);
      default -> MISSING;
    };
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    return switch (method) {
      case "print_table", "print_json" -> "";
      default -> MISSING;
    };
  }

  private Columns columns() {
    Columns out = new Columns();
    for (int i = 0; i < names.size(); i++) {
      List<Object> values = new ArrayList<>();
      for (Object r : rows) {
        values.add(((Row) r).get(i));
      }
      out.add(new Column(names.get(i), values));
    }
    return out;
  }

  @Override
  public java.util.Iterator<Object> iterator() {
    return rows.iterator();
  }

  @Override
  public String toString() {
    return "<agate.Table " + names + " " + rows.size() + " rows>";
  }

  /** The item at a position written as an attribute ({@code rows[0]} reaches here as "0"). */
  private static Object at(List<Object> list, String name) {
    if (!name.matches("-?\\d{1,9}")) {
      return MISSING;
    }
    int i = Integer.parseInt(name);
    int index = i < 0 ? list.size() + i : i;
    return index >= 0 && index < list.size() ? list.get(index) : MISSING;
  }

  /** A list of rows that also answers {@code rows.values()}. */
  static final class Rows extends ArrayList<Object> implements PyObject, PyishSerializable {
    @Override
    public Object attr(String name) {
      return at(this, name);
    }

    @Override
    public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
      return "values".equals(method) ? new ArrayList<>(this) : MISSING;
    }
  }

  /** One row: a tuple also readable by column name ({@code row['id']}, {@code row.id}). */
  static final class Row extends ArrayList<Object> implements PyObject, PyishSerializable {
    private final List<String> names;

    Row(List<String> names, List<Object> values) {
      super(values);
      this.names = names;
    }

    @Override
    public Object attr(String name) {
      int i = indexOf(name);
      return i < 0 ? at(this, name) : get(i);
    }

    private int indexOf(String name) {
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).equalsIgnoreCase(name)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
      return switch (method) {
        case "keys" -> new ArrayList<Object>(names);
        case "values" -> new ArrayList<>(this);
        case "items" -> {
          List<Object> out = new ArrayList<>();
          for (int i = 0; i < size(); i++) {
            out.add(new PyTuple(List.of(names.get(i), String.valueOf(get(i)))));
          }
          yield out;
        }
        case "get" -> {
          Object v = args.isEmpty() ? MISSING : attr(String.valueOf(args.get(0)));
          yield v == MISSING ? (args.size() > 1 ? args.get(1) : null) : v;
        }
        default -> MISSING;
      };
    }
  }

  /** The columns, by position or by name ({@code columns['id']}). */
  static final class Columns extends ArrayList<Object> implements PyObject, PyishSerializable {
    @Override
    public Object attr(String name) {
      for (Object c : this) {
        if (((Column) c).name.equalsIgnoreCase(name)) {
          return c;
        }
      }
      return at(this, name);
    }

    @Override
    public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
      return switch (method) {
        case "keys" -> stream().map(c -> (Object) ((Column) c).name).toList();
        case "values" -> new ArrayList<>(this);
        case "items" ->
            stream().map(c -> (Object) new PyTuple(List.of(((Column) c).name, c))).toList();
        default -> MISSING;
      };
    }
  }

  /** One column: its name and values. */
  record Column(String name, List<Object> values) implements PyObject {
    @Override
    public Object attr(String key) {
      return "name".equals(key) ? name : MISSING;
    }

    @Override
    public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
      return switch (method) {
        case "values" -> new ArrayList<>(values);
        case "values_distinct" -> new ArrayList<>(new LinkedHashSet<>(values));
        default -> MISSING;
      };
    }
  }
}
