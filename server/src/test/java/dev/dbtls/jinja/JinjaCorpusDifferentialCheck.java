package dev.dbtls.jinja;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.project.Adapter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Manual check, not a test: renders every .sql file under the given folders at top level (macro
 * definitions render to nothing, so this compares text, comments and whitespace handling) with
 * DbtJinja and with Jinja2 configured like dbt, where unknown names are callable and empty.
 */
public final class JinjaCorpusDifferentialCheck {
  private static final String PYTHON =
      """
      import json, sys, jinja2
      from jinja2 import nodes
      from jinja2.ext import Extension
      class Blocks(Extension):
          tags = {'materialization', 'test', 'docs', 'snapshot'}
          def parse(self, parser):
              tag = next(parser.stream)
              while parser.stream.current.type != 'block_end':
                  next(parser.stream)
              body = parser.parse_statements(('name:end' + tag.value,), drop_needle=True)
              if tag.value == 'snapshot':
                  return body
              return nodes.Output([], lineno=tag.lineno)
      class Quiet(jinja2.Undefined):
          def __call__(self, *a, **k): return ''
          def __getattr__(self, name): return Quiet()
          def __str__(self): return ''
      env = jinja2.Environment(extensions=['jinja2.ext.do', 'jinja2.ext.loopcontrols', Blocks], undefined=Quiet)
      out = {}
      for path, t in json.load(sys.stdin).items():
          try:
              out[path] = env.from_string(t).render()
          except Exception as e:
              out[path] = 'ERROR: %s' % e
      json.dump(out, sys.stdout)
      """;

  public static void main(String[] args) throws Exception {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String a : args) {
      try (Stream<Path> s = Files.walk(Path.of(a))) {
        for (Path p : s.filter(x -> x.toString().endsWith(".sql")).sorted().toList()) {
          texts.put(p.toString(), Files.readString(p));
        }
      }
    }
    Process p =
        new ProcessBuilder("python3", "-c", PYTHON)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (OutputStream os = p.getOutputStream()) {
      os.write(new ObjectMapper().writeValueAsBytes(texts));
    }
    @SuppressWarnings("unchecked")
    Map<String, String> expected =
        new ObjectMapper()
            .readValue(
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8), Map.class);
    DbtJinja j =
        new DbtJinja(new JinjaSetup(Adapter.of("postgres"), "proj", List.of(), Map.of(), null));
    int same = 0;
    int skipped = 0;
    for (Map.Entry<String, String> e : texts.entrySet()) {
      String want = expected.get(e.getKey());
      if (want == null || want.startsWith("ERROR:")) {
        skipped++;
        continue;
      }
      String got = j.render(new RenderRequest(e.getKey(), e.getValue(), "proj", Map.of())).output();
      if (got.equals(want)) {
        same++;
      } else {
        System.err.println(
            "DIFF "
                + e.getKey()
                + "\n  want: "
                + want.replace("\n", "\\n")
                + "\n  got:  "
                + got.replace("\n", "\\n"));
      }
    }
    System.err.printf(
        "%d of %d files render identically (%d skipped: Jinja2 raised)%n",
        same, texts.size() - skipped, skipped);
  }
}
