package dev.dbtls.mcp;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.index.strict.StrictSpec;
import dev.dbtls.project.Problem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    Set<Path> files = new LinkedHashSet<>();
    if (file != null) {
      files.add(file);
    } else {
      // as dbtls check: the root project's SQL files and the YAML of its data tests
      for (Node n : s.manifest().nodes().values()) {
        if (n.type().compiles()
            && n.packageName().equals(s.inputs().root().name())
            && (n.file() != null || n.type() == dev.dbtls.index.ResourceType.TEST)) {
          files.add(root.resolve(n.displayPath()).normalize());
        }
      }
    }
    Set<Problem> found = new LinkedHashSet<>();
    project.analysis().diagnostics(files).values().forEach(found::addAll);
    StrictSpec.ofProject(s).values().forEach(ds -> ds.forEach(d -> found.add(d.problem())));
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
