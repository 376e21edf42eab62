package dev.dbtls.mcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code build} and {@code test} (only with {@code --allow-build}): {@code dbtls build} / {@code
 * dbtls test} run as the command line runs them (the native runner, dbt's selection, a protected
 * target refused), in a process of their own so a long run cannot stall the server's answers.
 */
final class BuildTool implements DbtTool {
  private static final int TIMEOUT_MINUTES = 30;
  private static final int MAX_OUTPUT = 20_000;

  private final String which;

  BuildTool(String which) {
    this.which = which;
  }

  @Override
  public String name() {
    return which;
  }

  @Override
  public boolean readOnly() {
    return false;
  }

  @Override
  public String description() {
    return which.equals("build")
        ? "Build the selected nodes on the target warehouse, as 'dbt build': seeds, models,"
            + " snapshots and their tests in DAG order. WRITES relations in the target. Use dbt's"
            + " selection syntax (e.g. ['orders+']). A protected target (prod) is refused."
            + UNTRUSTED
        : "Run the data tests and unit tests of the selected nodes on the target warehouse, as"
            + " 'dbt test'. May write failing rows to the audit schema if the project stores"
            + " failures. Use dbt's selection syntax (e.g. ['orders'])."
            + UNTRUSTED;
  }

  @Override
  public Map<String, Object> inputSchema() {
    return Schemas.object(
        List.of(),
        "select",
        Schemas.strings("dbt selection, e.g. ['orders', 'tag:daily', 'stg_orders+']"),
        "exclude",
        Schemas.strings("Nodes to leave out (dbt selection)"),
        "fail_fast",
        Schemas.bool("Stop at the first failure"));
  }

  @Override
  public Object call(Arguments args, McpProject project) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(project.launch());
    cmd.add(which);
    cmd.addAll(project.projectArguments());
    List<String> select = args.strings("select");
    if (!select.isEmpty()) {
      cmd.add("--select");
      cmd.addAll(select);
    }
    List<String> exclude = args.strings("exclude");
    if (!exclude.isEmpty()) {
      cmd.add("--exclude");
      cmd.addAll(exclude);
    }
    if (args.flag("fail_fast")) {
      cmd.add("--fail-fast");
    }
    Process p =
        new ProcessBuilder(cmd)
            .directory(project.root().toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    p.getOutputStream().close();
    StringBuilder out = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try {
                out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                // the process ended
              }
            },
            "dbtls-mcp-" + which);
    reader.start();
    boolean ended = p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly();
    }
    reader.join(10_000);
    String text = out.toString();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "command",
        "dbtls "
            + which
            + " "
            + String.join(" ", cmd.subList(project.launch().size() + 1, cmd.size())));
    m.put("exit_code", ended ? p.exitValue() : null);
    m.put("timed_out", !ended);
    m.put(
        "output",
        text.length() > MAX_OUTPUT ? "...\n" + text.substring(text.length() - MAX_OUTPUT) : text);
    return new ToolCalls.Answer(m, !ended || p.exitValue() != 0, null, null);
  }
}
