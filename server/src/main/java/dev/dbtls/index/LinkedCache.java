package dev.dbtls.index;

import dev.dbtls.index.ParseCacheCodec.In;
import dev.dbtls.index.ParseCacheCodec.Out;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.FileReplace;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.FutureTask;

/**
 * The linked manifest of a project's last full build, kept on disk beside its parse cache with the
 * {@link InputLog} of that build: a later session whose inputs still read the same takes the
 * manifest as it is, without scanning, linking or making the DAG again; one whose only changes are
 * the texts of SQL files defining nodes takes it and relinks those nodes ({@link ManifestUpdate});
 * anything else is a full build. Like the parse cache, it is keyed by the dbtls build, read in the
 * background from the moment it is opened, and anything wrong with it makes it absent.
 *
 * <p>A relink of a few nodes is kept as the file's changes, in a small file beside it ({@code
 * .linked-changes}: the new log, the relinked nodes, the problems) instead of the whole manifest
 * encoded again: on 100,000 models that took ~3 s, which a command waited for before it exited. The
 * changes name the file they apply to (a number drawn at each whole write), so a file written whole
 * since makes them absent.
 */
public final class LinkedCache {
  /**
   * A manifest from the file, bound to the current inputs, whether its problems include the
   * engine's, and the node files that changed.
   */
  public record Restored(
      Manifest manifest,
      boolean engineProblems,
      Set<Path> changed,
      Map<String, Long> log,
      Base base) {}

  /**
   * What a restored manifest was as it came from the files (the file's number, its nodes bound to
   * the inputs, which of them the changes gave): a manifest kept after relinking it is written as
   * its changes against this.
   */
  public static final class Base {
    private final long number;
    private final Log log;
    private final Manifest manifest;
    private final Set<String> changedNodes;
    private final Set<String> changedDisabled;

    private Base(
        long number, Log log, Manifest m, Set<String> changedNodes, Set<String> changedDisabled) {
      this.number = number;
      this.log = log;
      this.manifest = m;
      this.changedNodes = changedNodes;
      this.changedDisabled = changedDisabled;
    }
  }

  private record Kept(
      Manifest manifest,
      boolean engineProblems,
      Map<String, Long> log,
      Map<String, Long> stamps,
      String key,
      Base base) {}

  /** The file and its changes, as read. */
  private record Bytes(byte[] whole, byte[] changes) {}

  /** A log as the file holds it: each key with its fingerprint and stamp. */
  private record Log(String[] keys, long[] values, long[] stamps) {}

  /**
   * At most one relinked node in this many is kept as changes; more, and the manifest is written
   * whole (a later start decodes the changed nodes twice).
   */
  static final int CHANGES_AT_MOST_ONE_IN = 32;

  private static final byte[] MAGIC = "DBTLSLM\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CHANGES_MAGIC = "DBTLSLC\n".getBytes(StandardCharsets.US_ASCII);
  private static final Set<FileKind> NODE_FILES =
      EnumSet.of(FileKind.MODEL, FileKind.ANALYSIS, FileKind.SINGULAR_TEST, FileKind.SNAPSHOT);

  private static final RecordCodec<Node> NODE = RecordCodec.of(Node.class);
  private static final RecordCodec<Macro> MACRO = RecordCodec.of(Macro.class);
  private static final RecordCodec<DocBlock> DOC = RecordCodec.of(DocBlock.class);
  private static final RecordCodec<List<Problem>> PROBLEMS = RecordCodec.listOf(Problem.class);

  private final Path file;
  private final Path changesFile;
  private final Path projectDir;
  private final String build;

  /** Reading the file; null once it was restored from (or is not needed). */
  private volatile FutureTask<Bytes> reading;

  /** Decoding it, once a load asked for that ahead of {@link #restore} ({@link #decodeAhead}). */
  private volatile Decoding decoding;

  /**
   * What the file's log vouches for (the files it read, with their stamps), as soon as the decoding
   * has passed it: a load reads no file whose stamp is still the same ({@link InputLog}).
   */
  private final java.util.concurrent.CompletableFuture<Map<String, InputLog.Known>> known =
      new java.util.concurrent.CompletableFuture<>();

