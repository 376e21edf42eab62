package dev.dbtls.workspace;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which {@link ProjectColumns} infers a snapshot's nodes: each node after all its
 * parents ({@link ParentsFirst} runs a phase in parallel), the models of the files open in the
 * editor and their ancestors first, so that what the user looks at has its columns before the rest
 * of the project.
 */
final class InferenceWaves {
  private InferenceWaves() {}

  /**
   * The nodes with columns in one or two phases, each in topological order: first the open files'
   * models and their ancestors ({@code first}), then the others.
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
    List<Node> before = new ArrayList<>();
    List<Node> after = new ArrayList<>();
    for (String id : m.dag().topologicalOrder()) {
      Node n = m.nodes().get(id);
      if (n != null && hasColumns(n)) {
        (early.contains(id) ? before : after).add(n);
      }
    }
    List<List<Node>> phases = new ArrayList<>();
    if (!before.isEmpty()) {
      phases.add(before);
    }
    if (!after.isEmpty()) {
      phases.add(after);
    }
    return phases;
  }

  static boolean hasColumns(Node n) {
    return switch (n.type()) {
      case MODEL, SNAPSHOT, SEED, SOURCE -> true;
      default -> false;
    };
  }
}
