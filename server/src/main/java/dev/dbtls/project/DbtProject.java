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
 * A parsed {@code dbt_project.yml}: the root project or an installed package. Defaults are dbt's.
 * Values of the wrong type become problems and fall back to the default, so one bad key never hides
 * the rest of the file.
 */
public record DbtProject(
    Path dir,
    String name,
    String version,
    String profile,
    List<String> modelPaths,
    List<String> seedPaths,
    List<String> macroPaths,
    List<String> snapshotPaths,
    List<String> analysisPaths,
    List<String> testPaths,
    List<String> docsPaths,
    String targetPath,
    String packagesInstallPath,
    Map<String, Object> vars,
    List<Dispatch> dispatch,
    Map<String, Object> quoting,
    YamlMap models,
    YamlMap seeds,
    YamlMap snapshots,
    YamlMap sources,
    YamlMap tests,
    YamlMap analyses,
    List<String> requireDbtVersion,
    YamlDocument document,
    List<Problem> problems,
    List<String> functionPaths,
    YamlMap functions,
    YamlMap semanticModels,
    YamlMap metrics,
    YamlMap savedQueries) {

  public static final String FILE = "dbt_project.yml";

  /**
   * The project's {@code on-run-start} or {@code on-run-end} hooks (a string or a list of them), as
   * written; empty when there are none.
   */
  public List<String> hooks(String key) {
    if (document == null || !(document.root() instanceof YamlMap m) || !m.has(key)) {
      return List.of();
    }
    Object v = m.get(key).toPlain();
    if (v instanceof String one) {
      return one.isBlank() ? List.of() : List.of(one);
    }
    if (v instanceof List<?> l) {
      return l.stream().filter(x -> x != null).map(String::valueOf).toList();
    }
    return List.of();
  }

  /**
   * A behaviour flag under {@code flags:} ({@code allow_jinja_file_extensions}, ...): true only
   * when set to true (dbt's flags default to false unless matured).
   */
  public boolean flag(String name) {
    if (document == null) {
      return false;
    }
    Object v = document.rootMap().map("flags").get(name) instanceof YamlScalar s ? s.value() : null;
    return Boolean.TRUE.equals(v) || v instanceof String t && t.equalsIgnoreCase("true");
  }

  /** Reads {@code dir/dbt_project.yml}; a missing file is a problem, not an exception. */
  public static DbtProject read(Path dir, FileSource files, YamlJinja jinja) {
    String text = files.read(dir.resolve(FILE)).orElse(null);
    if (text == null) {
      List<Problem> p =
          List.of(
              Problem.ofFile(
                  FILE, ProblemCode.PROJECT_FILE_MISSING, "no dbt_project.yml in " + dir));
      return parse(dir, "", jinja, p);
    }
    return parse(dir, text, jinja, List.of());
  }

  static DbtProject parse(Path dir, String text, YamlJinja jinja, List<Problem> earlier) {
    YamlDocument doc = YamlDocument.parse(FILE, text);
    Reader r = new Reader(doc, jinja);
    r.problems.addAll(earlier);
    YamlMap m = doc.rootMap();
    String fallbackName = dir.getFileName() == null ? "project" : dir.getFileName().toString();
    return new DbtProject(
        dir,
        r.string(m, "name", fallbackName),
        r.string(m, "version", null),
        r.string(m, "profile", null),
        r.paths(m, "model-paths", "models", "source-paths"),
        r.paths(m, "seed-paths", "seeds", "data-paths"),
        r.paths(m, "macro-paths", "macros", null),
        r.paths(m, "snapshot-paths", "snapshots", null),
        r.paths(m, "analysis-paths", "analyses", null),
        r.paths(m, "test-paths", "tests", null),
        m.has("docs-paths") ? r.paths(m, "docs-paths", null, null) : null,
        r.string(m, "target-path", "target"),
        r.string(m, "packages-install-path", "dbt_packages"),
        r.map(m, "vars"),
        r.dispatch(m),
        r.map(m, "quoting"),
        r.configTree(m, "models"),
        r.configTree(m, "seeds"),
        r.configTree(m, "snapshots"),
        r.configTree(m, "sources"),
        m.has("data_tests") ? r.configTree(m, "data_tests") : r.configTree(m, "tests"),
        r.configTree(m, "analyses"),
        r.versionRange(m),
        doc,
        List.copyOf(r.problems),
        r.paths(m, "function-paths", "functions", null),
        r.configTree(m, "functions"),
        r.configTree(m, "semantic-models"),
        r.configTree(m, "metrics"),
        r.configTree(m, "saved-queries"));
  }

  /** Every folder dbt reads docs blocks from: {@code docs-paths}, or all resource paths. */
  public List<String> effectiveDocsPaths() {
    if (docsPaths != null) {
      return docsPaths;
    }
    List<String> all = new ArrayList<>();
    for (List<String> l :
        List.of(
            modelPaths,
            seedPaths,
            macroPaths,
            snapshotPaths,
            analysisPaths,
            testPaths,
            functionPaths)) {
      all.addAll(l);
    }
    return all;
  }

  /** Reads typed values, recording a located problem for each value of the wrong type. */
  private static final class Reader {
    final YamlDocument doc;
    final YamlJinja jinja;
    final List<Problem> problems = new ArrayList<>();

    Reader(YamlDocument doc, YamlJinja jinja) {
      this.doc = doc;
      this.jinja = jinja;
      problems.addAll(doc.problems());
    }

    String string(YamlMap m, String key, String fallback) {
      YamlNode n = m.get(key);
      if (n == null || n instanceof YamlScalar s && s.value() == null) {
        return fallback;
      }
      if (!(n instanceof YamlScalar)) {
        wrongType(m, key, "a string");
        return fallback;
      }
      YamlJinja.Rendered r = jinja.render(n.text());
      if (r.problem() != null) {
        problems.add(Problem.at(FILE, n.span(), ProblemCode.ENV_VAR_MISSING, r.problem()));
      }
      return String.valueOf(r.value());
    }

    List<String> paths(YamlMap m, String key, String fallback, String legacyKey) {
      String k = !m.has(key) && legacyKey != null && m.has(legacyKey) ? legacyKey : key;
      YamlNode n = m.get(k);
      if (n == null) {
        return fallback == null ? List.of() : List.of(fallback);
      }
      if (n instanceof YamlScalar s && s.value() instanceof String) {
        return List.of(folder(n));
      }
      if (!(n instanceof dev.dbtls.project.yaml.YamlList l)) {
        wrongType(m, k, "a list of folders");
        return fallback == null ? List.of() : List.of(fallback);
      }
      List<String> out = new ArrayList<>();
      for (YamlNode item : l.items()) {
        if (item instanceof YamlScalar s && s.value() != null) {
          out.add(folder(item));
        }
      }
      return out;
    }

    /**
     * A folder as dbt reads it: the text rendered, so {{ env_var('X', 'models') }} names a folder.
     */
    private String folder(YamlNode n) {
      String text = n.text();
      if (!text.contains("{{") && !text.contains("{%")) {
        return text;
      }
      YamlJinja.Rendered r = jinja.render(text);
      if (r.problem() != null) {
        problems.add(Problem.at(FILE, n.span(), ProblemCode.ENV_VAR_MISSING, r.problem()));
      }
      return String.valueOf(r.value()).strip();
    }

    Map<String, Object> map(YamlMap m, String key) {
      YamlNode n = m.get(key);
      if (n == null || n instanceof YamlScalar s && s.value() == null) {
        return Map.of();
      }
      if (!(n instanceof YamlMap)) {
        wrongType(m, key, "a mapping");
        return Map.of();
      }
      return m.plainMap(key);
    }

    YamlMap configTree(YamlMap m, String key) {
      YamlNode n = m.get(key);
      if (n != null
          && !(n instanceof YamlMap)
          && !(n instanceof YamlScalar s && s.value() == null)) {
        wrongType(m, key, "a mapping");
      }
      return m.map(key);
    }

    List<Dispatch> dispatch(YamlMap m) {
      List<Dispatch> out = new ArrayList<>();
      if (m.has("dispatch") && !(m.get("dispatch") instanceof dev.dbtls.project.yaml.YamlList)) {
        wrongType(m, "dispatch", "a list of {macro_namespace, search_order}");
        return out;
      }
      for (YamlMap d : m.list("dispatch").maps()) {
        String ns = d.string("macro_namespace");
        if (ns == null) {
          problems.add(
              Problem.at(
                  FILE,
                  d.span(),
                  ProblemCode.YAML_SCHEMA,
                  "dispatch entry needs a macro_namespace"));
          continue;
        }
        out.add(new Dispatch(ns, d.strings("search_order")));
      }
      return out;
    }

    List<String> versionRange(YamlMap m) {
      YamlNode n = m.get("require-dbt-version");
      if (n == null) {
        return List.of();
      }
      boolean ok =
          n instanceof YamlScalar s
              ? s.value() instanceof String
              : n instanceof dev.dbtls.project.yaml.YamlList l
                  && l.items().stream()
                      .allMatch(i -> i instanceof YamlScalar s && s.value() instanceof String);
      if (!ok) {
        wrongType(
            m, "require-dbt-version", "a version range string such as '>=1.7.0' or a list of them");
        return List.of();
      }
      return m.strings("require-dbt-version");
    }

    void wrongType(YamlMap m, String key, String expected) {
      problems.add(
          Problem.at(
              FILE,
              m.get(key).span(),
              ProblemCode.YAML_SCHEMA,
              "'" + key + "' must be " + expected));
    }
  }

  /** Package-scoped and global vars of this file, as dbt keeps them apart. */
  public Map<String, Object> globalVars(java.util.Set<String> packageNames) {
    Map<String, Object> out = new LinkedHashMap<>();
    vars.forEach(
        (k, v) -> {
          if (!(packageNames.contains(k) && v instanceof Map)) {
            out.put(k, v);
          }
        });
    return out;
  }
}
