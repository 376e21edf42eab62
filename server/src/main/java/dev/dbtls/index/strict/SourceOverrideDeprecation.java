package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import java.util.List;

/**
 * A source with {@code overrides:} (a package's source replaced by the project's): deprecated;
 * enable or disable the package's source through its config instead. No fix: the replacement is a
 * different design, not a rewrite.
 */
final class SourceOverrideDeprecation implements StrictRule {
  private static final String EVENT = "SourceOverrideDeprecation";

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    PropertyEntries.forEach(
        file,
        (list, entry) -> {
          if (!list.equals("sources") || !entry.has("overrides")) {
            return;
          }
          out.add(
              new Deprecation(
                  file.problem(
                      ProblemCode.SOURCE_OVERRIDE_DEPRECATION,
                      EVENT,
                      entry.keySpan("overrides"),
                      "The source property `overrides` is deprecated but was found on source `"
                          + entry.string("name")
                          + "` in file `"
                          + file.displayPath()
                          + "`. Instead, `enabled` should be used to disable the unwanted source.")));
        });
  }
}
