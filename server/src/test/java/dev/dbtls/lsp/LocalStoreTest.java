package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {
  @TempDir Path dir;

  private final AtomicInteger opened = new AtomicInteger();

  private LocalStore store() {
    return new LocalStore(
        () -> {
          opened.incrementAndGet();
          return Store.open(dir.resolve("store.db"));
        },
        true);
  }

  @Test
  void waitingForTheStoreDoesNotOpenIt() throws Exception {
    LocalStore store = store();
    CompletableFuture<Store> later = store.whenOpen();
    assertFalse(later.isDone());
    assertEquals(0, opened.get());
    assertFalse(Files.exists(dir.resolve("store.db")));
  }

  @Test
  void aRequestOpensItAndWhatWaitedGetsTheSameStore() throws Exception {
    LocalStore store = store();
    CompletableFuture<Store> later = store.whenOpen();
    Store now = store.now().get(30, TimeUnit.SECONDS);
    assertSame(now, later.get(30, TimeUnit.SECONDS));
    assertTrue(Files.exists(dir.resolve("store.db")), "opened at its file");
    store.close();
  }

  @Test
  void aNewStoreKeepsNothingToWaitFor() throws Exception {
    LocalStore fresh = new LocalStore(() -> Store.open(dir.resolve("store.db")), false);
    assertTrue(fresh.whenOpenWithKept().isCompletedExceptionally(), "nothing kept: no wait");
    LocalStore kept = store();
    assertFalse(kept.whenOpenWithKept().isDone(), "an existing store is waited for");
    assertSame(kept.now().get(30, TimeUnit.SECONDS), kept.whenOpenWithKept().getNow(null));
    kept.close();
  }

  @Test
  void itOpensOnceHoweverManyAskAtOnce() throws Exception {
    LocalStore store = store();
    List<CompletableFuture<Store>> asked = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(() -> store.open());
      threads.add(t);
      t.start();
      asked.add(store.now());
    }
    for (Thread t : threads) {
      t.join();
    }
    Store first = asked.get(0).get(30, TimeUnit.SECONDS);
    for (CompletableFuture<Store> a : asked) {
      assertSame(first, a.get(30, TimeUnit.SECONDS));
    }
    assertEquals(1, opened.get());
    store.close();
  }
}
