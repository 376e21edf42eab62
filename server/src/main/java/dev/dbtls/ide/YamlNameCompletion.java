package dev.dbtls.ide;

import dev.dbtls.index.Macro;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import java.util.Map;
import java.util.Set;

/**
 * After {@code - name: } of a top-level list: the package's models (seeds, snapshots, analyses) or
 * macros, those no property file describes yet first ({@link DescribedNames}); not those the list
 * already has.
 */
final class YamlNameCompletion {
  private YamlNameCompletion() {}

  /**
   * The package's nodes of {@code type}: those no property file describes yet first, then those
   * described elsewhere; not those already in this list.
   */
  static void nodeNames(
      CompletionContext ctx, ResourceType type, YamlCursor c, CompletionItems items) {
    String section = c.path.get(0).name();
    Set<String> listed = listedNames(c, c.path.get(0));
    Map<String, String> described = ctx.described.of(ctx.snapshot, ctx.packageName, section);
    Set<String> here = DescribedNames.names(ctx.text).getOrDefault(section, Set.of());
    CompletionKind kind =
        type == ResourceType.SEED
            ? CompletionKind.SEED
            : type == ResourceType.SNAPSHOT ? CompletionKind.SNAPSHOT : CompletionKind.MODEL;
    for (Node n : ctx.manifest.nodes().values()) {
      if (n.type() != type
          || !n.packageName().equals(ctx.packageName)
          || listed.contains(n.name())
          || !items.matches(n.name())) {
        continue;
      }
      String elsewhere = described.get(n.name());
      boolean describedElsewhere =
          elsewhere != null && !elsewhere.equals(ctx.displayPath) || here.contains(n.name());
      items.add(
          n.name(),
          kind,
          describedElsewhere ? 5 : 0,
          n.displayPath()
              + (describedElsewhere && elsewhere != null && !elsewhere.equals(ctx.displayPath)
                  ? " · described in " + elsewhere
                  : ""),
          n.description(),
          n.name(),
          false);
    }
  }

  static void macroNames(CompletionContext ctx, YamlCursor c, CompletionItems items) {
    Set<String> listed = listedNames(c, c.path.get(0));
    for (Macro m : ctx.manifest.macros().values()) {
      if (m.packageName().equals(ctx.packageName)
          && !m.name().startsWith("materialization_")
          && !listed.contains(m.name())) {
        items.add(
            m.name(),
            CompletionKind.MACRO,
            m.name().startsWith("test_") ? 1 : 0,
            m.displayPath(),
            m.description(),
            m.name(),
            false);
      }
    }
  }

  /** The {@code name}s of the items of the list under {@code key}, but the cursor's own item. */
  static Set<String> listedNames(YamlCursor c, YamlCursor.Segment key) {
    YamlCursor.Segment own = c.segment(0);
    return c.itemNames(key, own == null ? -1 : own.line());
  }
}
