package dev.dbtls.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.query.ModelPreview;
import dev.dbtls.query.PreviewOutcome;
import dev.dbtls.query.PreviewRequest;
import dev.dbtls.store.Store;
import dev.dbtls.store.export.ExportFormat;
import dev.dbtls.store.export.ExportResult;
import dev.dbtls.store.export.ValueText;
import dev.dbtls.warehouse.PreviewColumn;
import dev.dbtls.warehouse.PreviewResult;
import dev.dbtls.warehouse.Warehouses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dbtls preview}: compiles one model (or ad-hoc SQL with Jinja) and shows the first rows
 * from the target's warehouse, read-only, through the same code the editor's preview uses.
 */
@Command(
    name = "preview",
    description = "Run a model's compiled SQL (or --sql) on the target and show the first rows.")
final class PreviewCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Mixin WarehouseOptions warehouse;

  @Option(
      names = "--cte",
      description = "Preview one CTE of the model: what it computes at that step")
  String cte;

  @Option(
      names = "--limit",
      description = "Rows to show (default: 20), or to export (default: all)")
  Long limit;

  @Option(
      names = "--export",
      description =
          "Write the whole result to FILE instead: .csv, .json, .jsonl, .parquet or .xlsx")
  Path export;

  @Option(names = "--format", description = "table, json or csv (default: ${DEFAULT-VALUE})")
  String format = "table";

  @Option(
      names = "--timeout",
      description = "Seconds the query may take (default: ${DEFAULT-VALUE})")
  int timeout = 60;

  @Option(names = "--no-history", description = "Do not record this query in the query history")
  boolean noHistory;

  @Option(
      names = "--column-profile",
      description =
          "Summarize each column of the whole result instead (nulls, distinct, min, max, top values)")
  boolean profile;

  @Override
  public Integer call() throws Exception {
    if (!List.of("table", "json", "csv").contains(format)) {
      System.err.println("error: --format must be table, json or csv");
      return 2;
    }
    String sql = warehouse.sql;
    QueryTarget target = QueryTarget.of(project, sql, cte, "preview");
    if (!target.ok()) {
      return target.exit();
    }
    if (export != null) {
      return export(target);
    }
    if (profile) {
      return profile(target);
    }
    PreviewRequest request = request(target, limit == null ? 20 : limit);
    try (Warehouses warehouses = new Warehouses()) {
      warehouses.allowFileReads(warehouse.allowFileReads);
      // parents not built yet go in front as CTEs (seeds from CSV on DuckDB)
      PreviewOutcome o = ModelPreview.run(request, target.prepared(), warehouses);
      QueryTarget.sayInlined(o.inlined());
      PreviewResult r = o.result();
      if (!noHistory) {
        try (Store store = Store.open()) {
          store.notices().forEach(n -> System.err.println("dbtls: " + n));
          o.record(store);
        }
      }
      if (!r.ok()) {
        System.err.println("error " + r.error().code().id() + ": " + r.error().message());
        return 1;
      }
      print(r);
      System.err.printf(
          "%d rows%s in %d ms from target '%s'%n",
          r.rows().size(),
          r.truncated() || r.hasMore() ? " (more not shown)" : "",
          r.millis(),
          target.snapshot().inputs().target().name());
      return 0;
    }
  }

  /** The command's request: a terminal takes a page of up to 64 MB; no cancel but Ctrl-C. */
  private PreviewRequest request(QueryTarget target, long rows) {
    return new PreviewRequest(
        target.snapshot(),
        target.file(),
        warehouse.sql,
        cte,
        rows,
        rows,
        64L << 20,
        timeout,
        false,
        null);
  }

  /** Each column summarized over the whole result, by the warehouse. */
  private int profile(QueryTarget target) throws Exception {
    try (Warehouses warehouses = new Warehouses()) {
      warehouses.allowFileReads(warehouse.allowFileReads);
      ModelPreview.Profiled o =
          ModelPreview.profile(request(target, 0), target.prepared(), warehouses);
      QueryTarget.sayInlined(o.inlined());
      var r = o.result();
      if (!r.ok()) {
        System.err.println("error " + r.error().code().id() + ": " + r.error().message());
        return 1;
      }
      if (format.equals("json")) {
        System.out.println(new ObjectMapper().writeValueAsString(r.columns()));
      } else {
        List<List<Object>> rows = new ArrayList<>();
        for (var c : r.columns()) {
          rows.add(
              java.util.Arrays.asList(
                  c.name(),
                  c.type(),
                  c.nulls(),
                  c.distinct() < 0 ? "" : c.distinct(),
                  c.min(),
                  c.max(),
                  String.join(
                      ", ",
                      c.top().stream().map(t -> t.value() + " (" + t.count() + ")").toList())));
        }
        System.out.print(
            TextTable.of(
                List.of("column", "type", "nulls", "distinct", "min", "max", "top values"), rows));
      }
      System.err.printf("%d rows profiled in %d ms%n", r.rows(), r.millis());
      return 0;
    }
  }

  /** The whole result (or --limit rows) streamed into the file; the format from its extension. */
  private int export(QueryTarget target) {
    String name = export.getFileName().toString();
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    var format =
        java.util.Arrays.stream(ExportFormat.values())
            .filter(f -> f.extension().equalsIgnoreCase(ext))
            .findFirst();
    if (format.isEmpty()) {
      System.err.println(
          "error: --export needs a file ending in .csv, .json, .jsonl, .parquet or .xlsx");
      return 2;
    }
    try (Warehouses warehouses = new Warehouses()) {
      warehouses.allowFileReads(warehouse.allowFileReads);
      ModelPreview.Exported o =
          ModelPreview.export(
              request(target, limit == null ? 0 : limit),
              target.prepared(),
              export.toAbsolutePath(),
              format.get(),
              warehouses);
      QueryTarget.sayInlined(o.inlined());
      ExportResult r = o.result();
      if (!r.ok()) {
        System.err.println("error: " + r.error());
        return 1;
      }
      System.err.printf(
          "%d rows (%d bytes) written to %s in %d ms%n", r.rows(), r.bytes(), export, r.millis());
      return 0;
    }
  }

  private void print(PreviewResult r) throws Exception {
    switch (format) {
      case "json" -> {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("columns", r.columns());
        out.put("rows", r.rows());
        out.put("truncated", r.truncated() || r.hasMore());
        System.out.println(new ObjectMapper().writeValueAsString(out));
      }
      case "csv" -> {
        System.out.println(
            ValueText.csvLine(r.columns().stream().map(c -> (Object) c.name()).toList()));
        r.rows().forEach(row -> System.out.println(ValueText.csvLine(row)));
      }
      default ->
          System.out.print(
              TextTable.of(r.columns().stream().map(PreviewColumn::name).toList(), r.rows()));
    }
  }
}
