package dev.dbtls.index;

import dev.dbtls.project.ProjectFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * Files read from disk ahead of the threads that will read them (a full build's scan, {@code
 * check}, {@code compile}, a warm start's first digest), on threads that mostly wait for the disk:
 * their bytes are dropped, and the readers then find them in the operating system's page cache. The
 * scan's two threads each waited for one file at a time, and a first {@code ls} of 10,000 models
 * after the page cache was dropped (a reboot, a project not read for a while) scanned for ~2 s
 * instead of ~0.8 s (README benchmarks).
 *
 * <p>The first thread times its first files: when they come from memory (the project was read
 * lately, as it usually is), it stops, and the others never start; reading every file again would
 * cost a start of 10,000 models ~0.1 s of CPU. Errors are left to the readers, which read the file
 * themselves.
 */
public final class ReadAhead {
  /** Threads reading at once when the files come from disk. */
  static final int THREADS = 8;

  /** Files the first thread times before the others start. */
  static final int PROBE = 16;

  /**
   * A quick read (the fifth quickest of the probe's) at least this long (ns) is the disk's, not
   * memory's. Not the median: a cached compile of 10k models read ahead in one run of three, as
   * when half the reads are slow for another reason (on two busy cores, a probe thread waits for a
   * core now and then). Here, reading a small file took 12 µs from memory and 70-94 µs from disk at
   * the quarter, 16 and 101 µs at the median.
   */
  static final long FROM_DISK_NANOS = 40_000;

  /**
   * Where the reading starts: past the files the scan's threads take first (a step each of {@link
   * dev.dbtls.project.Parallel}), which the first thread would otherwise time as the scan reads
   * them.
   */
  static final int FIRST = 128;

  private final List<Path> files;
  private final IntSupplier taken;
  private final Predicate<Path> reader;
  private final AtomicInteger next = new AtomicInteger(FIRST);
  private final AtomicInteger threads = new AtomicInteger();
  private volatile boolean stopped;
  private volatile boolean fromDisk;

  private ReadAhead(List<Path> files, IntSupplier taken, Predicate<Path> reader) {
    this.files = files;
    this.taken = taken;
    this.reader = reader;
  }

  /**
   * Starts reading the files of {@code files} that are {@code read} and whose texts are not in
   * memory, in their order, when they come from disk; never behind {@code taken}, how many of them
   * the readers have taken (in the same order).
   */
  public static ReadAhead files(
      List<ProjectFile> files, Predicate<ProjectFile> read, IntSupplier taken) {
    List<Path> paths = new ArrayList<>(files.size());
    for (ProjectFile f : files) {
      paths.add(!read.test(f) || f.textRead() ? null : f.absolutePath());
    }
    return start(paths, taken, ReadAhead::read);
  }

  /**
   * Starts reading {@code files} (nulls skipped) with {@code reader}, true for a file read whole.
   */
  static ReadAhead start(List<Path> files, IntSupplier taken, Predicate<Path> reader) {
    ReadAhead r = new ReadAhead(files, taken, reader);
    if (files.size() > FIRST) {
      r.thread(r::probeThenRead).start();
    }
    return r;
  }

  /**
   * Starts reading the files of {@code inputs} that a whole-project command reads after a start
   * from the linked manifest, which read none ({@code check}: every model's template and property
   * file): in the project's order, when they come from disk.
   */
  public static ReadAhead project(dev.dbtls.project.ProjectInputs inputs) {
    return files(inputs.files(), ManifestBuilder::scanned, () -> 0);
  }

  /**
   * Starts reading {@code files} (nulls skipped) in their order when they come from disk, never
   * behind {@code taken}: how many of them a command has reached (in the same order).
   */
  public static ReadAhead paths(List<Path> files, IntSupplier taken) {
    return start(files, taken, ReadAhead::read);
  }

  /** Stops the reading (the scan, or the command, is done). */
  public void stop() {
    stopped = true;
  }

  /** Whether the first files came from disk, so all threads read. */
  public boolean fromDisk() {
    return fromDisk;
  }

  /** How many threads have read, the first one among them (tests). */
  int threads() {
    return threads.get();
  }

  private Thread thread(Runnable body) {
    Thread t = new Thread(body, "dbtls-read-ahead-" + threads.getAndIncrement());
    t.setDaemon(true);
    return t;
  }

  private void probeThenRead() {
    long[] nanos = new long[PROBE];
    int timed = 0;
    while (timed < PROBE && !stopped) {
      int i = take();
      if (i < 0) {
        return;
      }
      long began = System.nanoTime();
      if (reader.test(files.get(i))) {
        nanos[timed++] = System.nanoTime() - began;
      }
    }
    Arrays.sort(nanos, 0, timed);
    if (timed == 0 || nanos[timed / 4] < FROM_DISK_NANOS) {
      return; // from memory: the readers read as fast alone
    }
    fromDisk = true;
    for (int n = 1; n < THREADS; n++) {
      thread(this::read).start();
    }
    read();
  }

  private void read() {
    for (int i; !stopped && (i = take()) >= 0; ) {
      reader.test(files.get(i));
    }
  }

  /** The next file to read, never one the readers have taken; -1 at the end. */
  private int take() {
    while (true) {
      int i = next.getAndIncrement();
      if (i >= files.size()) {
        return -1;
      }
      int reached = taken.getAsInt();
      if (i < reached) {
        next.accumulateAndGet(reached, Math::max); // behind the readers: skip to where they are
      } else if (files.get(i) != null) {
        return i;
      }
    }
  }

  /** A reading thread's buffer: what is read into it is dropped. */
  private static final ThreadLocal<ByteBuffer> BUFFER =
      ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1 << 16));

  /** Whether the file was read to its end. */
  static boolean read(Path file) {
    try (FileChannel channel = FileChannel.open(file)) {
      ByteBuffer buffer = BUFFER.get();
      buffer.clear();
      while (channel.read(buffer) > 0) {
        buffer.clear();
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // its reader reads it and says why it cannot
    }
  }
}
