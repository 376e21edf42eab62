package dev.dbtls.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Adapter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code modules.re} against Python's {@code re}: patterns real projects write (dbt_utils' slugify,
 * braces that are no quantifier) and generated ones, through search, findall, sub and split in
 * Jinja2 and in DbtJinja. Where Python raises {@code re.error}, so must we, in its words.
 */
class PyRegexDifferentialTest {
  private static final DbtJinja JINJA =
      new DbtJinja(new JinjaSetup(Adapter.of("postgres"), "p", List.of(), Map.of(), null));

  private static final String PYTHON =
      """
      import json, sys, re, warnings, jinja2
      warnings.simplefilter('ignore')  # FutureWarning on '[[' and '&&', which stay literal
      env = jinja2.Environment(extensions=['jinja2.ext.do'])
      modules = dict(re={n: getattr(re, n) for n in re.__all__})
      out = {}
      for pid, t in json.load(sys.stdin).items():
          p, s, t = t.split('\\u0001')
          try:
              out[pid] = env.from_string(t).render(modules=modules, p=p, s=s)
          except re.error as e:
              out[pid] = 'RE-ERROR: %s' % e
          except Exception as e:
              out[pid] = 'ERROR: %s' % e
      json.dump(out, sys.stdout)
      """;

  private static final List<String> TEMPLATES =
      List.of(
          "{% set m = modules.re.search(p, s) %}{{ m.span() if m else none }}{{ m.groups() if m else '' }}",
          "{{ modules.re.findall(p, s) }}",
          "{{ modules.re.sub(p, '<\\\\g<0>>', s) }}",
          "{{ modules.re.split(p, s) }}",
          "{{ modules.re.sub(p, '_', s, flags=modules.re.IGNORECASE) }}",
          "{% set m = modules.re.match(p, s, modules.re.M + modules.re.S) %}{{ m.group(0) if m else 'no' }}");

  /** Patterns public projects use, and the constructs Python and Java read differently. */
  private static final List<String> PATTERNS =
      List.of(
          "[ -]+",
          "[^a-z0-9_]+",
          "^[0-9]",
          "{{",
          "}}",
          "{",
          "a{2}",
          "a{,2}",
          "a{2,}",
          "{abc}",
          "a{1,2",
          "x{}",
          "{,}",
          "\\{\\{.*?\\}\\}",
          "(?P<first_name>\\w+)\\s(?P=first_name)",
          "(?P<n_1>a)|(?P<n_2>b)",
          "\\w+\\Z",
          "end$",
          "[[a]",
          "[a&&b]",
          "[]a]",
          "[^]a]",
          "(?i)select",
          "(?x) a b  # comment\n c",
          "(?s)a.b",
          "(?m)^b",
          "(?i:A)b",
          "\\d+(?:\\.\\d+)?",
          "(a)(b)?",
          "(a|b)*",
          "\\bis\\b",
          "\\v|\\x41",
          "\\u00e9",
          "\\101",
          "\\0",
          "(?#note)a",
          "a(?=b)",
          "(?<=a)b",
          "(?<!a)b",
          "a++",
          "x*",
          "",
          "(",
          ")",
          "[a",
          "*a",
          "a**",
          "\\q",
          "\\p{L}",
          "(?P<x>a)(?P<x>b)",
          "(?P=nope)",
          "\\2(a)",
          "a{3,1}",
          "\\s+",
          "[\\w.-]+@[\\w-]+\\.\\w+",
          "\\$\\{[^}]+\\}",
          "[{}]",
          "-{2,}",
          "\\n",
          "é+");

  private static final List<String> STRINGS =
      List.of(
          "Hello World-Foo bar",
          "a{2} aa {abc} {{ x }} ${var} end\n",
          "ab ab b ba aaa\nbxb",
          "is this 1.5 or 22?",
          "mail me: a.b-c@d-e.org {}",
          "SELECT * from t",
          "xaxbx",
          "");

  static Map<String, String> cases() {
    Map<String, String> cases = new LinkedHashMap<>();
    List<String> patterns = new ArrayList<>(PATTERNS);
    Random random = new Random(13);
    String[] atoms = {
      "a",
      "b",
      ".",
      "\\d",
      "\\w",
      "\\s",
      "[a-c]",
      "[^a]",
      "{",
      "}",
      "{2}",
      "{,1}",
      "{1,}",
      "*",
      "+",
      "?",
      "(",
      ")",
      "|",
      "^",
      "$",
      "(?:",
      "(?P<g_x>",
      "\\b",
      "\\{",
      "[{]",
      "x",
      "-",
      "\\Z",
      "é"
    };
    for (int n = 0; n < 120; n++) {
      StringBuilder b = new StringBuilder();
      for (int k = 1 + random.nextInt(4); k > 0; k--) {
        b.append(atoms[random.nextInt(atoms.length)]);
      }
      patterns.add(b.toString());
    }
    for (int pi = 0; pi < patterns.size(); pi++) {
      for (int ti = 0; ti < TEMPLATES.size(); ti++) {
        String s = STRINGS.get((pi + ti) % STRINGS.size());
        cases.put(pi + "/" + ti, patterns.get(pi) + "\u0001" + s + "\u0001" + TEMPLATES.get(ti));
      }
    }
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> modulesReAsPython() throws Exception {
    Map<String, String> cases = cases();
    Map<String, String> expected = PytzDifferentialTest.python(cases, PYTHON);
    return cases.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      String[] parts = e.getValue().split("\u0001", -1);
                      Map<String, Object> globals = Map.of("p", parts[0], "s", parts[1]);
                      Rendered r = JINJA.render(new RenderRequest("t.sql", parts[2], "p", globals));
                      String want = expected.get(e.getKey());
                      String what = "pattern " + parts[0] + " on " + parts[1] + " in " + parts[2];
                      if (want.startsWith("RE-ERROR: ")) {
                        assertFalse(
                            r.problems().isEmpty(),
                            () -> what + ": Python raises " + want + ", we printed " + r.output());
                        String message = r.problems().get(0).message();
                        assertTrue(message.contains("re.error: "), () -> what + ": " + message);
                        assertFalse(
                            message.matches("(?s).*\\b(java|Pattern|Exception)\\b.*"), message);
                      } else {
                        assertEquals(List.of(), r.problems(), what);
                        assertEquals(want, r.output(), what);
                      }
                    }));
  }
}
