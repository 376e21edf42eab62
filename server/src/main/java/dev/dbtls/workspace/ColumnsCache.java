package dev.dbtls.workspace;

import dev.dbtls.columns.QueryColumns;
import dev.dbtls.index.ParseCache;
import dev.dbtls.index.RecordFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns inferred from each model's SQL, kept on disk between sessions, so that a start infers
 * only the models whose compiled SQL or parents' columns changed since the last one ({@link
 * ColumnsKey}: the key is a digest of everything an inference reads). One file per project beside
 * its parse cache ({@link ParseCache#siblingFile}), written by the dbtls build that reads it
 * (another build ignores it). Anything wrong with the file (missing, foreign, truncated, corrupt)
 * leaves the cache empty, never an error. Beside each result it keeps the model's restore key and
 * template places ({@link Restorable}), so that the next session's first table may take the result
 * without rendering the model ({@link ProjectColumns}).
 *
 * <p>The language server {@link #open opens} one per project; elsewhere (the command line, tests)
 * there is none and every model is inferred.
 */
public final class ColumnsCache {
  /** One model's inference: its key and what it gave (SQL origins in compiled-SQL offsets). */
  record Memo(String key, QueryColumns columns) {}

  /**
   * What a later session needs to take a model's result without rendering it: the key of what its
   * render and inference read ({@link ColumnsKey#restoreKey}), where its columns stand in its
   * template ({@link TemplatePlaces}), the macros its render ran ({@code package.name}, sorted),
   * whose files are in the key, the environment variables it read, whose values are, and what it
   * read that no key holds ({@link dev.dbtls.jinja.RenderReads#unkeyed}, sorted; empty for nearly
   * every model): a result restored with any is checked by a render.
   */
  record Restorable(
      String key, int[] places, List<String> macros, List<String> envNames, List<String> unkeyed) {
    /** What the render whose result this is read, as {@link ProjectColumns} keeps it. */
    dev.dbtls.jinja.RenderReads reads() {
      return new dev.dbtls.jinja.RenderReads(
          java.util.Set.copyOf(macros),
          java.util.Set.copyOf(envNames),
          java.util.Set.copyOf(unkeyed));
    }
  }

  /** A model's stored result and its places, for a restore key that matched. */
  record Restored(Memo memo, int[] places) {}

  /** The file's content. */
  record Stored(String build, Map<String, Memo> memos, Map<String, Restorable> restorable) {
    static final Stored EMPTY = new Stored(null, Map.of(), Map.of());
  }

  /**
   * What a finished table writes ({@link ProjectColumns#toStore}): each model's result, and each
   * model's {@link Restorable} made as it is written. Made all at once, the restore keys and places
   * of 100,000 models (~30 MB) outlived the young generation while the file was written, and the
   * server's peak ended that much higher.
   */
  interface ToStore {
    Map<String, Memo> memos();

    /** Hands on each model's restorable, one at a time. */
    void eachRestorable(java.util.function.BiConsumer<String, Restorable> to);

    /** The file's content as these maps hold it (tests). */
    static ToStore of(Map<String, Memo> memos, Map<String, Restorable> restorable) {
      return new ToStore() {
        @Override
        public Map<String, Memo> memos() {
          return memos;
        }

        @Override
        public void eachRestorable(java.util.function.BiConsumer<String, Restorable> to) {
          restorable.forEach(to);
        }
      };
    }
  }

  /**
   * 3: the parse cache's binary form ({@link RecordFile}), not gzipped JSON; 4: the macros each
   * restorable model ran; 5: and the environment variables its file names; 6: the environment
   * variables its render read instead, and what it read that no key holds.
   */
  private static final int FORMAT = 6;

  private static final byte[] MAGIC =
      "DBTLSCC\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /**
   * Made on first use (a read or write, after the first build), as the record forms are derived
   * from the records' components.
   */
  private static final class Forms {
    static final RecordFile.Form<QueryColumns> QUERY = RecordFile.of(QueryColumns.class);
  }

  private final Path file;
  private final String build;
  private volatile Stored read;
  private volatile java.util.concurrent.CompletableFuture<Stored> reading;
  private volatile boolean writeFailed;

  /** The newest table a {@link #saveLater} asked to write, and the write it scheduled. */
  private volatile ProjectColumns latest;

  private java.util.concurrent.ScheduledFuture<?> scheduled;

  /** Reads and writes of the file, one at a time, off the inference thread. */
  private final java.util.concurrent.ScheduledExecutorService io;

  /** A cache whose reads and writes run on {@code io}. */
  ColumnsCache(Path file, String build, java.util.concurrent.ScheduledExecutorService io) {
    this.file = file;
    this.build = build;
    this.io = io;
  }

  /** A cache with a thread of its own for its writes (tests, timings). */
  ColumnsCache(Path file, String build) {
    this(
        file,
        build,
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "dbtls-columns-cache");
              t.setDaemon(true);
              return t;
            }));
  }

  /**
   * The server's cache for {@code projectDir}, its file read on {@code io} once {@link #readSoon}
   * asks (the first build's end) or on first use; null when caching is off (no cache folder, or a
   * build without a version).
   */
  static ColumnsCache open(Path projectDir, java.util.concurrent.ScheduledExecutorService io) {
    Path dir = projectDir.toAbsolutePath().normalize();
    Path file = ParseCache.siblingFile(dir, "columns");
    String build = ParseCache.currentBuild();
    return file == null || build == null
        ? null
        : new ColumnsCache(
            file,
            "format "
                + FORMAT
                + "; "
                + RecordFile.shape(List.of(QueryColumns.class))
                + "; "
                + build,
            io);
  }

  /** The memo stored for {@code uniqueId} when its key is {@code key}, else null. */
  Memo get(String uniqueId, String key) {
    Memo m = stored().memos().get(uniqueId);
    return m != null && key.equals(m.key()) ? m : null;
  }

  /** What the file holds to take {@code uniqueId}'s result without rendering it, or null. */
  Restorable restorable(String uniqueId) {
    return stored().restorable().get(uniqueId);
  }

  /**
   * The result and places stored for {@code uniqueId} when its restore key is {@code key}, else
   * null.
   */
  Restored restored(String uniqueId, String key) {
    Stored s = stored();
    Restorable r = s.restorable().get(uniqueId);
    Memo m = s.memos().get(uniqueId);
    return r != null && m != null && key.equals(r.key()) ? new Restored(m, r.places()) : null;
  }

  /** Whether the file holds results that a session may take without rendering. */
  boolean restorable() {
    return !stored().restorable().isEmpty();
  }

  /** How many models the file held when read. */
  int size() {
    return stored().memos().size();
  }

  /**
   * Reads the file on a thread of its own from now (~1 s of CPU for 10,000 models in a fresh JVM),
   * unless it is read or being read: asked when the first build ends, since beside the build it
   * took a core and the collector's time from it (10k models: the first answer of a warm start
   * 0.15-0.25 s later, README benchmarks).
   */
  void readSoon() {
    if (read != null || reading != null) {
      return;
    }
    synchronized (this) {
      if (read == null && reading == null) {
        try {
          reading = java.util.concurrent.CompletableFuture.supplyAsync(this::load, io);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          // the session is closing: nothing will ask for the file
        }
      }
    }
  }

  /**
   * Writes {@code table} ({@link ProjectColumns#stored}: its results with their restore keys) on
   * the cache's own thread (~1.5 s for 10,000 models: the next inference does not wait for the
   * file) {@code delayMillis} from now, unless a newer table asks before then: a burst of edits
   * writes once, when it settles, what the next session may restore.
   */
  synchronized void saveLater(ProjectColumns table, long delayMillis) {
    latest = table;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
    try {
      scheduled =
          io.schedule(this::saveLatest, delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      scheduled = null; // the session is closing: the file keeps the last table written
    }
  }

  /**
   * Forgets what was read from the file, once the session has a complete table of its own: the
   * tables hold the results they use, and the rest (other models', the restore keys) would only
   * take heap for the rest of the session.
   */
  synchronized void release() {
    if (reading == null || reading.isDone()) {
      read = Stored.EMPTY;
      reading = null;
    }
  }

  /** Waits for the writes asked for so far that are due now (tests). */
  void awaitWrites() {
    try {
      io.submit(() -> {}).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      // nothing was written: the write says why
    }
  }

  private void saveLatest() {
    ProjectColumns t = latest;
    save(t == null ? null : t.toStore());
  }

  /**
   * What the file holds: read here when no read was started, else the started read's, waited for
   * outside the lock (so that {@link #readSoon} never waits for a read).
   */
  private Stored stored() {
    Stored s = read;
    if (s != null) {
      return s;
    }
    java.util.concurrent.CompletableFuture<Stored> r;
    boolean mine = false;
    synchronized (this) {
      if (read != null) {
        return read;
      }
      r = reading;
      if (r == null) {
        r = new java.util.concurrent.CompletableFuture<>();
        reading = r;
        mine = true;
      }
    }
    if (mine) {
      r.complete(load()); // load never throws
    }
    Stored got = r.join();
    synchronized (this) {
      if (read == null) {
        read = got;
        reading = null;
      }
      return read;
    }
  }

  private Stored load() {
    Stored s =
        RecordFile.read(
            file,
            MAGIC,
            r -> {
              if (!build.equals(r.str())) {
                return Stored.EMPTY; // another build's file: read no further
              }
              int n = r.count();
              Map<String, Memo> memos = new HashMap<>(n * 4 / 3 + 1);
              for (int i = 0; i < n; i++) {
                String id = r.str();
                memos.put(id, new Memo(r.text(), r.get(Forms.QUERY)));
              }
              Map<String, Restorable> restorable = new HashMap<>(n * 4 / 3 + 1);
              Map<List<String>, List<String>> lists = new HashMap<>();
              while (r.bool()) {
                String id = r.str();
                String key = r.text();
                int[] places = r.nums();
                List<String> macros = strings(r, lists);
                List<String> envNames = strings(r, lists);
                restorable.put(
                    id, new Restorable(key, places, macros, envNames, strings(r, lists)));
              }
              return new Stored(build, memos, restorable);
            });
    return s == null ? Stored.EMPTY : s;
  }

  /** A list of strings as {@link #save} writes it; one copy of each list ({@code lists}). */
  private static List<String> strings(RecordFile.Reader r, Map<List<String>, List<String>> lists) {
    int n = r.count();
    String[] a = new String[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.str();
    }
    List<String> l = List.of(a);
    return lists.computeIfAbsent(l, k -> k);
  }

  private static void strings(RecordFile.Writer w, List<String> l) {
    w.num(l.size());
    l.forEach(w::str);
  }

  /** Writes {@code memos} and {@code restorable} as {@link #save(ToStore)} does (tests). */
  void save(Map<String, Memo> memos, Map<String, Restorable> restorable) {
    save(ToStore.of(Map.copyOf(memos), Map.copyOf(restorable)));
  }

  /**
   * Writes a finished table ({@link ProjectColumns#toStore}, null: nothing) to the file, replacing
   * it whole: to a temporary file renamed into place, so a reader never sees half a file. The file
   * is the build, the results (each model's id, key and columns) and then the restorables, written
   * a model at a time ({@link RecordFile}). Removes the file of the format before (gzipped JSON,
   * {@code .columns.json.gz}), which no build reads any more. Never throws.
   */
  void save(ToStore table) {
    if (table == null) {
      return;
    }
    try {
      RecordFile.write(
          file,
          MAGIC,
          w -> {
            w.str(build);
            Map<String, Memo> memos = table.memos();
            w.num(memos.size());
            for (Map.Entry<String, Memo> e : memos.entrySet()) {
              w.str(e.getKey());
              w.text(e.getValue().key());
              w.put(Forms.QUERY, e.getValue().columns());
              w.between();
            }
            table.eachRestorable(
                (id, r) -> {
                  w.bool(true);
                  w.str(id);
                  w.text(r.key());
                  w.nums(r.places());
                  strings(w, r.macros());
                  strings(w, r.envNames());
                  strings(w, r.unkeyed());
                  w.between();
                });
            w.bool(false);
          });
      read = Stored.EMPTY; // the tables in memory hold these now; the file is for the next session
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      if (!writeFailed) {
        writeFailed = true;
        System.err.println("dbtls: the columns cache " + file + " cannot be written (" + e + ")");
      }
      return;
    }
    try {
      java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(file + ".json.gz"));
    } catch (java.io.IOException | RuntimeException e) {
      // left behind: a file no build reads
    }
  }
}
