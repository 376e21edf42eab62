package dev.dbtls.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.ide.Analysis;
import dev.dbtls.ide.Lineage;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.lsp.LineageAnswer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dbtls lineage}: a node's parents and children as an indented tree (upstream with {@code
 * <-}, downstream with {@code ->}), or {@code dbt/lineage}'s result as JSON. The node is named by
 * unique id, by name (models, seeds, snapshots first; {@code source.table} for a source) or by its
 * file.
 */
@Command(
    name = "lineage",
    description =
        "Show a node's parents and children (a model name, unique id or file),"
            + " or with --column the lineage of one of its columns.")
final class LineageCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NODE",
      description = "A model (or seed, snapshot, source.table, exposure) name, unique id or file")
  String node;

  @Option(
      names = "--column",
      paramLabel = "COLUMN",
      description =
          "The lineage of this column of the node (inferred from the compiled SQL of every model)")
  String column;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json")
  String format = "text";

  @Option(names = "--up", description = "Generations upstream (default: ${DEFAULT-VALUE})")
  int up = Lineage.Options.DEFAULT_DEPTH;

  @Option(names = "--down", description = "Generations downstream (default: ${DEFAULT-VALUE})")
  int down = Lineage.Options.DEFAULT_DEPTH;

  @Option(names = "--tests", description = "Include data tests")
  boolean tests;

  @Option(
      names = "--max-nodes",
      description = "At most this many nodes (default: ${DEFAULT-VALUE})")
  int maxNodes = Lineage.Options.DEFAULT_MAX_NODES;

  @Option(names = "--json", description = "Print dbt/lineage's result as JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (node == null && project.select != null && !project.select.isEmpty()) {
      node = project.select.get(0); // --select M names the node, as dbt's flag does
    }
    if (node == null) {
      System.err.println("error: name the node (NODE or --select)");
      return 2;
    }
    json |= "json".equalsIgnoreCase(format);
    if (column != null) {
      return ColumnLineageTree.print(
          project,
          node,
          column,
          up == Lineage.Options.DEFAULT_DEPTH
              ? dev.dbtls.ide.ColumnLineage.Options.DEFAULT_DEPTH
              : up,
          down == Lineage.Options.DEFAULT_DEPTH
              ? dev.dbtls.ide.ColumnLineage.Options.DEFAULT_DEPTH
              : down,
          json);
    }
    if (up < 0 || down < 0) {
      System.err.println("error: --up and --down take 0 or more generations");
      return 2;
    }
    List<String> errors = new ArrayList<>();
    ProjectSnapshot snapshot = project.snapshot(errors, false);
    errors.forEach(e -> System.err.println("error: " + e));
    Path root = snapshot.inputs().root().dir();
    Lineage.Options options = new Lineage.Options(up, down, tests, maxNodes);
    Analysis analysis = Analysis.of(snapshot);
    Lineage lineage =
        fileOf(root, node) != null
            ? analysis.lineage(fileOf(root, node), null, options)
            : analysis.lineage(null, nodeId(snapshot.manifest(), node), options);
    if (json) {
      ObjectMapper mapper =
          new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
      System.out.println(
          mapper.writeValueAsString(LineageAnswer.of(lineage, root, p -> p.toUri().toString())));
    }
    if (lineage.root() == null) {
      System.err.println("error: " + lineage.message());
      return 1;
    }
    if (!json) {
      System.out.print(tree(lineage));
    }
    if (lineage.truncated()) {
      System.err.println("dbtls: cut at " + lineage.nodes().size() + " nodes (--max-nodes)");
    }
    return 0;
  }

  /** The display path of {@code arg} when it names a file of the project, else null. */
  static String fileOf(Path root, String arg) {
    if (!arg.contains("/")
        && !arg.contains("\\")
        && !arg.contains(".sql")
        && !arg.contains(".csv")
        && !arg.contains(".yml")
        && !arg.contains(".yaml")
        && !arg.contains(".py")) {
      return null;
    }
    for (Path p :
        new Path[] {Path.of(arg).toAbsolutePath().normalize(), root.resolve(arg).normalize()}) {
      if (p.startsWith(root) && Files.isRegularFile(p)) {
        return root.relativize(p).toString().replace('\\', '/');
      }
    }
    return null;
  }

  /**
   * The unique id {@code arg} names: itself when it is one, else the node of that name (models,
   * seeds and snapshots of the root project first, the latest version), a source as {@code
   * source.table}, an exposure, an analysis or a test. Unknown names pass through, for the answer's
   * message.
   */
  static String nodeId(Manifest m, String arg) {
    if (m.nodes().containsKey(arg) || m.disabled().containsKey(arg)) {
      return arg;
    }
    String rootPackage = m.inputs().root().name();
    List<ResourceType> order =
        List.of(
            ResourceType.MODEL,
            ResourceType.SNAPSHOT,
            ResourceType.SEED,
            ResourceType.SOURCE,
            ResourceType.EXPOSURE,
            ResourceType.ANALYSIS,
            ResourceType.TEST,
            ResourceType.UNIT_TEST);
    return m.nodes().values().stream()
        .filter(
            n ->
                arg.equals(n.name())
                    || arg.equals(sourceName(n))
                    || (n.version() != null && arg.equals(n.name() + ".v" + n.version())))
        .min(
            Comparator.comparing((Node n) -> order.indexOf(n.type()))
                .thenComparing(n -> !rootPackage.equals(n.packageName()))
                .thenComparing(
                    n ->
                        n.version() != null && !n.version().equals(n.extra().get("latest_version")))
                .thenComparing(Node::uniqueId))
        .map(Node::uniqueId)
        .orElse(arg);
  }

  private static String sourceName(Node n) {
    return n.type() == ResourceType.SOURCE && n.extra().get("source_name") instanceof String s
        ? s + "." + n.name()
        : null;
  }

  /**
   * The root, then each upstream branch ({@code <-}) and downstream branch ({@code ->}), indented.
   */
  static String tree(Lineage l) {
    Map<String, Lineage.Node> byId = new HashMap<>();
    l.nodes().forEach(n -> byId.put(n.id(), n));
    Map<String, List<String>> parents = new HashMap<>();
    Map<String, List<String>> children = new HashMap<>();
    for (Lineage.Edge e : l.edges()) {
      parents.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
      children.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
    }
    StringBuilder out = new StringBuilder();
    Lineage.Node root = byId.get(l.root());
    out.append(line(root, true)).append('\n');
    branch(root, -1, parents, byId, 1, new HashSet<>(), out);
    branch(root, 1, children, byId, 1, new HashSet<>(), out);
    return out.toString();
  }

  /** The nodes one step further from the root in {@code direction}, each then its own branch. */
  private static void branch(
      Lineage.Node from,
      int direction,
      Map<String, List<String>> next,
      Map<String, Lineage.Node> byId,
      int indent,
      Set<String> printed,
      StringBuilder out) {
    for (String id : next.getOrDefault(from.id(), List.of())) {
      Lineage.Node n = byId.get(id);
      if (n == null
          || Integer.signum(n.depth()) != direction
          || Math.abs(n.depth()) <= Math.abs(from.depth())) {
        continue; // not on this side, or not further out
      }
      out.append("  ".repeat(indent)).append(direction < 0 ? "<- " : "-> ").append(line(n, false));
      if (!printed.add(id)) {
        out.append(" (above)\n");
        continue;
      }
      out.append('\n');
      branch(n, direction, next, byId, indent + 1, printed, out);
    }
  }

  /** {@code name (type, materialization)}, the file for the root, and what is left out. */
  private static String line(Lineage.Node n, boolean root) {
    StringBuilder s = new StringBuilder(n.name()).append(" (").append(n.resourceType());
    if (n.materialization() != null && !n.materialization().equals(n.resourceType())) {
      s.append(", ").append(n.materialization());
    }
    s.append(')');
    if (root && n.displayPath() != null) {
      s.append("  ").append(n.displayPath());
    }
    List<String> hidden = new ArrayList<>();
    if (n.hiddenUpstream() > 0 && (root || n.depth() <= 0)) {
      hidden.add("+" + n.hiddenUpstream() + " upstream");
    }
    if (n.hiddenDownstream() > 0 && (root || n.depth() >= 0)) {
      hidden.add("+" + n.hiddenDownstream() + " downstream");
    }
    if (!hidden.isEmpty()) {
      s.append("  [").append(String.join(", ", hidden)).append(" not shown]");
    }
    return s.toString();
  }
}
