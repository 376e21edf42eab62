package dev.dbtls.ide;

import dev.dbtls.index.Dag;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The lineage of one node: breadth-first over the manifest's DAG, one generation at a time
 * (upstream then downstream at each depth), each generation in unique-id order, until the depths
 * are reached or {@code maxNodes} nodes are in. Costs the edges of the nodes it answers (and of
 * their neighbours, for the hidden counts), never the whole project.
 */
final class LineageWalk {
  private LineageWalk() {}

  /** Which node a file stands for when it defines several: models first, tests last. */
  private static final List<ResourceType> FILE_ORDER =
      List.of(
          ResourceType.MODEL,
          ResourceType.SNAPSHOT,
          ResourceType.SEED,
          ResourceType.ANALYSIS,
          ResourceType.SOURCE,
          ResourceType.EXPOSURE,
          ResourceType.TEST,
          ResourceType.UNIT_TEST);

  static Lineage find(ProjectSnapshot s, String displayPath, String nodeId, Lineage.Options o) {
    Manifest m = s.manifest();
    String project = s.inputs().root().name();
    Node root;
    if (nodeId != null && !nodeId.isBlank()) {
      root = m.nodes().get(nodeId);
      if (root == null) {
        return Lineage.empty(
            m.disabled().containsKey(nodeId)
                ? nodeId + " is disabled"
                : "no node " + nodeId + " in project '" + project + "'");
      }
    } else if (displayPath != null) {
      root =
          m.nodesInFile(displayPath).stream()
              .min(Comparator.comparing((Node n) -> rank(n.type())).thenComparing(Node::uniqueId))
              .orElse(null);
      if (root == null) {
        return Lineage.empty(
            displayPath
                + " defines no dbt node"
                + (m.disabled().values().stream().anyMatch(n -> displayPath.equals(n.displayPath()))
                    ? " that is enabled"
                    : ""));
      }
    } else {
      return Lineage.empty("no node given: a document or a unique id");
    }
    return walk(m, root, o);
  }

  private static int rank(ResourceType t) {
    int i = FILE_ORDER.indexOf(t);
    return i < 0 ? FILE_ORDER.size() : i;
  }

  private static Lineage walk(Manifest m, Node root, Lineage.Options o) {
    Dag dag = m.dag();
    Map<String, Integer> depth = new HashMap<>();
    List<String> order = new ArrayList<>();
    depth.put(root.uniqueId(), 0);
    order.add(root.uniqueId());
    List<String> up = List.of(root.uniqueId());
    List<String> down = List.of(root.uniqueId());
    boolean truncated = false;
    int deepest = Math.max(o.upstreamDepth(), o.downstreamDepth());
    for (int d = 1; d <= deepest && !truncated && (!up.isEmpty() || !down.isEmpty()); d++) {
      if (d <= o.upstreamDepth()) {
        TreeSet<String> next = new TreeSet<>();
        for (String id : up) {
          for (String p : dag.parentsOf(id)) {
            if (!depth.containsKey(p) && shown(m, p, o)) {
              next.add(p);
            }
          }
        }
        up = take(next, -d, depth, order, o.maxNodes());
        truncated = up.size() < next.size();
      } else {
        up = List.of();
      }
      if (d <= o.downstreamDepth() && !truncated) {
        TreeSet<String> next = new TreeSet<>();
        for (String id : down) {
          for (String c : dag.childrenOf(id)) {
            if (!depth.containsKey(c) && shown(m, c, o)) {
              next.add(c);
            }
          }
        }
        down = take(next, d, depth, order, o.maxNodes());
        truncated = down.size() < next.size();
      } else {
        down = List.of();
      }
    }
    List<Lineage.Node> nodes = new ArrayList<>(order.size());
    List<Lineage.Edge> edges = new ArrayList<>();
    for (String id : order) {
      int hiddenUp = 0;
      List<String> parents = new ArrayList<>(dag.parentsOf(id));
      parents.sort(null);
      for (String p : parents) {
        if (depth.containsKey(p)) {
          edges.add(new Lineage.Edge(p, id));
        } else if (shown(m, p, o)) {
          hiddenUp++;
        }
      }
      int hiddenDown = 0;
      for (String c : dag.childrenOf(id)) {
        if (!depth.containsKey(c) && shown(m, c, o)) {
          hiddenDown++;
        }
      }
      nodes.add(node(m.nodes().get(id), depth.get(id), hiddenUp, hiddenDown));
    }
    return new Lineage(root.uniqueId(), null, List.copyOf(nodes), List.copyOf(edges), truncated);
  }

  /** The first of {@code next} (in order) while there is room, at {@code d}; what was taken. */
  private static List<String> take(
      TreeSet<String> next, int d, Map<String, Integer> depth, List<String> order, int maxNodes) {
    List<String> taken = new ArrayList<>(Math.min(next.size(), maxNodes));
    for (String id : next) {
      if (order.size() >= maxNodes) {
        break;
      }
      depth.put(id, d);
      order.add(id);
      taken.add(id);
    }
    return taken;
  }

  /** Whether a neighbour belongs in the graph: an enabled node, and a test only when asked for. */
  private static boolean shown(Manifest m, String id, Lineage.Options o) {
    Node n = m.nodes().get(id);
    return n != null && (o.includeTests() || !n.type().isTest());
  }

  /** A node's name in lineage answers: {@code source.table}, {@code customers.v2}. */
  static String nodeName(Node n) {
    if (n.type() == ResourceType.SOURCE && n.extra().get("source_name") instanceof String source) {
      return source + "." + n.name();
    }
    return n.version() != null ? n.name() + ".v" + n.version() : n.name();
  }

  private static Lineage.Node node(Node n, int depth, int hiddenUp, int hiddenDown) {
    String name = nodeName(n);
    String materialization =
        n.type() == ResourceType.SOURCE || n.type() == ResourceType.EXPOSURE
            ? null
            : n.materialized();
    Span span = n.span() == null || n.span().equals(Span.NONE) ? null : n.span();
    String description =
        n.description() == null || n.description().isBlank() ? null : n.description();
    return new Lineage.Node(
        n.uniqueId(),
        n.type().dbtName(),
        name,
        n.packageName(),
        materialization,
        n.displayPath(),
        span,
        description,
        depth,
        hiddenUp,
        hiddenDown);
  }
}
