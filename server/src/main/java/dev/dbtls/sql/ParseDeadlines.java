package dev.dbtls.sql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * Time limits for parses that run on the caller's thread: one watcher sets a parser's {@code
 * interrupted} flag (which JSqlParser checks as it goes) once its deadline has passed. Starting and
 * ending a parse touch only a map: no thread is woken per parse (a scheduled task per parse woke a
 * thread each time and cost more than the parse). The watcher looks every {@link #TICK_MS} while
 * parses run and sleeps when none does.
 */
final class ParseDeadlines {
  static final long TICK_MS = 50;
  private static final Map<CCJSqlParser, Long> RUNNING = new ConcurrentHashMap<>();
  private static volatile boolean idle;
  private static final Thread WATCHER = watcher();

  private ParseDeadlines() {}

  /** {@code parser} is stopped when it runs past {@code limitMs} from now, until {@link #end}. */
  static void start(CCJSqlParser parser, long limitMs) {
    RUNNING.put(parser, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMs));
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
          (parser, deadline) -> {
            if (now - deadline >= 0) {
              parser.interrupted = true;
            }
          });
    }
  }
}
