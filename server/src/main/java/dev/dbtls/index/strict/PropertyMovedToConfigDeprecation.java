package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A config written at the top of a property-YAML entry instead of under its {@code config:} ({@code
 * meta}, {@code tags}, {@code docs}, {@code freshness}, ...: the entry's config fields that are not
 * also properties, {@link ConfigOnlyKeys}). dbt 1.10 warns, dbt v2 refuses.
 *
 * <p>The fix moves the keys dbt 1.x reads at the top ({@link #READ_AT_TOP}) under {@code config:},
 * as dbt-autofix does: all of the entry's at once, so one {@code config:} is made. A key that
 * {@code config:} already sets is removed from the top when the config's value wins ({@code docs},
 * {@code access}, {@code group}, {@code contract}); when dbt merges the two ({@code meta}, {@code
 * tags}) or dbt 1.x ignores the key at the top ({@code materialized}, ...), moving it would change
 * what dbt builds: no fix.
 */
final class PropertyMovedToConfigDeprecation implements StrictRule {
  private static final String EVENT = "PropertyMovedToConfigDeprecation";

  /** The keys dbt 1.x reads at the top of an entry of each list. */
  static final Map<String, Set<String>> READ_AT_TOP =
      Map.of(
          "models", Set.of("meta", "tags", "docs", "access", "group", "contract"),
          "seeds", Set.of("meta", "tags", "docs", "group"),
          "snapshots", Set.of("meta", "tags", "docs", "group"),
          "analyses", Set.of("meta", "tags", "docs", "group"),
          "sources", Set.of("meta", "tags", "freshness", "loaded_at_field", "loaded_at_query"),
          "tables", Set.of("meta", "tags", "freshness", "loaded_at_field", "loaded_at_query"),
          "exposures", Set.of("meta", "tags"),
          "columns", Set.of("meta", "tags"));

  /** Keys whose value under {@code config:} wins over the one at the top. */
  private static final Set<String> CONFIG_WINS = Set.of("docs", "access", "group", "contract");

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    PropertyEntries.forEach(file, (list, entry) -> check(file, list, entry, out));
    PropertyEntries.forEachTest(file, (item, list) -> checkTest(file, item, out));
  }

  /**
   * A generic test's configs beside its arguments ({@code severity: warn}): dbt takes them out as
   * configs and warns; the fix moves them under the test's {@code config:} when it does not set
   * them too (dbt refuses a key set in both).
   */
  private static void checkTest(StrictFile file, YamlMap item, List<Deprecation> out) {
    GenericTestEntry test = GenericTestEntry.of(item);
    if (test == null) {
      return;
    }
    YamlMap m = test.args();
    List<String> found = new ArrayList<>();
    for (String k : m.entries().keySet()) {
      if (GenericTestEntry.CONFIG_ARGS.contains(k)) {
        found.add(k);
      }
    }
    if (found.isEmpty()) {
      return;
    }
    YamlMap config = m.get("config") instanceof YamlMap c ? c : null;
    List<String> move = found.stream().filter(k -> config == null || !config.has(k)).toList();
    Edit fix =
        move.size() == found.size() && !YamlEdits.isFlow(file.text(), file.lines(), m.span())
            ? UnderConfig.move(file, m, move, List.of(), "config")
            : null;
    for (String k : found) {
      var problem =
          file.problem(
              ProblemCode.PROPERTY_MOVED_TO_CONFIG_DEPRECATION,
              EVENT,
              m.keySpan(k),
              "Found `"
                  + k
                  + "` as a top-level property of test `"
                  + test.name()
                  + "` in file `"
                  + file.displayPath()
                  + "`. The `"
                  + k
                  + "` property is deprecated as a top-level property, and should be moved under"
                  + " `config:`.");
      out.add(
          fix == null
              ? new Deprecation(problem)
              : new Deprecation(problem, title(move, List.of()), List.of(fix)));
    }
  }

  private static void check(StrictFile file, String list, YamlMap entry, List<Deprecation> out) {
    Set<String> configOnly = ConfigOnlyKeys.of(list);
    List<String> found = new ArrayList<>();
    for (String k : entry.entries().keySet()) {
      if (configOnly.contains(k)) {
        found.add(k);
      }
    }
    if (found.isEmpty()) {
      return;
    }
    YamlMap config = entry.get("config") instanceof YamlMap m ? m : null;
    Set<String> readAtTop = READ_AT_TOP.getOrDefault(list, Set.of());
    List<String> move = new ArrayList<>();
    List<String> drop = new ArrayList<>();
    for (String k : found) {
      boolean inConfig = config != null && config.has(k);
      if (readAtTop.contains(k) && !inConfig) {
        move.add(k);
      } else if (readAtTop.contains(k) && CONFIG_WINS.contains(k)) {
        drop.add(k);
      }
    }
    Edit fix = UnderConfig.move(file, entry, move, drop, "config");
    String title = fix == null ? null : title(move, drop);
    String name = entry.string("name");
    for (String k : found) {
      boolean fixable = fix != null && (move.contains(k) || drop.contains(k));
      String message =
          "Found `"
              + k
              + "` as a top-level property of "
              + what(list)
              + (name == null ? "" : " '" + name + "'")
              + " in file `"
              + file.displayPath()
              + "`. The `"
              + k
              + "` property is deprecated as a top-level property, and should be moved under"
              + " `config:`."
              + (readAtTop.contains(k) ? "" : " dbt 1.x ignores it here: moved, it would apply.");
      out.add(
          fixable
              ? new Deprecation(
                  file.problem(
                      ProblemCode.PROPERTY_MOVED_TO_CONFIG_DEPRECATION,
                      EVENT,
                      entry.keySpan(k),
                      message),
                  title,
                  List.of(fix))
              : new Deprecation(
                  file.problem(
                      ProblemCode.PROPERTY_MOVED_TO_CONFIG_DEPRECATION,
                      EVENT,
                      entry.keySpan(k),
                      message)));
    }
  }

  private static String title(List<String> move, List<String> drop) {
    StringBuilder sb = new StringBuilder();
    if (!move.isEmpty()) {
      sb.append("Move ").append(ticked(move)).append(" under `config:`");
    }
    if (!drop.isEmpty()) {
      sb.append(sb.isEmpty() ? "Remove " : "; remove ")
          .append(ticked(drop))
          .append(" (already set under `config:`)");
    }
    return sb.toString();
  }

  private static String ticked(List<String> keys) {
    return String.join(", ", keys.stream().map(k -> "`" + k + "`").toList());
  }

  private static String what(String list) {
    return switch (list) {
      case "models" -> "model";
      case "seeds" -> "seed";
      case "snapshots" -> "snapshot";
      case "analyses" -> "analysis";
      case "sources" -> "source";
      case "tables" -> "source table";
      case "exposures" -> "exposure";
      default -> "column";
    };
  }
}
