package dev.dbtls.ide;

import dev.dbtls.index.DidYouMean;
import dev.dbtls.index.Node;
import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.index.strict.StrictSpec;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.Problem;
import dev.dbtls.project.Severity;
import dev.dbtls.project.Timing;
import dev.dbtls.sql.SqlSyntax;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The problems of a project by file: the manifest's, plus what compiling the nodes of the open SQL
 * files and the data tests of open property YAML finds (render errors, unknown macros, ...).
 * Compiling every node on each keystroke would cost seconds on a large project; open files are the
 * ones the user looks at. Information-level problems stay out, as on the command line. The compiled
 * SQL of those nodes is checked for syntax errors ({@code sql-syntax}, see {@link SqlSyntax}); the
 * open files of the root project for what dbt v2's strict spec refuses ({@link StrictSpec}).
 */
public final class ProjectDiagnostics {
  private ProjectDiagnostics() {}

  /**
   * Problems by absolute file path; files without problems are absent ({@link
   * Analysis#diagnostics}).
   */
  static Map<Path, List<Problem>> of(ProjectSnapshot snapshot, Collection<Path> openFiles) {
    return of(snapshot, openFiles, true);
  }

  /**
   * The files {@code dbtls check} compiles: the root project's SQL files and the property YAML of
   * its data tests (compiled to find their errors too).
   */
  static Set<Path> checkedFiles(ProjectSnapshot snapshot) {
    Path root = snapshot.inputs().root().dir();
    String rootName = snapshot.inputs().root().name();
    Set<Path> files = new LinkedHashSet<>();
    for (Node n : snapshot.manifest().nodes().values()) {
      if (n.type().compiles()
          && n.packageName().equals(rootName)
          && (n.file() != null || n.type() == dev.dbtls.index.ResourceType.TEST)) {
        files.add(root.resolve(n.displayPath()).normalize());
      }
    }
    return files;
  }

  /**
   * Every problem {@code dbtls check} reports, by file, line and column: what {@code diagnostics}
   * found in the files it compiled ({@link #ofFiles}), and what dbt v2's strict spec refuses in
   * every file of the root project, each file's deprecations looked for once (they were looked for
   * twice in the files compiled: a quarter of the command's time).
   */
  static List<Problem> ofProject(
      ProjectSnapshot snapshot, java.util.function.Supplier<Map<Path, List<Problem>>> diagnostics) {
    Set<Problem> found = new LinkedHashSet<>();
    diagnostics.get().values().forEach(found::addAll);
    Timing.mark("files compiled and checked");
    StrictSpec.ofProject(snapshot).values().forEach(ds -> ds.forEach(d -> found.add(d.problem())));
    Timing.mark("strict spec");
    List<Problem> out = new java.util.ArrayList<>(found);
    out.sort(Problem.READING_ORDER);
    return out;
  }

  /** {@link #of} without the strict spec's deprecations ({@link #ofProject} adds every file's). */
  static Map<Path, List<Problem>> ofFiles(ProjectSnapshot snapshot, Collection<Path> files) {
    return of(snapshot, files, false);
  }

  private static Map<Path, List<Problem>> of(
      ProjectSnapshot snapshot, Collection<Path> openFiles, boolean withDeprecations) {
    Path root = snapshot.inputs().root().dir();
    Map<Path, Set<Problem>> byFile = new LinkedHashMap<>();
    snapshot.manifest().problems().forEach(p -> add(byFile, root, p));
    CatalogChecks.of(snapshot, ProjectCatalog.of(snapshot)).forEach(p -> add(byFile, root, p));
    SemanticColumns.of(
            snapshot.manifest(),
            SnapshotData.of(snapshot).facts().completeColumns(),
            ProjectCatalog.of(snapshot))
        .forEach(p -> add(byFile, root, p));
    NodeCompiler compiler = new NodeCompiler(snapshot);
    List<Node> nodes =
        openFiles.stream()
            .filter(ProjectDiagnostics::compilesIn)
            .flatMap(f -> nodes(snapshot, f).stream())
            .toList();
    // a few open files compile on this thread; `dbtls check` of a whole project on every core
    java.util.function.Function<Node, List<Problem>> check =
        n -> {
          CompiledNode c = compiler.compile(n);
          List<Problem> ps =
              new java.util.ArrayList<>(
                  c.problems().stream().map(p -> withDidYouMean(snapshot, n, p)).toList());
          ps.addAll(SqlSyntax.problems(c, snapshot.inputs().target().type()));
          return ps;
        };
    List<List<Problem>> found =
        nodes.size() > 8
            ? dev.dbtls.project.Parallel.map(nodes, check)
            : nodes.stream().map(check).toList();
    found.forEach(ps -> ps.forEach(p -> add(byFile, root, p)));
    if (withDeprecations) {
      deprecations(snapshot, openFiles).forEach(p -> add(byFile, root, p));
    }
    // what the newest inferred columns say of the open models (computed after the build)
    ColumnImpact.of(
            SnapshotData.of(snapshot).facts().completeColumns(),
            snapshot.manifest(),
            withOpenYaml(snapshot, nodes, openFiles))
        .forEach(p -> add(byFile, root, p));
    Map<Path, List<Problem>> out = new LinkedHashMap<>();
    byFile.forEach((f, ps) -> out.put(f, List.copyOf(ps)));
    return out;
  }

