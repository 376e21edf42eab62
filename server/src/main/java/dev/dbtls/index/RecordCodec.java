package dev.dbtls.index;

import dev.dbtls.index.ParseCacheCodec.In;
import dev.dbtls.index.ParseCacheCodec.Out;
import dev.dbtls.jinja.scan.TextRange;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.Span;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parse cache's form of any record, derived from its components in declaration order: a record
 * is a presence byte and its components; a list is its size and items. Only the leaves are written
 * by hand — strings, ints, booleans, enums (by ordinal: the cache key holds the jar, so a reordered
 * enum never meets an older file), and YAML's plain values. A component of a type without a leaf
 * fails when the codec is made, so a new record field cannot be silently dropped.
 */
abstract class RecordCodec<T> {
  abstract void write(Out o, T value);

  abstract T read(In in);

  private static final Map<Class<?>, RecordCodec<?>> RECORDS = new ConcurrentHashMap<>();

  /** The codec of a record type (made once, then shared). */
  @SuppressWarnings("unchecked")
  static synchronized <R extends Record> RecordCodec<R> of(Class<R> type) {
    RecordCodec<?> known = RECORDS.get(type);
    if (known != null) {
      return (RecordCodec<R>) known;
    }
    Of<R> made = new Of<>(type);
    RECORDS.putIfAbsent(type, made);
    try {
      made.components(); // after it is known: a record may hold lists of its own kind
    } catch (RuntimeException e) {
      RECORDS.remove(type); // no form for a component: asked again, it fails again
      throw e;
    }
    return (RecordCodec<R>) RECORDS.get(type);
  }

  /** The codec of a list of records. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <R extends Record> RecordCodec<List<R>> listOf(Class<R> type) {
    return (RecordCodec) new ListOf((RecordCodec) of(type), true);
  }

  /**
   * Every record type a codec of {@code roots} reaches, in a fixed order: what the cache's shape
   * fingerprints.
   */
  static Set<Class<?>> reached(List<Class<? extends Record>> roots) {
    Set<Class<?>> out = new LinkedHashSet<>();
    roots.forEach(r -> reach(r, out));
    return out;
  }

