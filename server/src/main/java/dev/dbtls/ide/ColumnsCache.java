package dev.dbtls.ide;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.columns.QueryColumns;
import dev.dbtls.index.ParseCache;
import dev.dbtls.project.FileReplace;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The columns inferred from each model's SQL, kept on disk between sessions, so that a start
 * infers only the models whose compiled SQL or parents' columns changed since the last one
 * ({@link ColumnsKey}: the key is a digest of everything an inference reads). One file per
 * project beside its parse cache ({@link ParseCache#siblingFile}), written by the dbtls build
 * that reads it (another build ignores it). Anything wrong with the file (missing, foreign,
 * truncated, corrupt) leaves the cache empty, never an error.
 *
 * <p>The language server {@link #open opens} one per project; elsewhere (the command line, tests)
 * there is none and every model is inferred.
 */
public final class ColumnsCache {
  /** One model's inference: its key and what it gave (SQL origins in compiled-SQL offsets). */
  record Memo(String key, QueryColumns columns) {}

  /** The file's content. */
  record Stored(String build, Map<String, Memo> memos) {}

  private static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  private static final Map<Path, ColumnsCache> PROJECTS = new ConcurrentHashMap<>();

  private final Path file;
  private final String build;
  private volatile Map<String, Memo> read;
  private volatile java.util.concurrent.CompletableFuture<Map<String, Memo>> reading;
  private volatile boolean writeFailed;

  ColumnsCache(Path file, String build) {
    this.file = file;
    this.build = build;
  }

  /** The server's cache for {@code projectDir} (once per project); none when caching is off. */
  public static void open(Path projectDir) {
    Path dir = projectDir.toAbsolutePath().normalize();
    Path file = ParseCache.siblingFile(dir, "columns.json.gz");
    String build = ParseCache.currentBuild();
    if (file != null && build != null) {
      PROJECTS.computeIfAbsent(dir, d -> new ColumnsCache(file, "format " + FORMAT + "; " + build).readSoon());
    }
  }

  /** The cache {@link #open} made for {@code projectDir}, or null. */
  static ColumnsCache of(Path projectDir) {
    return projectDir == null ? null : PROJECTS.get(projectDir.toAbsolutePath().normalize());
  }

  /** The memo stored for {@code uniqueId} when its key is {@code key}, else null. */
  Memo get(String uniqueId, String key) {
    Memo m = memos().get(uniqueId);
    return m != null && key.equals(m.key()) ? m : null;
  }

  /** How many models the file held when read. */
  int size() {
    return memos().size();
  }

  /**
   * Reads the file on a thread of its own from now (~1 s for 10,000 models in a fresh JVM), so
   * that the first inference, after the build, finds it read.
   */
  private ColumnsCache readSoon() {
    reading = java.util.concurrent.CompletableFuture.supplyAsync(this::load, IO);
    return this;
  }

  /** Reads and writes of cache files, one at a time, off the inference thread. */
  private static final java.util.concurrent.ExecutorService IO =
      java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dbtls-columns-cache");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
      });

  /**
   * {@link #save} on the cache's own thread (~1 s for 10,000 models): the next inference, after
   * the next edit, does not wait for the file.
   */
  void saveSoon(Map<String, Memo> memos) {
    IO.execute(() -> save(memos));
  }

  private Map<String, Memo> memos() {
    Map<String, Memo> m = read;
    if (m == null) {
      synchronized (this) {
        if (read == null) {
          java.util.concurrent.CompletableFuture<Map<String, Memo>> r = reading;
          read = r != null ? r.join() : load();
          reading = null;
        }
        m = read;
      }
    }
    return m;
  }

  private Map<String, Memo> load() {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      Stored s = JSON.readValue(in, new TypeReference<Stored>() { });
      return s != null && build.equals(s.build()) && s.memos() != null ? s.memos() : Map.of();
    } catch (Exception | StackOverflowError e) {
      return Map.of(); // foreign, truncated or corrupt: as if there were none
    }
  }

  /**
   * Writes {@code memos} (a finished table's) to the file, replacing it whole: to a temporary
   * file renamed into place, so a reader never sees half a file. Never throws.
   */
  void save(Map<String, Memo> memos) {
    try {
      Stored stored = new Stored(build, Map.copyOf(memos));
      FileReplace.write(file, out -> {
        GZIPOutputStream zip = new GZIPOutputStream(out);
        JSON.writeValue(zip, stored); // closes the gzip stream (its trailer), and so the file
      });
      read = Map.of(); // the tables in memory hold these now; the file is for the next session
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      if (!writeFailed) {
        writeFailed = true;
        System.err.println("dbtls: the columns cache " + file + " cannot be written (" + e + ")");
      }
    }
  }
}
