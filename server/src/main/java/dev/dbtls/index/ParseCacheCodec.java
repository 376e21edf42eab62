package dev.dbtls.index;

import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.jinja.scan.StaticFacts.ConfigArg;
import dev.dbtls.jinja.scan.StaticFacts.ConfigCall;
import dev.dbtls.jinja.scan.StaticFacts.DispatchCall;
import dev.dbtls.jinja.scan.StaticFacts.DocCall;
import dev.dbtls.jinja.scan.StaticFacts.DocsBlock;
import dev.dbtls.jinja.scan.StaticFacts.EnvVarCall;
import dev.dbtls.jinja.scan.StaticFacts.MacroCall;
import dev.dbtls.jinja.scan.StaticFacts.MacroDef;
import dev.dbtls.jinja.scan.StaticFacts.MacroKind;
import dev.dbtls.jinja.scan.StaticFacts.Param;
import dev.dbtls.jinja.scan.StaticFacts.RefCall;
import dev.dbtls.jinja.scan.StaticFacts.SnapshotBlock;
import dev.dbtls.jinja.scan.StaticFacts.SourceCall;
import dev.dbtls.jinja.scan.StaticFacts.VarCall;
import dev.dbtls.jinja.scan.TextRange;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.Severity;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.ColumnSpec;
import dev.dbtls.project.properties.DataTestSpec;
import dev.dbtls.project.properties.ExposureSpec;
import dev.dbtls.project.properties.MacroSpec;
import dev.dbtls.project.properties.NodeSpec;
import dev.dbtls.project.properties.PropertyFile;
import dev.dbtls.project.properties.SourceSpec;
import dev.dbtls.project.properties.SourceTableSpec;
import dev.dbtls.project.properties.VersionSpec;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The binary form of {@link ParsedFile}s and {@link PropertyFile}s in the on-disk parse cache:
 * every record written field by field, ints as variable-length numbers, strings as UTF-8 with their
 * length. Hand-written rather than through a data binder because reading it must be far cheaper
 * than parsing, in a JVM that has not warmed up yet. {@link #SHAPE} fingerprints the records
 * written here, so a build whose records differ never reads an older file.
 */
final class ParseCacheCodec {
  private ParseCacheCodec() {}

  /** Record shapes written by this codec; part of the cache file's key. */
  static final String SHAPE =
      shape(
          List.of(
              StaticFacts.class,
              RefCall.class,
              SourceCall.class,
              ConfigCall.class,
              ConfigArg.class,
              MacroDef.class,
              Param.class,
              SnapshotBlock.class,
              DocsBlock.class,
              MacroCall.class,
              DispatchCall.class,
              VarCall.class,
              EnvVarCall.class,
              DocCall.class,
              TextRange.class,
              Problem.class,
              Span.class,
              ParsedFile.class,
              PropertyFile.class,
              PropertyFile.DocRef.class,
              NodeSpec.class,
              ColumnSpec.class,
              DataTestSpec.class,
              VersionSpec.class,
              SourceSpec.class,
              SourceTableSpec.class,
              MacroSpec.class,
              MacroSpec.Argument.class,
              ExposureSpec.class));

  private static String shape(List<Class<?>> records) {
    StringBuilder b = new StringBuilder();
    for (Class<?> c : records) {
      b.append(c.getSimpleName()).append('(');
      for (RecordComponent rc : c.getRecordComponents()) {
        b.append(rc.getGenericType().getTypeName()).append(' ').append(rc.getName()).append(',');
      }
      b.append(')');
    }
    return Long.toHexString(hash(b.toString()));
  }

  /**
   * A 64-bit hash of a text (murmur-style mixing, four chars per step, and the length): what the
   * cache compares a file's current text against. Not cryptographic; an edit that leaves it
   * unchanged has a chance of about 2^-64.
   */
  static long hash(String s) {
    int n = s.length();
    long h = 0x9E3779B97F4A7C15L ^ n;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      long k =
          s.charAt(i)
              | (long) s.charAt(i + 1) << 16
              | (long) s.charAt(i + 2) << 32
              | (long) s.charAt(i + 3) << 48;
      k *= 0x87C37B91114253D5L;
      k = Long.rotateLeft(k, 31);
      k *= 0x4CF5AD432745937FL;
      h ^= k;
      h = Long.rotateLeft(h, 27) * 5 + 0x52DCE729;
    }
    long k = 0;
    for (int shift = 0; i < n; i++, shift += 16) {
      k |= (long) s.charAt(i) << shift;
    }
    k *= 0x87C37B91114253D5L;
    k = Long.rotateLeft(k, 31);
    k *= 0x4CF5AD432745937FL;
    h ^= k;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }

  /** Thrown while writing a value this format cannot hold: that file is simply not cached. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  // ---- writing ---------------------------------------------------------------------------

  /** A growable byte buffer with the writes the format needs. */
  static final class Out {
    byte[] buf = new byte[1 << 16];
    int size;

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
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      num(b.length + 1);
      bytes(b, 0, b.length);
    }
  }

  /** Sequential reads over a byte array; any read past the end throws (caught by the cache). */
  static final class In {
    final byte[] buf;
    int pos;
    final int end;

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
      n--;
      if (n < 0 || n > end - pos) {
        throw new IllegalStateException("truncated string");
      }
      String s = new String(buf, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    /** A count of items that follow, checked against the bytes left (each takes at least one). */
    int count() {
      int n = num();
      if (n < 0 || n > end - pos) {
        throw new IllegalStateException("bad count");
      }
      return n;
    }
  }

  // ---- shared pieces ----------------------------------------------------------------------

  private static <T> void list(Out o, List<T> l, java.util.function.BiConsumer<Out, T> each) {
    o.num(l.size());
    for (T t : l) {
      each.accept(o, t);
    }
  }

  /** Immutable, as {@code List.copyOf} makes them (items never null). */
  @SuppressWarnings("unchecked")
  private static <T> List<T> list(In in, Function<In, T> each) {
    int n = in.count();
    if (n == 0) {
      return List.of();
    }
    Object[] a = new Object[n];
    for (int i = 0; i < n; i++) {
      a[i] = each.apply(in);
    }
    return (List<T>) List.of(a);
  }

  private static void strings(Out o, List<String> l) {
    o.num(l.size());
    for (String s : l) {
      o.str(s);
    }
  }

  private static List<String> strings(In in) {
    int n = in.count();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.str());
    }
    return out;
  }

  private static void range(Out o, TextRange r) {
    if (r == null) {
      o.u8(0);
    } else {
      o.u8(1);
      o.num(r.start());
      o.num(r.end());
    }
  }

  private static TextRange range(In in) {
    return in.u8() == 0 ? null : new TextRange(in.num(), in.num());
  }

  private static void span(Out o, Span s) {
    if (s == null) {
      o.u8(0);
    } else {
      o.u8(1);
      o.num(s.startLine());
      o.num(s.startColumn());
      o.num(s.endLine());
      o.num(s.endColumn());
    }
  }

  private static Span span(In in) {
    return in.u8() == 0 ? null : new Span(in.num(), in.num(), in.num(), in.num());
  }

  private static final Severity[] SEVERITIES = Severity.values();
  private static final MacroKind[] MACRO_KINDS = MacroKind.values();

  private static void problem(Out o, Problem p) {
    o.str(p.file());
    o.num(p.line());
    o.num(p.column());
    o.num(p.endLine());
    o.num(p.endColumn());
    o.num(p.severity().ordinal());
    o.str(p.code().name());
    o.str(p.message());
  }

  private static Problem problem(In in) {
    return new Problem(
        in.str(),
        in.num(),
        in.num(),
        in.num(),
        in.num(),
        SEVERITIES[in.num()],
        ProblemCode.valueOf(in.str()),
        in.str());
  }

  private static final int NULL = 0;
  private static final int STRING = 1;
  private static final int LONG = 2;
  private static final int DOUBLE = 3;
  private static final int TRUE = 4;
  private static final int FALSE = 5;
  private static final int LIST = 6;
  private static final int MAP = 7;
  private static final int INT = 8;

  /**
   * A plain value (YAML's or a literal's): null, String, Long, Integer, Double, Boolean, List, Map.
   */
  private static void value(Out o, Object v) {
    if (v == null) {
      o.u8(NULL);
    } else if (v instanceof String s) {
      o.u8(STRING);
      o.str(s);
    } else if (v instanceof Long l) {
      o.u8(LONG);
      o.i64(l);
    } else if (v instanceof Integer i) {
      o.u8(INT);
      o.num(i);
    } else if (v instanceof Double d) {
      o.u8(DOUBLE);
      o.i64(Double.doubleToRawLongBits(d));
    } else if (v instanceof Boolean b) {
      o.u8(b ? TRUE : FALSE);
    } else if (v instanceof List<?> l) {
      o.u8(LIST);
      o.num(l.size());
      l.forEach(x -> value(o, x));
    } else if (v instanceof Map<?, ?> m) {
      o.u8(MAP);
      o.num(m.size());
      m.forEach(
          (k, x) -> {
            if (!(k instanceof String ks)) {
              throw new Unsupported("map key " + k);
            }
            o.str(ks);
            value(o, x);
          });
    } else {
      throw new Unsupported(v.getClass().getName());
    }
  }

  /** Lists and maps come back mutable (ArrayList, LinkedHashMap): never less than parsing gave. */
  private static Object value(In in) {
    int tag = in.u8();
    switch (tag) {
      case NULL:
        return null;
      case STRING:
        return in.str();
      case LONG:
        return in.i64();
      case INT:
        return in.num();
      case DOUBLE:
        return Double.longBitsToDouble(in.i64());
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      case LIST:
        {
          int n = in.count();
          List<Object> l = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            l.add(value(in));
          }
          return l;
        }
      case MAP:
        return map(in);
      default:
        throw new IllegalStateException("bad value tag " + tag);
    }
  }

  private static void map(Out o, Map<String, Object> m) {
    o.num(m.size());
    m.forEach(
        (k, x) -> {
          o.str(k);
          value(o, x);
        });
  }

  private static Map<String, Object> map(In in) {
    int n = in.count();
    Map<String, Object> m = new LinkedHashMap<>(Math.max(4, n * 2));
    for (int i = 0; i < n; i++) {
      m.put(in.str(), value(in));
    }
    return m;
  }

  // ---- ParsedFile ---------------------------------------------------------------------------

  /** A scan, without its file (the caller has it) and line index (made again from the text). */
  static void scan(Out o, ParsedFile p) {
    StaticFacts f = p.facts();
    list(
        o,
        f.refs(),
        (x, r) -> {
          range(x, r.call());
          x.str(r.packageName());
          range(x, r.packageRange());
          x.str(r.name());
          range(x, r.nameRange());
          x.str(r.version());
          x.bool(r.dynamic());
          x.bool(r.conditional());
        });
    list(
        o,
        f.sources(),
        (x, s) -> {
          range(x, s.call());
          x.str(s.sourceName());
          range(x, s.sourceRange());
          x.str(s.tableName());
          range(x, s.tableRange());
          x.bool(s.dynamic());
          x.bool(s.conditional());
        });
    list(
        o,
        f.configs(),
        (x, c) -> {
          range(x, c.call());
          list(
              x,
              c.args(),
              (y, a) -> {
                y.str(a.name());
                range(y, a.nameRange());
                range(y, a.valueRange());
                value(y, a.value());
                y.bool(a.literal());
              });
          x.bool(c.dynamic());
        });
    list(
        o,
        f.macros(),
        (x, m) -> {
          x.num(m.kind().ordinal());
          x.str(m.name());
          range(x, m.nameRange());
          list(
              x,
              m.params(),
              (y, p2) -> {
                y.str(p2.name());
                range(y, p2.nameRange());
                y.str(p2.defaultText());
                range(y, p2.defaultRange());
              });
          range(x, m.openTag());
          range(x, m.body());
          range(x, m.whole());
          x.str(m.doc());
          range(x, m.docRange());
          x.str(m.adapter());
        });
    list(
        o,
        f.snapshots(),
        (x, s) -> {
          x.str(s.name());
          range(x, s.nameRange());
          range(x, s.body());
          range(x, s.whole());
        });
    list(
        o,
        f.docs(),
        (x, d) -> {
          x.str(d.name());
          range(x, d.nameRange());
          range(x, d.content());
          range(x, d.whole());
        });
    list(
        o,
        f.macroCalls(),
        (x, c) -> {
          range(x, c.call());
          x.str(c.namespace());
          x.str(c.name());
          range(x, c.nameRange());
          x.bool(c.builtin());
        });
    list(
        o,
        f.dispatches(),
        (x, d) -> {
          range(x, d.call());
          x.str(d.macroName());
          range(x, d.nameRange());
          x.str(d.namespace());
          range(x, d.namespaceRange());
          x.bool(d.dynamic());
        });
    list(
        o,
        f.vars(),
        (x, v) -> {
          range(x, v.call());
          x.str(v.name());
          range(x, v.nameRange());
          x.bool(v.hasDefault());
          range(x, v.defaultRange());
          x.bool(v.dynamic());
        });
    list(
        o,
        f.envVars(),
        (x, v) -> {
          range(x, v.call());
          x.str(v.name());
          range(x, v.nameRange());
          x.bool(v.hasDefault());
          range(x, v.defaultRange());
          x.bool(v.dynamic());
        });
    list(
        o,
        f.docRefs(),
        (x, d) -> {
          range(x, d.call());
          x.str(d.packageName());
          x.str(d.name());
          range(x, d.nameRange());
          x.bool(d.dynamic());
        });
    o.bool(f.needsRender());
    o.bool(f.conditionalCalls());
    list(o, p.syntaxProblems(), ParseCacheCodec::problem);
  }

  static ParsedFile scan(In in, ProjectFile file, String displayPath) {
    List<RefCall> refs =
        list(
            in,
            x ->
                new RefCall(
                    range(x), x.str(), range(x), x.str(), range(x), x.str(), x.bool(), x.bool()));
    List<SourceCall> sources =
        list(
            in,
            x ->
                new SourceCall(range(x), x.str(), range(x), x.str(), range(x), x.bool(), x.bool()));
    List<ConfigCall> configs =
        list(
            in,
            x ->
                new ConfigCall(
                    range(x),
                    list(x, y -> new ConfigArg(y.str(), range(y), range(y), value(y), y.bool())),
                    x.bool()));
    List<MacroDef> macros =
        list(
            in,
            x ->
                new MacroDef(
                    MACRO_KINDS[x.num()],
                    x.str(),
                    range(x),
                    list(x, y -> new Param(y.str(), range(y), y.str(), range(y))),
                    range(x),
                    range(x),
                    range(x),
                    x.str(),
                    range(x),
                    x.str()));
    List<SnapshotBlock> snapshots =
        list(in, x -> new SnapshotBlock(x.str(), range(x), range(x), range(x)));
    List<DocsBlock> docs = list(in, x -> new DocsBlock(x.str(), range(x), range(x), range(x)));
    List<MacroCall> calls =
        list(in, x -> new MacroCall(range(x), x.str(), x.str(), range(x), x.bool()));
    List<DispatchCall> dispatches =
        list(in, x -> new DispatchCall(range(x), x.str(), range(x), x.str(), range(x), x.bool()));
    List<VarCall> vars =
        list(in, x -> new VarCall(range(x), x.str(), range(x), x.bool(), range(x), x.bool()));
    List<EnvVarCall> envVars =
        list(in, x -> new EnvVarCall(range(x), x.str(), range(x), x.bool(), range(x), x.bool()));
    List<DocCall> docRefs =
        list(in, x -> new DocCall(range(x), x.str(), x.str(), range(x), x.bool()));
    boolean needsRender = in.bool();
    boolean conditionalCalls = in.bool();
    List<Problem> problems = list(in, ParseCacheCodec::problem);
    return new ParsedFile(
        file,
        displayPath,
        new StaticFacts(
            refs,
            sources,
            configs,
            macros,
            snapshots,
            docs,
            calls,
            dispatches,
            vars,
            envVars,
            docRefs,
            needsRender,
            conditionalCalls),
        problems,
        new LineIndex(file.text()));
  }

  // ---- PropertyFile -------------------------------------------------------------------------

  static void properties(Out o, PropertyFile p) {
    list(
        o,
        p.nodes(),
        (x, n) -> {
          x.str(n.resourceType());
          x.str(n.name());
          x.str(n.description());
          map(x, n.config());
          list(x, n.columns(), ParseCacheCodec::column);
          list(x, n.tests(), ParseCacheCodec::test);
          map(x, n.meta());
          strings(x, n.tags());
          list(
              x,
              n.versions(),
              (y, v) -> {
                y.str(v.v());
                y.str(v.definedIn());
                list(y, v.columns(), ParseCacheCodec::column);
                map(y, v.config());
                span(y, v.span());
              });
          x.str(n.latestVersion());
          x.str(n.file());
          span(x, n.span());
          span(x, n.nameSpan());
        });
    list(
        o,
        p.sources(),
        (x, s) -> {
          x.str(s.name());
          x.str(s.description());
          x.str(s.database());
          x.str(s.schema());
          x.str(s.loader());
          x.str(s.loadedAtField());
          map(x, s.freshness());
          map(x, s.quoting());
          map(x, s.meta());
          strings(x, s.tags());
          map(x, s.config());
          list(
              x,
              s.tables(),
              (y, t) -> {
                y.str(t.name());
                y.str(t.identifier());
                y.str(t.description());
                list(y, t.columns(), ParseCacheCodec::column);
                list(y, t.tests(), ParseCacheCodec::test);
                y.str(t.loadedAtField());
                map(y, t.freshness());
                map(y, t.quoting());
                map(y, t.meta());
                strings(y, t.tags());
                map(y, t.config());
                span(y, t.span());
                span(y, t.nameSpan());
              });
          x.str(s.file());
          span(x, s.span());
          span(x, s.nameSpan());
        });
    list(
        o,
        p.macros(),
        (x, m) -> {
          x.str(m.name());
          x.str(m.description());
          list(
              x,
              m.arguments(),
              (y, a) -> {
                y.str(a.name());
                y.str(a.type());
                y.str(a.description());
              });
          map(x, m.meta());
          x.str(m.file());
          span(x, m.span());
        });
    list(
        o,
        p.exposures(),
        (x, e) -> {
          x.str(e.name());
          x.str(e.label());
          x.str(e.type());
          x.str(e.maturity());
          x.str(e.url());
          x.str(e.description());
          map(x, e.owner());
          strings(x, e.dependsOn());
          map(x, e.meta());
          strings(x, e.tags());
          x.str(e.file());
          span(x, e.span());
          span(x, e.nameSpan());
        });
    list(
        o,
        p.docRefs(),
        (x, d) -> {
          x.str(d.packageName());
          x.str(d.name());
          span(x, d.span());
        });
    list(o, p.problems(), ParseCacheCodec::problem);
  }

  static PropertyFile properties(In in, String path) {
    List<NodeSpec> nodes =
        list(
            in,
            x ->
                new NodeSpec(
                    x.str(),
                    x.str(),
                    x.str(),
                    map(x),
                    list(x, ParseCacheCodec::column),
                    list(x, ParseCacheCodec::test),
                    map(x),
                    strings(x),
                    list(
                        x,
                        y ->
                            new VersionSpec(
                                y.str(),
                                y.str(),
                                list(y, ParseCacheCodec::column),
                                map(y),
                                span(y))),
                    x.str(),
                    x.str(),
                    span(x),
                    span(x)));
    List<SourceSpec> sources =
        list(
            in,
            x ->
                new SourceSpec(
                    x.str(),
                    x.str(),
                    x.str(),
                    x.str(),
                    x.str(),
                    x.str(),
                    map(x),
                    map(x),
                    map(x),
                    strings(x),
                    map(x),
                    list(
                        x,
                        y ->
                            new SourceTableSpec(
                                y.str(),
                                y.str(),
                                y.str(),
                                list(y, ParseCacheCodec::column),
                                list(y, ParseCacheCodec::test),
                                y.str(),
                                map(y),
                                map(y),
                                map(y),
                                strings(y),
                                map(y),
                                span(y),
                                span(y))),
                    x.str(),
                    span(x),
                    span(x)));
    List<MacroSpec> macros =
        list(
            in,
            x ->
                new MacroSpec(
                    x.str(),
                    x.str(),
                    new ArrayList<>(
                        list(x, y -> new MacroSpec.Argument(y.str(), y.str(), y.str()))),
                    map(x),
                    x.str(),
                    span(x)));
    List<ExposureSpec> exposures =
        list(
            in,
            x ->
                new ExposureSpec(
                    x.str(),
                    x.str(),
                    x.str(),
                    x.str(),
                    x.str(),
                    x.str(),
                    map(x),
                    strings(x),
                    map(x),
                    strings(x),
                    x.str(),
                    span(x),
                    span(x)));
    List<PropertyFile.DocRef> docRefs =
        list(in, x -> new PropertyFile.DocRef(x.str(), x.str(), span(x)));
    List<Problem> problems = list(in, ParseCacheCodec::problem);
    return new PropertyFile(path, nodes, sources, macros, exposures, docRefs, problems);
  }

  private static void column(Out o, ColumnSpec c) {
    o.str(c.name());
    o.str(c.description());
    o.str(c.dataType());
    list(o, c.tests(), ParseCacheCodec::test);
    value(o, c.constraints());
    map(o, c.meta());
    strings(o, c.tags());
    o.u8(c.quote() == null ? 0 : c.quote() ? 1 : 2);
    span(o, c.span());
  }

  @SuppressWarnings("unchecked")
  private static ColumnSpec column(In in) {
    String name = in.str();
    String description = in.str();
    String dataType = in.str();
    List<DataTestSpec> tests = list(in, ParseCacheCodec::test);
    Object constraints = value(in);
    if (!(constraints instanceof List<?>)) {
      throw new IllegalStateException("constraints are not a list");
    }
    Map<String, Object> meta = map(in);
    List<String> tags = strings(in);
    int q = in.u8();
    return new ColumnSpec(
        name,
        description,
        dataType,
        tests,
        (List<Object>) constraints,
        meta,
        tags,
        q == 0 ? null : q == 1,
        span(in));
  }

  private static void test(Out o, DataTestSpec t) {
    o.str(t.testName());
    map(o, t.args());
    map(o, t.config());
    o.str(t.customName());
    span(o, t.span());
  }

  private static DataTestSpec test(In in) {
    return new DataTestSpec(in.str(), map(in), map(in), in.str(), span(in));
  }
}
