package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.yaml.YamlMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An exposure whose {@code name} is not only letters, digits and underscores (dbt 1.3); the label
 * belongs in {@code label:}. No fix: renaming an exposure changes its unique id (selectors, the
 * docs site, dbt-autofix counts it a behaviour change).
 */
final class ExposureNameDeprecation implements StrictRule {
  private static final String EVENT = "ExposureNameDeprecation";
  private static final Pattern NAME = Pattern.compile("^\\w+$", Pattern.UNICODE_CHARACTER_CLASS);

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    PropertyEntries.forEach(
        file,
        (list, entry) -> {
          if (!list.equals("exposures")) {
            return;
          }
          String name = entry.string("name");
          if (name == null || NAME.matcher(name).matches()) {
            return;
          }
          out.add(
              new Deprecation(
                  file.problem(
                      ProblemCode.EXPOSURE_NAME,
                      EVENT,
                      valueSpan(entry),
                      "Starting in v1.3, the 'name' of an exposure should contain only letters,"
                          + " numbers, and underscores. Exposures support a new property, 'label',"
                          + " which may contain spaces, capital letters, and special characters. "
                          + name
                          + " does not follow this pattern. Please update the 'name', and use the"
                          + " 'label' property for a human-friendly title.")));
        });
  }

  private static dev.dbtls.project.Span valueSpan(YamlMap entry) {
    return entry.get("name") != null ? entry.get("name").span() : entry.keySpan("name");
  }
}
