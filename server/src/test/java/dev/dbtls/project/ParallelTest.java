package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {
  private static List<Integer> upTo(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  @Test
  void mapKeepsTheItemsOrderAndItsNulls() {
    List<Integer> items = upTo(10_000);
    List<String> out = Parallel.map(items, i -> i % 7 == 0 ? null : "n" + i);
    assertEquals(10_000, out.size());
    for (int i = 0; i < items.size(); i++) {
      assertEquals(i % 7 == 0 ? null : "n" + i, out.get(i));
    }
    out.add("the list is the caller's to change");
  }

  @Test
  void forEachTakesEveryItemOnce() {
    for (int n : new int[] {0, 1, 2, 3, 63, 64, 65, 1000, 100_003}) {
      Set<Integer> seen = ConcurrentHashMap.newKeySet();
      AtomicInteger calls = new AtomicInteger();
      Parallel.forEach(
          upTo(n),
          i -> {
            calls.incrementAndGet();
            seen.add(i);
          });
      assertEquals(n, calls.get(), n + " items");
      assertEquals(n, seen.size(), n + " items");
    }
  }

  @Test
  void aFailureIsThrownToTheCallerAndTheRestStop() {
    AtomicInteger calls = new AtomicInteger();
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                Parallel.forEach(
                    upTo(100_000),
                    i -> {
                      calls.incrementAndGet();
                      if (i == 10) {
                        throw new IllegalStateException("item 10");
                      }
                    }));
    assertTrue(thrown.getMessage().contains("item 10"), thrown.getMessage());
    assertTrue(calls.get() < 100_000, calls.get() + " items taken after the failure");
  }

  @Test
  void anErrorIsThrownAsItself() {
    assertThrows(
        StackOverflowError.class,
        () ->
            Parallel.map(
                upTo(500),
                i -> {
                  if (i == 499) {
                    throw new StackOverflowError();
                  }
                  return i;
                }));
  }

  @Test
  void aCallerWhosePoolThreadsAreBusyElsewhereDoesTheWorkAloneAndWaitsForNone() throws Exception {
    int threads = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism();
    java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(threads);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.ForkJoinTask<?>> blockers = new java.util.ArrayList<>();
    for (int i = 0; i < threads; i++) {
      blockers.add(
          java.util.concurrent.ForkJoinPool.commonPool()
              .submit(
                  () -> {
                    busy.countDown();
                    release.await();
                    return null;
                  }));
    }
    try {
      busy.await();
      AtomicInteger calls = new AtomicInteger();
      // the helper queued behind the busy threads is let go, not waited for (nor run here)
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
          java.time.Duration.ofSeconds(30),
          () -> Parallel.forEach(upTo(1000), i -> calls.incrementAndGet()));
      assertEquals(1000, calls.get());
    } finally {
      release.countDown();
      blockers.forEach(java.util.concurrent.ForkJoinTask::join);
    }
  }
}
