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
      description =
          "model, seed, snapshot, analysis, test, unit_test, source, exposure, function,"
              + " semantic_model, metric, saved_query, default or all (default: all but analysis)")
  List<String> resourceTypes = new ArrayList<>();

  @Option(
      names = "--exclude-resource-type",
      description = "resource types to leave out, as --resource-type names them")
  List<String> excludeResourceTypes = new ArrayList<>();

  @Option(
      names = {"--output", "-o"},
      description = "selector (default), name, path or json")
  String output = "selector";

  @Override
  public Integer call() {
    List<String> errors = new ArrayList<>();
    dev.dbtls.index.compile.ProjectSnapshot snapshot = project.snapshot(errors, false);
    Manifest manifest = snapshot.manifest();
    dev.dbtls.project.Timing.mark("project loaded");
    List<Problem> problems = new ArrayList<>(manifest.problems());
    Set<String> ids = selector.choose(project, snapshot, problems).chosen();
    PrintStream out = System.out;
    List<String> lines = new ArrayList<>();
    // made only for JSON: a mapper's first making is ~25 ms of a cold JVM
    ObjectMapper json = output.equals("json") ? new ObjectMapper() : null;
    Set<ResourceType> wanted = wantedTypes();
    for (String id : ids) {
      Node n = manifest.nodes().get(id);
      if (n == null || !wanted.contains(n.type())) {
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
    dev.dbtls.project.Timing.mark("listed");
    return Reporter.report(problems, errors);
  }

  /** dbt's resource types from the options: all but analyses unless asked (dbt ls's default). */
  private Set<ResourceType> wantedTypes() {
    Set<ResourceType> wanted = java.util.EnumSet.noneOf(ResourceType.class);
    if (resourceTypes.isEmpty()) {
      wanted.addAll(ResourceType.LISTED_BY_DEFAULT);
    }
    for (String r : split(resourceTypes)) {
      if (r.equals("all")) {
        wanted.addAll(ResourceType.LISTED_BY_DEFAULT);
        wanted.add(ResourceType.ANALYSIS);
      } else if (r.equals("default")) {
        wanted.addAll(ResourceType.LISTED_BY_DEFAULT);
      } else if (ResourceType.parse(r) != null) {
        wanted.add(ResourceType.parse(r));
      }
    }
    split(excludeResourceTypes).stream()
        .map(ResourceType::parse)
        .filter(java.util.Objects::nonNull)
        .forEach(wanted::remove);
    return wanted;
  }

  /** {@code --resource-type a --resource-type b} and {@code --resource-type "a b"} alike. */
  private static List<String> split(List<String> values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.addAll(List.of(v.trim().split("[\\s,]+"))));
    out.removeIf(String::isEmpty);
    return out;
  }

  /** What {@code dbt ls} prints for a node by default, as dbt 1.12 writes it. */
  static String selectorString(Node n) {
    String pkgName = n.packageName() + "." + n.name();
    return switch (n.type()) {
      case SOURCE -> "source:" + String.join(".", n.fqn());
      case EXPOSURE -> "exposure:" + pkgName;
      case METRIC -> "metric:" + pkgName;
      case SAVED_QUERY -> "saved_query:" + pkgName;
      case SEMANTIC_MODEL -> "semantic_model:" + pkgName;
      case UNIT_TEST -> "unit_test:" + pkgName;
      default -> String.join(".", n.fqn());
    };
  }

  private static String toJson(ObjectMapper json, Node n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", n.name());
    m.put("resource_type", n.type().dbtName());
    m.put("package_name", n.packageName());
    m.put("original_file_path", n.originalFilePath());
    m.put("unique_id", n.uniqueId());
    if (n.relation() != null && n.type() != ResourceType.SOURCE) {
      m.put("alias", n.relation().identifier());
    }
    if (n.type() == ResourceType.SOURCE && n.extra().get("source_name") != null) {
      m.put("source_name", n.extra().get("source_name"));
    }
    m.put("config", n.config());
    m.put("tags", n.tags());
    Map<String, Object> dependsOn = new LinkedHashMap<>();
    dependsOn.put("macros", List.of());
    dependsOn.put("nodes", n.dependsOn());
    m.put("depends_on", dependsOn);
    try {
      return json.writeValueAsString(m);
    } catch (Exception e) {
      return "{\"unique_id\":\"" + n.uniqueId() + "\"}";
    }
  }
}
