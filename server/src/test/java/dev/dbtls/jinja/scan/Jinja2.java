package dev.dbtls.jinja.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Python's Jinja2 as a test oracle: one python3 process per call handles a whole table. dbt's block
 * tags (materialization, docs, test, snapshot) are added by a small extension, and the {@code do}
 * and loop-control extensions are on, as in dbt.
 */
final class Jinja2 {
  private Jinja2() {}

  private static final String PRELUDE =
      String.join(
          "\n",
          "import sys, json, jinja2",
          "from jinja2 import nodes",
          "from jinja2.ext import Extension",
          "class DbtBlocks(Extension):",
          "    tags = {'materialization', 'docs', 'test', 'snapshot'}",
          "    def parse(self, parser):",
          "        tag = next(parser.stream)",
          "        while parser.stream.current.type not in ('block_end', 'eof'):",
          "            next(parser.stream)",
          "        parser.parse_statements(('name:end' + tag.value,), drop_needle=True)",
          "        return nodes.Output([], lineno=tag.lineno)",
          "env = jinja2.Environment(extensions=['jinja2.ext.do', 'jinja2.ext.loopcontrols', DbtBlocks])",
          // Stand-ins for dbt's context, enough to render models of our corpus.
          "class Pkg:",
          "    def __getattr__(self, name):",
          "        return lambda *a, **k: name + '(' + ', '.join(map(str, a)) + ')'",
          "env.globals.update(",
          "    ref=lambda *a, **k: '\"db\".\"' + a[-1] + '\"',",
          "    source=lambda s, t: '\"raw\".\"' + s + '_' + t + '\"',",
          "    config=lambda *a, **k: '',",
          "    var=lambda n, d=None: d if d is not None else 'var_' + n,",
          "    env_var=lambda n, d='': d,",
          "    is_incremental=lambda: True,",
          "    this='\"db\".\"this\"',",
          "    cents_to_dollars=lambda c, *a: '(' + c + ' / 100)',",
          "    dbt_utils=Pkg())",
          "data = json.loads(sys.stdin.buffer.read().decode('utf-8'))");

  /** For each template: null when Jinja2 parses it, else its error message. */
  static List<String> parseErrors(List<String> templates) throws IOException, InterruptedException {
    String script =
        PRELUDE
            + "\n"
            + String.join(
                "\n",
                "out = []",
                "for t in data['templates']:",
                "    try:",
                "        env.parse(t)",
                "        out.append(None)",
                "    except Exception as e:",
                "        out.append(type(e).__name__ + ': ' + str(e))",
                "sys.stdout.buffer.write(json.dumps(out).encode('utf-8'))");
    JsonNode out = run(script, templates, "{}");
    List<String> result = new ArrayList<>();
    for (JsonNode n : out) {
      result.add(n.isNull() ? null : n.asText());
    }
    return result;
  }

  /** Renders each template with {@code varsJson}; an exception becomes {@code "ERROR ..."}. */
  static List<String> render(List<String> templates, String varsJson)
      throws IOException, InterruptedException {
    String script =
        PRELUDE
            + "\n"
            + String.join(
                "\n",
                "out = []",
                "for t in data['templates']:",
                "    try:",
                "        out.append(env.from_string(t).render(**data['vars']))",
                "    except Exception as e:",
                "        out.append('ERROR ' + repr(e))",
                "sys.stdout.buffer.write(json.dumps(out).encode('utf-8'))");
    JsonNode out = run(script, templates, varsJson);
    List<String> result = new ArrayList<>();
    for (JsonNode n : out) {
      result.add(n.asText());
    }
    return result;
  }

  private static JsonNode run(String script, List<String> templates, String varsJson)
      throws IOException, InterruptedException {
    ObjectMapper json = new ObjectMapper();
    Process p = new ProcessBuilder("python3", "-c", script).start();
    String input =
        "{\"templates\": " + json.writeValueAsString(templates) + ", \"vars\": " + varsJson + "}";
    // Read stdout on another thread so a large answer cannot block the writer.
    byte[][] stdout = new byte[1][];
    Thread reader =
        new Thread(
            () -> {
              try {
                stdout[0] = p.getInputStream().readAllBytes();
              } catch (IOException e) {
                stdout[0] = new byte[0];
              }
            });
    reader.start();
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    reader.join();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("python3 failed: " + stderr);
    }
    return json.readTree(new String(stdout[0], StandardCharsets.UTF_8));
  }
}
