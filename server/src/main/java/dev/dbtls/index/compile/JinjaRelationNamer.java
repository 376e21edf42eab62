package dev.dbtls.index.compile;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.ManifestBuilder;
import dev.dbtls.index.Node;
import dev.dbtls.index.RelationName;
import dev.dbtls.jinja.DbtJinja;
import dev.dbtls.project.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names relations through the project's own {@code generate_database_name}, {@code
 * generate_schema_name} or {@code generate_alias_name} when it overrides them; the Java defaults
 * stay in charge of everything the project does not override. A call that looked up nothing of the
 * node (its dict, {@code model}, {@code this}, {@code config}, ...) gives the same answer for every
 * node with the same custom name in the same package, so that answer is kept and reused: most
 * projects' overrides only read {@code target} and the custom name.
 */
final class JinjaRelationNamer implements ManifestBuilder.RelationNamer {
  private static final String[] KINDS = {"database", "schema", "alias"};
  private final java.util.function.Supplier<DbtJinja> jinja;
  private final Manifest empty;
  private final Map<String, String> env;
  private final boolean[] overridden = new boolean[3];

  /**
   * The names through which a call sees the node: its context's per-node globals, and the macros'
   * own parameters after the first (the node passed in).
   */
  private final Set<String> nodeNames =
      new HashSet<>(
          List.of(
              "model",
              "this",
              "config",
              "ref",
              "source",
              "function",
              "is_incremental",
              "builtins",
              "context",
              "modules",
              "node"));

  private final Map<Answer, Optional<String>> answers = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger calls =
      new java.util.concurrent.atomic.AtomicInteger();

  private JinjaRelationNamer(
      java.util.function.Supplier<DbtJinja> jinja, Manifest empty, Map<String, String> env) {
    this.jinja = jinja;
    this.empty = empty;
    this.env = env;
    String root = empty.inputs().root().name();
    List<String> prefixes = new ArrayList<>(List.of("", "default__"));
    empty.inputs().target().adapter().lineage().forEach(a -> prefixes.add(a + "__"));
    // decided from the root project's macro definitions, without building the engine
    java.util.Set<String> defined = new java.util.HashSet<>();
    for (dev.dbtls.project.ProjectFile f : empty.inputs().files()) {
      if (f.packageName().equals(root)
          && f.kind() == dev.dbtls.project.FileKind.MACRO
          && f.text().contains("generate_")) {
        dev.dbtls.jinja.scan.StaticExtractor.extract(
                dev.dbtls.jinja.scan.JinjaScanner.scan(f.text()))
            .macros()
            .forEach(
                m -> {
                  defined.add(m.name());
                  if (m.name().contains("generate_")) {
                    m.params().stream().skip(1).forEach(p -> nodeNames.add(p.name()));
                  }
                });
      }
    }
    for (int i = 0; i < 3; i++) {
      for (String p : prefixes) {
        overridden[i] |= defined.contains(p + "generate_" + KINDS[i] + "_name");
      }
    }
  }

  static ManifestBuilder.RelationNamer forProject(
      java.util.function.Supplier<DbtJinja> jinja, Manifest empty, Map<String, String> env) {
    JinjaRelationNamer n = new JinjaRelationNamer(jinja, empty, env);
    return n.overridden[0] || n.overridden[1] || n.overridden[2] ? n : null;
  }

  @Override
  public RelationName name(Node node, RelationName defaults) {
    NodeContext context = new NodeContext(node);
    String database =
        overridden[0] ? named(0, node.config().get("database"), context) : defaults.database();
    String schema =
        overridden[1] ? named(1, node.config().get("schema"), context) : defaults.schema();
    String alias =
        overridden[2] ? named(2, node.config().get("alias"), context) : defaults.identifier();
    return new RelationName(
        database == null ? defaults.database() : database,
        schema == null ? defaults.schema() : schema,
        alias == null ? defaults.identifier() : alias);
  }

  /**
   * The macro's answer for a node: the one kept for the same custom name and package when a call
   * with them read nothing of the node, else a call (kept when it too read nothing of the node).
   */
  private String named(int kind, Object custom, NodeContext c) {
    boolean keyable = custom == null || custom instanceof String;
    Answer key = keyable ? new Answer(kind, (String) custom, c.node.packageName()) : null;
    Optional<String> known = key == null ? null : answers.get(key);
    if (known != null) {
      return known.orElse(null);
    }
    Set<String> read = new HashSet<>();
    calls.incrementAndGet();
    String v = call(KINDS[kind], custom, c.dict(), c.globals(), read);
    if (key != null && Collections.disjoint(read, nodeNames)) {
      answers.putIfAbsent(key, Optional.ofNullable(v));
    }
    return v;
  }

  private String call(
      String kind,
      Object custom,
      Map<String, Object> dict,
      Map<String, Object> globals,
      Set<String> read) {
    List<Problem> problems = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    args.add(custom);
    args.add(dict);
    Object v =
        jinja
            .get()
            .callMacro(
                empty.inputs().root().name(),
                "generate_" + kind + "_name",
                args,
                globals,
                problems,
                read);
    if (v == null || !problems.stream().noneMatch(Problem::isError)) {
      return null;
    }
    String s = String.valueOf(v).strip();
    return s.isEmpty() || "None".equals(s) ? null : s;
  }

  /** How many times a macro was called (the rest were answers reused). */
  int calls() {
    return calls.get();
  }

  /** A generate macro's kind, custom name and the node's package: all a node-blind call reads. */
  private record Answer(int kind, String custom, String packageName) {}

  /** The node's dict and globals, made once per node and only when a macro is called. */
  private final class NodeContext {
    private final Node node;
    private Map<String, Object> dict;
    private Map<String, Object> globals;

    NodeContext(Node node) {
      this.node = node;
    }

    Map<String, Object> dict() {
      if (dict == null) {
        dict = NodeDicts.of(node);
      }
      return dict;
    }

    Map<String, Object> globals() {
      if (globals == null) {
        globals = DbtContext.globals(new CompileScope(empty, node, true, env), Map::of);
      }
      return globals;
    }
  }
}
