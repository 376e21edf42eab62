package dev.dbtls.sql;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.testing.Eventually;
import java.time.Duration;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;

/**
 * The time limit of parses on the caller's thread ({@link SqlParse#read}): the watcher stops a
 * parser past its deadline, leaves one that ended alone, and wakes again after idling; the deadline
 * counts the parsing thread's CPU time.
 */
class ParseDeadlinesTest {
  private static boolean interruptedWithin(CCJSqlParser p, long millis) throws Exception {
    return Eventually.within(Duration.ofMillis(millis), () -> p.interrupted);
  }

  @Test
  void aParserPastItsDeadlineIsInterruptedAndOneThatEndedIsNot() throws Exception {
    for (int round = 0; round < 2; round++) { // the second after the watcher went idle
      CCJSqlParser late = CCJSqlParserUtil.newParser("select 1");
      CCJSqlParser done = CCJSqlParserUtil.newParser("select 1");
      ParseDeadlines.start(late, 1);
      ParseDeadlines.start(done, 1);
      ParseDeadlines.end(done);
      assertTrue(
          interruptedWithin(late, 10_000), "the watcher sets the flag once the deadline passed");
      ParseDeadlines.end(late);
      // time must pass: the watcher would have to tick for a wrong interrupt to show
      Thread.sleep(3 * ParseDeadlines.TICK_MS);
      assertFalse(done.interrupted, "a parse that ended is not touched");
    }
  }

  @Test
  void theLimitCountsTheParsingThreadsCpuNotTheClock() throws Exception {
    CCJSqlParser p = CCJSqlParserUtil.newParser("select 1");
    long limitMs = 300;
    long started = System.nanoTime();
    ParseDeadlines.start(p, limitMs);
    try {
      // the clock passes the limit while this thread does not run (a collector's pause, a busy
      // machine): not stopped
      Thread.sleep(3 * limitMs);
      assertFalse(p.interrupted, "time this thread did not run is not counted");
      // this thread runs: stopped once it has spent the limit, before the clock's limit
      double sink = 1;
      long clockLimit = started + ParseDeadlines.WALL_FACTOR * limitMs * 1_000_000;
      while (!p.interrupted && System.nanoTime() < clockLimit) {
        sink += Math.sqrt(sink);
      }
      assertTrue(p.interrupted, "stopped after " + sink);
      assertTrue(System.nanoTime() < clockLimit, "by its CPU time, not by the clock's limit");
    } finally {
      ParseDeadlines.end(p);
    }
  }

  @Test
  void aParseWithinItsLimitReadsAsBefore() {
    SqlDialect duckdb = SqlDialect.of("duckdb").orElseThrow();
    String deep = "select " + "(".repeat(300) + "1" + ")".repeat(300) + " as x";
    assertTrue(SqlParse.read(deep, duckdb).statements() != null);
    assertTrue(SqlParse.read("select from where", duckdb).statements() == null);
    assertTrue(SqlParse.read("select 1 as a; select 2 as b", duckdb).statements().size() == 2);
  }
}
