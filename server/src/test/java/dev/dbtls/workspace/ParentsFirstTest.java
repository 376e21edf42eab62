package dev.dbtls.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The columns job's scheduler: each node after its parents, and no wait for a whole level. */
class ParentsFirstTest {
  private static void run(Map<String, List<String>> parents, ForkJoinPool pool, Work work)
      throws Exception {
    ParentsFirst.run(
        new ArrayList<>(parents.keySet()), id -> id, parents::get, pool, id -> work.run(id));
  }

  interface Work {
    void run(String id);
  }

  @Test
  void eachNodeRunsAfterAllItsParents() throws Exception {
    Map<String, List<String>> parents = new java.util.LinkedHashMap<>();
    parents.put("a", List.of());
    parents.put("b", List.of());
    parents.put("c", List.of("a", "b", "outside")); // a parent not in the set counts as done
    parents.put("d", List.of("c", "a"));
    parents.put("e", List.of("d", "b"));
    for (int i = 0; i < 200; i++) {
      parents.put("x" + i, List.of("x" + (i / 2), "a")); // x0 is its own parent: ignored
    }
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    ForkJoinPool pool = new ForkJoinPool(4);
    try {
      run(parents, pool, order::add);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(parents.size(), order.size());
    assertEquals(parents.size(), new java.util.HashSet<>(order).size(), "each node once");
    parents.forEach(
        (id, ps) -> {
          for (String p : ps) {
            if (parents.containsKey(p) && !p.equals(id)) {
              assertTrue(order.indexOf(p) < order.indexOf(id), p + " before " + id);
            }
          }
        });
  }

  @Test
  void aChainGoesOnWhileAnUnrelatedNodeOfItsFirstLevelIsStillRunning() throws Exception {
    // level by level, b and c would wait for slow (a level-0 node like a): this would time out
    Map<String, List<String>> parents = new java.util.LinkedHashMap<>();
    parents.put("slow", List.of());
    parents.put("a", List.of());
    parents.put("b", List.of("a"));
    parents.put("c", List.of("b"));
    CountDownLatch chainDone = new CountDownLatch(1);
    boolean[] sawChain = new boolean[1];
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      run(
          parents,
          pool,
          id -> {
            if (id.equals("slow")) {
              try {
                sawChain[0] = chainDone.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            } else if (id.equals("c")) {
              chainDone.countDown();
            }
          });
    } finally {
      pool.shutdownNow();
    }
    assertTrue(sawChain[0], "c ran while slow, of a's level, was still running");
  }

  @Test
  void aFailingNodeEndsTheRunAndItsChildrenNeverRun() {
    Map<String, List<String>> parents = new java.util.LinkedHashMap<>();
    parents.put("a", List.of());
    parents.put("b", List.of("a"));
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () ->
                  run(
                      parents,
                      pool,
                      id -> {
                        ran.add(id);
                        if (id.equals("a")) {
                          throw new IllegalStateException("broken");
                        }
                      }));
      assertEquals("broken", e.getCause().getMessage());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of("a"), ran);
  }

  @Test
  void nodesOnACycleAreLeftOutAndTheRunStillEnds() throws Exception {
    Map<String, List<String>> parents = new java.util.LinkedHashMap<>();
    parents.put("a", List.of());
    parents.put("p", List.of("q"));
    parents.put("q", List.of("p"));
    parents.put("r", List.of("q"));
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      run(parents, pool, ran::add);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of("a"), ran);
  }
}