  private static void reach(Type t, Set<Class<?>> out) {
    if (t instanceof ParameterizedType p) {
      for (Type a : p.getActualTypeArguments()) {
        reach(a, out);
      }
    } else if (t instanceof Class<?> c && c.isRecord() && out.add(c)) {
      for (RecordComponent rc : c.getRecordComponents()) {
        reach(rc.getGenericType(), out);
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static RecordCodec<Object> forType(Type t) {
    if (t == String.class) {
      return (RecordCodec) STRING;
    } else if (t == int.class) {
      return (RecordCodec) INT;
    } else if (t == boolean.class) {
      return (RecordCodec) BOOL;
    } else if (t == Boolean.class) {
      return (RecordCodec) NULLABLE_BOOL;
    } else if (t == Object.class) {
      return (RecordCodec) VALUE;
    } else if (t == TextRange.class) {
      return (RecordCodec) RANGE;
    } else if (t == Span.class) {
      return (RecordCodec) SPAN;
    } else if (t == ProjectFile.class) {
      return (RecordCodec) PROJECT_FILE;
    } else if (t instanceof Class<?> c && c.isEnum()) {
      return (RecordCodec) new EnumLeaf(c);
    } else if (t instanceof Class<?> c && c.isRecord()) {
      return (RecordCodec) of((Class<? extends Record>) c);
    } else if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
      Type item = p.getActualTypeArguments()[0];
      return (RecordCodec) new ListOf(forType(item), item instanceof Class<?> c && c.isRecord());
    } else if (t instanceof ParameterizedType p
        && p.getRawType() == Map.class
        && p.getActualTypeArguments()[0] == String.class
        && p.getActualTypeArguments()[1] == Object.class) {
      return (RecordCodec) MAP;
    }
    throw new IllegalStateException("the parse cache has no form for " + t.getTypeName());
  }

  // ---- records and lists ---------------------------------------------------------------------

  /** A record: a presence byte (0 for null), then each component in declaration order. */
  private static final class Of<R extends Record> extends RecordCodec<R> {
    private final Class<R> type;
    private final Method[] accessors;
    private final Constructor<R> constructor;
    private RecordCodec<Object>[] parts;

    Of(Class<R> type) {
      this.type = type;
      RecordComponent[] rc = type.getRecordComponents();
      accessors = new Method[rc.length];
      Class<?>[] types = new Class<?>[rc.length];
      for (int i = 0; i < rc.length; i++) {
        accessors[i] = rc[i].getAccessor();
        types[i] = rc[i].getType();
      }
      try {
        constructor = type.getDeclaredConstructor(types);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(type + " has no canonical constructor", e);
      }
      // checked once here, not at every call: an access check per call looked up the caller's
      // class on the stack, a third of the time of writing a 10k-model project's caches
      try {
        constructor.setAccessible(true);
        for (Method m : accessors) {
          m.setAccessible(true);
        }
      } catch (RuntimeException e) {
        // not accessible to this module: each call checks, as before
      }
    }

    @SuppressWarnings("unchecked")
    void components() {
      RecordComponent[] rc = type.getRecordComponents();
      RecordCodec<Object>[] made = new RecordCodec[rc.length];
      for (int i = 0; i < rc.length; i++) {
        made[i] = forType(rc[i].getGenericType());
      }
      parts = made;
    }

    @Override
    void write(Out o, R value) {
      if (value == null) {
        o.u8(0);
        return;
      }
      o.u8(1);
      try {
        for (int i = 0; i < parts.length; i++) {
          parts[i].write(o, accessors[i].invoke(value));
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    R read(In in) {
      if (in.u8() == 0) {
        return null;
      }
      Object[] args = new Object[parts.length];
      for (int i = 0; i < parts.length; i++) {
        args[i] = parts[i].read(in);
      }
      try {
        return constructor.newInstance(args);
      } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("a cached " + type.getSimpleName() + " does not fit", e);
      }
    }
  }

  /**
   * A list: its size, then each item. Lists of records come back immutable, as {@code List.copyOf}
   * makes them; lists of strings and values mutable, never less than parsing gave.
   */
  private static final class ListOf extends RecordCodec<List<Object>> {
    private final RecordCodec<Object> item;
    private final boolean immutable;

    ListOf(RecordCodec<Object> item, boolean immutable) {
      this.item = item;
      this.immutable = immutable;
    }

    @Override
    void write(Out o, List<Object> l) {
      o.num(l.size());
      for (Object x : l) {
        item.write(o, x);
      }
    }

    @Override
    List<Object> read(In in) {
      int n = in.count();
      if (immutable) {
        if (n == 0) {
          return List.of();
        }
        Object[] a = new Object[n];
        for (int i = 0; i < n; i++) {
          a[i] = item.read(in);
        }
        return List.of(a);
      }
      List<Object> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(item.read(in));
      }
      return out;
    }
  }

  // ---- leaves ---------------------------------------------------------------------------------

  /** A string or null: length + 1 (0 for null), then UTF-8. */
  private static final RecordCodec<String> STRING =
      new RecordCodec<>() {
        @Override
        void write(Out o, String s) {
          o.str(s);
        }

        @Override
        String read(In in) {
          return in.str();
        }
      };

  private static final RecordCodec<Integer> INT =
      new RecordCodec<>() {
        @Override
        void write(Out o, Integer v) {
          o.num(v);
        }

        @Override
        Integer read(In in) {
          return in.num();
        }
      };

  private static final RecordCodec<Boolean> BOOL =
      new RecordCodec<>() {
        @Override
        void write(Out o, Boolean b) {
          o.bool(b);
        }

        @Override
        Boolean read(In in) {
          return in.bool();
        }
      };

  /**
   * A place in a file's text or null. Written by hand although a record: ranges and spans are most
   * of what a cache file holds, and a cold JVM reads them four times faster this way.
   */
  private static final RecordCodec<TextRange> RANGE =
      new RecordCodec<>() {
        @Override
        void write(Out o, TextRange r) {
          if (r == null) {
            o.u8(0);
          } else {
            o.u8(1);
            o.num(r.start());
            o.num(r.end());
          }
        }

        @Override
        TextRange read(In in) {
          return in.u8() == 0 ? null : new TextRange(in.num(), in.num());
        }
      };

  /** A located span or null (see {@link #RANGE}). */
  private static final RecordCodec<Span> SPAN =
      new RecordCodec<>() {
        @Override
        void write(Out o, Span s) {
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

        @Override
        Span read(In in) {
          return in.u8() == 0 ? null : Span.of(in.num(), in.num(), in.num(), in.num());
        }
      };

  /**
   * A project file by its absolute path, read back as the reader's file of that path ({@link
   * In#files}): the linked cache's stand-in, which it points at the current inputs once their texts
   * were checked. A path without a file fails the read.
   */
  private static final RecordCodec<ProjectFile> PROJECT_FILE =
      new RecordCodec<>() {
        @Override
        void write(Out o, ProjectFile f) {
          o.str(f == null ? null : f.absolutePath().toString());
        }

        @Override
        ProjectFile read(In in) {
          String path = in.str();
          if (path == null) {
            return null;
          }
          ProjectFile f = in.files == null ? null : in.files.apply(java.nio.file.Path.of(path));
          if (f == null) {
            throw new IllegalStateException("no input file " + path);
          }
          return f;
        }
      };

  /** 0 for null, 1 for true, 2 for false. */
  private static final RecordCodec<Boolean> NULLABLE_BOOL =
      new RecordCodec<>() {
        @Override
        void write(Out o, Boolean b) {
          o.u8(b == null ? 0 : b ? 1 : 2);
        }

        @Override
        Boolean read(In in) {
          int b = in.u8();
          return b == 0 ? null : b == 1;
        }
      };

  /** An enum constant or null: its ordinal + 1, 0 for null. */
  private static final class EnumLeaf extends RecordCodec<Enum<?>> {
    private final Object[] constants;

    EnumLeaf(Class<?> type) {
      constants = type.getEnumConstants();
    }

    @Override
    void write(Out o, Enum<?> e) {
      o.num(e == null ? 0 : e.ordinal() + 1);
    }

    @Override
    Enum<?> read(In in) {
      int i = in.num();
      if (i < 0 || i > constants.length) {
        throw new IllegalStateException("bad enum ordinal " + i);
      }
      return i == 0 ? null : (Enum<?>) constants[i - 1];
    }
  }

  private static final int NULL = 0;
  private static final int STRING_TAG = 1;
  private static final int LONG = 2;
  private static final int DOUBLE = 3;
  private static final int TRUE = 4;
  private static final int FALSE = 5;
  private static final int LIST = 6;
  private static final int MAP_TAG = 7;
  private static final int INT_TAG = 8;
  private static final int RECORD_TAG = 9;

  /**
   * A plain value (YAML's or a literal's): null, String, Long, Integer, Double, Boolean, List, Map
   * with string keys, behind a tag. Lists and maps come back mutable (ArrayList, LinkedHashMap).
   */
  private static final RecordCodec<Object> VALUE =
      new RecordCodec<>() {
        @Override
        void write(Out o, Object v) {
          if (v == null) {
            o.u8(NULL);
          } else if (v instanceof String s) {
            o.u8(STRING_TAG);
            o.str(s);
          } else if (v instanceof Long l) {
            o.u8(LONG);
            o.i64(l);
          } else if (v instanceof Integer i) {
            o.u8(INT_TAG);
            o.num(i);
          } else if (v instanceof Double d) {
            o.u8(DOUBLE);
            o.i64(Double.doubleToRawLongBits(d));
          } else if (v instanceof Boolean b) {
            o.u8(b ? TRUE : FALSE);
          } else if (v instanceof List<?> l) {
            o.u8(LIST);
            o.num(l.size());
            l.forEach(x -> write(o, x));
          } else if (v instanceof Map<?, ?> m) {
            o.u8(MAP_TAG);
            writeMap(o, m);
          } else if (v instanceof Record r && v.getClass().getName().startsWith("dev.dbtls.")) {
            // what the linker keeps in a node's extra (a unit test's or function's spec)
            o.u8(RECORD_TAG);
            o.str(v.getClass().getName());
            writeRecord(o, r);
          } else {
            throw new ParseCacheCodec.Unsupported(v.getClass().getName());
          }
        }

        @Override
        Object read(In in) {
          return readValue(in, false);
        }
      };

  /**
   * A plain value; a map among its values comes back frozen when {@code frozen} (as {@link
   * dev.dbtls.project.Shared#frozen} leaves a map's values), mutable otherwise.
   */
  private static Object readValue(In in, boolean frozen) {
    int tag = in.u8();
    return switch (tag) {
      case NULL -> null;
      case STRING_TAG -> in.str();
      case LONG -> in.i64();
      case INT_TAG -> in.num();
      case DOUBLE -> Double.longBitsToDouble(in.i64());
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case LIST -> {
        int n = in.count();
        List<Object> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          l.add(readValue(in, false));
        }
        yield l;
      }
      case MAP_TAG -> frozen ? readFrozenMap(in, in.num()) : readMap(in);
      case RECORD_TAG -> readRecord(in);
      default -> throw new IllegalStateException("bad value tag " + tag);
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void writeRecord(Out o, Record r) {
    RecordCodec codec;
    try {
      codec = of(r.getClass());
    } catch (IllegalStateException e) {
      throw new ParseCacheCodec.Unsupported(r.getClass().getName());
    }
    codec.write(o, r);
  }

  /** Only dbtls's own records, by name: a cache file never makes another class. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object readRecord(In in) {
    String name = in.str();
    if (name == null || !name.startsWith("dev.dbtls.")) {
      throw new IllegalStateException("bad record " + name);
    }
    Class<?> c;
    try {
      c = Class.forName(name, false, RecordCodec.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no record " + name);
    }
    if (!c.isRecord()) {
      throw new IllegalStateException("not a record " + name);
    }
    return ((RecordCodec) of((Class<? extends Record>) c)).read(in);
  }

  private static void writeMap(Out o, Map<?, ?> m) {
    o.num(m.size());
    m.forEach(
        (k, x) -> {
          if (!(k instanceof String ks)) {
            throw new ParseCacheCodec.Unsupported("map key " + k);
          }
          o.str(ks);
          VALUE.write(o, x);
        });
  }

  private static Map<String, Object> readMap(In in) {
    return readMap(in, in.num());
  }

  /** A map of {@code n} entries (its size read already). */
  private static Map<String, Object> readMap(In in, int n) {
    in.counted(n);
    // room for n entries without growing, and no more: most are small configs and metas, one or
    // more per node (twice n gave most of them twice the table they need)
    Map<String, Object> m = new LinkedHashMap<>((int) Math.ceil(n / 0.75));
    for (int i = 0; i < n; i++) {
      m.put(in.str(), VALUE.read(in));
    }
    return m;
  }

  /**
   * A map of {@code n} entries (its size read already) as {@link dev.dbtls.project.Shared#frozen}
   * makes it, read straight into its arrays: what the records of a linked manifest hold in the end
   * (on 100,000 models a start decoded 1.3 million empty maps and 480,000 others as {@code
   * LinkedHashMap}s, then froze them).
   */
  private static Map<String, Object> readFrozenMap(In in, int n) {
    in.counted(n);
    Object[] keys = new Object[n];
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      keys[i] = in.str();
      values[i] = readValue(in, true);
    }
    return dev.dbtls.project.Shared.frozen(keys, values);
  }

  /**
   * A map of plain values by name, as YAML gives it. Where the writer numbers maps ({@link
   * Out#maps}: the linked cache), one it wrote before is its number (-1 - the number, where a map's
   * size is never negative), read back as the one map read for it: nodes configured alike hold one
   * config, and a start decodes it once, not once per node. There maps come back frozen, as the
   * records hold them in the end.
   */
  private static final RecordCodec<Map<String, Object>> MAP =
      new RecordCodec<>() {
        @Override
        void write(Out o, Map<String, Object> m) {
          if (o.maps != null && !m.isEmpty()) {
            Integer known = o.maps.putIfAbsent(m, o.maps.size());
            if (known != null) {
              o.num(-1 - known);
              return;
            }
          }
          writeMap(o, m);
        }

        @Override
        Map<String, Object> read(In in) {
          int n = in.num();
          if (in.maps == null) {
            return readMap(in, n);
          }
          if (n < 0) {
            if (-1 - n >= in.maps.size()) {
              throw new IllegalStateException("bad map number");
            }
            return in.maps.get(-1 - n);
          }
          Map<String, Object> m = readFrozenMap(in, n);
          if (!m.isEmpty()) {
            in.maps.add(m);
          }
          return m;
        }
      };
}
