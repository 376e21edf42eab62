package dev.dbtls.index;

import dev.dbtls.project.FileSource;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything a load read, each with a fingerprint of what it found: every file read (its text's
 * hash), folder asked about, folder listed (the hash of the list) and environment variable read
 * (its value's hash; the whole environment's, when all of it was read). A build is a function of
 * these, so a linked manifest kept with its log is valid for as long as each entry still finds the
 * same ({@link LinkedCache}); this is dbt's partial parsing, which keeps the env vars a parse read
 * for the same reason.
 */
public final class InputLog {
  private static final char READ = 'r';
  private static final char DIRECTORY = 'd';
  private static final char LIST = 'l';
  private static final char ENV = 'e';

  /** The fingerprint of "nothing there" (a missing file or unset variable). */
  private static final long ABSENT = 0x5EED_0000_0000_0001L;

  private final FileSource files;
  private final Map<String, String> env;
  private final Map<String, Long> entries = new ConcurrentHashMap<>();

  public InputLog(FileSource files, Map<String, String> env) {
    this.files = files;
    this.env = env == null ? Map.of() : env;
  }

  /** The file source to load through: each call is logged. */
  public FileSource files() {
    return recording;
  }

  /** The environment to load and render with: each variable read is logged. */
  public Map<String, String> env() {
    return recordingEnv;
  }

  /** What was read so far, key by key (a copy). */
  public Map<String, Long> entries() {
    return Map.copyOf(entries);
  }

  /**
   * What {@code key} finds now, read afresh from the sources (not logged): compared with what an
   * earlier load found.
   */
  long current(String key) {
    String what = key.substring(2);
    return switch (key.charAt(0)) {
      case READ -> text(files.read(Path.of(what)));
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

  /** The path a file read's key names, or null for another kind of key. */
  static Path readPath(String key) {
    return key.charAt(0) == READ ? Path.of(key.substring(2)) : null;
  }

  private static long text(Optional<String> text) {
    return text.map(ParseCacheCodec::hash).orElse(ABSENT);
  }

  private static long value(String v) {
    return v == null ? ABSENT : ParseCacheCodec.hash(v);
  }

  private static long whole(Map<String, String> env) {
    StringBuilder b = new StringBuilder();
    new java.util.TreeMap<>(env).forEach((k, v) -> b.append(k).append('=').append(v).append('\0'));
    return ParseCacheCodec.hash(b.toString());
  }

  private static long listing(List<Path> paths) {
    StringBuilder b = new StringBuilder();
    paths.forEach(p -> b.append(p).append('\0'));
    return ParseCacheCodec.hash(b.toString());
  }

  private static String listKey(Path dir, Set<String> suffixes) {
    return LIST + "\0" + dir + "\0" + String.join("\0", new TreeSet<>(suffixes));
  }

  private final FileSource recording =
      new FileSource() {
        @Override
        public Optional<String> read(Path file) {
          Optional<String> text = files.read(file);
          entries.put(READ + "\0" + file, text(text));
          return text;
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
