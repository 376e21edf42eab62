package dev.dbtls.run;

import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run says of its data tests, as problems an editor shows until the next run: a test that
 * failed, warned or could not run is a {@code test-failed} problem at its YAML entry (or its
 * singular test's file) with dbt's message; a test that passed or was skipped clears its earlier
 * one (null in the map).
 */
public final class TestFailures {
  private TestFailures() {}

  /** By test unique id: its problem now, or null when it has none. */
  public static Map<String, Problem> of(ProjectSnapshot s, List<NodeResult> results) {
    Map<String, Problem> out = new LinkedHashMap<>();
    for (NodeResult r : results) {
      Node n = s.manifest().nodes().get(r.uniqueId());
      if (n == null || !n.type().isTest()) {
        continue;
      }
      out.put(r.uniqueId(), problem(n, r));
    }
    return out;
  }

  private static Problem problem(Node test, NodeResult r) {
    Severity severity =
        switch (r.status()) {
          case FAIL, ERROR -> Severity.ERROR;
          case WARN -> Severity.WARNING;
          default -> null;
        };
    if (severity == null) {
      return null;
    }
    String file = test.displayPath(); // a generic test's YAML file, a singular test's own
    String what =
        switch (r.status()) {
          case FAIL -> "failed";
          case WARN -> "warned";
          default -> "could not run";
        };
    String message =
        (test.type() == ResourceType.UNIT_TEST ? "dbt unit test " : "dbt test ")
            + test.name()
            + " "
            + what
            + " in the last run: "
            + (r.message() == null ? r.status().word() : r.message());
    var span = test.span();
    return new Problem(
        file,
        span == null ? 0 : span.startLine(),
        span == null ? 0 : span.startColumn(),
        span == null ? 0 : span.endLine(),
        span == null ? 0 : span.endColumn(),
        severity,
        ProblemCode.TEST_FAILED,
        message);
  }
}
