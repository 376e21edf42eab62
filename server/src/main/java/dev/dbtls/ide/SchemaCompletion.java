package dev.dbtls.ide;

import dev.dbtls.project.schema.DbtSchema;
import dev.dbtls.project.schema.SchemaKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keys and values from dbt's published JSON schemas where the hand-written vocabulary ({@link
 * YamlVocabulary}, {@link ConfigKeys}) has none: every key the schema allows at the cursor's path
 * that is not offered yet, with the schema's description; the values a key's schema enumerates. The
 * only completion of packages.yml and dependencies.yml, and of selectors.yml's keys.
 */
final class SchemaCompletion {
  /** Keys the schema still lists that dbt renamed: the vocabulary offers their new names. */
  private static final Set<String> DEPRECATED = Set.of("tests", "pre_hook", "post_hook");

  private final CompletionContext ctx;

  SchemaCompletion(CompletionContext ctx) {
    this.ctx = ctx;
  }

  /** Files whose only completion is the schema's. */
  static boolean covers(String displayPath) {
    return displayPath.equals("packages.yml") || displayPath.equals("dependencies.yml");
  }

  /** The schema of a YAML file by its path; null for profiles.yml and files that are no YAML. */
  static DbtSchema schemaOf(String displayPath) {
    if (!displayPath.endsWith(".yml") && !displayPath.endsWith(".yaml")) {
      return null;
    }
    String name = displayPath.substring(displayPath.lastIndexOf('/') + 1);
    if (name.equals("profiles.yml") || name.equals("package-lock.yml")) {
      return null;
    }
    DbtSchema s = DbtSchema.forFileName(name);
    return s != null ? s : DbtSchema.PROPERTIES;
  }

  List<CompletionItem> complete() {
    DbtSchema schema = schemaOf(ctx.displayPath);
    YamlCursor c = YamlCursor.at(ctx.text, ctx.offset);
    if (schema == null || c.position == YamlCursor.Position.NONE) {
      return List.of();
    }
    if (c.position == YamlCursor.Position.KEY) {
      CompletionItems items = new CompletionItems(c.prefix, c.prefixStart, ctx.offset);
      keys(schema, c, items, present(c), false);
      return items.result();
    }
    CompletionItems items = new CompletionItems(c.prefix, c.prefixStart, ctx.offset);
    values(schema, c, items, false);
    return items.result();
  }

  /** The keys already written in the mapping the cursor is in. */
  static Set<String> present(YamlCursor c) {
    YamlCursor.Segment last = c.segment(0);
    return last == null
        ? c.childKeys(null)
        : last.isItem() ? c.keysOf(last).keySet() : c.childKeys(last);
  }

  /**
   * Adds the schema's keys at the cursor's path that are not written and not offered yet. Where the
   * vocabulary {@code knows} the place (it offered its own, curated keys), only keys that start
   * with what is typed are added: the schema fills gaps, it does not flood a list chosen by hand.
   */
  static void keys(
      DbtSchema schema, YamlCursor c, CompletionItems items, Set<String> present, boolean knows) {
    List<Object> path = path(c, null);
    boolean config =
        c.path.stream().anyMatch(s -> s.name().equals("config")) || schema == DbtSchema.PROJECT;
    String typed = c.prefix.startsWith("+") ? c.prefix.substring(1) : c.prefix;
    for (SchemaKeys.Key k : SchemaKeys.keysAt(schema, path, present)) {
      if (present.contains(k.name()) || DEPRECATED.contains(k.name())) {
        continue;
      }
      String bare = k.name().startsWith("+") ? k.name().substring(1) : k.name();
      if (knows && (typed.isEmpty() || !bare.startsWith(typed))) {
        continue;
      }
      boolean configKey = config && (schema != DbtSchema.PROJECT || k.name().startsWith("+"));
      items.add(
          k.name(),
          configKey ? CompletionKind.CONFIG_KEY : CompletionKind.KEYWORD,
          5,
          "dbt JSON schema",
          k.description().isEmpty() ? null : k.description(),
          k.name() + ": ",
          false);
    }
  }

  /**
   * Adds the values the schema enumerates for the key whose value is typed; where the vocabulary
   * {@code knows} the values, only those that start with what is typed.
   */
  static void values(DbtSchema schema, YamlCursor c, CompletionItems items, boolean knows) {
    for (String v : SchemaKeys.valuesAt(schema, path(c, c.key))) {
      if (knows && (c.prefix.isEmpty() || !v.startsWith(c.prefix))) {
        continue;
      }
      items.add(v, CompletionKind.CONFIG_VALUE, 5, c.key, null, v, false);
    }
  }

  /** The cursor's path as the schema walks it: keys, and index 0 for every list item. */
  private static List<Object> path(YamlCursor c, String key) {
    List<Object> out = new ArrayList<>(c.path.size() + 1);
    for (YamlCursor.Segment s : c.path) {
      out.add(s.isItem() ? (Object) 0 : s.name());
    }
    if (key != null) {
      out.add(key);
    }
    return out;
  }
}
