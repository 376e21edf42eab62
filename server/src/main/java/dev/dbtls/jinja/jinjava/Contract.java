package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.Database;
import dev.dbtls.jinja.Relation;
import dev.dbtls.project.ProblemCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * dbt's model contracts in a build ({@code contract: {enforced: true}}): the model's query's
 * columns compared with those the YAML declares — names, types (by family: {@code int4} is {@code
 * integer}, {@code text} is {@code varchar}) and number — before anything is built, dbt's error
 * with its table of mismatches otherwise; then the table created with the declared columns and
 * their constraints ({@code not_null}, {@code primary_key}, {@code unique}, {@code check}, {@code
 * foreign_key} with an {@code expression}) and filled from the query.
 */
final class Contract {
  private Contract() {}

  /** Raises dbt's contract error when the query's columns differ from the declared ones. */
  static String check(RenderSession session, String sql, Map<?, ?> declared) {
    Database.Result r =
        session.onDatabase(
            d ->
                d.execute(
                    "select * from (\n" + sql + "\n) as __dbt_sbq where false limit 0", true));
    Map<String, String> actual = new LinkedHashMap<>();
    for (int i = 0; i < r.columns().size(); i++) {
      actual.put(
          r.columns().get(i).toLowerCase(Locale.ROOT),
          i < r.columnTypes().size() ? r.columnTypes().get(i) : "");
    }
    Map<String, String> contract = new LinkedHashMap<>();
    declared.forEach(
        (k, v) -> {
          Object type = v instanceof Map<?, ?> m ? m.get("data_type") : null;
          contract.put(
              String.valueOf(k).toLowerCase(Locale.ROOT), type == null ? "" : String.valueOf(type));
        });
    List<String[]> mismatches = new ArrayList<>();
    actual.forEach(
        (name, type) -> {
          if (!contract.containsKey(name)) {
            mismatches.add(
                new String[] {name, type.toUpperCase(Locale.ROOT), "", "missing in contract"});
          } else if (!family(type).equals(family(contract.get(name)))) {
            mismatches.add(
                new String[] {
                  name,
                  type.toUpperCase(Locale.ROOT),
                  contract.get(name).toUpperCase(Locale.ROOT),
                  "data type mismatch"
                });
          }
        });
    contract.forEach(
        (name, type) -> {
          if (!actual.containsKey(name)) {
            mismatches.add(
                new String[] {name, "", type.toUpperCase(Locale.ROOT), "missing in definition"});
          }
        });
    if (mismatches.isEmpty()) {
      return "";
    }
    StringBuilder m =
        new StringBuilder(
            "This model has an enforced contract that failed.\n"
                + "Please ensure the name, data_type, and number of columns in your contract match"
                + " the columns in your model's definition.\n\n"
                + "| column_name | definition_type | contract_type | mismatch_reason |\n"
                + "| ----------- | --------------- | ------------- | --------------- |\n");
    for (String[] row : mismatches) {
      m.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    String message = m.toString().strip();
    session.problem(ProblemCode.COMPILER_ERROR, message);
    throw new Signals.CompilerError(message);
  }

  /**
   * The statements that create the table with the contract's columns, their constraints and the
   * model's own ({@code primary key (a, b)}, {@code unique}, {@code check}, {@code foreign key ...
   * references}), and fill it; {@code relationOf} renders a foreign key's {@code to}.
   */
  static String createTable(
      Relation relation,
      String sql,
      Map<?, ?> declared,
      List<?> modelConstraints,
      java.util.function.UnaryOperator<String> relationOf) {
    List<String> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    declared.forEach(
        (k, v) -> {
          Map<?, ?> col = v instanceof Map<?, ?> m ? m : Map.of();
          String name = String.valueOf(k);
          names.add(name);
          StringBuilder c =
              new StringBuilder(name).append(' ').append(String.valueOf(col.get("data_type")));
          if (col.get("constraints") instanceof List<?> constraints) {
            for (Object o : constraints) {
              if (o instanceof Map<?, ?> con) {
                c.append(constraint(con, relationOf));
              }
            }
          }
          columns.add(c.toString());
        });
    for (Object o : modelConstraints) {
      if (o instanceof Map<?, ?> con) {
        String table = tableConstraint(con, relationOf);
        if (!table.isEmpty()) {
          columns.add(table);
        }
      }
    }
    return "create table "
        + relation.render()
        + " (\n    "
        + String.join(",\n    ", columns)
        + "\n);\ninsert into "
        + relation.render()
        + " ("
        + String.join(", ", names)
        + ")\nselect "
        + String.join(", ", names)
        + " from (\n"
        + sql
        + "\n) as model_subq";
  }

  private static String constraint(
      Map<?, ?> c, java.util.function.UnaryOperator<String> relationOf) {
    String type = String.valueOf(c.get("type")).toLowerCase(Locale.ROOT);
    Object expression = c.get("expression");
    return switch (type) {
      case "not_null" -> " not null";
      case "primary_key" -> " primary key";
      case "unique" -> " unique";
      case "check" -> expression == null ? "" : " check (" + expression + ")";
      case "foreign_key" -> {
        String to = references(c, relationOf);
        yield to != null
            ? " references " + to
            : expression == null ? "" : " references " + expression;
      }
      default -> "";
    };
  }

  /**
   * A model-level constraint as a table constraint: {@code primary key (a, b)}, {@code unique (a)},
   * {@code check (expr)}, {@code foreign key (a) references t (b)}, named when it has a {@code
   * name}; empty for kinds a table cannot declare ({@code not_null} is a column's).
   */
  private static String tableConstraint(
      Map<?, ?> c, java.util.function.UnaryOperator<String> relationOf) {
    String type = String.valueOf(c.get("type")).toLowerCase(Locale.ROOT);
    String columns =
        c.get("columns") instanceof List<?> l
            ? String.join(", ", l.stream().map(String::valueOf).toList())
            : "";
    Object expression = c.get("expression");
    String body =
        switch (type) {
          case "primary_key" -> columns.isEmpty() ? "" : "primary key (" + columns + ")";
          case "unique" -> columns.isEmpty() ? "" : "unique (" + columns + ")";
          case "check" -> expression == null ? "" : "check (" + expression + ")";
          case "foreign_key" -> {
            String to = references(c, relationOf);
            if (columns.isEmpty()) {
              yield "";
            }
            yield to != null
                ? "foreign key (" + columns + ") references " + to
                : expression == null
                    ? ""
                    : "foreign key (" + columns + ") references " + expression;
          }
          default -> "";
        };
    Object name = c.get("name");
    return body.isEmpty() || name == null ? body : "constraint " + name + " " + body;
  }

  /** A foreign key's {@code to} and {@code to_columns}: {@code "db"."s"."customers" (id)}. */
  private static String references(
      Map<?, ?> c, java.util.function.UnaryOperator<String> relationOf) {
    Object to = c.get("to");
    if (to == null || String.valueOf(to).isBlank()) {
      return null;
    }
    String relation = relationOf.apply(String.valueOf(to).strip());
    String toColumns =
        c.get("to_columns") instanceof List<?> l
            ? String.join(", ", l.stream().map(String::valueOf).toList())
            : "";
    return toColumns.isEmpty() ? relation : relation + " (" + toColumns + ")";
  }

  /** A type's family, as dbt compares a contract's types: sizes and the engine's aliases aside. */
  static String family(String type) {
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT).replaceAll("\\(.*", "").strip();
    return switch (t) {
      case "int", "int4", "integer", "int32", "signed", "serial" -> "integer";
      case "bigint", "int8", "int64", "long", "bigserial" -> "bigint";
      case "smallint", "int2", "int16", "short" -> "smallint";
      case "text", "varchar", "character varying", "string", "char", "character", "bpchar" ->
          "text";
      case "double", "double precision", "float8", "float64" -> "double";
      case "real", "float4", "float" -> "float";
      case "numeric", "decimal", "number" -> "numeric";
      case "bool", "boolean", "logical" -> "boolean";
      case "timestamp", "timestamp without time zone", "datetime" -> "timestamp";
      case "timestamptz", "timestamp with time zone" -> "timestamptz";
      default -> t;
    };
  }
}