  /**
   * An undefined macro's message gets the closest macro name, as unknown refs and sources do: the
   * first name {@link DidYouMean} finds among those its quick fix would offer ({@link
   * CodeActions}).
   */
  private static Problem withDidYouMean(ProjectSnapshot snapshot, Node n, Problem p) {
    if (p.code() != dev.dbtls.project.ProblemCode.UNDEFINED_MACRO
        || n.file() == null
        || !p.file().equals(n.displayPath())
        || p.message().contains("did you mean")) {
      return p;
    }
    return CodeActions.misspeltMacro(snapshot, n.displayPath(), n.file().text(), p)
        .flatMap(w -> DidYouMean.candidates(w.wrong(), w.known(), 1).stream().findFirst())
        .map(
            name ->
                new Problem(
                    p.file(),
                    p.line(),
                    p.column(),
                    p.endLine(),
                    p.endColumn(),
                    p.severity(),
                    p.code(),
                    p.message() + "; did you mean '" + name + "'?"))
        .orElse(p);
  }

  /**
   * What dbt v2's strict spec refuses in the open files of the root project ({@link StrictSpec}):
   * one YAML parse or Jinja scan per open file, not the whole project's on every keystroke (the
   * command line checks every file).
   */
  private static List<Problem> deprecations(ProjectSnapshot snapshot, Collection<Path> openFiles) {
    Path root = snapshot.inputs().root().dir();
    // a few open files are checked on this thread; many (a workspace's) on every core, in order,
    // their kinds looked up in a table (`dbtls check` runs the whole project's pass instead)
    StrictSpec.FileChecker strict =
        openFiles.size() > 8
            ? StrictSpec.checker(snapshot)
            : (display, text) -> StrictSpec.of(snapshot, display, text);
    List<Path> files =
        openFiles.stream()
            .map(f -> f.toAbsolutePath().normalize())
            .filter(abs -> abs.startsWith(root))
            .toList();
    java.util.function.Function<Path, List<Problem>> check =
        abs -> {
          String text = snapshot.files().read(abs).orElse(null);
          String display = root.relativize(abs).toString().replace('\\', '/');
          return strict.of(display, text).stream().map(d -> d.problem()).toList();
        };
    return (files.size() > 8
            ? dev.dbtls.project.Parallel.map(files, check)
            : files.stream().map(check).toList())
        .stream().flatMap(List::stream).toList();
  }

  /** The nodes of open SQL files and the models whose property YAML is open. */
  private static List<Node> withOpenYaml(
      ProjectSnapshot snapshot, List<Node> nodes, Collection<Path> openFiles) {
    Path root = snapshot.inputs().root().dir();
    Set<String> yaml = new java.util.HashSet<>();
    for (Path f : openFiles) {
      String name = f.getFileName().toString();
      if ((name.endsWith(".yml") || name.endsWith(".yaml"))
          && f.toAbsolutePath().normalize().startsWith(root)) {
        yaml.add(root.relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/'));
      }
    }
    if (yaml.isEmpty()) {
      return nodes;
    }
    Set<Node> out = new LinkedHashSet<>(nodes);
    for (Node n : snapshot.manifest().nodes().values()) {
      if (n.extra().get(Node.PROPERTIES_FILE) instanceof String p && yaml.contains(p)) {
        out.add(n);
      }
    }
    return new ArrayList<>(out);
  }

  /** SQL files, and property YAML for the data tests it declares. */
  private static boolean compilesIn(Path f) {
    String name = f.getFileName().toString();
    return dev.dbtls.project.JinjaFileExtensions.isSql(name)
        || name.endsWith(".yml")
        || name.endsWith(".yaml");
  }

  private static List<Node> nodes(ProjectSnapshot snapshot, Path file) {
    Path root = snapshot.inputs().root().dir();
    Path f = file.toAbsolutePath().normalize();
    if (!f.startsWith(root)) {
      return List.of();
    }
    return snapshot.manifest().nodesInFile(root.relativize(f).toString()).stream()
        .filter(n -> n.type().compiles())
        .toList();
  }

  private static void add(Map<Path, Set<Problem>> byFile, Path root, Problem p) {
    if (p.severity() == Severity.INFO) {
      return;
    }
    // problems of no file (a missing profile) belong to the project as a whole
    Path file = root.resolve(p.file().isEmpty() ? DbtProject.FILE : p.file()).normalize();
    byFile.computeIfAbsent(file, k -> new LinkedHashSet<>()).add(p);
  }

  /** Every file of {@code before} that has no problems any more. */
  public static List<Path> cleared(Collection<Path> before, Map<Path, List<Problem>> now) {
    List<Path> out = new ArrayList<>();
    for (Path p : before) {
      if (!now.containsKey(p)) {
        out.add(p);
      }
    }
    return out;
  }
}
