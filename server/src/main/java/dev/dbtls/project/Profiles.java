package dev.dbtls.project;

import dev.dbtls.project.yaml.YamlDocument;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds {@code profiles.yml} as dbt does ({@code --profiles-dir}, {@code DBT_PROFILES_DIR}, the
 * project folder, {@code ~/.dbt}) and chooses the profile and target as dbt chooses them. A missing
 * file, profile or target is a problem plus a fallback target, so compiling goes on.
 */
public final class Profiles {
  public static final String FILE = "profiles.yml";

  private Profiles() {}

  /** The chosen target and where it came from. */
  public record Resolution(Target target, Path profilesFile, List<Problem> problems) {}

  public static Resolution resolve(
      DbtProject project,
      Path profilesDirOption,
      String profileOption,
      String targetOption,
      Map<String, String> env,
      FileSource files,
      YamlJinja jinja) {
    List<Problem> problems = new ArrayList<>();
    String profileName = profileOption != null ? profileOption : project.profile();
    if (profileName == null) {
      // located on the project's name: there is no profile line to point at
      Span name =
          project.document() == null || !project.document().rootMap().has("name")
              ? Span.NONE
              : project.document().rootMap().keySpan("name");
      problems.add(
          Problem.at(
              DbtProject.FILE,
              name,
              ProblemCode.PROFILE_MISSING,
              "dbt cannot run because no profile was specified for this "
                  + "dbt project: add 'profile: [profile name]' to dbt_project.yml, naming a profile of "
                  + "profiles.yml (or pass --profile); compiling with DuckDB defaults"));
      return new Resolution(Target.fallback(project.name()), null, problems);
    }
    List<Path> candidates = new ArrayList<>();
    if (profilesDirOption != null) {
      candidates.add(profilesDirOption);
    } else {
      if (env.get("DBT_PROFILES_DIR") != null) {
        candidates.add(Path.of(env.get("DBT_PROFILES_DIR")));
      }
      candidates.add(project.dir());
      String home = env.getOrDefault("HOME", System.getProperty("user.home"));
      if (home != null) {
        candidates.add(Path.of(home, ".dbt"));
      }
    }
    for (Path dir : candidates) {
      Path file = dir.resolve(FILE);
      String text = files.read(file).orElse(null);
      if (text != null) {
        return choose(file, text, profileName, targetOption, project, jinja, problems);
      }
    }
    problems.add(
        Problem.ofFile(
            DbtProject.FILE,
            ProblemCode.PROFILE_MISSING,
            "no profiles.yml found for profile '"
                + profileName
                + "' (looked in "
                + candidates.stream().map(Path::toString).toList()
                + "); compiling with DuckDB defaults"));
    return new Resolution(Target.fallback(project.name()), null, problems);
  }

  private static Resolution choose(
      Path file,
      String text,
      String profileName,
      String targetOption,
      DbtProject project,
      YamlJinja jinja,
      List<Problem> problems) {
    String shown = file.toString();
    YamlDocument doc = YamlDocument.parse(shown, text);
    problems.addAll(doc.problems());
    YamlMap root = doc.rootMap();
    if (!root.has(profileName)) {
      YamlNode at = project.document().rootMap().get("profile");
      problems.add(
          Problem.at(
              DbtProject.FILE,
              at == null ? dev.dbtls.project.Span.NONE : at.span(),
              ProblemCode.PROFILE_MISSING,
              "Could not find profile named '"
                  + profileName
                  + "': profile '"
                  + profileName
                  + "' is not in "
                  + shown
                  + " (it has "
                  + profileNames(root)
                  + "); compiling with DuckDB defaults"));
      return new Resolution(Target.fallback(project.name()), file, problems);
    }
    YamlMap profile = root.map(profileName);
    YamlMap outputs = profile.map("outputs");
    String targetName =
        targetOption != null ? targetOption : render(profile.get("target"), jinja, shown, problems);
    if (targetName == null) {
      targetName = "default";
    }
    if (!outputs.has(targetName)) {
      problems.add(
          Problem.at(
              shown,
              profile.keySpan("outputs"),
              ProblemCode.TARGET_MISSING,
              "The profile '"
                  + profileName
                  + "' does not have a target named '"
                  + targetName
                  + "'. The valid target names for this profile are: "
                  + String.join(", ", outputs.entries().keySet())
                  + "; compiling with DuckDB defaults"));
      return new Resolution(Target.fallback(project.name()), file, problems);
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    outputs
        .map(targetName)
        .entries()
        .forEach(
            (k, v) ->
                fields.put(
                    k,
                    v instanceof YamlScalar
                        ? renderValue(v, jinja, shown, problems)
                        : v.toPlain()));
    return new Resolution(Target.of(targetName, profileName, fields), file, problems);
  }

  /**
   * The targets (outputs) a profile of a profiles.yml offers, in file order; empty when the file or
   * the profile cannot be read.
   */
  public static List<String> targets(Path profilesFile, String profileName, FileSource files) {
    if (profilesFile == null || profileName == null) {
      return List.of();
    }
    String text = files.read(profilesFile).orElse(null);
    if (text == null) {
      return List.of();
    }
    YamlMap root = YamlDocument.parse(profilesFile.toString(), text).rootMap();
    return root.has(profileName)
        ? List.copyOf(root.map(profileName).map("outputs").entries().keySet())
        : List.of();
  }

  private static List<String> profileNames(YamlMap root) {
    return root.entries().keySet().stream().filter(k -> !"config".equals(k)).toList();
  }

  private static String render(YamlNode n, YamlJinja jinja, String file, List<Problem> problems) {
    Object v = n == null ? null : renderValue(n, jinja, file, problems);
    return v == null ? null : String.valueOf(v);
  }

  private static Object renderValue(
      YamlNode n, YamlJinja jinja, String file, List<Problem> problems) {
    Object raw = n.toPlain();
    if (!(raw instanceof String s)) {
      return raw;
    }
    YamlJinja.Rendered r = jinja.render(s);
    if (r.problem() != null) {
      problems.add(Problem.at(file, n.span(), ProblemCode.ENV_VAR_MISSING, r.problem()));
    }
    return r.value();
  }
}
