package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.yaml.YamlMap;
import java.util.List;
import java.util.Map;

/**
 * {@code include:} and {@code exclude:} of {@code flags: warn_error_options:} in dbt_project.yml,
 * renamed {@code error:} and {@code warn:}. The fix renames the key (unless the new name is set
 * too).
 */
final class WEOIncludeExcludeDeprecation implements StrictRule {
  private static final String EVENT = "WEOIncludeExcludeDeprecation";
  private static final Map<String, String> RENAMED = Map.of("include", "error", "exclude", "warn");

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    YamlMap flags = ProjectFlag.flags(file);
    if (flags == null || !(flags.get("warn_error_options") instanceof YamlMap weo)) {
      return;
    }
    for (String old : List.of("include", "exclude")) {
      if (!weo.has(old)) {
        continue;
      }
      String now = RENAMED.get(old);
      var problem =
          file.problem(
              ProblemCode.WEO_INCLUDE_EXCLUDE_DEPRECATION,
              EVENT,
              weo.keySpan(old),
              "The `"
                  + old
                  + "` option of `warn_error_options` is deprecated: use `"
                  + now
                  + "` instead.");
      out.add(
          weo.has(now)
              ? new Deprecation(problem)
              : new Deprecation(
                  problem,
                  "Rename `" + old + "` to `" + now + "`",
                  List.of(YamlEdits.rename(weo.keySpan(old), now))));
    }
  }
}
