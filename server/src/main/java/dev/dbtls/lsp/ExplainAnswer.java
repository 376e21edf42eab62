package dev.dbtls.lsp;

import dev.dbtls.ide.PlanSource;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Span;
import dev.dbtls.protocol.CompileProblem;
import dev.dbtls.protocol.Confidence;
import dev.dbtls.protocol.ExplainParams;
import dev.dbtls.protocol.ExplainResult;
import dev.dbtls.protocol.IndexSuggestion;
import dev.dbtls.protocol.PlanFinding;
import dev.dbtls.protocol.PlanFindingKind;
import dev.dbtls.protocol.PlanLocation;
import dev.dbtls.protocol.Position;
import dev.dbtls.protocol.PreviewError;
import dev.dbtls.protocol.Range;
import dev.dbtls.protocol.RecommendationStatus;
import dev.dbtls.protocol.ShareBasis;
import dev.dbtls.protocol.StepHeat;
import dev.dbtls.protocol.WireEnum;
import dev.dbtls.query.ExplainOutcome;
import dev.dbtls.query.ExplainRequest;
import dev.dbtls.query.ModelExplain;
import dev.dbtls.query.PreviewSql;
import dev.dbtls.store.Recommendations.Recommendation;
import dev.dbtls.store.Store;
import dev.dbtls.warehouse.Finding;
import dev.dbtls.warehouse.PlanHeat;
import dev.dbtls.warehouse.PlanNode;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.Warehouses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code dbt/explain} in protocol records (docs/protocol.md). */
final class ExplainAnswer {
  private ExplainAnswer() {}

  static ExplainResult of(
      ProjectSnapshot s,
      Path file,
      ExplainParams p,
      QueryCancel cancel,
      Warehouses warehouses,
      Uris uris,
      Store store) {
    Path root = s.inputs().root().dir();
    String target = s.inputs().target().name();
    ExplainOutcome o =
        ModelExplain.run(
            new ExplainRequest(s, file, p.sql(), p.cte(), Boolean.TRUE.equals(p.analyze()), cancel),
            warehouses,
            store);
    PreviewSql prepared = o.prepared();
    if (o.nothing()) {
      return failed(
          p,
          null,
          target,
          List.of(),
          new PreviewError(
              "preview-nothing",
              "this document defines no model to explain; select SQL to explain it ad hoc"));
    }
    List<CompileProblem> problems =
        prepared.problems().stream()
            .distinct()
            .map(x -> PreviewAnswer.problem(uris, root, x))
            .toList();
    if (o.compileFailed()) {
      return failed(
          p,
          prepared.nodeId(),
          target,
          problems,
          new PreviewError("compile-failed", "the SQL could not be compiled: see problems"));
    }
    ModelExplain e = o.explain();
    var r = e.result();
    PlanHeat heat = PlanHeat.of(r.root(), r.analyzed());
    List<PlanFinding> findings = new ArrayList<>();
    for (int i = 0; i < r.findings().size(); i++) {
      findings.add(finding(r.findings().get(i), e.recommendation(i)));
    }
    return new ExplainResult(
        p.uri(),
        prepared.nodeId(),
        prepared.sql(),
        r.sql(),
        target,
        r.root() == null ? null : node(r.root(), e, heat, r.analyzed(), uris, root),
        r.raw(),
        r.analyzed(),
        r.millis(),
        e.inlined(),
        r.tableRows(),
        findings,
        problems,
        PreviewAnswer.error(r.error()),
        ShareBasis.valueOf(heat.basis().name()));
  }

  private static ExplainResult failed(
      ExplainParams p,
      String nodeId,
      String target,
      List<CompileProblem> problems,
      PreviewError error) {
    return new ExplainResult(
        p.uri(),
        nodeId,
        "",
        null,
        target,
        null,
        null,
        false,
        0,
        List.of(),
        Map.of(),
        List.of(),
        problems,
        error,
        ShareBasis.NONE);
  }

  private static dev.dbtls.protocol.PlanNode node(
      PlanNode n, ModelExplain e, PlanHeat heat, boolean analyzed, Uris uris, Path root) {
    List<dev.dbtls.protocol.PlanNode> children = new ArrayList<>();
    n.children().forEach(c -> children.add(node(c, e, heat, analyzed, uris, root)));
    PlanLocation source = e.source(n).map(at -> location(at, uris, root)).orElse(null);
    return new dev.dbtls.protocol.PlanNode(
        n.id(),
        n.operator(),
        n.relation(),
        n.schema(),
        n.alias(),
        n.cte(),
        n.index(),
        n.condition(),
        n.filter(),
        n.joinType(),
        n.estimatedRows(),
        n.estimatedCost(),
        n.actualRows(),
        n.actualTimeMs(),
        n.loops(),
        n.selfTimeMs(),
        n.timeShare(),
        n.detail(),
        n.properties(),
        source,
        children,
        heat.share(n),
        StepHeat.valueOf(heat.heat(n).name()),
        analyzed ? PlanHeat.misestimate(n) : null);
  }

  private static PlanLocation location(PlanSource at, Uris uris, Path root) {
    Span sp = at.span();
    return new PlanLocation(
        dev.dbtls.protocol.PlanSourceKind.valueOf(at.kind().name()),
        at.name(),
        at.uniqueId(),
        uris.uri(root.resolve(at.displayPath()).normalize()),
        new Range(
            new Position(sp.startLine(), sp.startColumn()),
            new Position(sp.endLine(), sp.endColumn())));
  }

  private static PlanFinding finding(Finding f, Recommendation stored) {
    var i = f.index();
    return new PlanFinding(
        WireEnum.of(PlanFindingKind.class, f.kind()),
        f.nodeId(),
        f.title(),
        f.evidence(),
        WireEnum.of(Confidence.class, f.confidence()),
        f.confidenceReason(),
        i == null
            ? null
            : new IndexSuggestion(i.table(), i.columns(), i.name(), i.createSql(), i.rollbackSql()),
        stored == null ? null : stored.id(),
        stored == null ? null : WireEnum.of(RecommendationStatus.class, stored.status()));
  }
}
