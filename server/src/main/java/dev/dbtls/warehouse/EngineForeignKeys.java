package dev.dbtls.warehouse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The foreign keys BigQuery declares in the target's dataset (its table constraints are kept per
 * dataset), from three views of its information schema: the constraints, the key columns in order
 * (a foreign key column's {@code position_in_unique_constraint} points into the referenced primary
 * key), and the columns each constraint uses (for a foreign key, the referenced table's).
 */
final class EngineForeignKeys {
  private EngineForeignKeys() {}

  private record Constraint(
      String name, String database, String schema, String table, String type) {}

  private record KeyColumn(String constraint, String column, int position, int inUnique) {}

  static WarehouseForeignKeys read(Warehouse w, QueryCancel cancel, long t0) {
    String s = w.engine().datasetInformationSchema();
    PreviewOptions o =
        PreviewOptions.defaults().withLimit(0).withPage(10_000, 64L << 20).withCancel(cancel);
    List<List<Object>> constraints = new ArrayList<>();
    List<List<Object>> keyColumns = new ArrayList<>();
    List<List<Object>> used = new ArrayList<>();
    WarehouseError error =
        SqlCatalog.all(
            w,
            "select constraint_name, table_catalog, table_schema, table_name, constraint_type from "
                + s
                + ".TABLE_CONSTRAINTS where constraint_type in ('PRIMARY KEY', 'FOREIGN KEY')",
            o,
            constraints);
    boolean anyForeign =
        constraints.stream().anyMatch(r -> "FOREIGN KEY".equals(String.valueOf(r.get(4))));
    if (error == null && anyForeign) {
      error =
          SqlCatalog.all(
              w,
              "select constraint_name, column_name, ordinal_position,"
                  + " position_in_unique_constraint from "
                  + s
                  + ".KEY_COLUMN_USAGE",
              o,
              keyColumns);
    }
    if (error == null && anyForeign) {
      error =
          SqlCatalog.all(
              w,
              "select constraint_name, table_catalog, table_schema, table_name, column_name from "
                  + s
                  + ".CONSTRAINT_COLUMN_USAGE",
              o,
              used);
    }
    if (error != null) {
      return new WarehouseForeignKeys(w.targetName(), List.of(), Preview.millis(t0), error);
    }
    return new WarehouseForeignKeys(
        w.targetName(), keys(constraints, keyColumns, used), Preview.millis(t0), null);
  }

  private static List<WarehouseForeignKeys.ForeignKey> keys(
      List<List<Object>> constraintRows, List<List<Object>> keyRows, List<List<Object>> usedRows) {
    Map<String, Constraint> constraints = new LinkedHashMap<>();
    for (List<Object> r : constraintRows) {
      constraints.put(
          text(r.get(0)),
          new Constraint(
              text(r.get(0)), text(r.get(1)), text(r.get(2)), text(r.get(3)), text(r.get(4))));
    }
    Map<String, List<KeyColumn>> columns = new LinkedHashMap<>();
    for (List<Object> r : keyRows) {
      columns
          .computeIfAbsent(text(r.get(0)), k -> new ArrayList<>())
          .add(new KeyColumn(text(r.get(0)), text(r.get(1)), number(r.get(2)), number(r.get(3))));
    }
    columns.values().forEach(l -> l.sort(Comparator.comparingInt(KeyColumn::position)));
    Map<String, List<List<Object>>> referenced = new LinkedHashMap<>();
    for (List<Object> r : usedRows) {
      referenced.computeIfAbsent(text(r.get(0)), k -> new ArrayList<>()).add(r);
    }
    List<WarehouseForeignKeys.ForeignKey> out = new ArrayList<>();
    for (Constraint c : constraints.values()) {
      List<List<Object>> to = referenced.getOrDefault(c.name(), List.of());
      if (!c.type().equals("FOREIGN KEY") || to.isEmpty()) {
        continue;
      }
      String refDatabase = text(to.get(0).get(1));
      String refSchema = text(to.get(0).get(2));
      String refTable = text(to.get(0).get(3));
      List<KeyColumn> own = columns.getOrDefault(c.name(), List.of());
      List<String> primary =
          constraints.values().stream()
              .filter(
                  p ->
                      p.type().equals("PRIMARY KEY")
                          && p.table().equals(refTable)
                          && p.schema().equals(refSchema))
              .findFirst()
              .map(
                  p ->
                      columns.getOrDefault(p.name(), List.of()).stream()
                          .map(KeyColumn::column)
                          .toList())
              .orElse(List.of());
      List<String> refColumns = new ArrayList<>();
      for (int i = 0; i < own.size(); i++) {
        int at = own.get(i).inUnique() - 1;
        refColumns.add(
            at >= 0 && at < primary.size()
                ? primary.get(at)
                : i < to.size() ? text(to.get(i).get(4)) : "");
      }
      out.add(
          new WarehouseForeignKeys.ForeignKey(
              c.name(),
              c.database(),
              c.schema(),
              c.table(),
              own.stream().map(KeyColumn::column).toList(),
              refDatabase,
              refSchema,
              refTable,
              List.copyOf(refColumns)));
    }
    return List.copyOf(out);
  }

  private static String text(Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  private static int number(Object o) {
    return o instanceof Number n ? n.intValue() : 0;
  }
}
