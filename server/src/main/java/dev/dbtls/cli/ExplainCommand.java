package dev.dbtls.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.warehouse.Explain;
import dev.dbtls.warehouse.ExplainResult;
import dev.dbtls.warehouse.PlanNode;
import dev.dbtls.warehouse.Warehouse;
import dev.dbtls.warehouse.Warehouses;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dbtls explain}: compiles one model (or ad-hoc SQL with Jinja) like {@code preview} and
 * shows the warehouse's plan for it as an indented tree, JSON, or the plan as it came.
 */
@Command(name = "explain", description = "Show the target's query plan for a model's compiled SQL (or --sql).")
final class ExplainCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Option(names = "--sql", description = "Ad-hoc SQL (Jinja allowed) instead of a model")
  String sql;

  @Option(names = "--analyze", description = "Run the query to show actual rows and time (PostgreSQL: in a transaction rolled back)")
  boolean analyze;

  @Option(names = "--format", description = "tree, json or raw (default: ${DEFAULT-VALUE})")
  String format = "tree";

  @Override
  public Integer call() throws Exception {
    if (!List.of("tree", "json", "raw").contains(format)) {
      System.err.println("error: --format must be tree, json or raw");
      return 2;
    }
    QueryTarget target = QueryTarget.of(project, sql, null, "explain");
    if (!target.ok()) {
      return target.exit();
    }
    ProjectSnapshot snapshot = target.snapshot();
    try (Warehouses warehouses = new Warehouses()) {
      // parents not built yet go in front as CTEs, as in preview
      String toExplain = target.inlined(warehouses);
      Warehouse.Opened opened = warehouses.warehouse(snapshot.inputs());
      if (!opened.ok()) {
        System.err.println("error " + opened.error().code().id() + ": " + opened.error().message());
        return 1;
      }
      ExplainResult r = Explain.run(opened.warehouse(), toExplain, analyze, null);
      if (!r.ok()) {
        System.err.println("error " + r.error().code().id() + ": " + r.error().message());
        return 1;
      }
      switch (format) {
        case "json" -> System.out.println(new ObjectMapper().writeValueAsString(r));
        case "raw" -> System.out.println(r.raw());
        default -> {
          if (r.root() == null) {
            System.err.println("dbtls does not read " + opened.warehouse().kind()
                + " plans into a tree yet; the plan as it came:");
            System.out.println(r.raw());
          } else {
            StringBuilder out = new StringBuilder();
            tree(r.root(), 0, out);
            System.out.print(out);
          }
        }
      }
      System.err.printf("plan%s in %d ms from target '%s'%n", r.analyzed() ? " (analyzed)" : "",
          r.millis(), snapshot.inputs().target().name());
      return 0;
    }
  }

  /** One line a node: operator, relation, index, condition, rows estimated / actual, time. */
  static void tree(PlanNode n, int depth, StringBuilder out) {
    out.append("  ".repeat(depth)).append(depth > 0 ? "-> " : "").append(n.operator());
    if (n.relation() != null) {
      out.append(" on ").append(n.relation());
    }
    if (n.index() != null) {
      out.append(" using ").append(n.index());
    }
    if (n.condition() != null) {
      out.append(" [").append(n.condition()).append(']');
    }
    List<String> figures = new ArrayList<>();
    if (n.estimatedRows() != null) {
      figures.add("rows=" + number(n.estimatedRows()));
    }
    if (n.estimatedCost() != null) {
      figures.add("cost=" + number(n.estimatedCost()));
    }
    if (n.actualRows() != null) {
      figures.add("actual rows=" + number(n.actualRows()));
    }
    if (n.actualTimeMs() != null) {
      figures.add(String.format(java.util.Locale.ROOT, "time=%.3f ms", n.actualTimeMs()));
    }
    if (n.loops() != null && n.loops() != 1) {
      figures.add("loops=" + n.loops());
    }
    if (!figures.isEmpty()) {
      out.append(" (").append(String.join(", ", figures)).append(')');
    }
    out.append('\n');
    n.children().forEach(c -> tree(c, depth + 1, out));
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
        : String.format(java.util.Locale.ROOT, "%.2f", d);
  }
}
