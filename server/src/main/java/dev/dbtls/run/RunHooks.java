package dev.dbtls.run;

import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.BuildContext;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.jinja.Database;
import dev.dbtls.jinja.Rendered;
import dev.dbtls.project.Problem;
import dev.dbtls.warehouse.BuildTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The root project's {@code on-run-start} and {@code on-run-end} hooks, run as dbt runs them: each
 * rendered in the hooks' context ({@code on-run-end} also sees {@code results} and {@code schemas})
 * and its SQL executed and committed on a connection of its own, in order; each is a result of the
 * run ({@code operation.<project>.<project>-on-run-start-<n>}, as dbt names it). A failing hook
 * ends the hooks of its kind.
 */
final class RunHooks {
  private RunHooks() {}

  static List<NodeResult> run(
      ProjectSnapshot s,
      String key,
      BuildTarget target,
      Builds.Options o,
      Map<String, Object> extra,
      DataTests.Listener l) {
    List<String> hooks = s.inputs().root().hooks(key);
    List<NodeResult> out = new ArrayList<>();
    if (hooks.isEmpty()) {
      return out;
    }
    try (Connection c = target.connect()) {
      JdbcDatabase db = new JdbcDatabase(c, target.sqlType(), null, target::scrub);
      NodeCompiler compiler = new NodeCompiler(s, new BuildContext(db, o.fullRefresh(), o.which()));
      for (int i = 0; i < hooks.size(); i++) {
        Node hook = node(s, key, i);
        l.started(i + 1, hooks.size(), hook);
        NodeResult r = one(compiler, db, hook, hooks.get(i), extra);
        l.finished(i + 1, hooks.size(), r);
        out.add(r);
        if (r.status() != NodeResult.Status.SUCCESS) {
          break;
        }
      }
    } catch (SQLException e) {
      Node hook = node(s, key, 0);
      out.add(
          result(
              hook,
              NodeResult.Status.ERROR,
              target.scrub(String.valueOf(e.getMessage())),
              Instant.now()));
    }
    return out;
  }

  private static NodeResult one(
      NodeCompiler compiler, JdbcDatabase db, Node hook, String sql, Map<String, Object> extra) {
    Instant start = Instant.now();
    try {
      Rendered r = compiler.renderHook(hook, sql, extra);
      Problem failure = r.problems().stream().filter(Problem::isError).findFirst().orElse(null);
      if (failure != null) {
        db.rollback();
        return result(
            hook,
            NodeResult.Status.ERROR,
            "Error in " + hook.name() + ": " + failure.message(),
            start);
      }
      if (!r.output().isBlank()) {
        db.execute(r.output(), false);
      }
      db.commit();
      return result(hook, NodeResult.Status.SUCCESS, "OK", start);
    } catch (Database.Failure e) {
      db.rollback();
      return result(
          hook,
          NodeResult.Status.ERROR,
          "Database Error in " + hook.name() + ": " + e.getMessage(),
          start);
    }
  }

  /** The hook as dbt names it: {@code operation.shop.shop-on-run-start-0}. */
  static Node node(ProjectSnapshot s, String key, int i) {
    String project = s.inputs().root().name();
    String name = project + "-" + key + "-" + i;
    return new Node(
        "operation." + project + "." + name,
        ResourceType.MACRO,
        project,
        name,
        null,
        List.of(project, "hooks", name),
        "dbt_project.yml",
        "dbt_project.yml",
        null,
        Map.of(),
        "",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        Map.of());
  }

  /** Whether a result is a hook's. */
  static boolean isHook(String uniqueId) {
    return uniqueId != null && uniqueId.startsWith("operation.");
  }

  /** dbt's {@code results} for on-run-end: each node's status, message, time and node. */
  static List<Object> results(ProjectSnapshot s, List<NodeResult> results) {
    List<Object> out = new ArrayList<>();
    for (NodeResult r : results) {
      Node n = s.manifest().nodes().get(r.uniqueId());
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("unique_id", r.uniqueId());
      node.put("name", r.name());
      node.put("resource_type", n == null ? "operation" : n.type().dbtName());
      node.put(
          "config",
          n == null ? new LinkedHashMap<>() : dev.dbtls.project.Shared.mutableCopy(n.config()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("status", r.status().word());
      m.put("message", r.message());
      m.put("execution_time", r.seconds());
      m.put("failures", r.failures());
      m.put("node", node);
      out.add(m);
    }
    return out;
  }

  private static NodeResult result(
      Node hook, NodeResult.Status status, String message, Instant start) {
    return new NodeResult(
        hook.uniqueId(),
        hook.name(),
        status,
        0,
        message,
        null,
        start,
        start,
        Instant.now(),
        Thread.currentThread().getName());
  }
}
