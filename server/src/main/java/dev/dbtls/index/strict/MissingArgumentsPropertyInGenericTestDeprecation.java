package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * A generic test's arguments written beside its configs instead of under {@code arguments:} ({@code
 * - accepted_values: {values: [...]}}, or the {@code test_name:} form). dbt warns when the test has
 * no {@code arguments:} and some key is not a config or test property (its {@code
 * extract_test_args}), at the first such key here.
 *
 * <p>The fix nests those keys under {@code arguments:}, as dbt-autofix does; configs ({@code
 * severity}, {@code where}, ...) stay where they are ({@code property-moved-to-config-deprecation}
 * moves them). dbt reads the same arguments before and after.
 */
final class MissingArgumentsPropertyInGenericTestDeprecation implements StrictRule {
  private static final String EVENT = "MissingArgumentsPropertyInGenericTestDeprecation";

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    PropertyEntries.forEachTest(file, (item, list) -> check(file, item, out));
  }

  private static void check(StrictFile file, YamlMap item, List<Deprecation> out) {
    GenericTestEntry test = GenericTestEntry.of(item);
    if (test == null || hasArguments(test.args())) {
      return;
    }
    List<String> args = new ArrayList<>();
    for (String k : test.args().entries().keySet()) {
      if (test.isArgument(k)) {
        args.add(k);
      }
    }
    if (args.isEmpty()) {
      return;
    }
    Span at = test.args().keySpan(args.get(0));
    var problem =
        file.problem(
            ProblemCode.MISSING_ARGUMENTS_PROPERTY_IN_GENERIC_TEST_DEPRECATION,
            EVENT,
            at,
            "Found top-level arguments to test `"
                + test.name()
                + "` ("
                + String.join(", ", args)
                + "). Arguments to generic tests should be nested under the `arguments`"
                + " property.");
    Edit fix = fix(file, test, args);
    out.add(
        fix == null
            ? new Deprecation(problem)
            : new Deprecation(
                problem,
                "Move the arguments of `" + test.name() + "` under `arguments:`",
                List.of(fix)));
  }

  /** Whether dbt sees an {@code arguments:} property that is not empty. */
  private static boolean hasArguments(YamlMap args) {
    YamlNode a = args.get("arguments");
    if (a == null || a instanceof YamlScalar s && s.value() == null) {
      return false;
    }
    return !(a instanceof YamlMap m) || !m.entries().isEmpty();
  }

  private static Edit fix(StrictFile file, GenericTestEntry test, List<String> args) {
    YamlMap m = test.args();
    if (YamlEdits.isFlow(file.text(), file.lines(), m.span())) {
      // {values: [a, b]} → {arguments: {values: [a, b]}}, when every key is an argument
      if (args.size() != m.entries().size() || test.alternative()) {
        return null;
      }
      Span s = m.span();
      String original = slice(file, s);
      if (!original.endsWith("}")) {
        return null;
      }
      return new Edit(s, "{arguments: " + original + "}");
    }
    return UnderConfig.move(file, m, args, List.of(), "arguments");
  }

  private static String slice(StrictFile file, Span s) {
    int from = file.lines().offset(s.startLine(), s.startColumn());
    int to = file.lines().offset(s.endLine(), s.endColumn());
    return file.text().substring(from, Math.max(from, to));
  }
}