  /**
   * The manifest to write at the next {@link #save}; null when the file already holds it. Taken
   * whole by the save's thread while a build's may keep a newer one.
   */
  private final java.util.concurrent.atomic.AtomicReference<Kept> kept =
      new java.util.concurrent.atomic.AtomicReference<>();

  private boolean writeFailed;

  LinkedCache(Path file, Path projectDir, String build) {
    this.file = file;
    this.changesFile = file.resolveSibling(file.getFileName() + "-changes");
    this.projectDir = projectDir;
    this.build = build;
    reading = new FutureTask<>(this::read);
    Thread t = new Thread(reading, "dbtls-linked-cache");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Starts decoding the file on another thread, beside what the caller does before {@link #restore}
   * (reading the inputs: the decoding needs them only to check its log and to point its nodes at
   * their files). Only a load that restores asks: a cache opened and then replaced (new settings)
   * is never decoded.
   */
  public synchronized void decodeAhead() {
    FutureTask<Bytes> r = reading;
    if (decoding == null && r != null) {
      Decoding d = new Decoding();
      decoding = d;
      Runnable decode =
          () -> {
            try {
              decode(ParseCacheCodec.await(r), d);
            } finally {
              d.fail(); // what it did not get to is absent
              known.complete(Map.of()); // when the decoding did not get as far as the log
            }
          };
      // a deep config nests the decoder's calls: a main thread's stack, not a default thread's
      Thread t = new Thread(null, decode, "dbtls-linked-cache-decode", 8L << 20);
      t.setDaemon(true);
      t.start();
    }
  }

  public Path file() {
    return file;
  }

  /** Where the changes of the last relinks are kept, beside {@link #file}. */
  Path changesFile() {
    return changesFile;
  }

  /**
   * The files the kept log read, each with its stamp then and its text's fingerprint, once the
   * decoding asked for by {@link #decodeAhead} has passed the log (at once: an empty map, when it
   * was not asked for).
   */
  public Map<String, InputLog.Known> known() {
    if (decoding == null) {
      return Map.of();
    }
    try {
      return known.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    } catch (java.util.concurrent.ExecutionException e) {
      return Map.of();
    }
  }

  /**
   * The file as decoded beside the reading of the inputs (what it needs of them is only to check
   * its log, and to point its nodes at their files), in three parts, each handed on as soon as the
   * decoder has it: the key and the log it was built from ({@link Head}), which a load checks
   * against the inputs while the nodes are decoded; its nodes with a stand-in for each file ({@link
   * #bound}) and the rest of the manifest ({@link Body}), which a load binds to its files while the
   * DAG is made; the DAG. Each is null when the file is absent or bad, or the load no longer wants
   * it ({@link #abandoned}: the decoder stops). On 100,000 models a warm start waited for the
   * decoder, then did these one after another.
   */
  private static final class Decoding {
    final java.util.concurrent.CompletableFuture<Head> head =
        new java.util.concurrent.CompletableFuture<>();
    final java.util.concurrent.CompletableFuture<Body> body =
        new java.util.concurrent.CompletableFuture<>();
    final java.util.concurrent.CompletableFuture<Dag> dag =
        new java.util.concurrent.CompletableFuture<>();
    volatile boolean abandoned;

    /** Every part not handed on yet is absent. */
    void fail() {
      head.complete(null);
      body.complete(null);
      dag.complete(null);
    }
  }

  private record Head(long number, String key, boolean engineProblems, Log wholeLog, Log log) {}

  private record Body(
      Set<String> changedNodes,
      Set<String> changedDisabled,
      Map<String, Node> nodes,
      Map<String, Node> disabled,
      Map<String, Macro> macros,
      Map<String, DocBlock> docs,
      List<Problem> problems) {}

  /**
   * The kept manifest when every input it was built from reads the same through {@code log} (after
   * {@code inputs} were loaded through it), or differs only in the texts of files that define nodes
   * ({@link Restored#changed}); null otherwise. {@code key} names what else the build depended on
   * (options, macro folders). Answers once per cache: later loads build.
   */
  public Restored restore(ProjectInputs inputs, InputLog log, String key) {
    Decoding d = decoding;
    if (d == null) {
      d = new Decoding();
      decode(ParseCacheCodec.await(reading), d);
      d.fail();
    }
    reading = null;
    decoding = null;
    Head h = d.head.join();
    if (h == null || !key.equals(h.key())) {
      d.abandoned = true;
      return null;
    }
    Restored r = restore(inputs, log, h, d);
    if (r == null) {
      d.abandoned = true;
    }
    return r;
  }

  private static Restored restore(ProjectInputs inputs, InputLog log, Head h, Decoding d) {
    try {
      Map<Path, ProjectFile> files = new HashMap<>();
      inputs.files().forEach(f -> files.put(f.absolutePath(), f));
      Map<String, Long> now = new HashMap<>(log.entries());
      Map<String, Long> checked = new HashMap<>(now);
      Set<Path> changed = new LinkedHashSet<>();
      String[] keys = h.log().keys();
      for (int i = 0; i < keys.length; i++) {
        String k = keys[i];
        Long read = now.remove(k);
        long current = read != null ? read : log.current(k);
        checked.put(k, current);
        if (current != h.log().values()[i]) {
          Path p = InputLog.readPath(k);
          ProjectFile f = p == null ? null : files.get(p);
          if (f == null || !NODE_FILES.contains(f.kind()) || f.isPython()) {
            return null;
          }
          changed.add(p);
        }
      }
      if (!now.isEmpty()) {
        return null; // this load read what the kept one did not: a new file, folder or variable
      }
      Set<Path> changedFiles = Set.copyOf(changed);
      Map<String, Long> checkedLog = Map.copyOf(checked);
      Body b = d.body.join(); // the log and its files checked while the nodes were decoded
      Map<String, Node> nodes = b == null ? null : bound(b.nodes(), files);
      Map<String, Node> disabled = b == null ? null : bound(b.disabled(), files);
      Dag dag = d.dag.join(); // made while the nodes were bound
      if (nodes == null || disabled == null || dag == null) {
        return null;
      }
      Manifest m = new Manifest(inputs, nodes, disabled, b.macros(), b.docs(), dag, b.problems());
      Base base = new Base(h.number(), h.wholeLog(), m, b.changedNodes(), b.changedDisabled());
      return new Restored(m, h.engineProblems(), changedFiles, checkedLog, base);
    } catch (RuntimeException e) {
      return null; // anything wrong with the file makes it absent
    }
  }

  /**
   * {@code nodes} pointed at the inputs' files in place of the decoder's stand-ins (same paths);
   * null when a node's file is not among the inputs.
   */
  private static Map<String, Node> bound(Map<String, Node> nodes, Map<Path, ProjectFile> files) {
    Map<String, Node> out = new LinkedHashMap<>(Math.max(4, nodes.size() * 2));
    for (Node n : nodes.values()) {
      ProjectFile f = n.file() == null ? null : files.get(n.file().absolutePath());
      if (n.file() != null && f == null) {
        return null;
      }
      out.put(n.uniqueId(), f == null ? n : n.withFile(f));
    }
    return out;
  }

  /**
   * Decodes the file's content with its changes applied into {@code d}, each part as soon as it is
   * decoded; leaves the rest to {@link Decoding#fail} when it is absent, from another build or
   * project, or bad (changes that are bad make the whole absent; changes of another file are left
   * out).
   */
  private void decode(Bytes b, Decoding d) {
    if (b == null) {
      return;
    }
    try {
      In in = new In(b.whole(), MAGIC.length + 4, b.whole().length);
      in.strings = new ArrayList<>();
      in.maps = new ArrayList<>();
      if (!build.equals(in.str()) || !projectDir.toString().equals(in.str())) {
        return;
      }
      long number = in.i64();
      String key = in.str();
      boolean engineProblems = in.bool();
      Log wholeLog = log(in);
      Log log = wholeLog;
      In ch = changes(b.changes(), number);
      if (ch != null) {
        key = ch.str();
        engineProblems = ch.bool();
        log = changedLog(ch, wholeLog);
        if (log == null) {
          return;
        }
      }
      int n = log.keys().length;
      Map<String, InputLog.Known> vouched = new HashMap<>((int) Math.ceil(n / 0.75));
      for (int i = 0; i < n; i++) {
        if (log.stamps()[i] != dev.dbtls.project.FileSource.NO_STAMP) {
          vouched.put(log.keys()[i], new InputLog.Known(log.stamps()[i], log.values()[i]));
        }
      }
      known.complete(vouched);
      d.head.complete(new Head(number, key, engineProblems, wholeLog, log));
      Map<Path, ProjectFile> standIns = new HashMap<>();
      in.files =
          path ->
              standIns.computeIfAbsent(
                  path, p -> new ProjectFile(null, null, null, p, (String) null));
      Map<String, Node> nodes = nodes(in, d);
      Map<String, Node> disabled = nodes(in, d);
      Map<String, Macro> macros = new LinkedHashMap<>();
      for (int i = in.count(); i > 0; i--) {
        macros.put(in.str(), MACRO.read(in));
      }
      Map<String, DocBlock> docs = new LinkedHashMap<>();
      for (int i = in.count(); i > 0; i--) {
        docs.put(in.str(), DOC.read(in));
      }
      List<Problem> problems = PROBLEMS.read(in);
      if (in.pos != in.end) {
        return;
      }
      Set<String> changedNodes = Set.of();
      Set<String> changedDisabled = Set.of();
      if (ch != null) {
        ch.files = in.files;
        changedNodes = replace(ch, nodes);
        changedDisabled = replace(ch, disabled);
        problems = PROBLEMS.read(ch);
        if (changedNodes == null || changedDisabled == null || ch.pos != ch.end) {
          return;
        }
      }
      d.body.complete(
          new Body(changedNodes, changedDisabled, nodes, disabled, macros, docs, problems));
      // the DAG from the nodes' parents, in the build's order (sorted by id: cheap to sort again)
      Map<String, List<String>> parents = new LinkedHashMap<>(Math.max(4, nodes.size() * 2));
      nodes.values().forEach(x -> parents.put(x.uniqueId(), x.dependsOn()));
      d.dag.complete(new Dag(parents));
    } catch (RuntimeException | StackOverflowError e) {
      // absent: the parts not handed on yet
    }
  }

  private static Log log(In in) {
    int n = in.count();
    Log log = new Log(new String[n], new long[n], new long[n]);
    for (int i = 0; i < n; i++) {
      log.keys()[i] = in.str();
      log.values()[i] = in.i64();
      log.stamps()[i] = in.i64();
    }
    return log;
  }

  /**
   * {@code whole} with the entries {@code in} holds in place of its own (each by its place in the
   * file's log, its key, fingerprint and stamp); null when one does not fit.
   */
  private static Log changedLog(In in, Log whole) {
    Log log = new Log(whole.keys(), whole.values().clone(), whole.stamps().clone());
    for (int n = in.count(); n > 0; n--) {
      int i = in.num();
      if (i < 0 || i >= log.keys().length || !log.keys()[i].equals(in.str())) {
        return null;
      }
      log.values()[i] = in.i64();
      log.stamps()[i] = in.i64();
    }
    return log;
  }

  /**
   * The changes' reader, past what names the file they apply to, when {@code b} holds changes of
   * the file numbered {@code number} by this build for this project; else null.
   */
  private In changes(byte[] b, long number) {
    if (b == null) {
      return null;
    }
    In in = new In(b, CHANGES_MAGIC.length + 4, b.length);
    in.strings = new ArrayList<>();
    in.maps = new ArrayList<>();
    return build.equals(in.str()) && projectDir.toString().equals(in.str()) && in.i64() == number
        ? in
        : null;
  }

  /**
   * The nodes {@code in} holds put in {@code nodes} in place of theirs: their ids, or null when one
   * is not there to replace.
   */
  private static Set<String> replace(In in, Map<String, Node> nodes) {
    Set<String> ids = new java.util.HashSet<>();
    for (int i = in.count(); i > 0; i--) {
      String id = in.str();
      if (nodes.put(id, NODE.read(in)) == null) {
        return null;
      }
      ids.add(id);
    }
    return ids;
  }

  private static Map<String, Node> nodes(In in, Decoding d) {
    int n = in.count();
    Map<String, Node> out = new LinkedHashMap<>(Math.max(4, n * 2));
    for (int i = 0; i < n; i++) {
      if ((i & 1023) == 0 && d.abandoned) {
        throw new java.util.concurrent.CancellationException("the load builds instead");
      }
      out.put(in.str(), NODE.read(in));
    }
    return out;
  }

  /**
   * Keeps {@code manifest}, built from what {@code log} holds, to be written at the next {@link
   * #save}; {@code engineProblems}: its problems include the template engine's own (macro setup),
   * which a warm start then need not build the engine for. {@code base}: the {@link Restored}'s
   * this manifest was relinked from (then it is written as its changes when they are few), or null
   * (a full build).
   */
  public void keep(
      Manifest manifest,
      boolean engineProblems,
      Map<String, Long> log,
      Map<String, Long> stamps,
      String key,
      Base base) {
    reading = null;
    decoding = null;
    kept.set(new Kept(manifest, engineProblems, Map.copyOf(log), Map.copyOf(stamps), key, base));
  }

  /**
   * The file's new content, written beside it (not yet in its place), or null when there is nothing
   * new to write (or it cannot be written: a failure is one notice).
   */
  FileReplace.Pending encode() {
    Kept k = kept.getAndSet(null);
    if (k == null) {
      return null;
    }
    try {
      Map<String, Node> nodes = changed(k.manifest().nodes(), k.base(), true);
      Map<String, Node> disabled = changed(k.manifest().disabled(), k.base(), false);
      int[] log = changedLog(k);
      if (nodes != null
          && disabled != null
          && log != null
          && sameDefinitions(k.manifest(), k.base())
          && (long) (nodes.size() + disabled.size()) * CHANGES_AT_MOST_ONE_IN
              <= k.manifest().nodes().size()) {
        return FileReplace.prepare(changesFile, ch -> encodeChanges(k, log, nodes, disabled, ch));
      }
      java.nio.file.Files.deleteIfExists(changesFile); // (numbered for the file before: ignored)
      return FileReplace.prepare(file, ch -> encode(k, ch));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      if (!FileReplace.interrupted(e)) {
        writeFailed(e); // (interrupted: the server is closing, nothing to tell)
      }
      return null;
    } catch (RuntimeException | StackOverflowError e) {
      return null; // a value the format cannot hold (a config the YAML did not give): not kept
    }
  }

  /**
   * The nodes of {@code now} that are not {@code base}'s as the files gave them (enabled ones, or
   * disabled ones), in their order; null when there is no base or the two hold other ids.
   */
  private static Map<String, Node> changed(Map<String, Node> now, Base base, boolean enabled) {
    if (base == null) {
      return null;
    }
    Map<String, Node> before = enabled ? base.manifest.nodes() : base.manifest.disabled();
    Set<String> changedBefore = enabled ? base.changedNodes : base.changedDisabled;
    if (now.size() != before.size()) {
      return null;
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : now.entrySet()) {
      Node b = before.get(e.getKey());
      if (b == null) {
        return null;
      }
      if (b != e.getValue() || changedBefore.contains(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /**
   * The places in the base's file log of the entries {@code k}'s log holds otherwise (another
   * fingerprint or stamp); null without a base, or when the two logs hold other keys.
   */
  private static int[] changedLog(Kept k) {
    if (k.base() == null || k.log().size() != k.base().log.keys().length) {
      return null;
    }
    Log whole = k.base().log;
    int[] places = new int[whole.keys().length];
    int n = 0;
    for (int i = 0; i < whole.keys().length; i++) {
      Long value = k.log().get(whole.keys()[i]);
      if (value == null) {
        return null;
      }
      long stamp = k.stamps().getOrDefault(whole.keys()[i], dev.dbtls.project.FileSource.NO_STAMP);
      if (whole.values()[i] != value || whole.stamps()[i] != stamp) {
        places[n++] = i;
      }
    }
    return Arrays.copyOf(places, n);
  }

  /** Whether {@code m}'s macros and docs blocks are those {@code base} came with. */
  private static boolean sameDefinitions(Manifest m, Base base) {
    Manifest b = base.manifest;
    return (m.macros() == b.macros() || m.macros().equals(b.macros()))
        && (m.docs() == b.docs() || m.docs().equals(b.docs()));
  }

  private void encode(Kept k, java.nio.channels.FileChannel ch) throws java.io.IOException {
    Out o = new Out(ch, MAGIC.length);
    o.bytes(MAGIC, 0, MAGIC.length);
    o.i32(0); // the checksum, filled in by the seal
    // each string once: about a third of the size, decoded faster; each map nodes share once
    o.strings = new ParseCacheCodec.StringNumbers();
    o.maps = new java.util.IdentityHashMap<>();
    o.str(build);
    o.str(projectDir.toString());
    o.i64(java.util.concurrent.ThreadLocalRandom.current().nextLong()); // what changes name
    o.str(k.key());
    o.bool(k.engineProblems());
    StringsBeside.write(o, body -> encodeBody(k, body));
    ParseCacheCodec.seal(o);
  }

  /** The file after its head: the log, the nodes, the macros and docs blocks, the problems. */
  private static void encodeBody(Kept k, Out o) {
    o.num(k.log().size());
    new java.util.TreeMap<>(k.log())
        .forEach(
            (key, v) -> {
              o.str(key);
              o.i64(v);
              o.i64(k.stamps().getOrDefault(key, dev.dbtls.project.FileSource.NO_STAMP));
              o.spill();
            });
    Manifest m = k.manifest();
    writeNodes(o, m.nodes());
    writeNodes(o, m.disabled());
    o.num(m.macros().size());
    m.macros()
        .forEach(
            (key, v) -> {
              o.str(key);
              MACRO.write(o, v);
              o.spill();
            });
    o.num(m.docs().size());
    m.docs()
        .forEach(
            (key, v) -> {
              o.str(key);
              DOC.write(o, v);
              o.spill();
            });
    PROBLEMS.write(o, m.problems());
  }

  /** The changes of a relinked manifest against the file its base came from. */
  private void encodeChanges(
      Kept k,
      int[] log,
      Map<String, Node> nodes,
      Map<String, Node> disabled,
      java.nio.channels.FileChannel ch)
      throws java.io.IOException {
    Out o = new Out(ch, CHANGES_MAGIC.length);
    o.bytes(CHANGES_MAGIC, 0, CHANGES_MAGIC.length);
    o.i32(0);
    o.strings = new ParseCacheCodec.StringNumbers();
    o.maps = new java.util.IdentityHashMap<>();
    o.str(build);
    o.str(projectDir.toString());
    o.i64(k.base().number);
    o.str(k.key());
    o.bool(k.engineProblems());
    o.num(log.length);
    for (int i : log) {
      String key = k.base().log.keys()[i];
      o.num(i);
      o.str(key);
      o.i64(k.log().get(key));
      o.i64(k.stamps().getOrDefault(key, dev.dbtls.project.FileSource.NO_STAMP));
    }
    writeNodes(o, nodes);
    writeNodes(o, disabled);
    PROBLEMS.write(o, k.manifest().problems());
    ParseCacheCodec.seal(o);
  }

  private static void writeNodes(Out o, Map<String, Node> nodes) {
    o.num(nodes.size());
    nodes.forEach(
        (id, n) -> {
          o.str(id);
          NODE.write(o, n);
          o.spill();
        });
  }

  /**
   * Puts what {@link #encode} wrote in the file's place; never throws (a failure is one notice).
   */
  void write(FileReplace.Pending encoded) {
    if (encoded == null) {
      return;
    }
    try (encoded) {
      encoded.commit();
    } catch (Exception e) {
      if (!FileReplace.interrupted(e)) {
        writeFailed(e);
      }
    }
  }

  private void writeFailed(Exception e) {
    if (!writeFailed) {
      writeFailed = true;
      System.err.println("dbtls: linked cache " + file + " cannot be written (" + e + ")");
    }
  }

  /** The file's bytes and its changes', each when whole; null without the file. */
  private Bytes read() {
    byte[] whole = ParseCacheCodec.whole(file, MAGIC);
    return whole == null
        ? null
        : new Bytes(whole, ParseCacheCodec.whole(changesFile, CHANGES_MAGIC));
  }
}
