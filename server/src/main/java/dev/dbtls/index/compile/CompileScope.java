package dev.dbtls.index.compile;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.RefCall;
import dev.dbtls.index.SourceCall;
import dev.dbtls.project.Adapter;
import dev.dbtls.project.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one render of one node: what the context functions see and what they record. In
 * parse-only mode (dbt's parse phase) ref/source/config calls are captured, not resolved.
 */
final class CompileScope {
  /** What a parse render captured. */
  record Captured(List<RefCall> refs, List<SourceCall> sources, Map<String, Object> config) {}

  private final Manifest manifest;
  private final Node node;
  private final boolean parseOnly;
  private final Map<String, String> env;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<Node> ephemerals = new LinkedHashSet<>();
  private final Captured captured =
      new Captured(new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>());
  private boolean failed;
  private final BuildContext build;
  private UnitTestInputs unitTest;
  private final Map<String, String> fixturesRead = new LinkedHashMap<>();
  private final Set<String> envVarsRead = new java.util.TreeSet<>();
  private final Set<String> unkeyed = new java.util.TreeSet<>();

  CompileScope(Manifest manifest, Node node, boolean parseOnly, Map<String, String> env) {
    this(manifest, node, parseOnly, env, null);
  }

  CompileScope(
      Manifest manifest,
      Node node,
      boolean parseOnly,
      Map<String, String> env,
      BuildContext build) {
    this.manifest = manifest;
    this.node = node;
    this.parseOnly = parseOnly;
    this.env = env;
    this.build = build;
  }

  /** The node's file text as this render read it, for its model's raw_code; null: not read. */
  private String rawCode;

  void rawCode(String text) {
    this.rawCode = text;
  }

  String rawCode() {
    return rawCode;
  }

  /** A unit test's inputs and overrides when this render is one; else null. */
  UnitTestInputs unitTest() {
    return unitTest;
  }

  CompileScope forUnitTest(UnitTestInputs inputs) {
    this.unitTest = inputs;
    return this;
  }

  /**
   * The fixture read for a node (its unique id, or {@link UnitTestInputs#THIS}) as the relation
   * templates see, its CTE recorded; null when the unit test gives none (a problem says so).
   */
  dev.dbtls.jinja.Relation fixture(String key, String name, String what) {
    String sql = unitTest.fixtures().get(key);
    if (sql == null) {
      problems.add(
          Problem.ofFile(
              node.displayPath(),
              dev.dbtls.project.ProblemCode.COMPILER_ERROR,
              "the model reads "
                  + what
                  + ", which the unit test gives no input for: add it under 'given'"));
      failed = true;
      return null;
    }
    String cte = UnitTestInputs.cteName(name);
    fixturesRead.put(cte.substring(Relations.EPHEMERAL_PREFIX.length()), sql);
    return dev.dbtls.jinja.Relation.of(adapter(), null, null, cte)
        .withInclude(false, false, true)
        .withQuoting(false, false, false)
        .withType("cte");
  }

  /** The fixtures' CTEs the render read, by name (without the CTE prefix). */
  Map<String, String> fixturesRead() {
    return fixturesRead;
  }

  /** The build this render is part of; null in a compile. */
  BuildContext build() {
    return build;
  }

  Manifest manifest() {
    return manifest;
  }

  Node node() {
    return node;
  }

  boolean parseOnly() {
    return parseOnly;
  }

  Map<String, String> env() {
    return env;
  }

  Adapter adapter() {
    return manifest.inputs().target().adapter();
  }

  Map<String, Object> quoting() {
    return manifest.inputs().root().quoting();
  }

  List<Problem> problems() {
    return problems;
  }

  Set<Node> ephemerals() {
    return ephemerals;
  }

  Captured captured() {
    return captured;
  }

  /**
   * A problem located at the first call of {@code function('name'...)} in the node's own file (the
   * engine does not tell Java callables where they were called from); the file start when the call
   * sits in a macro.
   */
  Problem problemAtCall(
      String function, String name, dev.dbtls.project.ProblemCode code, String message) {
    String text = node.file() == null ? "" : node.file().text();
    var facts =
        dev.dbtls.jinja.scan.StaticExtractor.extract(dev.dbtls.jinja.scan.JinjaScanner.scan(text));
    dev.dbtls.jinja.scan.TextRange at =
        switch (function) {
          case "var" ->
              facts.vars().stream()
                  .filter(v -> name.equals(v.name()))
                  .map(v -> v.call())
                  .findFirst()
                  .orElse(null);
          case "env_var" ->
              facts.envVars().stream()
                  .filter(v -> name.equals(v.name()))
                  .map(v -> v.call())
                  .findFirst()
                  .orElse(null);
          default -> null;
        };
    if (at == null) {
      return Problem.ofFile(node.displayPath(), code, message);
    }
    var span = new dev.dbtls.project.LineIndex(text).span(at.start(), at.end());
    return Problem.at(node.displayPath(), span, code, message);
  }

  void fail() {
    failed = true;
  }

  /** Records that the render read the environment variable {@code name}. */
  void readEnvVar(String name) {
    envVarsRead.add(name);
  }

  /** The environment variables this render read. */
  Set<String> envVarsRead() {
    return envVarsRead;
  }

  /**
   * Records that the render resolved {@code call} (a {@code ref}, {@code source} or {@code
   * function}) to {@code target}, or to nothing (null): unkeyed when the node does not depend on it
   * (its restore key holds its parents only), or when the name resolves to nothing now (a node
   * added later would resolve it).
   */
  void resolved(String call, Node target) {
    if (target == null || !node.dependsOn().contains(target.uniqueId())) {
      unkeyed.add(call);
    }
  }

  /** What this render read that none of its inputs holds ({@link dev.dbtls.jinja.RenderReads}). */
  Set<String> unkeyed() {
    return unkeyed;
  }

  boolean failed() {
    return failed;
  }
}
