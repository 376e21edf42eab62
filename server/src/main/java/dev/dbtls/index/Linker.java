package dev.dbtls.index;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Links a project's nodes as dbt does after parsing: each ref and source resolved to a node (or a
 * located problem with a suggestion), relations named, data tests without a target disabled, nodes
 * defined twice and dependency cycles reported.
 */
final class Linker {
  private final ProjectInputs inputs;
  private final List<Problem> problems;
  private final ManifestBuilder.RelationNamer namer;

  Linker(ParseContext c) {
    this.inputs = c.inputs;
    this.problems = c.problems;
    this.namer = c.namer;
  }

  // ---- resolution ----------------------------------------------------------------------------

  /**
   * Data tests whose node, ref or source is missing or disabled are disabled, as dbt disables them:
   * silently when the tested node is disabled or undescribed (its property entry is reported), with
   * a warning when a ref or source names nothing.
   */
  void disableTestsWithoutTarget(
      Manifest draft, Map<String, Node> enabled, Map<String, Node> disabled) {
    for (Node n : List.copyOf(enabled.values())) {
      if (n.type() != ResourceType.TEST) {
        continue;
      }
      Object attached = n.extra().get("attached_node");
      boolean orphan = attached != null && !enabled.containsKey(String.valueOf(attached));
      Problem why = orphan ? null : missingTarget(draft, n);
      if (orphan || why != null) {
        if (why != null) {
          problems.add(why);
        }
        Map<String, Object> config = new LinkedHashMap<>(n.config());
        config.put("enabled", false);
        enabled.remove(n.uniqueId());
        disabled.putIfAbsent(n.uniqueId(), n.with(config, n.relation(), n.dependsOn()));
      }
    }
  }

  /** The first ref or source of a data test that matches no enabled node, as a located problem. */
  Problem missingTarget(Manifest draft, Node n) {
    for (RefCall r : n.refs()) {
      if (draft.resolveRef(n.packageName(), r).isEmpty()) {
        boolean off = draft.resolveDisabledRef(n.packageName(), r).isPresent();
        return located(
            n,
            r.start(),
            r.end(),
            new Problem(
                "",
                0,
                0,
                0,
                0,
                off ? dev.dbtls.project.Severity.INFO : null,
                ProblemCode.TEST_TARGET_MISSING,
                "data test '"
                    + n.name()
                    + "' is disabled: "
                    + r.display()
                    + (off
                        ? " points to a disabled node"
                        : " matches no model, seed or snapshot"
                            + DidYouMean.suffix(r.name(), draft.refableNames()))));
      }
    }
    for (SourceCall s : n.sources()) {
      if (draft.resolveSource(n.packageName(), s.sourceName(), s.tableName()).isEmpty()) {
        return located(
            n,
            s.start(),
            s.end(),
            Problem.ofFile(
                "",
                ProblemCode.TEST_TARGET_MISSING,
                "data test '"
                    + n.name()
                    + "' is disabled: source('"
                    + s.sourceName()
                    + "', '"
                    + s.tableName()
                    + "') matches no enabled source"));
      }
    }
    return null;
  }

  Node resolve(Manifest draft, Node n) {
    List<String> deps = new ArrayList<>();
    for (RefCall r : n.refs()) {
      Optional<Node> target = draft.resolveRef(n.packageName(), r);
      if (target.isPresent()) {
        if (!deps.contains(target.get().uniqueId())) {
          deps.add(target.get().uniqueId());
        }
      } else {
        problems.add(
            located(
                n,
                r.start(),
                r.end(),
                draft
                    .resolveDisabledRef(n.packageName(), r)
                    .map(
                        d ->
                            Problem.ofFile(
                                "",
                                ProblemCode.REF_DISABLED,
                                r.display()
                                    + " points to "
                                    + d.uniqueId()
                                    + ", which is disabled (enabled: false)"))
                    .orElseGet(
                        () ->
                            Problem.ofFile(
                                "",
                                ProblemCode.REF_UNKNOWN,
                                r.display()
                                    + " does not match any enabled model, seed or snapshot"
                                    + DidYouMean.suffix(r.name(), draft.refableNames())))));
      }
    }
    for (SourceCall s : n.sources()) {
      Optional<Node> target = draft.resolveSource(n.packageName(), s.sourceName(), s.tableName());
      if (target.isPresent()) {
        if (!deps.contains(target.get().uniqueId())) {
          deps.add(target.get().uniqueId());
        }
      } else {
        problems.add(
            located(
                n,
                s.start(),
                s.end(),
                Problem.ofFile(
                    "",
                    ProblemCode.SOURCE_UNKNOWN,
                    "source('"
                        + s.sourceName()
                        + "', '"
                        + s.tableName()
                        + "') is not declared in any "
                        + "sources: entry"
                        + DidYouMean.suffix(
                            s.sourceName() + "." + s.tableName(),
                            draft.nodes().values().stream()
                                .filter(x -> x.type() == ResourceType.SOURCE)
                                .map(x -> x.fqn().get(1) + "." + x.name())
                                .toList()))));
      }
    }
    for (RefCall f : n.functionCalls()) {
      Optional<Node> target = draft.resolveFunction(n.packageName(), f);
      if (target.isPresent()) {
        if (!deps.contains(target.get().uniqueId())) {
          deps.add(target.get().uniqueId());
        }
      } else {
        problems.add(
            located(
                n,
                f.start(),
                f.end(),
                Problem.ofFile(
                    "",
                    ProblemCode.FUNCTION_UNKNOWN,
                    "function("
                        + (f.packageName() == null ? "" : "'" + f.packageName() + "', ")
                        + "'"
                        + f.name()
                        + "') does not match any enabled function"
                        + DidYouMean.suffix(f.name(), draft.functionsByName().keySet()))));
      }
    }
    deps.addAll(n.dependsOn().stream().filter(d -> !deps.contains(d)).toList());
    RelationName rel = relation(n);
    return n.with(n.config(), rel, List.copyOf(deps));
  }

