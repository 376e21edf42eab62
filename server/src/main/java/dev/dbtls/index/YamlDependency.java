package dev.dbtls.index;

import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.StaticExtractor;
import dev.dbtls.jinja.scan.StaticFacts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code ref(...)} or {@code source(...)} written as a YAML string: an exposure's {@code
 * depends_on} entry or a relationships test's {@code to:}. The same strings repeat across thousands
 * of tests, so each is scanned once.
 */
public record YamlDependency(List<RefCall> refs, List<SourceCall> sources) {
  private static final Map<String, YamlDependency> CACHE = new ConcurrentHashMap<>();

  public static YamlDependency of(String expression) {
    return CACHE.computeIfAbsent(expression, YamlDependency::scan);
  }

  /** Whether the string is written as a ref or source call at all. */
  public static boolean looksLikeOne(Object v) {
    return v instanceof String s
        && (s.strip().startsWith("ref(") || s.strip().startsWith("source("));
  }

  private static YamlDependency scan(String expression) {
    StaticFacts f = StaticExtractor.extract(JinjaScanner.scan("{{ " + expression + " }}"));
    return new YamlDependency(
        f.refs().stream()
            .filter(r -> r.name() != null)
            .map(r -> new RefCall(r.packageName(), r.name(), r.version(), 0, 0))
            .toList(),
        f.sources().stream()
            .filter(s -> s.sourceName() != null && s.tableName() != null)
            .map(s -> new SourceCall(s.sourceName(), s.tableName(), 0, 0))
            .toList());
  }
}
