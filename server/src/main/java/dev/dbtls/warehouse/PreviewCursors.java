package dev.dbtls.warehouse;

import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The open cursors of one warehouse, by id. At most {@link #MAX_OPEN} (the least recently used goes
 * first, so the pool always has connections left); a cursor unused for {@link #TTL_MINUTES} minutes
 * is closed.
 */
final class PreviewCursors implements AutoCloseable {
  static final int MAX_OPEN = 3;
  static final long TTL_MINUTES = 10;
  private final Map<String, PreviewCursor> open = new ConcurrentHashMap<>();
  private final ScheduledFuture<?> sweeper = Timers.every(30_000, this::expire);

  String add(PreviewCursor cursor) {
    while (open.size() >= MAX_OPEN) {
      open.entrySet().stream()
          .max(Comparator.comparingLong(e -> e.getValue().idleNanos()))
          .ifPresent(e -> close(e.getKey()));
    }
    String id = UUID.randomUUID().toString();
    open.put(id, cursor);
    return id;
  }

  PreviewCursor get(String id) {
    return id == null ? null : open.get(id);
  }

  boolean contains(String id) {
    return id != null && open.containsKey(id);
  }

  void close(String id) {
    PreviewCursor c = id == null ? null : open.remove(id);
    if (c != null) {
      c.close();
    }
  }

  int size() {
    return open.size();
  }

  void expire() {
    long ttl = TimeUnit.MINUTES.toNanos(TTL_MINUTES);
    open.entrySet()
        .removeIf(
            e -> {
              if (e.getValue().idleNanos() > ttl) {
                e.getValue().close();
                return true;
              }
              return false;
            });
  }

  @Override
  public void close() {
    sweeper.cancel(false);
    open.keySet().forEach(this::close);
  }
}
