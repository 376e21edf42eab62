package dev.dbtls.index;

import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.properties.PropertyFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Scans and property files kept between builds, keyed by path and checked against the text: a
 * rebuild after one file changed rescans that file only. The expensive part of indexing is
 * parsing; linking nodes, configs and the DAG is redone from these results each time.
 */
public final class ParseCache {
  private record Entry<T>(String text, T value) {}

  private final Map<Path, Entry<ParsedFile>> scans = new ConcurrentHashMap<>();
  private final Map<Path, Entry<PropertyFile>> properties = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger misses = new java.util.concurrent.atomic.AtomicInteger();

  ParsedFile scan(ProjectFile f, Supplier<ParsedFile> parse) {
    return get(scans, f, parse);
  }

  PropertyFile properties(ProjectFile f, Supplier<PropertyFile> parse) {
    return get(properties, f, parse);
  }

  private <T> T get(Map<Path, Entry<T>> map, ProjectFile f, Supplier<T> parse) {
    Entry<T> e = map.get(f.absolutePath());
    // same text is not enough for a scan: it also records the file's kind and package
    if (e != null && e.text().equals(f.text()) && sameFile(e.value(), f)) {
      return e.value();
    }
    misses.incrementAndGet();
    T v = parse.get();
    map.put(f.absolutePath(), new Entry<>(f.text(), v));
    return v;
  }

  private static boolean sameFile(Object value, ProjectFile f) {
    return !(value instanceof ParsedFile p) || p.file().equals(f);
  }

  /** How many files were (re)parsed since this cache was made. */
  public int parses() {
    return misses.get();
  }
}
