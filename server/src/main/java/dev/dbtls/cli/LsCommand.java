package dev.dbtls.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.project.Problem;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dbtls ls}: lists nodes like {@code dbt ls}, without rendering anything. */
@Command(name = "ls", aliases = "list", description = "List the project's nodes, like dbt ls.")
final class LsCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Mixin SelectorOption selector;

  @Option(
      names = "--resource-type",
      description = "model, seed, snapshot, analysis, test, source, exposure, all")
  List<String> resourceTypes = new ArrayList<>();

  @Option(
      names = {"--output", "-o"},
      description = "selector (default), name, path or json")
  String output = "selector";

  @Override
  public Integer call() {
    List<String> errors = new ArrayList<>();
    dev.dbtls.index.compile.ProjectSnapshot snapshot = project.snapshot(errors, false);
    Manifest manifest = snapshot.manifest();
    List<Problem> problems = new ArrayList<>(manifest.problems());
    Set<String> ids = selector.choose(project, snapshot, problems).chosen();
    PrintStream out = System.out;
    List<String> lines = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String id : ids) {
      Node n = manifest.nodes().get(id);
      if (n == null || !typeWanted(n.type())) {
        continue;
      }
      lines.add(
          switch (output) {
            case "name" -> n.name();
            case "path" -> n.originalFilePath();
            case "json" -> toJson(json, n);
            default -> selectorString(n);
          });
    }
    lines.sort(null);
    // System.out flushes at every line; one buffered write for tens of thousands of lines
    java.io.PrintWriter w =
        new java.io.PrintWriter(
            new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8),
                1 << 16));
    lines.forEach(w::println);
    w.flush();
    return Reporter.report(problems, errors);
  }

  private boolean typeWanted(ResourceType t) {
    if (resourceTypes.isEmpty() || resourceTypes.contains("all")) {
      return true;
    }
    return resourceTypes.stream().map(ResourceType::parse).anyMatch(r -> r == t);
  }

  static String selectorString(Node n) {
    String fqn = String.join(".", n.fqn());
    return switch (n.type()) {
      case SOURCE -> "source:" + fqn;
      case EXPOSURE -> "exposure:" + fqn;
      case UNIT_TEST -> "unit_test:" + fqn;
      default -> fqn;
    };
  }

  private static String toJson(ObjectMapper json, Node n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", n.name());
    m.put("resource_type", n.type().dbtName());
    m.put("package_name", n.packageName());
    m.put("original_file_path", n.originalFilePath());
    m.put("unique_id", n.uniqueId());
    if (n.relation() != null) {
      m.put("alias", n.relation().identifier());
    }
    m.put("config", n.config());
    m.put("tags", n.tags());
    m.put("depends_on", Map.of("nodes", n.dependsOn()));
    try {
      return json.writeValueAsString(m);
    } catch (Exception e) {
      return "{\"unique_id\":\"" + n.uniqueId() + "\"}";
    }
  }
}
