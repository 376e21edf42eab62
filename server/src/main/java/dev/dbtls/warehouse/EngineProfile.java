package dev.dbtls.warehouse;

import dev.dbtls.project.Adapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A column profile on an engine that bills each query by the bytes it scans (BigQuery): one query
 * for every column at once — rows, non-null values, distinct values, least and greatest, and the
 * five most frequent values ({@code APPROX_TOP_COUNT}, approximate when a column has very many
 * values) — instead of two queries per column. The columns come from the dry run; arrays, structs
 * and JSON, which BigQuery cannot group or order, get their null count only.
 */
final class EngineProfile {
  private static final String ALIAS = "dbtls_profile";
  private static final Set<String> GROUPABLE =
      Set.of(
          "boolean",
          "integer",
          "decimal",
          "float",
          "text",
          "binary",
          "date",
          "time",
          "timestamp",
          "timestamptz");

  private EngineProfile() {}

  static ProfileResult run(Warehouse w, String sql, PreviewOptions o, long t0) {
    ConnectionSpec spec = w.spec();
    EnginePreview.Checked checked = EnginePreview.dryRun(w, sql);
    if (checked.refused() != null) {
      return ProfileResult.failed(checked.refused(), Preview.millis(t0));
    }
    List<PreviewColumn> columns = checked.dry().columns();
    Adapter adapter = Adapter.of(spec.sqlType());
    StringBuilder q = new StringBuilder("select count(*)");
    for (PreviewColumn c : columns) {
      String name = adapter.quote(c.name());
      q.append(", count(").append(name).append(")");
      if (GROUPABLE.contains(c.type())) {
        q.append(", count(distinct ")
            .append(name)
            .append("), min(")
            .append(name)
            .append("), max(")
            .append(name)
            .append("), approx_top_count(")
            .append(name)
            .append(", ")
            .append(Profile.TOP)
            .append(")");
      }
    }
    q.append(" from (\n").append(sql).append("\n) as ").append(ALIAS);
    PreviewResult r = Preview.run(w, q.toString(), o.withLimit(0));
    if (!r.ok()) {
      return ProfileResult.failed(r.error(), Preview.millis(t0));
    }
    if (r.rows().isEmpty()) {
      return ProfileResult.failed(
          WarehouseError.of(
              dev.dbtls.project.ProblemCode.WAREHOUSE_QUERY, "the profile query gave no row"),
          Preview.millis(t0));
    }
    List<Object> row = r.rows().get(0);
    long rows = number(row.get(0));
    List<ColumnProfile> out = new ArrayList<>();
    int i = 1;
    for (PreviewColumn c : columns) {
      long nonNull = number(row.get(i++));
      if (GROUPABLE.contains(c.type())) {
        long distinct = number(row.get(i++));
        Object min = row.get(i++);
        Object max = row.get(i++);
        out.add(
            new ColumnProfile(
                c.name(), c.type(), rows - nonNull, distinct, min, max, top(row.get(i++))));
      } else {
        out.add(new ColumnProfile(c.name(), c.type(), rows - nonNull, -1, null, null, List.of()));
      }
    }
    return new ProfileResult(rows, out, Preview.millis(t0), null);
  }

  /** APPROX_TOP_COUNT's answer: an array of {value, count} structs. */
  private static List<ColumnProfile.TopValue> top(Object cell) {
    List<ColumnProfile.TopValue> out = new ArrayList<>();
    if (cell instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> m) {
          out.add(new ColumnProfile.TopValue(m.get("value"), number(m.get("count"))));
        }
      }
    }
    return out;
  }

  private static long number(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }
}
