package dev.dbtls.query;

import dev.dbtls.benchmark.BenchmarkPlan;
import dev.dbtls.benchmark.Variant;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Problem;
import dev.dbtls.store.Recommendations.Recommendation;
import dev.dbtls.store.Store;
import dev.dbtls.warehouse.Warehouses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a benchmark of a model compares ({@code dbt/benchmark}, {@code dbtls benchmark}): the model
 * as the buffer has it (or ad-hoc SQL), alone or against the saved file, the file at git HEAD, or a
 * stored recommendation's index in a sandbox. Each variant is compiled the way a preview is
 * (unbuilt parents inlined). Nothing runs here.
 *
 * @param label what is compared, for people
 * @param variants the baseline first
 * @param nodeId the model, or null for ad-hoc SQL outside a model
 * @param recommendation the recommendation benchmarked, or null
 * @param problems what compiling found
 * @param errorCode null when the benchmark can run; else a stable code and {@code error}
 */
public record ModelBenchmark(
    String label,
    List<Variant> variants,
    String nodeId,
    Recommendation recommendation,
    List<Problem> problems,
    String errorCode,
    String error) {

  /** {@code compare}: null, "saved", "head" or "recommendation" (with {@code recommendationId}). */
  public static ModelBenchmark prepare(
      ProjectSnapshot s,
      Path file,
      String adHocSql,
      String compare,
      Long recommendationId,
      Store store,
      Warehouses warehouses) {
    boolean adHoc = adHocSql != null && !adHocSql.isBlank();
    PreviewSql base = PreviewSql.of(s, file, adHocSql).orElse(null);
    if (base == null) {
      return refused(
          null,
          List.of(),
          "preview-nothing",
          "this document defines no model to benchmark; select SQL to benchmark it ad hoc");
    }
    List<Problem> problems = new ArrayList<>(base.problems());
    if (base.failed()) {
      return refused(base.nodeId(), problems, "compile-failed", "the SQL could not be compiled");
    }
    String baseSql = UpstreamInliner.onWarehouse(s, base, warehouses).sql();
    String own = adHoc ? "query" : "buffer";
    if (compare == null || compare.isBlank()) {
      return new ModelBenchmark(
          adHoc ? "ad-hoc query" : "model " + name(s, base),
          List.of(Variant.of(own, baseSql)),
          base.nodeId(),
          null,
          problems,
          null,
          null);
    }
    switch (compare) {
      case "saved", "head" -> {
        if (adHoc || file == null) {
          return refused(
              base.nodeId(),
              problems,
              "benchmark-no-variant",
              "comparing with the "
                  + (compare.equals("head") ? "committed" : "saved")
                  + " version needs a model, not ad-hoc SQL");
        }
        String other;
        if (compare.equals("saved")) {
          try {
            other = Files.readString(file);
          } catch (IOException e) {
            return refused(
                base.nodeId(),
                problems,
                "benchmark-no-variant",
                "the saved file cannot be read: " + e.getMessage());
          }
        } else {
          GitHead.Text head = GitHead.of(file);
          if (!head.ok()) {
            return refused(base.nodeId(), problems, "benchmark-no-variant", head.problem());
          }
          other = head.text();
        }
        PreviewSql theirs = PreviewSql.of(s, file, other).orElse(null);
        if (theirs == null || theirs.failed()) {
          if (theirs != null) {
            problems.addAll(theirs.problems());
          }
          return refused(
              base.nodeId(),
              problems,
              "compile-failed",
              "the "
                  + (compare.equals("head") ? "committed" : "saved")
                  + " version could not be compiled");
        }
        String label = compare.equals("head") ? "git HEAD" : "saved file";
        return new ModelBenchmark(
            "model " + name(s, base) + ": buffer vs " + label,
            List.of(
                Variant.of(label, UpstreamInliner.onWarehouse(s, theirs, warehouses).sql()),
                Variant.of(own, baseSql)),
            base.nodeId(),
            null,
            problems,
            null,
            null);
      }
      case "recommendation" -> {
        Recommendation r =
            recommendationId == null || store == null
                ? null
                : store
                    .recommendations()
                    .get(recommendationId, s.inputs().root().dir().toString())
                    .orElse(null);
        if (r == null) {
          return refused(
              base.nodeId(),
              problems,
              "recommendation-unknown",
              "no recommendation " + recommendationId + " in this project");
        }
        if (r.applySql() == null) {
          return refused(
              base.nodeId(),
              problems,
              "recommendation-advice",
              "recommendation " + r.id() + " is advice only: there is nothing to try in a sandbox");
        }
        return new ModelBenchmark(
            (adHoc ? "ad-hoc query" : "model " + name(s, base))
                + ": without vs with recommendation "
                + r.id(),
            List.of(
                Variant.of("without", baseSql),
                new Variant("with recommendation " + r.id(), baseSql, List.of(r.applySql()))),
            base.nodeId(),
            r,
            problems,
            null,
            null);
      }
      default -> {
        return refused(
            base.nodeId(),
            problems,
            "benchmark-no-variant",
            "compare must be saved, head or recommendation, not '" + compare + "'");
      }
    }
  }

  /**
   * The variants timed {@code runs} times each after {@code warmups}, no new run after {@code
   * seconds}.
   */
  public BenchmarkPlan plan(int warmups, int runs, int seconds) {
    return BenchmarkPlan.of(variants)
        .withRuns(warmups, runs)
        .withTimeBudget(Duration.ofSeconds(seconds));
  }

  public boolean ok() {
    return errorCode == null;
  }

  private static String name(ProjectSnapshot s, PreviewSql p) {
    var node = p.nodeId() == null ? null : s.manifest().nodes().get(p.nodeId());
    return node == null ? "query" : node.name();
  }

  private static ModelBenchmark refused(
      String nodeId, List<Problem> problems, String code, String message) {
    return new ModelBenchmark(null, List.of(), nodeId, null, List.copyOf(problems), code, message);
  }
}
