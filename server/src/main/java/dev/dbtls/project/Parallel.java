package dev.dbtls.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Work over a list on the calling thread and the common pool's, each taking the next few items as
 * it finishes its last: all threads end within a few items of one another.
 *
 * <p>A parallel stream cuts its list into four parts per pool thread before any runs, so on two
 * cores (one pool thread beside the caller) a load's scan was four parts of ~2,600 files: the
 * caller, done with its parts, waited ~0.6 s for the pool thread's last (a tenth of a cold {@code
 * ls} of 10,000 models; README benchmarks).
 */
public final class Parallel {
  /** Items a thread takes at a time, at most: small enough to end together. */
  private static final int MOST_AT_ONCE = 64;

  private Parallel() {}

  /** Calls {@code action} on every item, on several threads; the first failure is thrown. */
  public static <T> void forEach(List<? extends T> items, Consumer<? super T> action) {
    run(
        items.size(),
        i -> {
          action.accept(items.get(i));
          return null;
        },
        null);
  }

  /**
   * {@code f} of every item, in the items' order (nulls kept), made on several threads; the first
   * failure is thrown.
   */
  public static <T, R> List<R> map(List<? extends T> items, Function<? super T, ? extends R> f) {
    Object[] out = new Object[items.size()];
    run(items.size(), i -> f.apply(items.get(i)), out);
    @SuppressWarnings("unchecked")
    List<R> list = (List<R>) new ArrayList<>(Arrays.asList(out));
    return list;
  }

  private static void run(int n, IntFunction<?> item, Object[] out) {
    int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), n - 1);
    if (helpers <= 0 || n < 2) {
      for (int i = 0; i < n; i++) {
        store(out, i, item.apply(i));
      }
      return;
    }
    int step = Math.max(1, Math.min(MOST_AT_ONCE, n / ((helpers + 1) * 16)));
    AtomicInteger next = new AtomicInteger();
    Runnable take =
        () -> {
          try {
            for (int from; (from = next.getAndAdd(step)) < n; ) {
              for (int i = from, to = Math.min(n, from + step); i < to; i++) {
                store(out, i, item.apply(i));
              }
            }
          } catch (RuntimeException | Error e) {
            next.set(n); // the others stop at their next step
            throw e;
          }
        };
    List<Helper> helping = new ArrayList<>(helpers);
    for (int h = 0; h < helpers; h++) {
      Helper helper = new Helper(take);
      helper.task = ForkJoinPool.commonPool().submit(helper);
      helping.add(helper);
    }
    Throwable failed = null;
    try {
      take.run();
    } catch (RuntimeException | Error e) {
      failed = e;
    }
    // a helper begun ends within a step and is waited for; one still queued (the pool's threads
    // busy elsewhere) is let go, not waited for: it will find it has nothing to do
    for (Helper helper : helping) {
      if (!helper.state.compareAndSet(Helper.QUEUED, Helper.LET_GO)) {
        try {
          helper.task.join();
        } catch (RuntimeException | Error e) {
          if (failed == null) {
            failed = e;
          }
        }
      }
    }
    if (failed instanceof RuntimeException r) {
      throw r;
    }
    if (failed instanceof Error e) {
      throw e;
    }
  }

  /** A pool thread's share of the work: taken only if it begins before the caller is done. */
  private static final class Helper implements Runnable {
    static final int QUEUED = 0;
    static final int BEGUN = 1;
    static final int LET_GO = 2;

    final AtomicInteger state = new AtomicInteger(QUEUED);
    final Runnable take;
    ForkJoinTask<?> task;

    Helper(Runnable take) {
      this.take = take;
    }

    @Override
    public void run() {
      if (state.compareAndSet(QUEUED, BEGUN)) {
        take.run();
      }
    }
  }

  private static void store(Object[] out, int i, Object value) {
    if (out != null) {
      out[i] = value;
    }
  }
}
