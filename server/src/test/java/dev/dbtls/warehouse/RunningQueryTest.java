package dev.dbtls.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cancel and the time limit stop any {@link RunningQuery}, not only a JDBC statement. */
class RunningQueryTest {
  @Test
  void aCancelBeforeTheWorkStartsStopsItAsItStarts() {
    QueryCancel cancel = new QueryCancel();
    cancel.cancel();
    AtomicInteger stops = new AtomicInteger();
    try (QueryWatch watch = new QueryWatch(cancel, 0)) {
      watch.running(stops::incrementAndGet);
      assertEquals(1, stops.get());
      assertTrue(watch.cancelled());
    }
  }

  @Test
  void aCancelFromAnotherThreadStopsTheWorkRunningNow() throws Exception {
    QueryCancel cancel = new QueryCancel();
    CountDownLatch stopped = new CountDownLatch(1);
    try (QueryWatch watch = new QueryWatch(cancel, 0)) {
      watch.running(stopped::countDown);
      Thread other = new Thread(cancel::cancel);
      other.start();
      assertTrue(stopped.await(10, TimeUnit.SECONDS));
      other.join();
      assertTrue(watch.stopped());
    }
  }

  @Test
  void theTimeLimitStopsTheWorkAndSaysSo() throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    try (QueryWatch watch = new QueryWatch(null, 1)) {
      watch.running(stopped::countDown);
      assertTrue(stopped.await(10, TimeUnit.SECONDS));
      assertTrue(watch.stopped());
      assertFalse(watch.cancelled());
    }
  }

  @Test
  void afterTheWatchClosesACancelNoLongerReachesTheWork() {
    QueryCancel cancel = new QueryCancel();
    AtomicInteger stops = new AtomicInteger();
    try (QueryWatch watch = new QueryWatch(cancel, 0)) {
      watch.running(stops::incrementAndGet);
    }
    cancel.cancel();
    assertEquals(0, stops.get());
  }
}
