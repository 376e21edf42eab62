package dev.dbtls.index;

import dev.dbtls.index.ParseCacheCodec.In;
import dev.dbtls.index.ParseCacheCodec.Out;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.properties.PropertyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Scans and property files kept between builds, keyed by path and checked against the text: a
 * rebuild after one file changed rescans that file only. The expensive part of indexing is parsing;
 * linking nodes, configs and the DAG is redone from these results each time.
 *
 * <p>A cache made by {@link #open(Path)} also lives on disk, one file per project folder (see
 * {@link #cacheDir()}): it is read in the background when it is opened without a linked manifest
 * beside it, else once a full build asks for its parses ({@link #readAhead}); it answers a file
 * whose text has the same length and 64-bit hash as when it was saved (and the same display path),
 * and {@link #save()} writes it again after a build. The file is keyed by the dbtls build (format,
 * record shapes, the jar's size and time), so another build never reads it. Anything wrong with it
 * — missing, foreign, truncated, corrupt — makes it empty, never an error.
 */
public final class ParseCache {
  /**
   * A parse and the length and 64-bit hash of the text it was made of (the cache file's check; the
   * text itself is not kept: a warm start read every file's only to check it).
   */
  private record Entry<T>(long hash, int length, T value) {}

  /** A file's parse as the cache file holds it, decoded when first asked for. */
  private record Stored(long hash, int length, String display, int offset, int size) {}

  /** The cache file as read: its bytes and where each file's parse is in them. */
  private record Disk(byte[] bytes, Map<Path, Stored> scans, Map<Path, Stored> properties) {}

  private static final byte[] MAGIC = "DBTLSPC\n".getBytes(StandardCharsets.US_ASCII);
  // 2: the linked cache's log keeps each file's stamp; 3: entries to the file's end, no count
  private static final int FORMAT = 3;
  private static final int SCAN = 0;
  private static final int PROPERTIES = 1;

  private final Map<Path, Entry<ParsedFile>> scans = new ConcurrentHashMap<>();
  private final Map<Path, Entry<PropertyFile>> properties = new ConcurrentHashMap<>();
  private final AtomicInteger misses = new AtomicInteger();
  private final AtomicInteger loads = new AtomicInteger();

  /** The cache file, or null for a cache in memory only. */
  private final Path file;

  private final Path projectDir;
  private final String build;

  /** Reading the cache file; null once its content is no longer needed (after a save). */
  private volatile FutureTask<Disk> reading;

  /**
   * Whether {@link #reading} was started: at once when there is no linked manifest to restore, else
   * when a full build calls {@link #readAhead}. A start restored from the linked manifest reads it
   * never ({@link #letGo}): reading the file beside the manifest's decoding (94 MB on 100k models)
   * took the core the decoding wanted.
   */
  private final java.util.concurrent.atomic.AtomicBoolean readStarted =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** {@link #misses} when the file last matched memory; -1 when unknown. */
  private int savedAt = -1;

  private boolean writeFailed;

  /** The linked manifest kept beside this cache's file; null for a cache in memory only. */
  private final LinkedCache linked;

  /**
   * Whether a full build asked this cache for every file: only then does memory hold all a file
   * should (a session started from the linked cache parsed only what changed).
   */
  private volatile boolean whole;

  /** Set by {@link #writtenBesideTheBuild}. */
  private volatile boolean besideTheBuild;

  /** The project context the last update read, for the next ({@link UpdateContext}). */
  private volatile UpdateContext updateContext;

  /** Guards {@link #updateContext}'s replacement against a full load's {@link #fullLoads}. */
  private final Object updateLock = new Object();

  /**
   * How many full loads or builds began: an update context whose making began before one is not
   * kept.
   */
  private long fullLoads;

  /** A cache in memory only. */
  public ParseCache() {
    this(null, null, null);
  }

  private ParseCache(Path file, Path projectDir, String build) {
    this.file = file;
    this.projectDir = projectDir;
    this.build = build;
    this.linked =
        file == null
            ? null
            : new LinkedCache(
                file.resolveSibling(
                    file.getFileName().toString().replace(".parsecache", ".linked")),
                projectDir,
                build);
    if (file != null) {
      reading = new FutureTask<>(this::read);
      if (!java.nio.file.Files.isRegularFile(linked.file())) {
        readAhead();
      } else {
        letGo = true; // a start from the linked manifest: only a full build reads the file
      }
    }
  }

  /** Whether the cache file's reading was started (by the open, a build, or {@link #readAhead}). */
  boolean fileRead() {
    return readStarted.get();
  }

  /**
   * Starts reading the cache file in the background, unless it was: for a full build, which will
   * ask for every file's parse.
   */
  public void readAhead() {
    letGo = false;
    FutureTask<Disk> r = reading;
    if (r != null && readStarted.compareAndSet(false, true)) {
      Thread t = new Thread(r, "dbtls-parse-cache");
      t.setDaemon(true);
      t.start();
    }
  }

  /**
   * The cache of a project folder, filled from its file on disk in the background; in memory only
   * when the cache is off ({@code -Ddbtls.cache=off}) or its place cannot be known. Cheap; never
   * throws.
   */
  public static ParseCache open(Path projectDir) {
    try {
      Path dir = cacheDir();
      String build = dir == null ? null : currentBuild();
      return dir == null || build == null ? new ParseCache() : open(projectDir, dir, build);
    } catch (RuntimeException e) {
      return new ParseCache();
    }
  }

  /**
   * The cache of {@code projectDir} in {@code cacheDir}, valid for files written by {@code build}.
   */
  static ParseCache open(Path projectDir, Path cacheDir, String build) {
    Path dir = projectDir.toAbsolutePath().normalize();
    return new ParseCache(cacheDir.resolve(fileName(dir)), dir, build);
  }

  /**
   * Where cache files go: {@code -Ddbtls.cache=DIR} when set ({@code off} disables the cache), else
   * {@code $XDG_CACHE_HOME/dbtls}, else {@code ~/.cache/dbtls}. Null when off.
   */
  static Path cacheDir() {
    String given = System.getProperty("dbtls.cache");
    if (given != null && !given.isBlank()) {
      return "off".equalsIgnoreCase(given.trim()) ? null : Path.of(given.trim()).toAbsolutePath();
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    // the XDG spec says a relative value is invalid and must be ignored
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "dbtls");
    }
    String home = System.getProperty("user.home");
    return home == null || home.isBlank() ? null : Path.of(home, ".cache", "dbtls");
  }

  /**
   * Where another cache of {@code projectDir} goes, beside its parse cache: the same name with
   * {@code extension} instead of {@code parsecache}; null when caching is off.
   */
  public static Path siblingFile(Path projectDir, String extension) {
    try {
      Path dir = cacheDir();
      if (dir == null) {
        return null;
      }
      String name = fileName(projectDir.toAbsolutePath().normalize());
      return dir.resolve(name.substring(0, name.length() - "parsecache".length()) + extension);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** {@code <folder name>-<hash of the whole path>.parsecache}. */
  static String fileName(Path projectDir) {
    Path name = projectDir.getFileName();
    String readable = name == null ? "root" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
    if (readable.length() > 40) {
      readable = readable.substring(0, 40);
    }
    return readable
        + "-"
        + String.format("%016x", dev.dbtls.project.FileText.hash(projectDir.toString()))
        + ".parsecache";
  }

  /**
   * What identifies the code that writes and reads the cache: the format, the shapes of the records
   * stored, and the jar (its size and modification time; for a classes folder, all its class
   * files'). Null when the code's location cannot be read (then nothing is cached).
   */
  public static String currentBuild() {
    try {
      StringBuilder b =
          new StringBuilder("format ")
              .append(FORMAT)
              .append("; shapes ")
              .append(ParseCacheCodec.SHAPE);
      String version = ParseCache.class.getPackage().getImplementationVersion();
      if (version != null) {
        b.append("; version ").append(version);
      }
      Path code =
          Path.of(ParseCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(code)) {
        BasicFileAttributes a = Files.readAttributes(code, BasicFileAttributes.class);
        b.append("; jar ").append(a.size()).append(' ').append(a.lastModifiedTime().toMillis());
      } else {
        long[] sum = new long[3];
        try (Stream<Path> s = Files.walk(code)) {
          s.filter(p -> p.toString().endsWith(".class"))
              .forEach(
                  p -> {
                    try {
                      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                      sum[0]++;
                      sum[1] += a.size();
                      sum[2] = Math.max(sum[2], a.lastModifiedTime().toMillis());
                    } catch (IOException e) {
                      sum[0] += 1000;
                    }
                  });
        }
        b.append("; classes ").append(sum[0]).append(' ').append(sum[1]).append(' ').append(sum[2]);
      }
      return b.toString();
    } catch (Exception | Error e) {
      return null;
    }
  }

  // ---- lookups ------------------------------------------------------------------------------

  /**
   * What an update of {@code inputs} reads of the whole project: the one kept when it fits, else
   * made now (from the parses) and kept, unless a full load began meanwhile.
   */
  UpdateContext updateContext(ProjectInputs inputs) {
    UpdateContext c = updateContext;
    if (c != null && c.fits(inputs)) {
      return c;
    }
    // an edit right after a start: the prepare indexing the same files is waited for, not done
    // again beside it (both shared two cores, and the edit took the time of both)
    Preparing p = preparing;
    if (p != null && p.shape().fits(inputs)) {
      UpdateContext made = p.done().join();
      if (made != null && made.whole()) {
        return made;
      }
    }
    return make(UpdateContext.Shape.of(inputs), inputs, fullLoads());
  }

  /** A context {@link #prepareUpdates} is making, with what it is made of. */
  private record Preparing(UpdateContext.Shape shape, CompletableFuture<UpdateContext> done) {}

  /** The prepare in flight, if any. */
  private volatile Preparing preparing;

  /**
   * Makes what the next edit's update reads of the whole project ahead of it (after a start, once
   * the first answers are out), unless it is there or a full load began after {@code load} (the
   * {@link #fullLoads} that built {@code inputs}): the first edit after a start then relinks only
   * its own nodes.
   */
  public void prepareUpdates(ProjectInputs inputs, long load) {
    UpdateContext c = updateContext;
    if ((c == null || !c.fits(inputs)) && fullLoads() == load) {
      Preparing p = new Preparing(UpdateContext.Shape.of(inputs), new CompletableFuture<>());
      preparing = p;
      UpdateContext made = null;
      try {
        made = make(p.shape(), inputs, load);
      } finally {
        p.done().complete(made); // null when it failed: a waiting update makes its own
        synchronized (updateLock) {
          if (preparing == p) {
            preparing = null;
          }
        }
      }
    }
  }

  /**
   * Set in a start from the linked manifest: until a full build asks for the cache file's parses
   * ({@link #readAhead}), a lookup parses instead of reading the file. An update looks up only its
   * own files, the macros and the property files of its nodes: an edited model's scan would miss in
   * the file anyway, and reading it (94 MB on 100k models) to decode a few files cost more than
   * parsing them, and held its content for the rest of the session.
   */
  private volatile boolean letGo;

  /** Made and kept unless a full load began after {@code load}, or a file's text was not read. */
  private UpdateContext make(UpdateContext.Shape shape, ProjectInputs inputs, long load) {
    contextsMade.incrementAndGet();
    UpdateContext c = UpdateContext.of(shape, inputs, this);
    synchronized (updateLock) {
      if (fullLoads == load && c.whole()) {
        updateContext = c;
      }
    }
    return c;
  }

  /** The update context kept for the next update, if any. */
  UpdateContext keptUpdateContext() {
    return updateContext;
  }

  private final AtomicInteger contextsMade = new AtomicInteger();

  /** How many update contexts were made (indexed) with this cache. */
  int updateContextsMade() {
    return contextsMade.get();
  }

  /** How many full loads or builds began with this cache (see {@link #prepareUpdates}). */
  public long fullLoads() {
    synchronized (updateLock) {
      return fullLoads;
    }
  }

  /**
   * Lets go of the kept update context: a full load or build reads the project anew, and the kept
   * one would hold the files of the last (their texts) until the next update.
   */
  public void forgetUpdateContext() {
    synchronized (updateLock) {
      fullLoads++;
      updateContext = null;
    }
  }

  ParsedFile scan(ProjectFile f, String displayPath) {
    return get(
        scans,
        f,
        displayPath,
        false,
        in -> ParseCacheCodec.scan(in, f, displayPath),
        text -> ParsedFile.of(f, displayPath, text));
  }

  PropertyFile properties(ProjectFile f, String displayPath) {
    return get(
        properties,
        f,
        displayPath,
        true,
        in -> ParseCacheCodec.properties(in, displayPath),
        text -> PropertyFile.parse(displayPath, text));
  }

  private <T> T get(
      Map<Path, Entry<T>> map,
      ProjectFile f,
      String displayPath,
      boolean props,
      Function<In, T> decode,
      Function<String, T> parse) {
    Entry<T> e = map.get(f.absolutePath());
    String text = Objects.requireNonNullElse(f.peekText(), "");
    long hash = dev.dbtls.project.FileText.hash(text);
    // same text is not enough for a scan: it also records the file's kind and package
    if (e != null && e.length() == text.length() && e.hash() == hash && sameFile(e.value(), f)) {
      return e.value();
    }
    T v = e == null ? stored(props, f, displayPath, text, hash, decode) : null;
    boolean parsed = v == null;
    if (parsed) {
      // from the text hashed, which the file keeps only when it was in memory already: a file read
      // from the disk is read again when a feature asks for it (FileText), and a load of 100,000
      // models no longer holds its 133 MB of SQL and YAML for the session
      v = parse.apply(text);
    } else {
      loads.incrementAndGet();
    }
    map.put(f.absolutePath(), new Entry<>(hash, text.length(), v));
    if (parsed) {
      misses.incrementAndGet(); // after the put: a save that counts it also finds it
    }
    return v;
  }

  /** The parse the cache file holds for this very text, or null. */
  private <T> T stored(
      boolean props,
      ProjectFile f,
      String displayPath,
      String text,
      long hash,
      Function<In, T> decode) {
    Disk d = disk();
    if (d == null) {
      return null;
    }
    Stored s = (props ? d.properties() : d.scans()).get(f.absolutePath());
    if (s == null
        || s.length() != text.length()
        || !s.display().equals(displayPath)
        || s.hash() != hash) {
      return null;
    }
    try {
      In in = new In(d.bytes(), s.offset(), s.offset() + s.size());
      T v = decode.apply(in);
      return in.pos == in.end ? v : null;
    } catch (RuntimeException | StackOverflowError ex) {
      return null; // parsed again
    }
  }

  /** The texts' hashes and lengths matched already: no reading of either text to compare them. */
  private static boolean sameFile(Object value, ProjectFile f) {
    return !(value instanceof ParsedFile p) || p.file().samePlace(f);
  }

  /**
   * The cache file's content, read on this thread when no one started reading it, else waited for;
   * null when there is none.
   */
  private Disk disk() {
    if (letGo) {
      return null;
    }
    FutureTask<Disk> r = reading;
    if (r != null) {
      readStarted.set(true);
      r.run(); // nothing when it ran or runs already (then waited for)
    }
    return ParseCacheCodec.await(r);
  }

  /** The linked manifest kept on disk beside this cache, or null for a cache in memory only. */
  public LinkedCache linked() {
    return linked;
  }

  /** A full build asked this cache for every file of the project. */
  void wholeProjectScanned() {
    whole = true;
    if (besideTheBuild && file != null) {
      new Thread(
              () -> {
                dev.dbtls.project.Timing.mark("parses to save");
                writeParses(null);
              },
              "dbtls-parse-cache-save")
          .start();
    } else {
      letGoOfTheFile();
    }
  }

  /**
   * Lets go of the cache file's content once a full build holds every file's parse in memory: a
   * later build finds them there, a save encodes them from there. Before, only a save let go of it,
   * and the language server saves after a load, not after the build of a macro edit: from the first
   * macro edit of a session started from the linked cache on, 100,000 models' server held the
   * file's 94 MB and its index of 100,806 paths beside the parses decoded from it (README
   * benchmarks). Not while the file is still being read (a build that found every parse in memory).
   */
  private void letGoOfTheFile() {
    FutureTask<Disk> r = reading;
    if (r != null && r.isDone()) {
      if (ParseCacheCodec.await(r) != null) {
        fileWasRead = true;
      }
      reading = null;
    }
  }

  /** Whether this cache still holds the cache file's content, or will when it reads it (tests). */
  boolean holdsTheFile() {
    return reading != null;
  }

  /**
   * Whether {@link #letGoOfTheFile} let go of a file it had read: memory then held what the file
   * did before this cache parsed anything, so a save with nothing parsed since writes nothing.
   */
  private volatile boolean fileWasRead;

  /** How many files were (re)parsed since this cache was made. */
  public int parses() {
    return misses.get();
  }

  /** How many files were answered from the cache file since this cache was made. */
  public int loaded() {
    return loads.get();
  }

  /** The cache file, or null when this cache lives in memory only. */
  public Path file() {
    return file;
  }

  // ---- the file ---------------------------------------------------------------------------

  /*
   * Layout: MAGIC, CRC32C of the rest (4 bytes, little-endian), then the build key, the
   * project folder, and each entry to the file's end: kind (scan or properties), absolute
   * path, hash and length of the text, display path, the payload's size (4 bytes) and payload
   * (ParseCacheCodec).
   */

  private Disk read() {
    byte[] b;
    try {
      b = ParseCacheCodec.readFile(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      notice("cannot be read (" + e + ")");
      return null;
    }
    try {
      if (b.length < MAGIC.length + 4
          || !Arrays.equals(b, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
        notice("is not a dbtls parse cache");
        return null;
      }
      if (!ParseCacheCodec.intact(b, MAGIC.length)) {
        notice("is truncated or corrupt");
        return null;
      }
      In in = new In(b, MAGIC.length + 4, b.length);
      if (!build.equals(in.str()) || !projectDir.toString().equals(in.str())) {
        return null; // written by another dbtls build (or for another folder): parsed again
      }
      Map<Path, Stored> scanned = new HashMap<>();
      Map<Path, Stored> props = new HashMap<>();
      while (in.pos < in.end) {
        int kind = in.u8();
        Path path = Path.of(in.str());
        long hash = in.i64();
        int length = in.num();
        String display = in.str();
        int size = in.i32();
        if (size < 0 || size > in.end - in.pos || display == null) {
          throw new IllegalStateException("bad entry " + path);
        }
        (kind == PROPERTIES ? props : scanned)
            .put(path, new Stored(hash, length, display, in.pos, size));
        in.pos += size;
      }
      return new Disk(b, scanned, props);
    } catch (RuntimeException e) {
      notice("cannot be read (" + e.getMessage() + ")");
      return null;
    }
  }

  /**
   * Writes what this cache holds to its file, when a full build asked it for every file and
   * anything was parsed since it was read or last saved: to a temporary file renamed into place, so
   * a reader never sees half a file; and the linked manifest kept since the last save ({@link
   * LinkedCache}). Call it after a build, off the request path; it never throws (a failure is one
   * notice). A save under way on another thread (one {@link #writtenBesideTheBuild} started) is
   * waited for.
   */
  public synchronized void save() {
    if (file == null) {
      return;
    }
    dev.dbtls.project.Timing.mark("caches to save");
    // both encoded before either is written: a reader waiting for quiet files sees both
    dev.dbtls.project.FileReplace.Pending link = linked.encode();
    dev.dbtls.project.Timing.mark("linked manifest encoded");
    try (link) { // closed on every path: committed, or its temporary file removed
      if (!writeParses(link)) {
        linked.write(link);
      }
    }
  }

  /**
   * For a command that builds once and exits: the parses are written on a thread of their own as
   * soon as the full build has scanned every file, while the build links them on the other core,
   * and {@link #save} (at exit) writes only the linked manifest; without it a cold {@code dbtls ls}
   * encoded and wrote both after its listing (README benchmarks). Not for the language server,
   * whose first answers want both cores.
   */
  public ParseCache writtenBesideTheBuild() {
    besideTheBuild = true;
    return this;
  }

  /**
   * Writes the parses when there are new ones, {@code link} (the linked manifest, written beside
   * its file, or null) put in its place just before them; whether {@code link} was put there.
   */
  private synchronized boolean writeParses(dev.dbtls.project.FileReplace.Pending link) {
    boolean linkWritten = false;
    try {
      if (!whole) {
        return false; // only what changed was parsed: the file on disk still holds the rest
      }
      disk(); // a reading under way is waited for
      letGoOfTheFile(); // what was read is in memory now (or not needed)
      int m = misses.get();
      int upToDate = savedAt >= 0 ? savedAt : fileWasRead ? 0 : -1;
      if (m == upToDate || scans.isEmpty() && properties.isEmpty()) {
        return false;
      }
      try (dev.dbtls.project.FileReplace.Pending parses =
          dev.dbtls.project.FileReplace.prepare(file, this::encode)) {
        dev.dbtls.project.Timing.mark("parse cache encoded");
        linked.write(link);
        linkWritten = true;
        parses.commit();
      }
      savedAt = m;
      dev.dbtls.project.Timing.mark("caches written");
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      if (!writeFailed && !dev.dbtls.project.FileReplace.interrupted(e)) {
        writeFailed = true;
        notice("cannot be written (" + e + ")");
      }
    }
    return linkWritten;
  }

  private void encode(java.nio.channels.FileChannel ch) throws IOException {
    Out o = new Out(ch, MAGIC.length);
    o.bytes(MAGIC, 0, MAGIC.length);
    o.i32(0); // the checksum, filled in by the seal
    o.str(build);
    o.str(projectDir.toString());
    scans.forEach(
        (path, e) ->
            entry(
                o,
                SCAN,
                path,
                e.hash(),
                e.length(),
                e.value().displayPath(),
                x -> ParseCacheCodec.scan(x, e.value())));
    properties.forEach(
        (path, e) ->
            entry(
                o,
                PROPERTIES,
                path,
                e.hash(),
                e.length(),
                e.value().path(),
                x -> ParseCacheCodec.properties(x, e.value())));
    ParseCacheCodec.seal(o);
  }

  private static void entry(
      Out o,
      int kind,
      Path path,
      long hash,
      int length,
      String display,
      java.util.function.Consumer<Out> payload) {
    int start = o.size;
    try {
      o.u8(kind);
      o.str(path.toString());
      o.i64(hash);
      o.num(length);
      o.str(display);
      int sizeAt = o.size;
      o.i32(0);
      payload.accept(o);
      int size = o.size - sizeAt - 4;
      for (int i = 0; i < 4; i++) {
        o.buf[sizeAt + i] = (byte) (size >>> (8 * i));
      }
    } catch (ParseCacheCodec.Unsupported | StackOverflowError e) {
      o.size = start; // a value the format cannot hold: this file is parsed each time
    }
    o.spill(); // between entries: nothing before this point is patched or taken back
  }

  private void notice(String what) {
    System.err.println("dbtls: parse cache " + file + " " + what + "; ignoring it");
  }
}
