package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.testing.Fixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A var's Jinja value, rendered by {@code var()} where a model calls it, against the same value
 * rendered by Python's Jinja2 with the same {@code target}: dbt hands the string to Jinja as it is.
 */
class VarRenderingDifferentialTest {
  private static final List<String> VALUES =
      List.of(
          "{{ 'raw_' ~ target.schema | upper }}",
          "{% for i in range(3) %}{{ i }}{% if not loop.last %},{% endif %}{% endfor %}",
          "{%- if target.name == 'dev' -%} dev_only {%- else -%} other {%- endif %}",
          "{# a note #}kept {{ 1 + 2 * 3 }}",
          "{{ '%s-%s' | format('x', 'y') }} {{ [3, 1, 2] | sort | join('') }}",
          "{% set parts = ['a', 'b'] %}{{ parts | map('upper') | join('.') }}",
          "  {{ target.name }}  ");

  @Test
  void varValuesRenderAsJinja2RendersThem() throws Exception {
    StringBuilder spec =
        new StringBuilder("-- file: dbt_project.yml\nname: shop\nprofile: shop\nvars:\n");
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < VALUES.size(); i++) {
      spec.append("  v")
          .append(i)
          .append(": ")
          .append(json.writeValueAsString(VALUES.get(i)))
          .append('\n');
    }
    for (int i = 0; i < VALUES.size(); i++) {
      spec.append("-- file: models/m")
          .append(i)
          .append(".sql\n{{ var('v")
          .append(i)
          .append("') }}\n");
    }
    ProjectSnapshot s = Fixture.of(spec.toString()).snapshot();
    List<String> ours = new ArrayList<>();
    for (int i = 0; i < VALUES.size(); i++) {
      CompiledNode c = new NodeCompiler(s).compile(s.manifest().nodes().get("model.shop.m" + i));
      assertFalse(c.failed(), c.problems().toString());
      ours.add(c.sql()); // the file's last newline goes, as Jinja drops a template's trailing one
    }
    assertEquals(jinja2(VALUES), ours);
  }

  private static List<String> jinja2(List<String> templates) throws Exception {
    String script =
        String.join(
            "\n",
            "import json, sys, jinja2",
            "env = jinja2.Environment(extensions=['jinja2.ext.do', 'jinja2.ext.loopcontrols'])",
            "target = {'name': 'dev', 'schema': 'main', 'database': 'shop', 'type': 'duckdb'}",
            "out = [env.from_string(t).render(target=target) for t in json.load(sys.stdin)]",
            "sys.stdout.buffer.write(json.dumps(out).encode('utf-8'))");
    Process p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(false).start();
    ObjectMapper json = new ObjectMapper();
    p.getOutputStream().write(json.writeValueAsBytes(templates));
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("python3 failed: " + err);
    }
    return List.of(json.readValue(out, String[].class));
  }
}
