package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Background work gives way while an editor request runs, and only while it runs. */
class EditorRequestsTest {
  @Test
  void backgroundWorkWaitsForARequestUnderWayAndGoesOnWhenItEnds() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> request =
        CompletableFuture.supplyAsync(
            () ->
                EditorRequests.serve(
                    () -> {
                      started.countDown();
                      try {
                        release.await(10, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return "answer";
                    }));
    assertTrue(started.await(10, TimeUnit.SECONDS));
    assertTrue(EditorRequests.busy());
    CompletableFuture<Void> background =
        CompletableFuture.runAsync(() -> EditorRequests.giveWay(60_000));
    assertThrows(
        TimeoutException.class,
        () -> background.get(100, TimeUnit.MILLISECONDS),
        "waits while the request runs");
    release.countDown();
    assertEquals("answer", request.get(10, TimeUnit.SECONDS));
    background.get(10, TimeUnit.SECONDS); // and goes on once it ended
  }

  @Test
  void aRequestThatFailsIsNoLongerUnderWay() throws Exception {
    try {
      EditorRequests.serve(
          () -> {
            throw new IllegalStateException("a feature failed");
          });
    } catch (IllegalStateException expected) {
      // the feature's own failure, handled by Analysis
    }
    // background work does not wait for it (nothing else runs requests in this test JVM now)
    CompletableFuture.runAsync(() -> EditorRequests.giveWay(60_000)).get(10, TimeUnit.SECONDS);
  }
}
