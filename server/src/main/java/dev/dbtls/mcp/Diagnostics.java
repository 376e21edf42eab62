package dev.dbtls.mcp;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Problem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code diagnostics}: the problems {@code dbtls check} reports (the editor's, with every file of
 * the root project open, and dbt v2's strict spec), of the project or one file.
 */
final class Diagnostics implements DbtTool {
  @Override
  public String name() {
    return "diagnostics";
  }

  @Override
  public String description() {
    return "The problems of the dbt project, as 'dbtls check' reports them: unknown refs and"
        + " sources, Jinja and SQL errors, columns that do not exist upstream, YAML mistakes and"
        + " what dbt v2 deprecates. For the whole project, or one file (path relative to the"
        + " project). Run it after editing files."
        + UNTRUSTED;
  }

  @Override
  public Map<String, Object> inputSchema() {
    return Schemas.object(
        List.of(),
        "file",
        Schemas.string("A file of the project, e.g. models/orders.sql (default: every file)"),
        "max",
        Schemas.integer("Most problems (default 200)", 1, 5000));
  }

  @Override
  public Object call(Arguments args, McpProject project) {
    String only = args.string("file");
    Path file = only == null ? null : project.file(only);
    ProjectSnapshot s = project.analysis().snapshot();
    Path root = s.inputs().root().dir();
    // one file: its diagnostics, its deprecations among them; every file: as dbtls check
    List<Problem> found =
        file != null
            ? project.analysis().diagnostics(List.of(file)).values().stream()
                .flatMap(List::stream)
                .distinct()
                .toList()
            : project.analysis().check(project.analysis().checkedFiles());
    String display = file == null ? null : root.relativize(file).toString().replace('\\', '/');
    List<Problem> problems =
        found.stream().filter(p -> display == null || p.file().equals(display)).toList();
    int max = args.integer("max", 200, 1, 5000);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("errors", problems.stream().filter(Problem::isError).count());
    m.put("warnings", problems.stream().filter(p -> !p.isError()).count());
    m.put("problems", problems.stream().limit(max).map(Plain::problem).toList());
    m.put("truncated", problems.size() > max);
    return m;
  }
}
