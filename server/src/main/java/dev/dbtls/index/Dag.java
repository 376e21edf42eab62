package dev.dbtls.index;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The dependency graph between node unique ids: parents, children, cycles, ancestors. */
public final class Dag {
  private final Map<String, List<String>> parents;
  private final Map<String, List<String>> children;

  public Dag(Map<String, List<String>> parents) {
    this.parents = parents;
    Map<String, List<String>> ch = new HashMap<>();
    parents.forEach((node, ps) -> {
      ch.computeIfAbsent(node, k -> new ArrayList<>());
      for (String p : ps) {
        ch.computeIfAbsent(p, k -> new ArrayList<>()).add(node);
      }
    });
    this.children = ch;
  }

  public List<String> parentsOf(String id) {
    return parents.getOrDefault(id, List.of());
  }

  public List<String> childrenOf(String id) {
    return children.getOrDefault(id, List.of());
  }

  /** Ancestors up to {@code depth} generations (-1: all), not including the node itself. */
  public Set<String> ancestors(String id, int depth) {
    return walk(id, depth, parents);
  }

  public Set<String> descendants(String id, int depth) {
    return walk(id, depth, children);
  }

  private static Set<String> walk(String start, int depth, Map<String, List<String>> edges) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> frontier = new ArrayDeque<>(List.of(start));
    for (int d = 0; (depth < 0 || d < depth) && !frontier.isEmpty(); d++) {
      Deque<String> next = new ArrayDeque<>();
      for (String n : frontier) {
        for (String e : edges.getOrDefault(n, List.of())) {
          if (!e.equals(start) && seen.add(e)) {
            next.add(e);
          }
        }
      }
      frontier = next;
    }
    return seen;
  }

  /**
   * Every cycle, as the nodes of each strongly connected component with more than one node (or a
   * node depending on itself), in a stable order. Iterative Tarjan: deep graphs do not overflow.
   */
  public List<List<String>> cycles() {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new java.util.HashSet<>();
    List<List<String>> out = new ArrayList<>();
    int[] counter = {0};
    List<String> ids = new ArrayList<>(parents.keySet());
    Collections.sort(ids);
    for (String root : ids) {
      if (index.containsKey(root)) {
        continue;
      }
      Deque<Object[]> work = new ArrayDeque<>();
      work.push(new Object[] {root, 0});
      while (!work.isEmpty()) {
        Object[] frame = work.peek();
        String v = (String) frame[0];
        int i = (Integer) frame[1];
        if (i == 0) {
          index.put(v, counter[0]);
          low.put(v, counter[0]++);
          stack.push(v);
          onStack.add(v);
        }
        List<String> edges = parents.getOrDefault(v, List.of());
        if (i < edges.size()) {
          frame[1] = i + 1;
          String w = edges.get(i);
          if (!parents.containsKey(w)) {
            continue;
          }
          if (!index.containsKey(w)) {
            work.push(new Object[] {w, 0});
          } else if (onStack.contains(w)) {
            low.put(v, Math.min(low.get(v), index.get(w)));
          }
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          String parent = (String) work.peek()[0];
          low.put(parent, Math.min(low.get(parent), low.get(v)));
        }
        if (low.get(v).equals(index.get(v))) {
          List<String> scc = new ArrayList<>();
          String w;
          do {
            w = stack.pop();
            onStack.remove(w);
            scc.add(w);
          } while (!w.equals(v));
          if (scc.size() > 1 || parents.getOrDefault(v, List.of()).contains(v)) {
            Collections.sort(scc);
            out.add(scc);
          }
        }
      }
    }
    return out;
  }

  /** Node ids in an order where parents come before children (cycle members last, in id order). */
  public List<String> topologicalOrder() {
    Map<String, Integer> pending = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>(parents.keySet());
    Collections.sort(ids);
    for (String id : ids) {
      pending.put(id, (int) parents.get(id).stream().filter(parents::containsKey).count());
    }
    Deque<String> ready = new ArrayDeque<>();
    pending.forEach((id, n) -> {
      if (n == 0) {
        ready.add(id);
      }
    });
    List<String> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      String id = ready.poll();
      out.add(id);
      for (String c : childrenOf(id)) {
        if (pending.containsKey(c) && pending.merge(c, -1, Integer::sum) == 0) {
          ready.add(c);
        }
      }
    }
    Set<String> done = new java.util.HashSet<>(out);
    ids.stream().filter(id -> !done.contains(id)).forEach(out::add);
    return out;
  }
}
