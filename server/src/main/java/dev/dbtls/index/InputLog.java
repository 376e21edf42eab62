package dev.dbtls.index;

import dev.dbtls.project.FileSource;
import dev.dbtls.project.FileText;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Everything a load read, each with a fingerprint of what it found: every file read (its text's
 * hash), folder asked about, folder listed (the hash of the list) and environment variable read
 * (its value's hash; the whole environment's, when all of it was read). A build is a function of
 * these, so a linked manifest kept with its log is valid for as long as each entry still finds the
 * same ({@link LinkedCache}); this is dbt's partial parsing, which keeps the env vars a parse read
 * for the same reason.
 */
public final class InputLog {
  private static final char DIRECTORY = 'd';
  private static final char LIST = 'l';
  private static final char ENV = 'e';

  /** The fingerprint of "nothing there" (a missing file or unset variable). */
  private static final long ABSENT = 0x5EED_0000_0000_0001L;

  private final FileSource files;
  private final Map<String, String> env;
  private final Map<String, Long> entries = new ConcurrentHashMap<>();

  /** Each file read's stamp ({@link FileSource#stamp}), by its key, where the source gave one. */
  private final Map<String, Long> stamps = new ConcurrentHashMap<>();

  /**
   * What an earlier session's log vouches for: a file read's key to its stamp then and its text's
   * fingerprint ({@link Known}); asked for once, by the first file read.
   */
  private final Supplier<Map<String, Known>> earlier;

  private volatile Map<String, Known> known;
  private final AtomicInteger newlyStamped = new AtomicInteger();

  /** The files found on the disk whose texts nothing asked for yet, by their keys. */
  private final Map<String, FirstRead> unread = new java.util.concurrent.ConcurrentHashMap<>();

  /** A file an earlier load read: its stamp then, and its text's fingerprint. */
  public record Known(long stamp, long text) {}

  public InputLog(FileSource files, Map<String, String> env) {
    this(files, env, Map::of);
  }

  /**
   * {@code earlier}: what the last session's log vouches for; a project file whose stamp is still
   * the one it had then is not read now but when its text is asked for ({@link FileText#later}).
   */
  public InputLog(FileSource files, Map<String, String> env, Supplier<Map<String, Known>> earlier) {
    this.files = files;
    this.env = env == null ? Map.of() : env;
    this.earlier = earlier;
  }

  /** The file source to load through: each call is logged. */
  public FileSource files() {
    return recording;
  }

  /** The environment to load and render with: each variable read is logged. */
  public Map<String, String> env() {
    return recordingEnv;
  }

  /**
   * What was read so far, key by key (a copy); a file whose text was left to be read when asked
   * for, and never was, is read now.
   */
  public Map<String, Long> entries() {
    settle();
    return Map.copyOf(entries);
  }

  /** The stamps of the files read so far, by their keys (a copy). */
  public Map<String, Long> stamps() {
    settle();
    return Map.copyOf(stamps);
  }

  private void settle() {
    if (!unread.isEmpty()) {
      List.copyOf(unread.values()).forEach(FirstRead::settle);
    }
  }

  /**
   * How many files were read for their text though their stamp vouches for them now: files the
   * earlier log had no stamp for (new, or changed shortly before it was written). Worth writing the
   * log again so that the next session need not read them.
   */
  public int newlyStamped() {
    return newlyStamped.get();
  }

  private Map<String, Known> known() {
    Map<String, Known> k = known;
    if (k == null) {
      synchronized (this) {
        if (known == null) {
          Map<String, Known> e = earlier.get();
          known = e == null ? Map.of() : e;
        }
        k = known;
      }
    }
    return k;
  }

  /**
   * What {@code key} finds now, read afresh from the sources (not logged): compared with what an
   * earlier load found.
   */
  long current(String key) {
    if (isRead(key)) {
      return fingerprint(files.read(Path.of(key)));
    }
    String what = key.substring(2);
    return switch (key.charAt(0)) {
      case DIRECTORY -> files.isDirectory(Path.of(what)) ? 1 : 0;
      case LIST -> {
        int cut = what.indexOf('\0');
        Set<String> suffixes = new TreeSet<>(List.of(what.substring(cut + 1).split("\0", -1)));
        yield listing(files.list(Path.of(what.substring(0, cut)), suffixes));
      }
      case ENV -> what.equals("*") ? whole(env) : value(env.get(what));
      default -> ~ABSENT; // an unknown kind never matches
    };
  }

  /**
   * A file read's entry: its text's fingerprint and, when it is the disk's, the stamp asked for
   * before the reading (a file opened in the editor between the two gave the buffer's text).
   */
  private void logRead(String key, Path file, long stamp, Optional<String> text) {
    entries.put(key, fingerprint(text));
    if (stamp != FileSource.NO_STAMP && text.isPresent() && !files.buffered(file)) {
      stamps.put(key, stamp);
      newlyStamped.incrementAndGet();
    }
  }

  /**
   * The reading of a file whose text was left to be read when asked for: the first reading is
   * logged (what the load parsed), later ones only read.
   */
  private final class FirstRead implements java.util.function.Supplier<String> {
    private final String key;
    private final Path file;
    private final long stamp;

