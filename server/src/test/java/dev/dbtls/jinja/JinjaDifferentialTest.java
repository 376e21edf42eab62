package dev.dbtls.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.project.Adapter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every probe rendered by DbtJinja and by Python's Jinja2 (configured like dbt), compared byte for
 * byte. Known failures must keep failing, so the list stays honest.
 */
class JinjaDifferentialTest {

  /** Probes that still differ from Jinja2, each with why. */
  static final Map<String, String> KNOWN_FAILURES =
      Map.ofEntries(
          // none at the moment; add Map.entry("probe_id", "why it still differs")
          );

  private static final String PYTHON =
      """
      import json, sys, jinja2
      class Obj:
          def fmt(self, a, b): return '%s-%s' % (a, b)
      ctx = dict(x=5, l=[1, 2, 3], d={'a': 1, 'b': 2}, s=' Hello ', n=None,
                 rows=[{'name': 'a', 'v': 1}, {'name': 'b', 'v': 2}], obj=Obj(),
                 getf=lambda: (lambda a: 'f%s' % a), getpair=lambda: ['p', 'q'], tmpl='{{ x }}',
                 tojson=lambda v: json.dumps(v))
      env = jinja2.Environment(extensions=['jinja2.ext.do', 'jinja2.ext.loopcontrols'])
      out = {}
      for pid, t in json.load(sys.stdin).items():
          try:
              out[pid] = env.from_string(t).render(**ctx)
          except Exception as e:
              out[pid] = 'ERROR: %s' % e
      json.dump(out, sys.stdout)
      """;

  static Map<String, Object> context() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("x", 5L);
    c.put("l", new ArrayList<>(List.of(1L, 2L, 3L)));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("a", 1L);
    d.put("b", 2L);
    c.put("d", d);
    c.put("s", " Hello ");
    c.put("n", null);
    c.put("rows", List.of(row("a", 1L), row("b", 2L)));
    c.put(
        "obj",
        new PyObject() {
          @Override
          public Object attr(String name) {
            return MISSING;
          }

          @Override
          public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
            if (!method.equals("fmt")) {
              return MISSING;
            }
            Object a = args.isEmpty() ? kwargs.get("a") : args.get(0);
            Object b = args.size() > 1 ? args.get(1) : kwargs.get("b");
            return a + "-" + b;
          }
        });
    c.put(
        "getf",
        (JinjaCallable)
            (a, k) -> (JinjaCallable) (a2, k2) -> "f" + (a2.isEmpty() ? k2.get("a") : a2.get(0)));
    c.put("getpair", (JinjaCallable) (a, k) -> new ArrayList<>(List.of("p", "q")));
    c.put("tmpl", "{{ x }}");
    return c;
  }

  private static Map<String, Object> row(String name, long v) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("name", name);
    r.put("v", v);
    return r;
  }

  static Map<String, String> jinja2(List<JinjaProbes.Probe> probes) throws Exception {
    Map<String, String> in = new LinkedHashMap<>();
    probes.forEach(p -> in.put(p.id(), p.template()));
    Process p =
        new ProcessBuilder("python3", "-c", PYTHON)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (OutputStream os = p.getOutputStream()) {
      os.write(new ObjectMapper().writeValueAsBytes(in));
    }
    byte[] out = p.getInputStream().readAllBytes();
    p.waitFor();
    @SuppressWarnings("unchecked")
    Map<String, String> result =
        new ObjectMapper().readValue(new String(out, StandardCharsets.UTF_8), Map.class);
    return result;
  }

  @TestFactory
  Stream<DynamicTest> probesRenderLikeJinja2() throws Exception {
    Map<String, String> expected = jinja2(JinjaProbes.ALL);
    DbtJinja engine =
        new DbtJinja(new JinjaSetup(Adapter.of("postgres"), "proj", List.of(), Map.of(), null));
    return JinjaProbes.ALL.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p.id(),
                    () -> {
                      Rendered r =
                          engine.render(
                              new RenderRequest("probe.sql", p.template(), "proj", context()));
                      String want = expected.get(p.id());
                      String reason = KNOWN_FAILURES.get(p.id());
                      if (reason == null) {
                        assertEquals(
                            want, r.output(), () -> p.template() + "\nproblems: " + r.problems());
                      } else {
                        assertNotEquals(
                            want, r.output(), "known failure now passes, remove it: " + p.id());
                      }
                    }));
  }

  /** Prints every probe's comparison; run by hand when updating KNOWN_FAILURES. */
  public static void main(String[] args) throws Exception {
    Map<String, String> expected = jinja2(JinjaProbes.ALL);
    DbtJinja engine =
        new DbtJinja(new JinjaSetup(Adapter.of("postgres"), "proj", List.of(), Map.of(), null));
    int pass = 0;
    for (JinjaProbes.Probe p : JinjaProbes.ALL) {
      Rendered r = engine.render(new RenderRequest("probe.sql", p.template(), "proj", context()));
      if (r.output().equals(expected.get(p.id()))) {
        pass++;
      } else {
        System.err.println(
            "FAIL "
                + p.id()
                + "\n  tmpl: "
                + p.template()
                + "\n  want: "
                + expected.get(p.id())
                + "\n  got:  "
                + r.output()
                + "\n  "
                + r.problems());
      }
    }
    System.err.println(pass + "/" + JinjaProbes.ALL.size() + " pass " + Arrays.toString(args));
  }
}
