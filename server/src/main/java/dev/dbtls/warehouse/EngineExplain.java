package dev.dbtls.warehouse;

import dev.dbtls.warehouse.findings.PlanFindings;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan of a query on an engine reached through its client library (BigQuery). Without analyze,
 * the dry run: nothing runs or bills, and the plan is the query reading its tables, with the bytes
 * it would scan. With analyze the query runs as a job (the result cache off, its rows not read) and
 * the plan is the job's stages, each an input of the next: records read and written, slot time
 * (each stage's share of the job's work), shuffle output and the workers' average wait, read,
 * compute and write times.
 */
final class EngineExplain {
  private EngineExplain() {}

  static ExplainResult run(Warehouse w, String sql, boolean analyze, QueryCancel cancel, long t0) {
    ConnectionSpec spec = w.spec();
    ClientEngine engine = w.engine();
    if (cancel != null && cancel.cancelled()) {
      return ExplainResult.failed(
          QueryFailure.of(spec, null, true, false, 0), sql, analyze, Preview.millis(t0));
    }
    try (QueryWatch watch = new QueryWatch(cancel, 0)) {
      try {
        if (analyze) {
          WarehouseError refused = EnginePreview.dryRun(w, sql).refused();
          if (refused != null) {
            return ExplainResult.failed(refused, sql, true, Preview.millis(t0));
          }
        }
        ClientEngine.JobPlan plan = engine.plan(sql, analyze, watch::running);
        watch.close();
        if (watch.stopped()) {
          return ExplainResult.failed(watch.failure(spec, null), sql, analyze, Preview.millis(t0));
        }
        if (!analyze
            && plan.statementType() != null
            && !plan.statementType().equalsIgnoreCase("SELECT")) {
          return ExplainResult.failed(
              EnginePreview.refusal(
                  spec, new ClientEngine.DryRun(plan.statementType(), 0, false), 0, 0),
              sql,
              false,
              Preview.millis(t0));
        }
        boolean ran = analyze && !plan.stages().isEmpty();
        PlanNode root = (ran ? stages(plan) : dryRun(plan)).finish();
        return new ExplainResult(
            root,
            plan.raw(),
            ran,
            sql,
            Preview.millis(t0),
            null,
            Map.of(),
            PlanFindings.of(root, w.sqlType(), Map.of(), ran));
      } catch (SQLException | RuntimeException e) {
        watch.close();
        return ExplainResult.failed(watch.failure(spec, e), sql, analyze, Preview.millis(t0));
      }
    }
  }

  /** The query reading the tables the dry run names, with what it would scan and cost. */
  static PlanDraft dryRun(ClientEngine.JobPlan plan) {
    PlanDraft root = new PlanDraft("Query (dry run)");
    root.properties.put("Statement type", String.valueOf(plan.statementType()));
    root.properties.put("Bytes to scan", EnginePreview.bytes(plan.bytesProcessed()));
    root.properties.put(
        "On-demand cost (US list price, $6.25 per TiB)", ScanBytes.usd(plan.bytesProcessed()));
    root.detail = EnginePreview.bytes(plan.bytesProcessed()) + " to scan";
    for (String table : plan.tables()) {
      PlanDraft read = new PlanDraft("Read");
      int dot = table.lastIndexOf('.');
      read.relation = table.substring(dot + 1);
      read.schema = dot < 0 ? null : table.substring(0, dot);
      root.children.add(read);
    }
    return root;
  }

  /** The job's stages as one tree: the stage no other reads is the root, inputs its children. */
  static PlanDraft stages(ClientEngine.JobPlan plan) {
    Map<String, ClientEngine.Stage> byId = new HashMap<>();
    Set<String> inputs = new HashSet<>();
    for (ClientEngine.Stage s : plan.stages()) {
      byId.put(s.id(), s);
      inputs.addAll(s.inputs());
    }
    List<ClientEngine.Stage> roots =
        plan.stages().stream().filter(s -> !inputs.contains(s.id())).toList();
    PlanDraft top;
    if (roots.size() == 1) {
      top = draft(roots.get(0), byId, new HashSet<>());
    } else {
      top = new PlanDraft("Job");
      Set<String> seen = new HashSet<>();
      roots.forEach(r -> top.children.add(draft(r, byId, seen)));
    }
    top.properties.put("Job bytes processed", EnginePreview.bytes(plan.bytesProcessed()));
    top.properties.put("Job bytes billed", EnginePreview.bytes(plan.bytesBilled()));
    top.properties.put("Job slot time", plan.slotMs() + " ms");
    top.properties.put("Job elapsed", plan.elapsedMs() + " ms");
    return top;
  }

  private static PlanDraft draft(
      ClientEngine.Stage s, Map<String, ClientEngine.Stage> byId, Set<String> seen) {
    seen.add(s.id());
    PlanDraft d = new PlanDraft(s.name());
    d.actualRows = (double) s.recordsWritten();
    d.selfMs = (double) s.slotMs();
    d.actualTimeMs = (double) Math.max(0, s.endMs() - s.startMs());
    d.detail = String.join(" · ", s.steps());
    d.properties.put("Stage", s.id());
    d.properties.put("Records read", String.valueOf(s.recordsRead()));
    d.properties.put("Records written", String.valueOf(s.recordsWritten()));
    d.properties.put("Slot time", s.slotMs() + " ms");
    d.properties.put("Shuffle output", EnginePreview.bytes(s.shuffleOutputBytes()));
    d.properties.put(
        "Average wait / read / compute / write",
        s.waitMsAvg()
            + " / "
            + s.readMsAvg()
            + " / "
            + s.computeMsAvg()
            + " / "
            + s.writeMsAvg()
            + " ms");
    for (int i = 0; i < s.steps().size(); i++) {
      d.properties.put("Step " + (i + 1), s.steps().get(i));
    }
    for (String input : s.inputs()) {
      ClientEngine.Stage in = byId.get(input);
      if (in != null && !seen.contains(input)) {
        d.children.add(draft(in, byId, seen));
      }
    }
    return d;
  }
}
