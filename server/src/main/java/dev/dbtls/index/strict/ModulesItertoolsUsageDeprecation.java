package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code modules.itertools} in a SQL template (a model, macro, test, ...): dbt warns when it is
 * called; dbt v2 has no {@code itertools}. Each use in the text outside Jinja comments. No fix: the
 * replacement is a macro of the user's (dbt's docs write one for {@code product}).
 */
final class ModulesItertoolsUsageDeprecation implements StrictRule {
  private static final String EVENT = "ModulesItertoolsUsageDeprecation";
  private static final Pattern USE = Pattern.compile("\\bmodules\\s*\\.\\s*itertools\\b");
  private static final Pattern COMMENT = Pattern.compile("\\{#.*?#\\}", Pattern.DOTALL);

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    if (!file.isSql() || !file.text().contains("itertools")) {
      return;
    }
    String text = COMMENT.matcher(file.text()).replaceAll(m -> blank(m.group()));
    Matcher m = USE.matcher(text);
    while (m.find()) {
      out.add(
          new Deprecation(
              file.problem(
                  ProblemCode.MODULES_ITERTOOLS_USAGE_DEPRECATION,
                  EVENT,
                  file.lines().span(m.start(), m.end()),
                  "Usage of itertools modules is deprecated. Please use the built-in functions"
                      + " instead.")));
    }
  }

  /** The same length of spaces, line breaks kept: offsets stay. */
  private static String blank(String s) {
    return Matcher.quoteReplacement(s.replaceAll("[^\\n]", " "));
  }
}