    /** Set once the first reading is logged (under this object's lock). */
    private volatile boolean logged;

    FirstRead(String key, Path file, long stamp) {
      this.key = key;
      this.file = file;
      this.stamp = stamp;
    }

    @Override
    public String get() {
      Optional<String> text = files.read(file);
      if (!logged) {
        synchronized (this) {
          if (!logged) {
            logRead(key, file, stamp, text);
            unread.remove(key, this);
            logged = true;
          }
        }
      }
      return text.orElse(null);
    }

    /** Logs the file's text now when nothing asked for it yet; after another's logging, waits. */
    synchronized void settle() {
      if (!logged) {
        get();
      }
    }
  }

  /** The path a file read's key names, or null for another kind of key. */
  static Path readPath(String key) {
    return isRead(key) ? Path.of(key) : null;
  }

  /**
   * A file read's key: the file's absolute path as it is, the string the path keeps once asked for
   * it (100,000 files: 14 MB less than a prefixed copy of each). Every other key is its kind's
   * letter and a NUL, which no path holds at its second character.
   */
  static String readKey(Path file) {
    return file.toString();
  }

  private static boolean isRead(String key) {
    return key.length() < 2 || key.charAt(1) != '\0';
  }

  private static long fingerprint(Optional<String> text) {
    return text.map(t -> FileText.hash(t)).orElse(ABSENT);
  }

  private static long value(String v) {
    return v == null ? ABSENT : FileText.hash(v);
  }

  private static long whole(Map<String, String> env) {
    StringBuilder b = new StringBuilder();
    new java.util.TreeMap<>(env).forEach((k, v) -> b.append(k).append('=').append(v).append('\0'));
    return FileText.hash(b.toString());
  }

  private static long listing(List<Path> paths) {
    StringBuilder b = new StringBuilder();
    paths.forEach(p -> b.append(p).append('\0'));
    return FileText.hash(b.toString());
  }

  private static String listKey(Path dir, Set<String> suffixes) {
    return LIST + "\0" + dir + "\0" + String.join("\0", new TreeSet<>(suffixes));
  }

  private final FileSource recording =
      new FileSource() {
        @Override
        public Optional<String> read(Path file) {
          Optional<String> text = files.read(file);
          entries.put(readKey(file), fingerprint(text));
          return text;
        }

        @Override
        public Optional<FileText> text(Path file) {
          return text(file, true);
        }

        @Override
        public Optional<FileText> text(Path file, boolean keep) {
          String key = readKey(file);
          long stamp = files.stamp(file);
          Known k = stamp == FileSource.NO_STAMP ? null : known().get(key);
          if (k != null && k.stamp() == stamp) {
            entries.put(key, k.text());
            stamps.put(key, stamp);
            // read, when asked, through the source (the log holds its fingerprint); a text that is
            // not the fingerprinted one (the file was opened in the editor, or written, since its
            // stamp was asked) is logged as read, without a stamp: a build made from it is never
            // taken for one made from the disk's text
            long vouched = k.text();
            return Optional.of(
                FileText.vouched(
                    vouched,
                    () -> {
                      Optional<String> read = files.read(file);
                      long found = fingerprint(read);
                      if (found != vouched) {
                        entries.put(key, found);
                        stamps.remove(key);
                      }
                      return read.orElse(null);
                    }));
          }
          if (!keep && stamp != FileSource.NO_STAMP && !files.buffered(file)) {
            // a file on the disk is read when its text is first asked for (the load's parse), and
            // kept only when a feature asks for it after: the 133 MB of SQL and YAML of a
            // 100,000-model project's first load, held for the session before
            FirstRead read = new FirstRead(key, file, stamp);
            unread.put(key, read);
            return Optional.of(FileText.later(read));
          }
          Optional<String> text = files.read(file);
          logRead(key, file, stamp, text);
          return text.map(FileText::of);
        }

        @Override
        public long stamp(Path file) {
          return files.stamp(file);
        }

        @Override
        public boolean buffered(Path file) {
          return files.buffered(file);
        }

        @Override
        public boolean isDirectory(Path dir) {
          boolean d = files.isDirectory(dir);
          entries.put(DIRECTORY + "\0" + dir, d ? 1L : 0L);
          return d;
        }

        @Override
        public List<Path> list(Path dir, Set<String> suffixes) {
          List<Path> out = files.list(dir, suffixes);
          entries.put(listKey(dir, suffixes), listing(out));
          return out;
        }
      };

  /** The environment, read only through {@link #get} (a whole-map read logs every variable). */
  private final Map<String, String> recordingEnv =
      new AbstractMap<>() {
        @Override
        public String get(Object key) {
          String v = env.get(key);
          if (key instanceof String k) {
            entries.put(ENV + "\0" + k, value(v));
          }
          return v;
        }

        @Override
        public boolean containsKey(Object key) {
          return get(key) != null;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
          entries.put(ENV + "\0*", whole(env)); // any change to any variable then counts
          return env.entrySet();
        }
      };
}
