package dev.dbtls.ide;

import dev.dbtls.index.Node;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code source('}: the sources, then in the second argument the tables of the named source. */
final class SourceCompletion {
  private SourceCompletion() {}

  static void inString(CompletionContext c, CompletionItems items) {
    if (!c.inCallOf("source")) {
      return;
    }
    if (c.call.argIndex == 0 && c.call.keyword == null) {
      sources(c, items);
    } else if (c.call.argIndex == 1 && c.call.literal(0) != null) {
      tables(c, c.call.literal(0), items);
    }
  }

  private static void sources(CompletionContext c, CompletionItems items) {
    Map<String, Node> first = new LinkedHashMap<>();
    for (Node n : c.manifest.sources()) {
      String source = sourceName(n);
      if (items.matches(source)) {
        first.putIfAbsent(source, n);
      }
    }
    first.forEach(
        (name, n) ->
            items.add(
                name,
                CompletionKind.SOURCE,
                0,
                "source"
                    + (n.extra().get("source_schema") == null
                        ? ""
                        : " " + n.extra().get("source_schema")),
                String.valueOf(n.extra().getOrDefault("source_description", "")),
                name,
                false));
  }

  private static void tables(CompletionContext c, String source, CompletionItems items) {
    for (Node n : c.manifest.sources()) {
      if (source.equals(sourceName(n))) {
        items.add(
            n.name(),
            CompletionKind.SOURCE_TABLE,
            0,
            RefCompletion.relation(n.relation(), new StringBuilder("source table "))
                .toString()
                .strip(),
            n.description(),
            n.name(),
            false);
      }
    }
  }

  private static String sourceName(Node n) {
    Object s = n.extra().get("source_name");
    return s != null ? s.toString() : n.fqn().get(n.fqn().size() - 2);
  }
}
