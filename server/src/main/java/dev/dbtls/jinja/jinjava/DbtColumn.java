package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.PyObject;
import dev.dbtls.project.Adapter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * dbt's {@code Column} as {@code adapter.get_columns_in_relation} returns it: name, type and the
 * type tests macros use ({@code dbt_utils.star}, {@code union_relations}, {@code nullcheck}). Type
 * names are grouped as dbt's base {@code Column} groups them; {@code data_type} is the type as it
 * was given (no sizes are known without a warehouse).
 */
final class DbtColumn implements PyObject {
  private static final Set<String> STRING =
      Set.of("text", "character varying", "character", "varchar", "string");
  private static final Set<String> INTEGER =
      Set.of(
          "smallint",
          "integer",
          "bigint",
          "smallserial",
          "serial",
          "bigserial",
          "int2",
          "int4",
          "int8",
          "int",
          "int64");
  private static final Set<String> FLOAT =
      Set.of("real", "float4", "float", "double precision", "float8", "double", "float64");
  private static final Set<String> NUMERIC = Set.of("numeric", "decimal", "number");

  private final String name;
  private final String dtype;
  private final Adapter adapter;

  DbtColumn(String name, String dtype, Adapter adapter) {
    this.name = name;
    this.dtype = dtype == null ? "" : dtype;
    this.adapter = adapter;
  }

  private String base() {
    int paren = dtype.indexOf('(');
    return (paren < 0 ? dtype : dtype.substring(0, paren)).strip().toLowerCase(Locale.ROOT);
  }

  private boolean is(Set<String> group) {
    return group.contains(base());
  }

  @Override
  public Object attr(String name) {
    return switch (name) {
      case "name", "column" -> this.name;
      case "dtype", "data_type" -> dtype;
      case "quoted" -> adapter.quote(this.name);
      case "char_size", "numeric_precision", "numeric_scale" -> null;
      default -> MISSING;
    };
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    return switch (method) {
      case "is_string" -> is(STRING);
      case "is_integer" -> is(INTEGER);
      case "is_float" -> is(FLOAT);
      case "is_numeric" -> is(NUMERIC);
      case "is_number" -> is(INTEGER) || is(FLOAT) || is(NUMERIC);
      case "string_size" -> 256L;
      case "get" -> {
        Object v = attr(args.isEmpty() ? "" : PyValues.str(args.get(0)));
        yield v == MISSING ? (args.size() > 1 ? args.get(1) : null) : v;
      }
      default -> MISSING;
    };
  }

  @Override
  public String toString() {
    return "<Column " + name + " (" + dtype + ")>";
  }
}
