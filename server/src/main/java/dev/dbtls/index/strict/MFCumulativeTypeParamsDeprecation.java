package dev.dbtls.index.strict;

import dev.dbtls.project.FileKind;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;

/**
 * A metric's {@code type_params.window} or {@code type_params.grain_to_date}, which moved under
 * {@code type_params.cumulative_type_params} in dbt 1.9. The fix nests them there (when it does not
 * set them already); MetricFlow reads the same values.
 */
final class MFCumulativeTypeParamsDeprecation implements StrictRule {
  private static final String EVENT = "MFCumulativeTypeParamsDeprecation";
  private static final List<String> MOVED = List.of("window", "grain_to_date");

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    if (!file.is(FileKind.PROPERTIES) || file.yaml() == null) {
      return;
    }
    if (!(file.yaml().root() instanceof YamlMap root)) {
      return;
    }
    for (YamlMap metric : PropertyEntries.maps(root.get("metrics"))) {
      if (!(metric.get("type_params") instanceof YamlMap params)) {
        continue;
      }
      List<String> found = new ArrayList<>();
      for (String k : MOVED) {
        if (params.has(k)) {
          found.add(k);
        }
      }
      if (found.isEmpty()) {
        continue;
      }
      YamlMap nested =
          params.get("cumulative_type_params") instanceof YamlMap m ? m : YamlMap.empty(null);
      boolean clash = found.stream().anyMatch(nested::has);
      Edit fix =
          clash ? null : UnderConfig.move(file, params, found, List.of(), "cumulative_type_params");
      for (String k : found) {
        var problem =
            file.problem(
                ProblemCode.MF_CUMULATIVE_TYPE_PARAMS_DEPRECATION,
                EVENT,
                params.keySpan(k),
                "Cumulative fields `type_params.window` and `type_params.grain_to_date` have been"
                    + " moved: nest them under `type_params.cumulative_type_params` (metric `"
                    + metric.string("name")
                    + "`).");
        out.add(
            fix == null
                ? new Deprecation(problem)
                : new Deprecation(
                    problem,
                    "Move "
                        + String.join(", ", found.stream().map(x -> "`" + x + "`").toList())
                        + " under `cumulative_type_params:`",
                    List.of(fix)));
      }
    }
  }
}
