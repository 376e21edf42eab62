package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Whether a folder's {@code +enabled: "{{ ... }}"} enables its models, judged by Python's Jinja2:
 * dbt renders YAML with a native environment, so the value is the expression's own (a boolean), and
 * Python's truthiness of it decides. Every template below is rendered by {@code
 * jinja2.nativetypes.NativeEnvironment} with the same target and --vars.
 */
class YamlJinjaDifferentialTest {
  private static final List<String> TEMPLATES =
      List.of(
          "{{ target.type == 'duckdb' }}",
          "{{ target.type == 'postgres' }}",
          "{{ target.name != 'prod' }}",
          "{{ target.name in ['prod', 'ci'] }}",
          "{{ not (target.name in ['prod', 'ci']) }}",
          "{{ var('flag', true) }}",
          "{{ var('flag', true) and target.type == 'duckdb' }}",
          "{{ var('missing_flag', false) or target.name == 'dev' }}",
          "{{ var('api', 'rest') == var('override', 'graphql') }}",
          "{{ var('api', 'rest') == 'rest' }}",
          "{{ target.schema.startswith('main') }}",
          "{{ target.type | upper == 'DUCKDB' }}",
          "{% if target.name == 'prod' %}True{% else %}False{% endif %}",
          "{% if target.type == 'duckdb' %}True{% else %}False{% endif %}",
          "{{ 'x' in target.schema }}",
          "{{ (target.threads | int) > 4 }}",
          // as a public package writes it: the filter binds to the literal, not to the comparison
          "{{ target.type == 'duckdb' | as_bool() }}",
          "{{ target.type == 'snowflake' | as_bool() }}",
          "{{ target.type in ['redshift', 'postgres'] | as_bool() }}",
          "{{ target.type in ['duckdb', 'postgres'] | as_bool() }}");

  private static final String VARS = "{\"flag\": false, \"api\": \"rest\"}";

  @Test
  void enabledDecidedAsJinja2Decides() throws Exception {
    List<Boolean> expected = jinja2();
    assertEquals(
        List.of(false, true),
        expected.stream().distinct().sorted().toList(),
        "the table enables some folders and disables others");
    StringBuilder spec =
        new StringBuilder(
            "-- file: dbt_project.yml\nname: shop\nprofile: shop\n" + "models:\n  shop:\n");
    for (int i = 0; i < TEMPLATES.size(); i++) {
      spec.append("    f")
          .append(i)
          .append(":\n      +enabled: \"")
          .append(TEMPLATES.get(i).replace("\"", "\\\""))
          .append("\"\n");
    }
    for (int i = 0; i < TEMPLATES.size(); i++) {
      spec.append("-- file: models/f")
          .append(i)
          .append("/m")
          .append(i)
          .append(".sql\nselect ")
          .append(i)
          .append(" as id\n");
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("flag", false);
    vars.put("api", "rest");
    ProjectSnapshot s = YamlJinjaConfigTest.load(spec.toString(), null, vars);
    assertEquals(List.of(), YamlJinjaConfigTest.errors(s.manifest()));
    List<Boolean> ours = new ArrayList<>();
    for (int i = 0; i < TEMPLATES.size(); i++) {
      ours.add(s.manifest().nodes().containsKey("model.shop.m" + i));
    }
    for (int i = 0; i < TEMPLATES.size(); i++) {
      assertEquals(expected.get(i), ours.get(i), TEMPLATES.get(i));
    }
  }

  /** Python's verdict for each template; skipped when Python's Jinja2 is not installed. */
  private static List<Boolean> jinja2() throws Exception {
    String script =
        String.join(
            "\n",
            "import sys, json",
            "from jinja2.nativetypes import NativeEnvironment",
            "data = json.loads(sys.stdin.read())",
            "vs = data['vars']",
            "def var(n, d=None):",
            "    return vs[n] if n in vs else d",
            "env = NativeEnvironment()",
            // dbt's as_bool marks its value (a str subclass) for native conversion
            "env.filters['as_bool'] = lambda v: str(v)",
            "out = []",
            "for t in data['templates']:",
            "    v = env.from_string(t).render(target=data['target'], var=var)",
            "    assert isinstance(v, bool), (t, v)",
            "    out.append(v)",
            "print(json.dumps(out))");
    Process p;
    try {
      p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(false).start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "python3 is not installed");
      return List.of();
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("templates", TEMPLATES);
    // the target our fixture's dev output gives templates
    input.put(
        "target",
        Map.of(
            "name", "dev", "type", "duckdb", "schema", "main", "threads", 1, "database", "shop"));
    input.put("vars", json.readValue(VARS, Map.class));
    p.getOutputStream().write(json.writeValueAsBytes(input));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    assumeTrue(!err.contains("No module named 'jinja2'"), "Python's Jinja2 is not installed");
    assertEquals(0, p.exitValue(), err);
    List<Boolean> result = new ArrayList<>();
    for (JsonNode n : json.readTree(out)) {
      result.add(n.asBoolean());
    }
    return result;
  }
}
