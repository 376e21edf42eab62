package dev.dbtls.index;

import dev.dbtls.index.ParseCacheCodec.Out;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Encoding a cache file on two threads, in the format one thread writes: a helper walks the records
 * into bytes, noting each string and where it goes; the caller's thread numbers the strings ({@link
 * Out#strings}) and writes the bytes with them to the file, a piece at a time. On 100,000 models
 * the linked manifest took ~6 s on one thread (numbering and writing the strings ~a third of it),
 * and a cold {@code ls} waited for most of it after it had listed. The file is byte for byte what
 * the caller's {@link Out} alone would have written.
 */
final class StringsBeside {
  private StringsBeside() {}

  /** Pieces on their way, at most: what the helper may be ahead of the writing. */
  private static final int AHEAD = 3;

  /**
   * Strings a piece notes before it is handed on (at the next place between two items), as it is
   * when its bytes reach {@link Out#SPILL}: its arrays then never grow far past their first size.
   */
  private static final int STRINGS = 1 << 16;

  /**
   * Writes to {@code out} what {@code body} writes, {@code body} running on a helper thread. When
   * {@code out} numbers maps, the helper numbers them in a table of its own that starts empty: so
   * {@code out} must not have written a map before (a file's head holds none). What {@code body}
   * throws is thrown here; an interrupt of this thread stops both.
   */
  static void write(Out out, Consumer<Out> body) throws IOException {
    Pieces pieces = new Pieces(out.maps != null);
    // a deep config nests the walk's calls: a main thread's stack, as the decoder's
    Thread helper = new Thread(null, () -> pieces.walk(body), "dbtls-cache-encode", 8L << 20);
    helper.setDaemon(true);
    helper.start();
    boolean done = false;
    try {
      while (!done) {
        Piece p = pieces.ready.take();
        if (p.failed != null) {
          done = true;
          throw rethrown(p.failed);
        }
        int from = 0;
        for (int k = 0; k < p.count; k++) {
          out.bytes(p.bytes, from, p.at[k] - from);
          out.str(p.strings[k]);
          from = p.at[k];
        }
        out.bytes(p.bytes, from, p.size - from);
        out.spill();
        done = p.last;
        pieces.free.offer(p.emptied());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClosedByInterruptException(); // as a write stopped by the interrupt
    } finally {
      if (!done) {
        helper.interrupt(); // this thread failed: the helper stops at its next piece
      }
    }
  }

  private static RuntimeException rethrown(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    } else if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t);
  }

  /**
   * Bytes with the strings that go between them (string {@code k} at byte {@code at[k]}), or what
   * the walk threw. The same few pieces go back and forth, emptied: what a piece holds is never
   * copied into a new object, which a young collection would move to the old generation while it is
   * on its way (a command keeps what survives one collection).
   */
  private static final class Piece {
    byte[] bytes;
    int size;
    int[] at;
    String[] strings;
    int count;
    boolean last;
    Throwable failed;

    /** A piece with room for a piece's bytes and strings, and a little more. */
    Piece() {
      this(Out.SPILL + (Out.SPILL >> 2), STRINGS + (STRINGS >> 2));
    }

    Piece(int bytes, int strings) {
      this.bytes = new byte[bytes];
      this.at = new int[strings];
      this.strings = new String[strings];
    }

    Piece emptied() {
      Arrays.fill(strings, 0, count, null);
      size = 0;
      count = 0;
      return this;
    }
  }

  /** The helper's side: the piece it fills, and the pieces handed on and given back. */
  static final class Pieces {
    private final BlockingQueue<Piece> ready = new ArrayBlockingQueue<>(AHEAD);
    private final BlockingQueue<Piece> free = new ArrayBlockingQueue<>(AHEAD + 2);
    private final boolean maps;
    private Piece filling = new Piece();

    private Pieces(boolean maps) {
      this.maps = maps;
    }

    private void walk(Consumer<Out> body) {
      Out o = new Out(null, 0, Out.SPILL);
      o.pieces = this;
      o.maps = maps ? new java.util.IdentityHashMap<>() : null;
      o.buf = filling.bytes;
      Piece last;
      try {
        body.accept(o);
        last = filled(o);
      } catch (RuntimeException | Error e) {
        last = new Piece(0, 0);
        last.failed = e;
      }
      last.last = true;
      try {
        ready.put(last);
      } catch (InterruptedException e) {
        // the writing stopped: nothing waits for this
      }
    }

    /** {@code s} goes at byte {@code position} of the piece being filled. */
    void note(int position, String s) {
      Piece p = filling;
      if (p.count == p.at.length) {
        p.at = Arrays.copyOf(p.at, p.count * 2);
        p.strings = Arrays.copyOf(p.strings, p.count * 2);
      }
      p.at[p.count] = position;
      p.strings[p.count++] = s;
    }

    /** Whether what {@code o} holds is a piece to hand on: enough bytes or strings. */
    boolean full(Out o) {
      return o.size >= Out.SPILL || filling.count >= STRINGS;
    }

    /** Hands on what {@code o} holds with the strings noted, and fills a piece given back. */
    void handOn(Out o) {
      try {
        ready.put(filled(o));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("the cache's writing stopped");
      }
      Piece next = free.poll();
      filling = next != null ? next : new Piece();
      o.buf = filling.bytes;
      o.size = 0;
    }

    /** The piece being filled, with {@code o}'s bytes (its buffer may have grown). */
    private Piece filled(Out o) {
      filling.bytes = o.buf;
      filling.size = o.size;
      return filling;
    }
  }
}
