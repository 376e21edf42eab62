package dev.dbtls.index.compile;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.jinja.RenderRequest;
import dev.dbtls.jinja.Rendered;
import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.jinja.scan.SourceMap;
import dev.dbtls.jinja.scan.SourceMapper;
import dev.dbtls.jinja.scan.StaticExtractor;
import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles nodes of one snapshot to SQL: renders the template with dbt's context, then injects
 * ephemeral parents as CTEs. Thread-safe; ephemeral bodies are compiled once and shared.
 */
public final class NodeCompiler {
  private final ProjectSnapshot snapshot;
  private final Map<String, Rendering> ephemeralCache = new ConcurrentHashMap<>();
  private volatile Map<String, Object> graph;
  private volatile DbtContext.Shared shared;
  private final BuildContext build;

  public NodeCompiler(ProjectSnapshot snapshot) {
    this(snapshot, null);
  }

  /**
   * A compiler for a build: renders execute their statements on the build's database ({@code
   * run_query}, {@code is_incremental()}), and {@link #materialize} runs materializations.
   */
  public NodeCompiler(ProjectSnapshot snapshot, BuildContext build) {
    this.snapshot = snapshot;
    this.build = build;
  }

  /**
   * One of the project's {@code on-run-start} / {@code on-run-end} hooks rendered in dbt's context
   * for hooks (no {@code this}, {@code target}, {@code run_query}, macros) plus {@code extra} (for
   * on-run-end: {@code results}, {@code schemas}); statements in it run when it renders (a macro
   * that calls run_query), its SQL is what it prints.
   */
  public Rendered renderHook(Node hook, String sql, Map<String, Object> extra) {
    CompileScope scope = new CompileScope(snapshot.manifest(), hook, false, snapshot.env(), build);
    Map<String, Object> globals = new java.util.HashMap<>(scopeGlobals(scope));
    globals.putAll(extra);
    return snapshot
        .jinja()
        .render(
            new RenderRequest(
                hook.displayPath(),
                sql,
                hook.packageName(),
                globals,
                snapshot.knownColumns(),
                build == null ? null : build.database()));
  }

  /**
   * Builds the node on the build's database: its materialization (the project's, a package's or
   * ours, chosen as dbt chooses) rendered with the compiled SQL. Never throws; the render's
   * problems tell a failure ({@code database-error} for a refused statement).
   */
  public Rendered materialize(CompiledNode compiled) {
    if (build == null) {
      throw new IllegalStateException("not a build");
    }
    CompileScope scope =
        new CompileScope(snapshot.manifest(), compiled.node(), false, snapshot.env(), build);
    return Materialization.run(snapshot, compiled, scopeGlobals(scope), build.database());
  }

  private Map<String, Object> graph() {
    Map<String, Object> g = graph;
    if (g == null) {
      g = NodeDicts.graph(snapshot.manifest());
      graph = g;
    }
    return g;
  }

  /**
   * The node's compiled SQL with ephemeral CTEs injected. Never throws. A data test from YAML that
   * fails always comes with an error at its entry (a SQL file's failures without one of their own
   * are the manifest's errors of that file: an unknown ref).
   */
  public CompiledNode compile(Node node) {
    CompiledNode c = compileBody(node);
    if (!c.failed() || node.file() != null || c.problems().stream().anyMatch(Problem::isError)) {
      return c;
    }
    List<Problem> problems = new ArrayList<>(c.problems());
    problems.add(
        new Problem(
            node.displayPath(),
            node.span().startLine(),
            node.span().startColumn(),
            node.span().endLine(),
            node.span().endColumn(),
            null,
            ProblemCode.COMPILER_ERROR,
            node.type().dbtName() + " '" + node.name() + "' could not be compiled"));
    return new CompiledNode(node, c.sql(), problems, true, c.sourceMap(), c.reads());
  }

