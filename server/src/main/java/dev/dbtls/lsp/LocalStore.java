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

  /** The store at its default place ({@link Store#open()}). */
  LocalStore() {
    this(Store::open);
  }

  /** {@code opener}: opens the store; never throws ({@link Store#open(java.nio.file.Path)}). */
  LocalStore(Supplier<Store> opener) {
    this.opener = opener;
  }

  /**
   * The store once it is open, without opening it: for what waits on it in the background (a
   * setting, the schema an earlier session kept), which is no reason to open it sooner.
   */
  CompletableFuture<Store> whenOpen() {
    return store;
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
