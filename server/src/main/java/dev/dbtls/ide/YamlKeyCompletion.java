package dev.dbtls.ide;

import java.util.List;
import java.util.Set;

/**
 * Keys in property YAML: those valid in the mapping the cursor path ends in ({@link
 * YamlVocabulary}), the config keys of a resource type under {@code config:}, and {@code +key}
 * config keys in dbt_project.yml.
 */
final class YamlKeyCompletion {
  private YamlKeyCompletion() {}

  /** The keys valid in the mapping the cursor path ends in. */
  static List<String> keysAt(YamlCursor c, String path) {
    if (path.isEmpty()) {
      return YamlVocabulary.TOP;
    }
    YamlCursor.Segment last = c.segment(0);
    YamlCursor.Segment parent = c.segment(1);
    if (last.isItem() && parent != null) {
      if (c.path.size() == 2) {
        return switch (parent.name()) {
          case "models" -> YamlVocabulary.MODEL;
          case "seeds" -> YamlVocabulary.SEED;
          case "snapshots" -> YamlVocabulary.SNAPSHOT;
          case "analyses" -> YamlVocabulary.ANALYSIS;
          case "macros" -> YamlVocabulary.MACRO;
          case "sources" -> YamlVocabulary.SOURCE;
          case "exposures" -> YamlVocabulary.EXPOSURE;
          case "groups" -> YamlVocabulary.GROUP;
          case "unit_tests" -> YamlVocabulary.UNIT_TEST;
          default -> List.of();
        };
      }
      return switch (parent.name()) {
        case "columns" ->
            path.contains("/versions/") ? YamlVocabulary.VERSION_COLUMN : YamlVocabulary.COLUMN;
        case "tables" -> YamlVocabulary.SOURCE_TABLE;
        case "versions" -> YamlVocabulary.VERSION;
        case "constraints" -> YamlVocabulary.CONSTRAINT;
        case "arguments" -> YamlVocabulary.MACRO_ARGUMENT;
        case "tests", "data_tests" -> YamlVocabulary.TEST_ENTRY;
        default -> List.of();
      };
    }
    return switch (last.name()) {
      case "freshness" -> YamlVocabulary.FRESHNESS;
      case "owner" -> YamlVocabulary.OWNER;
      case "docs" -> YamlVocabulary.DOCS;
      case "warn_after", "error_after" -> List.of("count", "period");
      default -> List.of();
    };
  }

  /** The resource type whose config the cursor's {@code config:} sets. */
  static String configResource(YamlCursor c) {
    for (YamlCursor.Segment s : c.path) {
      if (s.name().equals("tests") || s.name().equals("data_tests")) {
        return "tests";
      }
    }
    YamlCursor.Segment item = c.segment(1);
    YamlCursor.Segment list = c.segment(2);
    if (item != null && item.isItem() && list != null && list.name().equals("columns")) {
      return "columns";
    }
    return c.path.isEmpty() ? "" : c.path.get(0).name();
  }

  static void configKeys(String resource, CompletionItems items, Set<String> present, String plus) {
    List<String> keys = YamlVocabulary.CONFIG.getOrDefault(resource, List.of());
    for (String k : keys) {
      if (present.contains(plus + k)) {
        continue;
      }
      String doc =
          ConfigKeys.DOCS.getOrDefault(
              k,
              CompletionVocabulary.CONFIG_KEYS.getOrDefault(k, YamlVocabulary.CONFIG_DOCS.get(k)));
      boolean block = YamlVocabulary.BLOCK_KEYS.contains(k) || k.equals("freshness");
      items.add(
          plus + k,
          CompletionKind.CONFIG_KEY,
          k.equals("materialized") ? 0 : 1,
          "config (" + resource + ")",
          doc,
          plus + k + (block ? ":" : ": "),
          false);
    }
  }

  /** {@code +key} config keys in dbt_project.yml under {@code models:}, {@code seeds:}, ... */
  static void projectConfigKeys(YamlCursor c, CompletionItems items) {
    if (c.path.isEmpty() || !c.prefix.startsWith("+") && !c.prefix.isEmpty()) {
      return;
    }
    String resource = c.path.get(0).name().equals("data_tests") ? "tests" : c.path.get(0).name();
    if (!c.path.get(c.path.size() - 1).isItem()) {
      configKeys(resource, items, c.childKeys(c.segment(0)), "+");
    }
  }
}
