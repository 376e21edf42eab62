package dev.dbtls.query;

import dev.dbtls.ide.PlanSource;
import dev.dbtls.ide.PlanSources;
import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.store.Recommendations.Recommendation;
import dev.dbtls.store.Store;
import dev.dbtls.store.StoreResult;
import dev.dbtls.warehouse.ExplainResult;
import dev.dbtls.warehouse.Finding;
import dev.dbtls.warehouse.PlanNode;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.Warehouses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Explain of what a preview would run ({@code dbt/explain}, {@code dbtls explain}): parents not
 * built inlined, the warehouse's plan, each plan step's relation or CTE traced back to the model's
 * source, and the findings recorded as recommendations in the store (a finding found again keeps
 * the status the user gave it).
 *
 * @param result the plan, its findings, or the error
 * @param inlined parents put in front as CTEs
 * @param sources where the model writes what the plan reads; empty for ad-hoc SQL
 * @param recommendations the stored recommendation of each finding, in the findings' order; empty
 *     when there is no store or it failed ({@code storeError} says why)
 */
public record ModelExplain(
    ExplainResult result,
    List<String> inlined,
    PlanSources sources,
    List<Recommendation> recommendations,
    String storeError) {

  /** Resolves the request's SQL, then plans it; {@code store} may be null (nothing is recorded). */
  public static ExplainOutcome run(ExplainRequest request, Warehouses warehouses, Store store) {
    return run(
        request,
        PreviewSql.of(request.snapshot(), request.file(), request.sql(), request.cte())
            .orElse(null),
        warehouses,
        store);
  }

  /**
   * Plans SQL already resolved from the request ({@code prepared} null or failed: nothing runs).
   */
  public static ExplainOutcome run(
      ExplainRequest request, PreviewSql prepared, Warehouses warehouses, Store store) {
    if (prepared == null || prepared.failed()) {
      return new ExplainOutcome(prepared, null);
    }
    return new ExplainOutcome(
        prepared,
        run(
            request.snapshot(),
            prepared,
            request.adHoc(),
            request.analyze(),
            warehouses,
            store,
            request.cancel()));
  }

  /** {@code store} may be null (nothing is recorded). */
  public static ModelExplain run(
      ProjectSnapshot s,
      PreviewSql prepared,
      boolean adHoc,
      boolean analyze,
      Warehouses warehouses,
      Store store,
      QueryCancel cancel) {
    UpstreamInliner upstream = UpstreamInliner.onWarehouse(s, prepared, warehouses);
    ExplainResult r = warehouses.explain(s.inputs(), upstream.sql(), analyze, cancel);
    Node node = prepared.nodeId() == null ? null : s.manifest().nodes().get(prepared.nodeId());
    PlanSources sources =
        adHoc || node == null || node.file() == null
            ? PlanSources.none()
            : PlanSources.of(s, s.inputs().displayPath(node.file()), node.file().text());
    List<Recommendation> stored = List.of();
    String storeError = null;
    if (store != null && r.ok() && !r.findings().isEmpty()) {
      StoreResult<List<Recommendation>> saved =
          store
              .recommendations()
              .found(
                  s.inputs().root().dir().toString(),
                  s.inputs().target().name(),
                  prepared.nodeId(),
                  recommendations(r, prepared.nodeId()));
      stored = saved.orElse(List.of());
      storeError = saved.error();
    }
    return new ModelExplain(r, upstream.inlined(), sources, stored, storeError);
  }

  /** Where the model writes what {@code step} reads: its CTE, relation, or alias, first found. */
  public Optional<PlanSource> source(PlanNode step) {
    for (String name :
        new String[] {step.cte(), step.qualifiedRelation(), step.relation(), step.alias()}) {
      Optional<PlanSource> found = name == null ? Optional.empty() : sources.locate(name);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The stored recommendation of finding {@code i}, or null. */
  public Recommendation recommendation(int i) {
    return i < recommendations.size() ? recommendations.get(i) : null;
  }

  private static List<Recommendation> recommendations(ExplainResult r, String nodeId) {
    List<Recommendation> out = new ArrayList<>();
    for (Finding f : r.findings()) {
      PlanNode step = find(r.root(), f.nodeId());
      String where =
          step != null && step.qualifiedRelation() != null ? step.qualifiedRelation() : f.nodeId();
      // the same index is the same recommendation whichever model it was found in; advice is per
      // model and relation
      String key =
          f.index() != null
              ? f.index().createSql()
              : (nodeId == null ? "ad hoc" : nodeId) + " @ " + where;
      out.add(
          new Recommendation(
              0,
              null,
              null,
              nodeId,
              f.kind(),
              key,
              f.title(),
              f.evidence(),
              f.confidence(),
              f.index() == null ? null : f.index().createSql(),
              f.index() == null ? null : f.index().rollbackSql(),
              null,
              0,
              0));
    }
    return out;
  }

  static PlanNode find(PlanNode n, String id) {
    if (n == null || id == null) {
      return null;
    }
    if (id.equals(n.id())) {
      return n;
    }
    for (PlanNode c : n.children()) {
      PlanNode found = find(c, id);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
