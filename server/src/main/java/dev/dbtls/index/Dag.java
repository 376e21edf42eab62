package dev.dbtls.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency graph between node unique ids: parents, children, cycles, ancestors. Ids are
 * numbered once and edges kept as int arrays: on a 34k-node project the graph work is then a few
 * milliseconds instead of boxed-map churn.
 */
public final class Dag {
  private final String[] ids;
  private final Numbers index;
  private final int[][] parents;
  private final int[][] children;
  private final Map<String, List<String>> parentIds;

  /** {@code parents}: for every node id, the ids it depends on (unknown ids are ignored). */
  public Dag(Map<String, List<String>> parents) {
    this.parentIds = parents;
    this.ids = parents.keySet().toArray(new String[0]);
    Arrays.sort(ids);
    this.index = new Numbers(ids);
    this.parents = new int[ids.length][];
    int[] childCount = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      List<String> ps = parents.get(ids[i]);
      int[] p = new int[ps.size()];
      int n = 0;
      for (String id : ps) {
        int j = index.of(id);
        if (j >= 0) {
          p[n++] = j;
          childCount[j]++;
        }
      }
      this.parents[i] = n == p.length ? p : Arrays.copyOf(p, n);
    }
    this.children = new int[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      children[i] = new int[childCount[i]];
      childCount[i] = 0;
    }
    for (int i = 0; i < ids.length; i++) {
      for (int p : this.parents[i]) {
        children[p][childCount[p]++] = i;
      }
    }
  }

  private Dag(
      String[] ids,
      Numbers index,
      int[][] parents,
      int[][] children,
      Map<String, List<String>> parentIds) {
    this.ids = ids;
    this.index = index;
    this.parents = parents;
    this.children = children;
    this.parentIds = parentIds;
  }

  /** How many nodes the graph has. */
  int size() {
    return ids.length;
  }

  /**
   * This graph with new parents for some of its nodes (the same set of nodes), sharing everything
   * else: an edit that adds or drops a ref costs a few milliseconds, not a rebuild. Null when a new
   * edge closes a cycle (the caller then builds the graph and reports it whole), or when a node is
   * unknown.
   */
  public Dag withParents(Map<String, List<String>> changed) {
    int[][] newParents = parents.clone();
    int[][] newChildren = children.clone();
    Map<String, List<String>> newParentIds = new HashMap<>(); // over parentIds: EditedMap
    for (Map.Entry<String, List<String>> e : changed.entrySet()) {
      int i = index.of(e.getKey());
      if (i < 0) {
        return null;
      }
      int[] before = parents[i];
      int[] after = e.getValue().stream().mapToInt(index::of).filter(p -> p >= 0).toArray();
      for (int p : before) {
        if (!contains(after, p)) {
          newChildren[p] = without(newChildren[p], i);
        }
      }
      for (int p : after) {
        if (!contains(before, p)) {
          if (p == i || reaches(i, p)) {
            return null; // p already depends on i: the new edge closes a cycle
          }
          newChildren[p] = withSorted(newChildren[p], i);
        }
      }
      newParents[i] = after;
      newParentIds.put(e.getKey(), e.getValue());
    }
    return new Dag(ids, index, newParents, newChildren, EditedMap.of(parentIds, newParentIds));
  }

  /** Whether {@code to} is a descendant of {@code from} in this graph. */
  private boolean reaches(int from, int to) {
    boolean[] seen = new boolean[ids.length];
    int[] stack = new int[16];
    int size = 0;
    stack[size++] = from;
    seen[from] = true;
    while (size > 0) {
      int n = stack[--size];
      for (int c : children[n]) {
        if (c == to) {
          return true;
        }
        if (!seen[c]) {
          seen[c] = true;
          if (size == stack.length) {
            stack = Arrays.copyOf(stack, size * 2);
          }
          stack[size++] = c;
        }
      }
    }
    return false;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  private static int[] without(int[] a, int v) {
    int[] out = new int[a.length - 1];
    int n = 0;
    for (int x : a) {
      if (x != v && n < out.length) {
        out[n++] = x;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** Children are kept in increasing order, as the constructor makes them. */
  private static int[] withSorted(int[] a, int v) {
    int at = 0;
    while (at < a.length && a[at] < v) {
      at++;
    }
    int[] out = new int[a.length + 1];
    System.arraycopy(a, 0, out, 0, at);
    out[at] = v;
    System.arraycopy(a, at, out, at + 1, a.length - at);
    return out;
  }

  public List<String> parentsOf(String id) {
    return parentIds.getOrDefault(id, List.of());
  }

  public List<String> childrenOf(String id) {
    int i = index.of(id);
    if (i < 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>(children[i].length);
    for (int c : children[i]) {
      out.add(ids[c]);
    }
    return out;
  }

  /** Ancestors up to {@code depth} generations (-1: all), not including the node itself. */
  public Set<String> ancestors(String id, int depth) {
    return walk(id, depth, parents);
  }

  public Set<String> descendants(String id, int depth) {
    return walk(id, depth, children);
  }

  private Set<String> walk(String start, int depth, int[][] edges) {
    Set<String> out = new LinkedHashSet<>();
    int s = index.of(start);
    if (s < 0) {
      return out;
    }
    boolean[] seen = new boolean[ids.length];
    seen[s] = true;
    int[] frontier = {s};
    int frontierSize = 1;
    for (int d = 0; (depth < 0 || d < depth) && frontierSize > 0; d++) {
      int[] next = new int[16];
      int nextSize = 0;
      for (int f = 0; f < frontierSize; f++) {
        for (int e : edges[frontier[f]]) {
          if (!seen[e]) {
            seen[e] = true;
            out.add(ids[e]);
            if (nextSize == next.length) {
              next = Arrays.copyOf(next, nextSize * 2);
            }
            next[nextSize++] = e;
          }
        }
      }
      frontier = next;
      frontierSize = nextSize;
    }
    return out;
  }

  /**
   * Every cycle, as the ids of each strongly connected component with more than one node (or a node
   * depending on itself), sorted. Iterative Tarjan: deep graphs do not overflow the stack.
   */
  public List<List<String>> cycles() {
    int n = ids.length;
    int[] order = new int[n];
    int[] low = new int[n];
    Arrays.fill(order, -1);
    boolean[] onStack = new boolean[n];
    int[] stack = new int[n];
    int stackSize = 0;
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int counter = 0;
    List<List<String>> out = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      if (order[root] >= 0) {
        continue;
      }
      int depth = 0;
      callNode[0] = root;
      callEdge[0] = 0;
      order[root] = low[root] = counter++;
      stack[stackSize++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        int v = callNode[depth];
        if (callEdge[depth] < parents[v].length) {
          int w = parents[v][callEdge[depth]++];
          if (order[w] < 0) {
            order[w] = low[w] = counter++;
            stack[stackSize++] = w;
            onStack[w] = true;
            depth++;
            callNode[depth] = w;
            callEdge[depth] = 0;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], order[w]);
          }
          continue;
        }
        if (low[v] == order[v]) {
          List<String> scc = new ArrayList<>();
          int w;
          do {
            w = stack[--stackSize];
            onStack[w] = false;
            scc.add(ids[w]);
          } while (w != v);
          if (scc.size() > 1 || selfLoop(v)) {
            Collections.sort(scc);
            out.add(scc);
          }
        }
        depth--;
        if (depth >= 0) {
          int parent = callNode[depth];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    return out;
  }

  private boolean selfLoop(int v) {
    for (int p : parents[v]) {
      if (p == v) {
        return true;
      }
    }
    return false;
  }

  /** Node ids in an order where parents come before children (cycle members last, in id order). */
  public List<String> topologicalOrder() {
    int n = ids.length;
    int[] pending = new int[n];
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    for (int i = 0; i < n; i++) {
      pending[i] = parents[i].length;
      if (pending[i] == 0) {
        queue[tail++] = i;
      }
    }
    List<String> out = new ArrayList<>(n);
    boolean[] done = new boolean[n];
    while (head < tail) {
      int v = queue[head++];
      out.add(ids[v]);
      done[v] = true;
      for (int c : children[v]) {
        if (--pending[c] == 0) {
          queue[tail++] = c;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (!done[i]) {
        out.add(ids[i]);
      }
    }
    return out;
  }

  /**
   * Each id's number (its place in the sorted ids): an open-addressing table of the ids themselves,
   * without a boxed number and an entry object per id. As a {@code HashMap<String, Integer>} it was
   * about a quarter of decoding a 100k-model linked manifest (338,000 ids), and those objects
   * stayed for the session.
   */
  private static final class Numbers {
    private final String[] keys;
    private final int[] numbers;

    Numbers(String[] ids) {
      int slots = Integer.highestOneBit(Math.max(4, ids.length * 2 - 1)) << 1;
      keys = new String[slots];
      numbers = new int[slots];
      for (int i = 0; i < ids.length; i++) {
        int slot = slot(ids[i]);
        while (keys[slot] != null && !keys[slot].equals(ids[i])) {
          slot = (slot + 1) & (slots - 1);
        }
        keys[slot] = ids[i];
        numbers[slot] = i;
      }
    }

    /** The number of {@code id}, or -1 when it is not a node of the graph. */
    int of(String id) {
      if (id == null) {
        return -1;
      }
      for (int slot = slot(id); ; slot = (slot + 1) & (keys.length - 1)) {
        String k = keys[slot];
        if (k == null) {
          return -1;
        }
        if (k == id || k.equals(id)) {
          return numbers[slot];
        }
      }
    }

    private int slot(String id) {
      int h = id.hashCode() * 0x9E3779B9;
      return (h ^ (h >>> 16)) & (keys.length - 1);
    }
  }
}
