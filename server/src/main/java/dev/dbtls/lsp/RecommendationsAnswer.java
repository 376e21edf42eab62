package dev.dbtls.lsp;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.protocol.ApplyRecommendationParams;
import dev.dbtls.protocol.ApplyRecommendationResult;
import dev.dbtls.protocol.Confidence;
import dev.dbtls.protocol.PlanFindingKind;
import dev.dbtls.protocol.PreviewError;
import dev.dbtls.protocol.Recommendation;
import dev.dbtls.protocol.RecommendationStatus;
import dev.dbtls.protocol.RecommendationStatusParams;
import dev.dbtls.protocol.RecommendationsResult;
import dev.dbtls.protocol.WireEnum;
import dev.dbtls.query.RecommendationChange;
import dev.dbtls.store.Recommendations;
import dev.dbtls.store.Store;
import dev.dbtls.store.StoreResult;
import dev.dbtls.warehouse.Warehouses;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code dbt/recommendations}, {@code dbt/setRecommendationStatus}, {@code
 * dbt/applyRecommendation}.
 */
final class RecommendationsAnswer {
  private RecommendationsAnswer() {}

  static RecommendationsResult list(Store store, Path project) {
    if (project == null) {
      return new RecommendationsResult(List.of(), "the document belongs to no dbt project");
    }
    StoreResult<List<Recommendations.Recommendation>> r =
        store.recommendations().list(project.toString(), null);
    return new RecommendationsResult(
        r.orElse(List.of()).stream().map(RecommendationsAnswer::recommendation).toList(),
        r.error());
  }

  static RecommendationsResult setStatus(Store store, Path project, RecommendationStatusParams p) {
    if (project == null || p == null) {
      return new RecommendationsResult(List.of(), "the document belongs to no dbt project");
    }
    if (p.status() == null) {
      return withError(list(store, project), "no status given, or one this server does not know");
    }
    StoreResult<Recommendations.Recommendation> changed =
        RecommendationChange.setStatus(
            store, project.toString(), p.id(), WireEnum.wire(p.status()));
    return withError(list(store, project), changed.error());
  }

  static ApplyRecommendationResult apply(
      ProjectSnapshot s,
      ApplyRecommendationParams p,
      boolean allowed,
      Warehouses warehouses,
      Store store) {
    RecommendationChange.Outcome o =
        RecommendationChange.run(
            s, p.id(), p.action(), allowed, Boolean.TRUE.equals(p.confirm()), warehouses, store);
    return new ApplyRecommendationResult(
        o.sql(),
        o.auditId(),
        o.recommendation() == null ? null : recommendation(o.recommendation()),
        o.errorCode() == null ? null : new PreviewError(o.errorCode(), o.message()));
  }

  static Recommendation recommendation(Recommendations.Recommendation r) {
    return new Recommendation(
        r.id(),
        r.uniqueId(),
        r.target(),
        WireEnum.of(PlanFindingKind.class, r.kind()),
        r.title(),
        r.evidence(),
        WireEnum.of(Confidence.class, r.confidence()),
        r.applySql(),
        r.rollbackSql(),
        WireEnum.of(RecommendationStatus.class, r.status()),
        r.updatedAt());
  }

  private static RecommendationsResult withError(RecommendationsResult r, String error) {
    return error == null ? r : new RecommendationsResult(r.recommendations(), error);
  }
}
