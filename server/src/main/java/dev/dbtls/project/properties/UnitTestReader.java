package dev.dbtls.project.properties;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.yaml.YamlList;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of {@code unit_tests:} read as dbt reads it: what is wrong with it (no model, no
 * expect, a format dbt does not know, rows of the wrong shape) is a located problem, and an entry
 * that cannot be run is skipped.
 */
final class UnitTestReader {
  private static final Set<String> FORMATS =
      Set.of(UnitTestSpec.DICT, UnitTestSpec.CSV, UnitTestSpec.SQL);

  private final String path;
  private final List<Problem> problems;
  private boolean broken;

  private UnitTestReader(String path, List<Problem> problems) {
    this.path = path;
    this.problems = problems;
  }

  static UnitTestSpec read(YamlMap m, String path, List<Problem> problems) {
    return new UnitTestReader(path, problems).unitTest(m);
  }

  private void problem(YamlNode at, String message) {
    problems.add(Problem.at(path, at.span(), ProblemCode.UNIT_TEST_INVALID, message));
    broken = true;
  }

  private UnitTestSpec unitTest(YamlMap m) {
    String name = m.string("name");
    if (name == null || name.isBlank()) {
      problem(m, "this unit test has no 'name'");
      return null;
    }
    String model = m.string("model");
    if (model == null || model.isBlank()) {
      problem(at(m, "name"), "unit test '" + name + "' has no 'model' to test");
    }
    List<UnitTestSpec.Fixture> given = new ArrayList<>();
    YamlNode g = m.get("given");
    if (g instanceof YamlList list) {
      for (YamlNode item : list.items()) {
        if (!(item instanceof YamlMap input)) {
          problem(item, "each entry of 'given' is a mapping with an 'input'");
          continue;
        }
        String in = input.string("input");
        if (in == null || in.isBlank()) {
          problem(
              input, "this given entry has no 'input' (ref('model'), source('s', 't') or this)");
          continue;
        }
        given.add(fixture(input, in));
      }
    } else if (g != null && !(g instanceof YamlScalar s && s.value() == null)) {
      problem(g, "'given' must be a list of inputs");
    }
    UnitTestSpec.Fixture expect = null;
    YamlNode e = m.get("expect");
    if (e instanceof YamlMap em) {
      expect = fixture(em, null);
    } else if (e == null) {
      problem(at(m, "name"), "unit test '" + name + "' has no 'expect'");
    } else {
      problem(e, "'expect' must be a mapping with 'rows' or 'fixture'");
    }
    YamlMap overrides = m.get("overrides") instanceof YamlMap o ? o : YamlMap.empty(m.span());
    YamlMap versions = m.get("versions") instanceof YamlMap v ? v : YamlMap.empty(m.span());
    Map<String, Object> config = new LinkedHashMap<>(m.plainMap("config"));
    if (broken || model == null) {
      return null;
    }
    return new UnitTestSpec(
        name,
        model,
        m.string("description"),
        List.copyOf(given),
        expect,
        overrides.plainMap("macros"),
        overrides.plainMap("vars"),
        overrides.plainMap("env_vars"),
        config,
        versions.strings("include"),
        versions.strings("exclude"),
        path,
        m.span(),
        at(m, "name").span());
  }

  private static YamlNode at(YamlMap m, String key) {
    YamlNode n = m.get(key);
    return n == null ? m : n;
  }

  @SuppressWarnings("unchecked")
  private UnitTestSpec.Fixture fixture(YamlMap m, String input) {
    String format = m.has("format") ? m.string("format") : UnitTestSpec.DICT;
    if (format == null || !FORMATS.contains(format)) {
      problem(m.get("format"), "'format' is one of dict, csv or sql, not '" + format + "'");
      format = UnitTestSpec.DICT;
    }
    String fixture = m.string("fixture");
    YamlNode rows = m.get("rows");
    List<Map<String, Object>> dicts = new ArrayList<>();
    String text = null;
    if (rows != null && fixture != null) {
      problem(m.get("fixture"), "give either 'rows' or 'fixture', not both");
    }
    if (rows instanceof YamlList list) {
      if (!format.equals(UnitTestSpec.DICT)) {
        problem(rows, "with format " + format + ", 'rows' is text, not a list");
      }
      for (YamlNode row : list.items()) {
        if (row instanceof YamlMap r) {
          dicts.add(
              java.util.Collections.unmodifiableMap(
                  new LinkedHashMap<>((Map<String, Object>) r.toPlain())));
        } else {
          problem(row, "each row is a mapping of column names to values, like {id: 1}");
        }
      }
    } else if (rows instanceof YamlScalar s && s.value() != null) {
      if (format.equals(UnitTestSpec.DICT)) {
        problem(rows, "with format dict, 'rows' is a list of mappings; for text set 'format: csv'");
      }
      text = String.valueOf(s.value());
    } else if (rows instanceof YamlMap) {
      problem(rows, "'rows' must be a list of mappings (or text with format csv or sql)");
    }
    if (format.equals(UnitTestSpec.SQL) && text == null && fixture == null) {
      problem(m, "with format sql, give the query in 'rows' or a 'fixture'");
    }
    return new UnitTestSpec.Fixture(
        input,
        format,
        List.copyOf(dicts),
        text,
        fixture,
        rows != null || fixture != null,
        m.span());
  }
}
