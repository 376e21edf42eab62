package dev.dbtls.index;

import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.properties.ExposureSpec;
import dev.dbtls.project.properties.MacroSpec;
import dev.dbtls.project.properties.NodeSpec;
import dev.dbtls.project.properties.PropertyFile;
import dev.dbtls.project.properties.SourceSpec;
import dev.dbtls.project.properties.UnitTestSpec;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The binary form of {@link ParsedFile}s and {@link PropertyFile}s in the on-disk parse cache:
 * every record written field by field ({@link RecordCodec}), ints as variable-length numbers,
 * strings as UTF-8 with their length. Not through a data binder because reading it must be far
 * cheaper than parsing, in a JVM that has not warmed up yet. {@link #SHAPE} fingerprints the
 * records written here, so a build whose records differ never reads an older file.
 */
final class ParseCacheCodec {
  private ParseCacheCodec() {}

  /** Record shapes written by this codec (every record its roots reach); part of the cache key. */
  static final String SHAPE =
      shape(RecordCodec.reached(List.of(StaticFacts.class, Problem.class, PropertyFile.class)));

  static String shape(java.util.Collection<Class<?>> records) {
    StringBuilder b = new StringBuilder();
    for (Class<?> c : records) {
      b.append(c.getSimpleName()).append('(');
      for (RecordComponent rc : c.getRecordComponents()) {
        b.append(rc.getGenericType().getTypeName()).append(' ').append(rc.getName()).append(',');
      }
      b.append(')');
    }
    return Long.toHexString(dev.dbtls.project.FileText.hash(b.toString()));
  }

  /**
   * Finishes a file {@code o} spilled to its channel: the rest of its bytes written, and the CRC32C
   * of what follows the checksum's four bytes filled in at the position given when {@code o} was
   * made (little-endian). A cache file's last step before it is renamed into place.
   */
  static void seal(Out o) throws java.io.IOException {
    o.flush();
    int crc = (int) o.crc.getValue();
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.putInt(crc).flip();
    while (b.hasRemaining()) {
      o.sink.write(b, o.checksumAt + b.position());
    }
  }

  /** The piece a cache file is read in. */
  private static final int READ_PIECE = 256 << 10;

  /**
   * A cache file's bytes, read a piece at a time: {@code Files.readAllBytes} reads through a direct
   * buffer as large as the file, which the JDK allocates and zeroes for each call (0.06 s of a warm
   * start's CPU for a 9 MB parse cache, as much again for the linked manifest); a piece's buffer is
   * reused.
   */
  static byte[] readFile(java.nio.file.Path file) throws java.io.IOException {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE - 64) {
        throw new java.io.IOException("too large: " + size + " bytes");
      }
      byte[] b = new byte[(int) size];
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
      while (buf.position() < b.length) {
        buf.limit(Math.min(b.length, buf.position() + READ_PIECE));
        if (ch.read(buf) < 0) {
          return Arrays.copyOf(b, buf.position()); // shorter than it was: its checksum tells
        }
      }
      return b;
    }
  }

  /**
   * {@code file}'s bytes when they are whole ({@code magic}, then the checksum {@link #seal} put
   * after it), else null: also when the file is missing or cannot be read. Never throws.
   */
  static byte[] whole(java.nio.file.Path file, byte[] magic) {
    byte[] b;
    try {
      b = readFile(file);
    } catch (java.io.IOException | RuntimeException | OutOfMemoryError e) {
      return null;
    }
    if (b.length < magic.length + 4 || !Arrays.equals(b, 0, magic.length, magic, 0, magic.length)) {
      return null;
    }
    return intact(b, magic.length) ? b : null;
  }

  /** Whether {@code b}'s checksum at {@code at} (as {@link #seal} put it) fits what follows. */
  static boolean intact(byte[] b, int at) {
    if (b.length < at + 4) {
      return false;
    }
    int crc = 0;
    for (int i = 0; i < 4; i++) {
      crc |= (b[at + i] & 0xFF) << (8 * i);
    }
    java.util.zip.CRC32C c = new java.util.zip.CRC32C();
    c.update(b, at + 4, b.length - at - 4);
    return (int) c.getValue() == crc;
  }

  /** What a cache file's background read gave; null when there is none (or it failed). */
  static <T> T await(java.util.concurrent.FutureTask<T> reading) {
    if (reading == null) {
      return null;
    }
    try {
      return reading.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      return null;
    }
  }

  /** Thrown while writing a value this format cannot hold: that file is simply not cached. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  // ---- writing ---------------------------------------------------------------------------

  /**
   * A growable byte buffer with the writes the format needs. One made on a channel hands what it
   * holds to the channel at each {@link #spill} once it holds {@link #SPILL} bytes, so a cache file
   * is never whole in memory (the 100k models' linked manifest is ~200 MB, which a buffer grown by
   * doubling and then copied to its size held two and a half times over, at the heap's edge).
   */
  static final class Out {
    /** What a spilling buffer holds before it hands it on. */
    static final int SPILL = 1 << 20;

    byte[] buf = new byte[1 << 16];
    int size;

    /**
     * Strings written so far and their numbers, when strings are written once and then referred to
     * (the linked cache: its nodes repeat packages, paths and config keys); null when not.
     */
    StringNumbers strings;

    /**
     * The maps written so far and their numbers, when a map one record shares with another is
     * written once and then referred to (the linked cache: nodes configured alike share one config
     * map); null when not. By identity: exactly what the writer's records shared, in its order.
     */
    java.util.IdentityHashMap<Map<?, ?>, Integer> maps;

    /**
     * Where the bytes and strings go instead, when another thread numbers the strings and writes
     * the file ({@link StringsBeside}): {@link #str} only notes a string and where it goes, and
     * {@link #spill} hands on what the buffer holds; null when not.
     */
    StringsBeside.Pieces pieces;

    private final java.nio.channels.FileChannel sink;
    private final int checksumAt;
    private final int spillAt;
    private final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    private long written;

    /** A buffer that keeps everything it is given. */
    Out() {
      this(null, 0, 0);
    }

    /**
     * A buffer that hands its bytes to {@code sink} at each {@link #spill}, and whose {@link #seal}
     * writes the checksum of the bytes after {@code checksumAt + 4} at {@code checksumAt}.
     */
    Out(java.nio.channels.FileChannel sink, int checksumAt) {
      this(sink, checksumAt, SPILL);
    }

    /** The same, handing its bytes on at {@code spillAt} instead of {@link #SPILL} (tests). */
    Out(java.nio.channels.FileChannel sink, int checksumAt, int spillAt) {
      this.sink = sink;
      this.checksumAt = checksumAt;
      this.spillAt = spillAt;
    }

    /**
     * Between two whole items (nothing after this point is patched or taken back): hands what the
     * buffer holds to the channel once it is {@link #SPILL} bytes or more (a buffer made without a
     * channel keeps it).
     */
    void spill() {
      if (pieces != null) {
        if (pieces.full(this)) {
          pieces.handOn(this);
        }
        return;
      }
      if (sink != null && size >= spillAt) {
        try {
          flush();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }

    private void flush() throws java.io.IOException {
      int from = (int) Math.min(size, Math.max(0, checksumAt + 4 - written));
      crc.update(buf, from, size - from);
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(buf, 0, size);
      while (b.hasRemaining()) {
        sink.write(b);
      }
      written += size;
      size = 0;
    }

    private void room(int n) {
      if (size + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
      }
    }

    void bytes(byte[] b, int off, int len) {
      room(len);
      System.arraycopy(b, off, buf, size, len);
      size += len;
    }

    void u8(int b) {
      room(1);
      buf[size++] = (byte) b;
    }

    void bool(boolean b) {
      u8(b ? 1 : 0);
    }

    /** An int as an unsigned LEB128 number of its zigzag form (small values take one byte). */
    void num(int v) {
      int z = (v << 1) ^ (v >> 31);
      room(5);
      while ((z & ~0x7F) != 0) {
        buf[size++] = (byte) ((z & 0x7F) | 0x80);
        z >>>= 7;
      }
      buf[size++] = (byte) z;
    }

    void i64(long v) {
      room(8);
      for (int i = 0; i < 8; i++) {
        buf[size++] = (byte) (v >>> (8 * i));
      }
    }

    void i32(int v) {
      room(4);
      for (int i = 0; i < 4; i++) {
        buf[size++] = (byte) (v >>> (8 * i));
      }
    }

    /** A string or null: length + 1 (0 for null), then UTF-8. */
    void str(String s) {
      if (s == null) {
        num(0);
        return;
      }
      if (pieces != null) {
        pieces.note(size, s);
        return;
      }
      if (strings != null) {
        int known = strings.numberOrAdd(s);
        if (known >= 0) {
          num(-1 - known); // the number of a string written before
          return;
        }
      }
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      num(b.length + 1);
      bytes(b, 0, b.length);
    }
  }

  /**
   * The strings an {@link Out} wrote, each with its number (0, 1, 2, … in the order first written):
   * a table of its own, without a boxed number and an entry object per string. As a {@code
   * HashMap<String, Integer>} it was a third of encoding a 10k-model project's linked cache (~1.2
   * million lookups).
   */
  static final class StringNumbers {
    private String[] keys = new String[1 << 12];
    private int[] numbers = new int[1 << 12];

    /** 32 less the bits of a slot number: {@link #slot}'s shift for the table's size. */
    private int shift = 32 - 12;

    private int size;

    /** The number {@code s} (not null) was given before, else -1 after giving it the next one. */
    int numberOrAdd(String s) {
      int mask = keys.length - 1;
      int i = slot(s);
      for (String k; (k = keys[i]) != null; i = (i + 1) & mask) {
        if (k == s || k.equals(s)) {
          return numbers[i];
        }
      }
      keys[i] = s;
      numbers[i] = size++;
      if (size * 2 > keys.length) {
        grow();
      }
      return -1;
    }

    /** How many strings have numbers. */
    int size() {
      return size;
    }

    /**
     * The hash's bits spread over the slot (Fibonacci hashing): the ids of generated projects are
     * sequential ({@code model_00001}, {@code model_00002}), and so are their {@code hashCode}s,
     * which in their own low bits made long runs of filled slots (a review's simulation of 20,000
     * such ids: 39 probes a lookup on average, 567 at worst; mixed: under 1, at most 6).
     */
    private int slot(String s) {
      return (s.hashCode() * 0x9E3779B9) >>> shift;
    }

    private void grow() {
      String[] oldKeys = keys;
      int[] oldNumbers = numbers;
      keys = new String[oldKeys.length * 2];
      numbers = new int[oldKeys.length * 2];
      shift--;
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != null) {
          int i = slot(oldKeys[j]);
          while (keys[i] != null) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[j];
          numbers[i] = oldNumbers[j];
        }
      }
    }
  }

  /** Sequential reads over a byte array; any read past the end throws (caught by the cache). */
  static final class In {
    final byte[] buf;
    int pos;
    final int end;

    /**
     * The input file a project file's absolute path is read back as (the linked cache's); null for
     * none, which fails the read.
     */
    java.util.function.Function<java.nio.file.Path, ProjectFile> files;

    /** The strings read so far, when the writer referred to repeated ones ({@link Out#strings}). */
    List<String> strings;

    /** The maps read so far, when the writer referred to shared ones ({@link Out#maps}). */
    List<Map<String, Object>> maps;

    In(byte[] buf, int pos, int end) {
      this.buf = buf;
      this.pos = pos;
      this.end = end;
    }

    int u8() {
      if (pos >= end) {
        throw new IllegalStateException("truncated");
      }
      return buf[pos++] & 0xFF;
    }

    boolean bool() {
      return u8() != 0;
    }

    int num() {
      int z = 0;
      for (int shift = 0; ; shift += 7) {
        int b = u8();
        z |= (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          break;
        }
        if (shift > 28) {
          throw new IllegalStateException("bad number");
        }
      }
      return (z >>> 1) ^ -(z & 1);
    }

    long i64() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v |= (long) u8() << (8 * i);
      }
      return v;
    }

    int i32() {
      int v = 0;
      for (int i = 0; i < 4; i++) {
        v |= u8() << (8 * i);
      }
      return v;
    }

    String str() {
      int n = num();
      if (n == 0) {
        return null;
      }
      if (n < 0 && strings != null) {
        int i = -1 - n;
        if (i >= strings.size()) {
          throw new IllegalStateException("bad string number");
        }
        return strings.get(i);
      }
      n--;
      if (n < 0 || n > end - pos) {
        throw new IllegalStateException("truncated string");
      }
      String s = new String(buf, pos, n, StandardCharsets.UTF_8);
      pos += n;
      if (strings != null) {
        strings.add(s);
      }
      return s;
    }

    /** A count of items that follow, checked against the bytes left (each takes at least one). */
    int count() {
      return counted(num());
    }

    /** {@code n}, read already as a count, checked as {@link #count} checks it. */
    int counted(int n) {
      if (n < 0 || n > end - pos) {
        throw new IllegalStateException("bad count");
      }
      return n;
    }
  }

  // ---- the two roots: what a file's scan and a property file's parse keep -------------------

  private static final RecordCodec<StaticFacts> FACTS = RecordCodec.of(StaticFacts.class);
  private static final RecordCodec<List<Problem>> PROBLEMS = RecordCodec.listOf(Problem.class);
  private static final RecordCodec<List<NodeSpec>> NODES = RecordCodec.listOf(NodeSpec.class);
  private static final RecordCodec<List<SourceSpec>> SOURCES = RecordCodec.listOf(SourceSpec.class);
  private static final RecordCodec<List<MacroSpec>> MACROS = RecordCodec.listOf(MacroSpec.class);
  private static final RecordCodec<List<ExposureSpec>> EXPOSURES =
      RecordCodec.listOf(ExposureSpec.class);
  private static final RecordCodec<List<UnitTestSpec>> UNIT_TESTS =
      RecordCodec.listOf(UnitTestSpec.class);
  private static final RecordCodec<List<PropertyFile.DocRef>> DOC_REFS =
      RecordCodec.listOf(PropertyFile.DocRef.class);

  private static final RecordCodec<List<dev.dbtls.project.properties.SemanticModelSpec>>
      SEMANTIC_MODELS = RecordCodec.listOf(dev.dbtls.project.properties.SemanticModelSpec.class);
  private static final RecordCodec<List<dev.dbtls.project.properties.MetricSpec>> METRICS =
      RecordCodec.listOf(dev.dbtls.project.properties.MetricSpec.class);
  private static final RecordCodec<List<dev.dbtls.project.properties.SavedQuerySpec>>
      SAVED_QUERIES = RecordCodec.listOf(dev.dbtls.project.properties.SavedQuerySpec.class);
  private static final RecordCodec<List<dev.dbtls.project.properties.FunctionSpec>> FUNCTIONS =
      RecordCodec.listOf(dev.dbtls.project.properties.FunctionSpec.class);
  private static final RecordCodec<List<dev.dbtls.project.properties.YamlSnapshotSpec>>
      YAML_SNAPSHOTS = RecordCodec.listOf(dev.dbtls.project.properties.YamlSnapshotSpec.class);

  /** A scan, without its file (the caller has it) and line index (made again from the text). */
  static void scan(Out o, ParsedFile p) {
    FACTS.write(o, p.facts());
    PROBLEMS.write(o, p.syntaxProblems());
  }

  static ParsedFile scan(In in, ProjectFile file, String displayPath) {
    StaticFacts facts = FACTS.read(in);
    if (facts == null) {
      throw new IllegalStateException("a cached scan without facts");
    }
    return new ParsedFile(file, displayPath, facts, PROBLEMS.read(in), new LineIndex(file.text()));
  }

  /** A property file's parse, without its path (the caller has it). */
  static void properties(Out o, PropertyFile p) {
    NODES.write(o, p.nodes());
    SOURCES.write(o, p.sources());
    MACROS.write(o, p.macros());
    EXPOSURES.write(o, p.exposures());
    UNIT_TESTS.write(o, p.unitTests());
    DOC_REFS.write(o, p.docRefs());
    PROBLEMS.write(o, p.problems());
    SEMANTIC_MODELS.write(o, p.semanticModels());
    METRICS.write(o, p.metrics());
    SAVED_QUERIES.write(o, p.savedQueries());
    FUNCTIONS.write(o, p.functions());
    YAML_SNAPSHOTS.write(o, p.yamlSnapshots());
  }

  static PropertyFile properties(In in, String path) {
    return new PropertyFile(
        path,
        NODES.read(in),
        SOURCES.read(in),
        MACROS.read(in),
        EXPOSURES.read(in),
        UNIT_TESTS.read(in),
        DOC_REFS.read(in),
        PROBLEMS.read(in),
        SEMANTIC_MODELS.read(in),
        METRICS.read(in),
        SAVED_QUERIES.read(in),
        FUNCTIONS.read(in),
        YAML_SNAPSHOTS.read(in));
  }
}
