package dev.dbtls.sql;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * Time limits for parses that run on the caller's thread: one watcher sets a parser's {@code
 * interrupted} flag (which JSqlParser checks as it goes) once its limit has passed. Starting and
 * ending a parse touch only a map: no thread is woken per parse (a scheduled task per parse woke a
 * thread each time and cost more than the parse). The watcher looks every {@link #TICK_MS} while
 * parses run and sleeps when none does.
 *
 * <p>The limit counts the parsing thread's CPU time, not the clock: a collector's pause or a
 * machine busy with other work does not spend it (on 100,000 models, a cold start's collections ran
 * an ordinary model's parse past a 2 s clock). {@link #WALL_FACTOR} times the limit on the clock
 * stops a parse all the same, and is the only limit where the JVM cannot tell a thread's CPU time.
 */
final class ParseDeadlines {
  static final long TICK_MS = 50;

  /** The clock's limit, as a multiple of the CPU limit. */
  static final int WALL_FACTOR = 10;

  /**
   * A running parse: its thread, its limit and where the clock's ends (nanoseconds). Where its CPU
   * limit ends is read by the watcher when it first sees the parse (most parses end before it
   * looks, and cost no read of a thread's CPU time): a parse may run one tick past its limit.
   */
  private static final class Limit {
    final long threadId;
    final long limit;
    final long wallEnd;
    long cpuEnd = -1; // the watcher's alone

    Limit(long threadId, long limit, long wallEnd) {
      this.threadId = threadId;
      this.limit = limit;
      this.wallEnd = wallEnd;
    }
  }

  private static final Map<CCJSqlParser, Limit> RUNNING = new ConcurrentHashMap<>();
  private static volatile boolean idle;
  private static final Thread WATCHER = watcher();

  private ParseDeadlines() {}

  /**
   * {@code parser}, which this thread runs, is stopped when this thread has spent {@code limitMs}
   * of CPU on it (or {@link #WALL_FACTOR} times that has passed on the clock), until {@link #end}.
   */
  static void start(CCJSqlParser parser, long limitMs) {
    long limit = TimeUnit.MILLISECONDS.toNanos(limitMs);
    RUNNING.put(
        parser,
        new Limit(Thread.currentThread().getId(), limit, System.nanoTime() + WALL_FACTOR * limit));
    if (idle) {
      LockSupport.unpark(WATCHER);
    }
  }

  static void end(CCJSqlParser parser) {
    RUNNING.remove(parser);
  }

  private static Thread watcher() {
    Thread t = new Thread(ParseDeadlines::watch, "dbtls-sql-parse-limit");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void watch() {
    while (true) {
      if (RUNNING.isEmpty()) {
        idle = true;
        if (RUNNING.isEmpty()) {
          LockSupport.park(); // start() unparks; a permit given before this returns at once
        }
        idle = false;
        continue;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MS));
      long now = System.nanoTime();
      RUNNING.forEach(
          (parser, limit) -> {
            if (now - limit.wallEnd >= 0 || spent(limit)) {
              parser.interrupted = true;
            }
          });
    }
  }

  private static boolean spent(Limit limit) {
    long cpu = Cpu.of(limit.threadId);
    if (cpu < 0) {
      return false;
    }
    if (limit.cpuEnd < 0) {
      limit.cpuEnd = cpu + limit.limit;
      return false;
    }
    return cpu - limit.cpuEnd >= 0;
  }

  /**
   * Threads' CPU time, -1 where the JVM does not tell it; made by the watcher, when first needed.
   */
  private static final class Cpu {
    private static final ThreadMXBean THREADS = threads();

    private static ThreadMXBean threads() {
      try {
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        if (t.isThreadCpuTimeSupported() && !t.isThreadCpuTimeEnabled()) {
          t.setThreadCpuTimeEnabled(true);
        }
        return t.isThreadCpuTimeSupported() ? t : null;
      } catch (RuntimeException | Error e) {
        return null; // no management module, or not allowed: the clock alone limits
      }
    }

    static long of(long threadId) {
      return THREADS == null ? -1 : THREADS.getThreadCpuTime(threadId);
    }
  }
}
