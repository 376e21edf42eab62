package dev.dbtls.lsp;

import dev.dbtls.store.Store;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The local store (SQLite: query history, runs, saved queries, benchmarks), opened beside the
 * editor's first answers instead of in their way: once a project's first build is done (or every
 * project's, when there is none to build), or at once when a request needs it before. Opening it
 * checks and migrates the file (~0.2 s of CPU, a tenth of a core's share of a warm start on two
 * cores).
 */
final class LocalStore {
  private final CompletableFuture<Store> store = new CompletableFuture<>();
  private final AtomicBoolean opening = new AtomicBoolean();
  private final Supplier<Store> opener;

  /** Whether the store's file was there before this session: else it keeps nothing yet. */
  private final boolean existed;

  /** The store at its default place ({@link Store#open()}). */
  LocalStore() {
    this(Store::open, java.nio.file.Files.exists(dev.dbtls.store.StoreLocation.defaultFile()));
  }

  /**
   * {@code opener}: opens the store, never throws ({@link Store#open(java.nio.file.Path)}); {@code
   * existed}: whether its file was there before.
   */
  LocalStore(Supplier<Store> opener, boolean existed) {
    this.opener = opener;
    this.existed = existed;
  }

  /**
   * The store once it is open, without opening it: for what waits on it in the background (a
   * setting, the schema an earlier session kept), which is no reason to open it sooner.
   */
  CompletableFuture<Store> whenOpen() {
    return store;
  }

  /**
   * The store for what an earlier session kept in it (the warehouse's schema), without opening it:
   * none (a failed future) when its file did not exist, so nothing waits for a new store's
   * creation.
   */
  CompletableFuture<Store> whenOpenWithKept() {
    return existed
        ? store
        : CompletableFuture.failedFuture(new IllegalStateException("a new store keeps nothing"));
  }

  /** The store, opening it now when it is not yet: for requests that read or record in it. */
  CompletableFuture<Store> now() {
    open();
    return store;
  }

  /** Starts opening the store on a pool thread, once; its notices go to stderr (the log). */
  void open() {
    if (opening.compareAndSet(false, true)) {
      CompletableFuture.runAsync(
          () -> {
            Store opened = opener.get();
            opened.notices().forEach(n -> System.err.println("dbtls: " + n));
            store.complete(opened);
          });
    }
  }

  /** Closes the store when it was opened (also when it still opens). */
  void close() {
    store.thenAccept(Store::close);
  }
}