  private RelationName relation(Node n) {
    var target = inputs.target();
    if (n.type() == ResourceType.SOURCE) {
      Object db = n.extra().get("source_database");
      return new RelationName(
          db == null ? target.database() : String.valueOf(db),
          String.valueOf(n.extra().get("source_schema")),
          String.valueOf(n.extra().get("identifier")));
    }
    if (n.type() == ResourceType.EXPOSURE || n.type().semantic()) {
      return null;
    }
    Map<String, Object> c = n.config();
    String schema =
        n.type() == ResourceType.SNAPSHOT && c.get("target_schema") != null
            ? String.valueOf(c.get("target_schema"))
            : RelationNaming.schema(c, target);
    String database =
        n.type() == ResourceType.SNAPSHOT && c.get("target_database") != null
            ? String.valueOf(c.get("target_database"))
            : RelationNaming.database(c, target);
    RelationName defaults =
        new RelationName(database, schema, RelationNaming.alias(c, n.name(), n.version()));
    if (namer != null) {
      RelationName custom = namer.name(n, defaults);
      if (custom != null) {
        // a snapshot's target_schema / target_database are used as written, never through
        // generate_schema_name / generate_database_name (dbt's legacy snapshot configs)
        boolean snapshot = n.type() == ResourceType.SNAPSHOT;
        return new RelationName(
            snapshot && c.get("target_database") != null ? database : custom.database(),
            snapshot && c.get("target_schema") != null ? schema : custom.schema(),
            custom.identifier());
      }
    }
    return defaults;
  }

  private Problem located(Node n, int start, int end, Problem p) {
    if (n.file() == null) {
      return new Problem(
          n.displayPath(),
          n.span().startLine(),
          n.span().startColumn(),
          n.span().endLine(),
          n.span().endColumn(),
          p.severity(),
          p.code(),
          p.message());
    }
    dev.dbtls.project.LineIndex lines = new dev.dbtls.project.LineIndex(n.file().text());
    Span s = lines.span(start, end);
    return new Problem(
        n.displayPath(),
        s.startLine(),
        s.startColumn(),
        s.endLine(),
        s.endColumn(),
        p.severity(),
        p.code(),
        p.message());
  }

  void duplicate(Node earlier, Node n) {
    for (Node[] pair : new Node[][] {{n, earlier}, {earlier, n}}) {
      problems.add(
          new Problem(
              pair[0].displayPath(),
              pair[0].span().startLine(),
              pair[0].span().startColumn(),
              pair[0].span().endLine(),
              pair[0].span().endColumn(),
              null,
              ProblemCode.NODE_DUPLICATE,
              pair[0].type().dbtName()
                  + " '"
                  + n.name()
                  + "' is defined twice in package '"
                  + n.packageName()
                  + "': "
                  + pair[0].displayPath()
                  + " and "
                  + pair[1].displayPath()));
    }
  }

  void cycles(Dag dag, Map<String, Node> nodes) {
    for (List<String> cycle : dag.cycles()) {
      java.util.Set<String> members = new java.util.HashSet<>(cycle);
      String path =
          String.join(" -> ", cycle.stream().map(id -> nodes.get(id).name()).toList())
              + " -> "
              + nodes.get(cycle.get(0)).name();
      for (String id : cycle) {
        Node n = nodes.get(id);
        RefCall at =
            n.refs().stream()
                .filter(r -> members.stream().anyMatch(m -> nodes.get(m).name().equals(r.name())))
                .findFirst()
                .orElse(null);
        Problem p = Problem.ofFile("", ProblemCode.DAG_CYCLE, "dependency cycle: " + path);
        problems.add(
            at == null
                ? new Problem(n.displayPath(), 0, 0, 0, 0, null, p.code(), p.message())
                : located(n, at.start(), at.end(), p));
      }
    }
  }
}
