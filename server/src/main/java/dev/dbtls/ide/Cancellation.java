package dev.dbtls.ide;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether the editor still wants the answer being computed. The LSP layer runs each request with
 * {@link #run}; work that may take long (searching every file of a project) takes {@link
 * #current()} on the request's thread and calls {@link #check()} as it goes, also from the threads
 * it fans out to. A cancelled feature throws {@link CancellationException}, which {@link Analysis}
 * lets through, so the LSP layer answers {@code RequestCancelled}.
 */
public final class Cancellation {
  public static final Cancellation NEVER = new Cancellation(() -> false);
  private static final ThreadLocal<Cancellation> CURRENT = ThreadLocal.withInitial(() -> NEVER);

  private final BooleanSupplier cancelled;

  private Cancellation(BooleanSupplier cancelled) {
    this.cancelled = cancelled;
  }

  /** Runs {@code work} on this thread with {@code cancelled} telling whether it is still wanted. */
  public static <T> T run(BooleanSupplier cancelled, Supplier<T> work) {
    Cancellation before = CURRENT.get();
    CURRENT.set(new Cancellation(cancelled));
    try {
      return work.get();
    } finally {
      CURRENT.set(before);
    }
  }

  /** The cancellation of the request this thread works for ({@link #NEVER} outside requests). */
  public static Cancellation current() {
    return CURRENT.get();
  }

  public boolean cancelled() {
    return cancelled.getAsBoolean();
  }

  /** Throws {@link CancellationException} when the answer is no longer wanted. */
  public void check() {
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("cancelled by the editor");
    }
  }
}
