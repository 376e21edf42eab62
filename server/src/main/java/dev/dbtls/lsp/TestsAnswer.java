package dev.dbtls.lsp;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.protocol.ProjectTest;
import dev.dbtls.protocol.TestsResult;
import dev.dbtls.store.RunHistory;
import dev.dbtls.store.Store;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code dbt/tests}: the project's enabled data tests and unit tests, each with the node it tests
 * (a generic test's {@code attached_node}; a singular or unit test's one parent), where it is
 * declared, and its last end from the run history — what a Testing UI lists before any run.
 */
final class TestsAnswer {
  private TestsAnswer() {}

  static TestsResult of(ProjectSnapshot s, Store store, Uris uris) {
    Map<String, Node> nodes = s.manifest().nodes();
    List<Node> tests =
        nodes.values().stream()
            .filter(n -> n.enabled() && n.type().isTest())
            .sorted(Comparator.comparing(Node::uniqueId))
            .toList();
    Map<String, RunHistory.Last> last =
        store == null
            ? Map.of()
            : store
                .runs()
                .last(
                    s.inputs().root().dir().toString(),
                    s.inputs().target().name(),
                    tests.stream().map(Node::uniqueId).toList())
                .orElse(Map.of());
    Path root = s.inputs().root().dir();
    return new TestsResult(
        tests.stream()
            .map(
                t -> {
                  Node on = nodes.get(attachedTo(t));
                  return new ProjectTest(
                      t.uniqueId(),
                      t.name(),
                      t.type().dbtName(),
                      on == null ? null : on.uniqueId(),
                      on == null ? null : on.name(),
                      t.displayPath() == null
                          ? null
                          : uris.uri(root.resolve(t.displayPath()).normalize()),
                      Ranges.of(t.span()),
                      RunsAnswer.lastRun(last.get(t.uniqueId())));
                })
            .toList(),
        null);
  }

  /** The unique id of the node a test (data or unit) tests; null for other nodes or none. */
  static String attachedId(ProjectSnapshot s, Node t) {
    if (!t.type().isTest()) {
      return null;
    }
    String id = attachedTo(t);
    return id != null && s.manifest().nodes().containsKey(id) ? id : null;
  }

  /** The name of the node a test tests; null for other nodes or none. */
  static String attachedName(ProjectSnapshot s, Node t) {
    String id = attachedId(s, t);
    return id == null ? null : s.manifest().nodes().get(id).name();
  }

  /** The node a test tests: a generic test's attached node, else its only parent. */
  private static String attachedTo(Node t) {
    Object attached = t.extra().get("attached_node");
    if (attached instanceof String a && !a.isBlank()) {
      return a;
    }
    return t.dependsOn().size() == 1 ? t.dependsOn().get(0) : null;
  }
}
