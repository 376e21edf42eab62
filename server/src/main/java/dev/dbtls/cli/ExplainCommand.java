package dev.dbtls.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.ide.PlanSource;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.query.ExplainRequest;
import dev.dbtls.query.ModelExplain;
import dev.dbtls.store.Recommendations;
import dev.dbtls.store.Store;
import dev.dbtls.warehouse.ExplainResult;
import dev.dbtls.warehouse.Finding;
import dev.dbtls.warehouse.IndexSuggestion;
import dev.dbtls.warehouse.PlanNode;
import dev.dbtls.warehouse.Warehouses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dbtls explain}: compiles one model (or ad-hoc SQL with Jinja) like {@code preview} and
 * shows the warehouse's plan for it as an indented tree (with each step's share of the time when
 * analyzed, then the findings with their evidence and index SQL), JSON (the whole {@link
 * ExplainResult}: tree, table sizes, findings), or the plan as it came.
 */
@Command(
    name = "explain",
    description = "Show the target's query plan for a model's compiled SQL (or --sql).")
final class ExplainCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Mixin WarehouseOptions warehouse;

  @Option(
      names = "--analyze",
      description =
          "Run the query to show actual rows and time (PostgreSQL: in a transaction rolled back)")
  boolean analyze;

  @Option(names = "--format", description = "tree, json or raw (default: ${DEFAULT-VALUE})")
  String format = "tree";

  @Option(
      names = "--no-store",
      description = "Do not record the findings as recommendations in the store")
  boolean noStore;

  @Override
  public Integer call() throws Exception {
    if (!List.of("tree", "json", "raw").contains(format)) {
      System.err.println("error: --format must be tree, json or raw");
      return 2;
    }
    QueryTarget target = QueryTarget.of(project, warehouse.sql, null, "explain");
    if (!target.ok()) {
      return target.exit();
    }
    ProjectSnapshot snapshot = target.snapshot();
    try (Warehouses warehouses = new Warehouses();
        Store store = noStore ? null : Store.open()) {
      warehouses.allowFileReads(warehouse.allowFileReads);
      if (store != null) {
        store.notices().forEach(n -> System.err.println("dbtls: " + n));
      }
      // parents not built yet go in front as CTEs, as in preview
      ModelExplain e =
          ModelExplain.run(
                  new ExplainRequest(snapshot, target.file(), warehouse.sql, null, analyze, null),
                  target.prepared(),
                  warehouses,
                  store)
              .explain();
      QueryTarget.sayInlined(e.inlined());
      ExplainResult r = e.result();
      if (!r.ok()) {
        System.err.println("error " + r.error().code().id() + ": " + r.error().message());
        return 1;
      }
      switch (format) {
        case "json" -> System.out.println(new ObjectMapper().writeValueAsString(r));
        case "raw" -> System.out.println(r.raw());
        default -> {
          if (r.root() == null) {
            System.err.println(
                "dbtls does not read this target's plans into a tree; the plan as" + " it came:");
            System.out.println(r.raw());
          } else {
            StringBuilder out = new StringBuilder();
            tree(
                r.root(),
                0,
                out,
                marks(r.findings()),
                n -> e.source(n).map(ExplainCommand::where).orElse(null));
            findings(r.findings(), out, e::recommendation);
            System.out.print(out);
          }
        }
      }
      if (e.storeError() != null) {
        System.err.println("dbtls: the findings were not recorded: " + e.storeError());
      }
      System.err.printf(
          "plan%s in %d ms from target '%s'%n",
          r.analyzed() ? " (analyzed)" : "", r.millis(), snapshot.inputs().target().name());
      return 0;
    }
  }

  /** {@code ref('orders') at models/x.sql:3:15}: where the model writes what a step reads. */
  static String where(PlanSource at) {
    String what =
        switch (at.kind()) {
          case REF -> "ref('" + at.name() + "')";
          case SOURCE -> "source('" + at.name().replace(".", "', '") + "')";
          case CTE -> "CTE " + at.name();
          case UPSTREAM -> "via ref('" + at.name() + "')";
        };
    return what
        + " at "
        + at.displayPath()
        + ":"
        + (at.span().startLine() + 1)
        + ":"
        + (at.span().startColumn() + 1);
  }

  /** One line a node: operator, relation, index, condition, rows estimated / actual, time. */
  static void tree(PlanNode n, int depth, StringBuilder out) {
    tree(n, depth, out, Map.of(), x -> null);
  }

  /**
   * One line a node: operator, relation (and the alias or CTE the query names it by), index,
   * condition, rows estimated / actual, time and the node's share of the whole time when analyzed,
   * {@code !n} for the findings about it, and where the model writes what it reads ({@code source}:
   * null when unknown).
   */
  static void tree(
      PlanNode n,
      int depth,
      StringBuilder out,
      Map<String, List<Integer>> marks,
      java.util.function.Function<PlanNode, String> source) {
    out.append("  ".repeat(depth)).append(depth > 0 ? "-> " : "").append(n.operator());
    if (n.relation() != null) {
      out.append(" on ").append(n.qualifiedRelation());
      if (n.alias() != null && !n.alias().equals(n.relation())) {
        out.append(" as ").append(n.alias());
      }
    }
    if (n.cte() != null) {
      out.append(" (CTE ").append(n.cte()).append(')');
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
      figures.add(String.format(Locale.ROOT, "time=%.3f ms", n.actualTimeMs()));
    }
    if (n.loops() != null && n.loops() != 1) {
      figures.add("loops=" + n.loops());
    }
    if (n.timeShare() != null) {
      figures.add(Math.round(n.timeShare() * 100) + "%");
    }
    if (!figures.isEmpty()) {
      out.append(" (").append(String.join(", ", figures)).append(')');
    }
    for (int mark : marks.getOrDefault(n.id(), List.of())) {
      out.append(" !").append(mark);
    }
    String from = source.apply(n);
    if (from != null) {
      out.append("  <- ").append(from);
    }
    out.append('\n');
    n.children().forEach(c -> tree(c, depth + 1, out, marks, source));
  }

  /** Finding numbers (from 1) by the node they are about. */
  static Map<String, List<Integer>> marks(List<Finding> findings) {
    Map<String, List<Integer>> out = new HashMap<>();
    for (int i = 0; i < findings.size(); i++) {
      out.computeIfAbsent(findings.get(i).nodeId(), k -> new ArrayList<>()).add(i + 1);
    }
    return out;
  }

  /** The findings under the tree: title, evidence, confidence and the index SQL to try. */
  static void findings(
      List<Finding> findings,
      StringBuilder out,
      java.util.function.IntFunction<Recommendations.Recommendation> stored) {
    if (findings.isEmpty()) {
      return;
    }
    out.append('\n')
        .append(findings.size() == 1 ? "1 finding" : findings.size() + " findings")
        .append(":\n");
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      out.append('!').append(i + 1).append(' ').append(f.title()).append('\n');
      Recommendations.Recommendation r = stored.apply(i);
      if (r != null) {
        out.append("   recommendation ")
            .append(r.id())
            .append(" (")
            .append(r.status())
            .append(")\n");
      }
      for (String e : f.evidence()) {
        out.append("   - ").append(e).append('\n');
      }
      out.append("   confidence: ").append(f.confidence());
      if (f.confidenceReason() != null) {
        out.append(" (").append(f.confidenceReason()).append(')');
      }
      out.append('\n');
      IndexSuggestion index = f.index();
      if (index != null) {
        out.append("   create:   ").append(index.createSql()).append(";\n");
        out.append("   rollback: ").append(index.rollbackSql()).append(";\n");
      }
    }
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15
        ? Long.toString((long) d)
        : String.format(Locale.ROOT, "%.2f", d);
  }
}
