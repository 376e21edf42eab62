package dev.dbtls.index;

import dev.dbtls.index.ParseCacheCodec.In;
import dev.dbtls.index.ParseCacheCodec.Out;
import dev.dbtls.project.FileReplace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A cache file of records in the parse cache's binary form ({@link RecordCodec}), for the caches
 * kept outside this package (the columns cache): its magic line, a checksum of what follows, then
 * what the writer put, each string written once and then referred to by number. A file that is
 * missing, foreign, truncated or corrupt reads as nothing, never as an error.
 */
public final class RecordFile {
  private RecordFile() {}

  /** The form of one record type, derived once from its components. */
  public static final class Form<R extends Record> {
    private final RecordCodec<R> codec;

    private Form(RecordCodec<R> codec) {
      this.codec = codec;
    }
  }

  /** The form of {@code type}; fails when a component has none (a type the codec cannot write). */
  public static <R extends Record> Form<R> of(Class<R> type) {
    return new Form<>(RecordCodec.of(type));
  }

  /**
   * A fingerprint of every record type {@code roots} reach, component by component: a part of a
   * file's header, so that a build whose records differ never reads an older file.
   */
  public static String shape(List<Class<? extends Record>> roots) {
    return ParseCacheCodec.shape(RecordCodec.reached(roots));
  }

  /** What a file's content is written with. */
  public static final class Writer {
    private final Out o;

    private Writer(Out o) {
      this.o = o;
    }

    /** A string (or null) that may repeat: written once, then by its number. */
    public void str(String s) {
      o.str(s);
    }

    /**
     * A string (not null) that does not repeat, such as a digest: written as it is, and not kept
     * for a number.
     */
    public void text(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      o.num(b.length);
      o.bytes(b, 0, b.length);
    }

    public void num(int v) {
      o.num(v);
    }

    public void bool(boolean b) {
      o.bool(b);
    }

    /** Numbers, with their count. */
    public void nums(int[] a) {
      o.num(a.length);
      for (int v : a) {
        o.num(v);
      }
    }

    public <R extends Record> void put(Form<R> form, R value) {
      form.codec.write(o, value);
    }

    /** Between two whole items: hands what is written so far on to the file when it is large. */
    public void between() {
      o.spill();
    }
  }

  /** What a file's content is read with; any read past its end or out of form throws. */
  public static final class Reader {
    private final In in;

    private Reader(In in) {
      this.in = in;
    }

    public String str() {
      return in.str();
    }

    /** A string {@link Writer#text} wrote. */
    public String text() {
      int n = in.count();
      String s = new String(in.buf, in.pos, n, StandardCharsets.UTF_8);
      in.pos += n;
      return s;
    }

    public int num() {
      return in.num();
    }

    public boolean bool() {
      return in.bool();
    }

    public int[] nums() {
      int[] a = new int[in.count()];
      for (int i = 0; i < a.length; i++) {
        a[i] = in.num();
      }
      return a;
    }

    /** A count of items that follow, checked against the bytes left. */
    public int count() {
      return in.count();
    }

    public <R extends Record> R get(Form<R> form) {
      return form.codec.read(in);
    }
  }

  /** What goes into a file. */
  public interface Content {
    void writeTo(Writer w) throws IOException;
  }

  /**
   * Writes {@code file} (and its folders) whole or not at all ({@link FileReplace}): {@code magic},
   * the checksum, then {@code content}, handed to the file a piece at a time. On failure the file
   * before stays.
   */
  public static void write(Path file, byte[] magic, Content content) throws IOException {
    try (FileReplace.Pending p =
        FileReplace.prepare(
            file,
            ch -> {
              Out o = new Out(ch, magic.length);
              o.bytes(magic, 0, magic.length);
              o.i32(0); // the checksum, filled in by the seal
              o.strings = new ParseCacheCodec.StringNumbers();
              content.writeTo(new Writer(o));
              ParseCacheCodec.seal(o);
            })) {
      p.commit();
    }
  }

  /**
   * What {@code content} reads from {@code file}, which it must read to its end; null when the file
   * is missing, is not whole ({@code magic}, checksum) or does not read as {@code content} expects.
   * Never throws.
   */
  public static <T> T read(Path file, byte[] magic, Function<Reader, T> content) {
    byte[] b = ParseCacheCodec.whole(file, magic);
    if (b == null) {
      return null;
    }
    try {
      In in = new In(b, magic.length + 4, b.length);
      in.strings = new ArrayList<>();
      T t = content.apply(new Reader(in));
      return in.pos == in.end ? t : null;
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }
}
