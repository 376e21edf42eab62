package dev.dbtls.query;

import dev.dbtls.ide.Ctes;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL a preview runs: the compiled SQL of the node a file defines (the buffer as the editor has
 * it), or ad-hoc SQL with Jinja rendered in that node's context ({@code this}, its configs, refs
 * resolving from its package) — or, in a file that defines no node, as an analysis of the root
 * project would be. Nothing runs here: the warehouse layer runs the result.
 *
 * @param nodeId the node compiled, or {@code null} for ad-hoc SQL outside any node
 * @param sql what to run; empty when compiling failed
 * @param problems what compiling found
 * @param failed whether the SQL could not be compiled
 */
public record PreviewSql(String nodeId, String sql, List<Problem> problems, boolean failed) {
  /** Name of the node ad-hoc SQL outside any node compiles as. */
  static final String AD_HOC = "dbtls_adhoc";

  /**
   * {@code adHoc} null or blank: the file's node; else that SQL. Empty when there is nothing to
   * run.
   */
  public static Optional<PreviewSql> of(ProjectSnapshot snapshot, Path file, String adHoc) {
    try {
      return find(snapshot, file, adHoc);
    } catch (RuntimeException e) {
      return Optional.empty(); // the compiler never throws; this guards the rest
    }
  }

  /**
   * What a preview request names: ad-hoc {@code sql} if given, else one {@code cte} if given, else
   * the file's node.
   */
  public static Optional<PreviewSql> of(
      ProjectSnapshot snapshot, Path file, String adHoc, String cte) {
    return cte != null && (adHoc == null || adHoc.isBlank())
        ? ofCte(snapshot, file, cte)
        : of(snapshot, file, adHoc);
  }

  /**
   * One CTE of the file's model: the compiled SQL up to that CTE, then {@code select * from} it —
   * what the model computes at that step. Failed (with a message problem) when there is no such
   * CTE.
   */
  public static Optional<PreviewSql> ofCte(ProjectSnapshot snapshot, Path file, String cte) {
    try {
      return of(snapshot, file, null).map(whole -> whole.failed() ? whole : upTo(whole, cte));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static PreviewSql upTo(PreviewSql whole, String cte) {
    Optional<String> upToCte = Ctes.selectFrom(whole.sql(), cte);
    if (upToCte.isPresent()) {
      return new PreviewSql(whole.nodeId(), upToCte.get(), whole.problems(), false);
    }
    List<Problem> problems = new java.util.ArrayList<>(whole.problems());
    problems.add(
        Problem.ofFile(
            "",
            dev.dbtls.project.ProblemCode.COMPILER_ERROR,
            "the compiled SQL has no CTE named '" + cte + "'"));
    return new PreviewSql(whole.nodeId(), "", List.copyOf(problems), true);
  }

  static Optional<PreviewSql> find(ProjectSnapshot snapshot, Path file, String adHoc) {
    Optional<Node> own =
        file == null ? Optional.empty() : dev.dbtls.ide.Analysis.of(snapshot).compilableNode(file);
    Node node;
    if (adHoc == null || adHoc.isBlank()) {
      if (own.isEmpty()) {
        return Optional.empty();
      }
      node = own.get();
    } else {
      node = own.map(n -> withText(n, adHoc)).orElseGet(() -> adHocAnalysis(snapshot, adHoc));
    }
    CompiledNode c = new NodeCompiler(snapshot).compile(node);
    String id = own.isPresent() ? node.uniqueId() : null;
    return Optional.of(
        new PreviewSql(id, c.failed() ? "" : c.sql().strip(), c.problems(), c.failed()));
  }

  private static Node withText(Node n, String text) {
    ProjectFile f = n.file();
    ProjectFile edited =
        new ProjectFile(f.kind(), f.packageName(), f.relativePath(), f.absolutePath(), text);
    return new Node(
        n.uniqueId(),
        n.type(),
        n.packageName(),
        n.name(),
        n.version(),
        n.fqn(),
        n.originalFilePath(),
        n.displayPath(),
        edited,
        n.config(),
        n.description(),
        n.columns(),
        n.refs(),
        n.sources(),
        n.dependsOn(),
        n.relation(),
        n.span(),
        n.extra());
  }

  private static Node adHocAnalysis(ProjectSnapshot snapshot, String text) {
    var root = snapshot.inputs().root();
    String relative = "analyses/" + AD_HOC + ".sql";
    ProjectFile f =
        new ProjectFile(
            FileKind.ANALYSIS, root.name(), relative, root.dir().resolve(relative), text);
    return new Node(
        "analysis." + root.name() + "." + AD_HOC,
        ResourceType.ANALYSIS,
        root.name(),
        AD_HOC,
        null,
        List.of(root.name(), AD_HOC),
        relative,
        relative,
        f,
        Map.of("enabled", true, "materialized", "view"),
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        Span.NONE,
        Map.of());
  }
}