  private CompiledNode compileBody(Node node) {
    try {
      Rendering rendering = rendering(node);
      CompiledNode body = rendering.body();
      if (body.failed() || body.node().type() == ResourceType.SEED) {
        return body;
      }
      Map<String, String> ctes = new LinkedHashMap<>();
      List<Problem> problems = new ArrayList<>(body.problems());
      java.util.Set<String> visited = new java.util.HashSet<>();
      boolean failed = prependCtes(rendering.ephemerals(), ctes, problems, visited);
      dev.dbtls.jinja.RenderReads reads = body.reads();
      for (String id : visited) {
        dev.dbtls.jinja.RenderReads ran = ephemeralCache.get(id).body().reads();
        reads = reads == null ? null : reads.plus(ran);
      }
      String sql = EphemeralCtes.inject(body.sql(), ctes.values());
      SourceMap map = body.sourceMap();
      if (map != null && !sql.equals(body.sql())) {
        int at = commonPrefix(sql, body.sql());
        int added = sql.length() - body.sql().length();
        map =
            added > 0 && sql.startsWith(body.sql().substring(at), at + added)
                ? map.withInsertion(at, sql.substring(at, at + added))
                : null; // dbt dropped a second statement: offsets no longer map
      }
      return new CompiledNode(node, sql, problems, failed, map, reads);
    } catch (RuntimeException e) {
      // the engine promises never to throw; if it does, one node fails, not the run
      return new CompiledNode(
          node,
          "",
          List.of(
              Problem.ofFile(
                  node.displayPath(),
                  dev.dbtls.project.ProblemCode.JINJA_RENDER,
                  "internal error compiling " + node.name() + ": " + e)),
          true,
          null,
          null);
    }
  }

  /**
   * dbt's {@code _recursively_prepend_ctes}: for each ephemeral the render referenced, in the order
   * of its {@code ref} calls, first its own CTEs, then itself (its SQL before injection); a CTE
   * already listed keeps its place.
   */
  private boolean prependCtes(
      List<Node> ephemerals,
      Map<String, String> ctes,
      List<Problem> problems,
      java.util.Set<String> visited) {
    boolean failed = false;
    for (Node parent : ephemerals) {
      Rendering r = ephemeralCache.computeIfAbsent(parent.uniqueId(), k -> rendering(parent));
      if (visited.add(parent.uniqueId())) {
        failed |= prependCtes(r.ephemerals(), ctes, problems, visited);
        problems.addAll(r.body().problems());
        failed |= r.body().failed();
      }
      ctes.put(parent.uniqueId(), EphemeralCtes.cte(Relations.identifier(parent), r.body().sql()));
    }
    return failed;
  }

  /**
   * A model compiled for one of its unit tests: every {@code ref}, {@code source} (and {@code this}
   * when given) reads the unit test's fixture, put in front as a CTE, and the overrides stand in
   * for macros, vars and env vars. Never throws; a ref the unit test gives no input for fails it.
   */
  public CompiledNode compileUnitTest(Node model, UnitTestInputs inputs) {
    try {
      CompileScope scope =
          new CompileScope(snapshot.manifest(), model, false, snapshot.env(), build)
              .forUnitTest(inputs);
      CompiledNode body = render(model, scope);
      String sql =
          EphemeralCtes.inject(
              body.sql(),
              scope.fixturesRead().entrySet().stream()
                  .map(e -> EphemeralCtes.cte(e.getKey(), e.getValue()))
                  .toList());
      return new CompiledNode(model, sql, body.problems(), body.failed(), null);
    } catch (RuntimeException e) {
      return new CompiledNode(
          model,
          "",
          List.of(
              Problem.ofFile(
                  model.displayPath(),
                  ProblemCode.JINJA_RENDER,
                  "internal error compiling " + model.name() + ": " + e)),
          true);
    }
  }

  /** A node's rendered template and the ephemeral models its render referenced, in call order. */
  private record Rendering(CompiledNode body, List<Node> ephemerals) {}

  private Rendering rendering(Node node) {
    CompileScope scope = new CompileScope(snapshot.manifest(), node, false, snapshot.env(), build);
    CompiledNode body = render(node, scope);
    List<Node> ephemerals = new ArrayList<>(scope.ephemerals());
    if (node.type() == ResourceType.TEST && node.file() == null) {
      // a data test from YAML renders in a scope of its own: its ephemeral parents are its refs
      Manifest m = snapshot.manifest();
      node.dependsOn().stream()
          .map(m.nodes()::get)
          .filter(p -> p != null && "ephemeral".equals(p.materialized()))
          .forEach(ephemerals::add);
    }
    return new Rendering(body, ephemerals);
  }

