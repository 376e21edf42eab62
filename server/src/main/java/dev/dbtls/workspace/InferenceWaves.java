package dev.dbtls.workspace;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The order in which {@link ProjectColumns} infers a snapshot's nodes: in waves, each node after
 * all its parents (a wave runs in parallel), the models of the files open in the editor and their
 * ancestors first, so that what the user looks at has its columns before the rest of the project.
 */
final class InferenceWaves {
  private InferenceWaves() {}

  /**
   * The nodes in waves, each node after all its parents, so each wave runs in parallel: first the
   * waves of the open files' models and their ancestors ({@code first}), then the others'.
   */
  static List<List<Node>> of(Manifest m, Set<Path> first) {
    Set<String> early = new HashSet<>();
    if (!first.isEmpty()) {
      ArrayDeque<String> todo = new ArrayDeque<>();
      for (Node n : m.nodes().values()) {
        if (n.file() != null && first.contains(n.file().absolutePath()) && hasColumns(n)) {
          todo.add(n.uniqueId());
        }
      }
      while (!todo.isEmpty()) {
        String id = todo.poll();
        Node n = m.nodes().get(id);
        if (n != null && early.add(id)) {
          todo.addAll(n.dependsOn());
        }
      }
    }
    if (early.isEmpty()) {
      return levels(m, id -> true);
    }
    List<List<Node>> levels = new ArrayList<>();
    levels.addAll(levels(m, id -> early.contains(id)));
    levels.addAll(levels(m, id -> !early.contains(id)));
    return levels;
  }

  /** The nodes {@code in} takes, in waves by their depth among the nodes it takes. */
  private static List<List<Node>> levels(Manifest m, Predicate<String> in) {
    Map<String, Integer> level = new HashMap<>();
    List<List<Node>> levels = new ArrayList<>();
    for (String id : m.dag().topologicalOrder()) {
      Node n = m.nodes().get(id);
      if (n == null || !hasColumns(n) || !in.test(id)) {
        continue;
      }
      int l = 0;
      for (String p : n.dependsOn()) {
        Integer pl = level.get(p);
        if (pl != null) {
          l = Math.max(l, pl + 1);
        }
      }
      level.put(id, l);
      while (levels.size() <= l) {
        levels.add(new ArrayList<>());
      }
      levels.get(l).add(n);
    }
    return levels;
  }

  static boolean hasColumns(Node n) {
    return switch (n.type()) {
      case MODEL, SNAPSHOT, SEED, SOURCE -> true;
      default -> false;
    };
  }
}
