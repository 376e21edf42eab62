package dev.dbtls.workspace;

import dev.dbtls.index.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs work on a set of nodes in parallel, each node as soon as its parents among them are done
 * (not level by level: a level waited for its slowest node while the other threads had nothing to
 * do, and a deep chain ran one node per level). Parents outside the set count as done.
 */
final class ParentsFirst<T> {
  private final Map<String, AtomicInteger> waitingFor = new HashMap<>();
  private final Map<String, List<T>> children = new HashMap<>();
  private final List<T> roots = new ArrayList<>();
  private final AtomicInteger left;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final ForkJoinPool pool;
  private final Consumer<T> work;
  private final Function<T, String> id;

  /**
   * {@code nodes} in any order (a node waits for its parents among them whatever their places); the
   * ready ones start in that order.
   */
  private ParentsFirst(
      List<T> nodes,
      Function<T, String> id,
      Function<T, java.util.Collection<String>> parentsOf,
      ForkJoinPool pool,
      Consumer<T> work) {
    this.pool = pool;
    this.work = work;
    this.id = id;
    this.left = new AtomicInteger(nodes.size());
    for (T n : nodes) {
      waitingFor.put(id.apply(n), new AtomicInteger());
    }
    for (T n : nodes) {
      int parents = 0;
      for (String p : new java.util.LinkedHashSet<>(parentsOf.apply(n))) {
        if (waitingFor.containsKey(p) && !p.equals(id.apply(n))) {
          children.computeIfAbsent(p, k -> new ArrayList<>(2)).add(n); // most have one or two
          parents++;
        }
      }
      waitingFor.get(id.apply(n)).set(parents);
      if (parents == 0) {
        roots.add(n);
      }
    }
  }

  /**
   * Runs {@code work} on every node of {@code nodes} on {@code pool}, each after its parents, and
   * returns when all are done. A node whose work throws ends the run: its exception is rethrown
   * (wrapped) and the nodes not started yet are not run. Nodes on a cycle (never in a linked
   * manifest) are never ready: the run then ends when the others are done.
   */
  static void run(List<Node> nodes, ForkJoinPool pool, Consumer<Node> work)
      throws InterruptedException, java.util.concurrent.ExecutionException, TimeoutException {
    run(nodes, Node::uniqueId, Node::dependsOn, pool, work);
  }

  /** As {@link #run(List, ForkJoinPool, Consumer)}, for any items with ids and their parents'. */
  static <T> void run(
      List<T> nodes,
      Function<T, String> id,
      Function<T, java.util.Collection<String>> parentsOf,
      ForkJoinPool pool,
      Consumer<T> work)
      throws InterruptedException, java.util.concurrent.ExecutionException, TimeoutException {
    if (nodes.isEmpty()) {
      return;
    }
    ParentsFirst<T> run = new ParentsFirst<>(nodes, id, parentsOf, pool, work);
    int reachable = run.reachable();
    run.left.set(reachable);
    if (reachable == 0) {
      return;
    }
    for (T n : run.roots) {
      pool.execute(() -> run.node(n));
    }
    run.done.get(10, TimeUnit.MINUTES);
  }

  /** How many nodes become ready at all (all but those on or below a cycle). */
  private int reachable() {
    Map<String, Integer> waiting = new HashMap<>();
    waitingFor.forEach((id, c) -> waiting.put(id, c.get()));
    ArrayList<T> todo = new ArrayList<>(roots);
    int count = 0;
    while (!todo.isEmpty()) {
      T n = todo.remove(todo.size() - 1);
      count++;
      for (T c : children.getOrDefault(id.apply(n), List.of())) {
        if (waiting.merge(id.apply(c), -1, Integer::sum) == 0) {
          todo.add(c);
        }
      }
    }
    return count;
  }

  private void node(T n) {
    if (done.isDone()) {
      return; // failed: nothing more starts
    }
    try {
      work.accept(n);
    } catch (RuntimeException | Error e) {
      done.completeExceptionally(e);
      return;
    }
    for (T c : children.getOrDefault(id.apply(n), List.of())) {
      if (waitingFor.get(id.apply(c)).decrementAndGet() == 0) {
        try {
          // from a worker this goes to its own queue: a child runs soon after its last parent
          pool.execute(() -> node(c));
        } catch (java.util.concurrent.RejectedExecutionException e) {
          done.completeExceptionally(e); // the pool closed
          return;
        }
      }
    }
    if (left.decrementAndGet() == 0) {
      done.complete(null);
    }
  }
}