  private CompiledNode render(Node node, CompileScope scope) {
    if (node.type() == ResourceType.TEST && node.file() == null) {
      return GenericTestCompiler.compile(snapshot, node, this::scopeGlobals);
    }
    String raw = node.extra().get(Node.RAW_CODE) instanceof String s ? s : null;
    if (node.file() == null && raw == null) {
      return new CompiledNode(node, "", List.of(), false);
    }
    if (Boolean.TRUE.equals(node.extra().get(Node.JINJA_SYNTAX_ERROR))) {
      // the index already reported the syntax error at its exact range; rendering would only repeat
      // it
      return new CompiledNode(node, "", List.of(), true);
    }
    String text;
    if (raw != null) {
      text = raw;
    } else if (node.type() == ResourceType.SNAPSHOT) {
      text = snapshotBody(node);
    } else {
      // read once for the render and its model's raw_code (the file keeps no text it did not have)
      text = node.file().peekText();
      scope.rawCode(text);
    }
    ScannedTemplate template = JinjaScanner.scan(text);
    // invisible markers in the template tell which piece produced which part of the output
    Rendered r =
        snapshot
            .jinja()
            .render(
                new RenderRequest(
                    node.displayPath(),
                    SourceMapper.instrument(template),
                    node.packageName(),
                    scopeGlobals(scope),
                    snapshot.knownColumns(),
                    build == null ? null : build.database()));
    SourceMap map = SourceMapper.recover(template, r.output());
    List<Problem> problems = new ArrayList<>(unsureAfterSkippedQueries(r.problems()));
    problems.addAll(scope.problems());
    boolean failed = problems.stream().anyMatch(Problem::isError) || scope.failed();
    return new CompiledNode(
        node,
        map.output(),
        problems,
        failed,
        map,
        r.reads().plus(scope.envVarsRead(), scope.unkeyed()));
  }

  /**
   * Without a warehouse, introspective queries return empty results; a template that indexes into
   * one ({@code results.columns[0]}, {@code dict.KEY[0]}) then fails in a way it would not with the
   * data. Render errors after a skipped query are therefore warnings that say so, never errors: we
   * cannot tell a real mistake from missing data.
   */
  private static List<Problem> unsureAfterSkippedQueries(List<Problem> problems) {
    if (problems.stream()
        .noneMatch(
            p ->
                p.code() == ProblemCode.INTROSPECTION_SKIPPED
                    || p.code() == ProblemCode.WAREHOUSE_MACRO)) {
      return problems;
    }
    return problems.stream()
        .map(
            p ->
                p.code() != ProblemCode.JINJA_RENDER || !p.isError()
                    ? p
                    : new Problem(
                        p.file(),
                        p.line(),
                        p.column(),
                        p.endLine(),
                        p.endColumn(),
                        Severity.WARNING,
                        p.code(),
                        p.message()
                            + " (an introspective query was skipped for want of a warehouse "
                            + "connection; this may be a consequence of its empty result)"))
        .toList();
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  Map<String, Object> scopeGlobals(CompileScope scope) {
    DbtContext.Shared s = shared;
    if (s == null) {
      // immutable, so two threads building it at once is harmless
      s = new DbtContext.Shared(snapshot.manifest(), build, this::graph);
      shared = s;
    }
    return DbtContext.globals(scope, s);
  }

  /**
   * The inside of {@code {% snapshot name %}}, with everything else blanked (newlines kept) so
   * problem lines still point into the file.
   */
  private static String snapshotBody(Node node) {
    String text = node.file().peekText();
    StaticFacts facts = StaticExtractor.extract(JinjaScanner.scan(text));
    for (StaticFacts.SnapshotBlock b : facts.snapshots()) {
      if (b.name().equals(node.name())) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
          boolean inside = i >= b.body().start() && i < b.body().end();
          char c = text.charAt(i);
          sb.append(inside || c == '\n' ? c : ' ');
        }
        return sb.toString().strip();
      }
    }
    return text;
  }
}
