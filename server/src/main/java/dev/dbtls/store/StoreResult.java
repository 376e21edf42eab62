package dev.dbtls.store;

import java.util.function.Function;

/**
 * The answer of a store operation: a value, or a message saying what failed (never both).
 *
 * @param value the value; null when {@code error} is set
 * @param error a one-line message for the user; null when the operation succeeded
 */
public record StoreResult<T>(T value, String error) {
  public static <T> StoreResult<T> ok(T value) {
    return new StoreResult<>(value, null);
  }

  public static <T> StoreResult<T> failed(String error) {
    return new StoreResult<>(null, error);
  }

  public boolean ok() {
    return error == null;
  }

  /** The value, or {@code fallback} when the operation failed. */
  public T orElse(T fallback) {
    return ok() ? value : fallback;
  }

  public <U> StoreResult<U> map(Function<T, U> f) {
    return ok() ? ok(f.apply(value)) : failed(error);
  }
}
