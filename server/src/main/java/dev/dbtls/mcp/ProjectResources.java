package dev.dbtls.mcp;

import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.Profiles;
import dev.dbtls.project.Target;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The project's README-level facts as MCP resources: its targets (names and types, never
 * credentials), its packages, and the conventions its models follow (folders, materializations,
 * name prefixes).
 */
final class ProjectResources {
  private ProjectResources() {}

  static List<SyncResourceSpecification> all(McpProject project, ToolCalls calls) {
    return List.of(
        resource(
            project,
            calls,
            "dbt://project/targets",
            "targets",
            "The profile's targets: which one is used, its adapter, database and schema (never"
                + " credentials).",
            ProjectResources::targets),
        resource(
            project,
            calls,
            "dbt://project/packages",
            "packages",
            "The project and the dbt packages it loads, with their versions and folders.",
            ProjectResources::packages),
        resource(
            project,
            calls,
            "dbt://project/conventions",
            "conventions",
            "How this project's models are laid out: folders, materializations by folder, name"
                + " prefixes, documented and tested share. Follow them when adding a model.",
            ProjectResources::conventions));
  }

  private static SyncResourceSpecification resource(
      McpProject project,
      ToolCalls calls,
      String uri,
      String name,
      String description,
      Function<ProjectSnapshot, Object> facts) {
    McpSchema.Resource r =
        McpSchema.Resource.builder()
            .uri(uri)
            .name(name)
            .description(description + DbtTool.UNTRUSTED)
            .mimeType("application/json")
            .build();
    return new SyncResourceSpecification(
        r,
        (exchange, request) -> {
          String text;
          try {
            text = ToolCalls.JSON.writeValueAsString(facts.apply(project.snapshot()));
          } catch (Exception e) {
            text = "{\"error\": \"" + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}";
          }
          return new McpSchema.ReadResourceResult(
              List.of(
                  new McpSchema.TextResourceContents(uri, "application/json", calls.scrub(text))));
        });
  }

  static Object targets(ProjectSnapshot s) {
    Target t = s.inputs().target();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("profile", t.profileName());
    m.put("target", t.name());
    m.put("adapter", t.type());
    m.put("database", t.database());
    m.put("schema", t.schema());
    m.put("threads", t.threads());
    m.put(
        "targets",
        s.inputs().profilesFile() == null
            ? List.of(t.name())
            : Profiles.targets(s.inputs().profilesFile(), t.profileName(), FileSource.DISK));
    return m;
  }

  static Object packages(ProjectSnapshot s) {
    Map<String, Object> m = new LinkedHashMap<>();
    DbtProject root = s.inputs().root();
    m.put("project", Map.of("name", root.name(), "version", String.valueOf(root.version())));
    m.put("dbt_version", String.valueOf(s.inputs().dbtVersion()));
    m.put(
        "packages",
        s.inputs().packages().values().stream()
            .filter(p -> !p.name().equals(root.name()))
            .map(
                p ->
                    Map.of(
                        "name", p.name(),
                        "version", String.valueOf(p.version()),
                        "folder", root.dir().relativize(p.dir()).toString().replace('\\', '/')))
            .toList());
    return m;
  }

  static Object conventions(ProjectSnapshot s) {
    String rootName = s.inputs().root().name();
    List<Node> models =
        s.manifest().nodes().values().stream()
            .filter(n -> n.type() == ResourceType.MODEL && n.packageName().equals(rootName))
            .toList();
    Map<String, Map<String, Integer>> byFolder = new TreeMap<>();
    Map<String, Integer> prefixes = new TreeMap<>();
    int documented = 0;
    int withColumns = 0;
    for (Node n : models) {
      String path = n.originalFilePath() == null ? "" : n.originalFilePath();
      String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : ".";
      byFolder
          .computeIfAbsent(folder, k -> new TreeMap<>())
          .merge(String.valueOf(n.materialized()), 1, Integer::sum);
      int underscore = n.name().indexOf('_');
      if (underscore > 0 && underscore <= 5) {
        prefixes.merge(n.name().substring(0, underscore + 1), 1, Integer::sum);
      }
      documented += n.description() == null || n.description().isBlank() ? 0 : 1;
      withColumns += n.columns() == null || n.columns().isEmpty() ? 0 : 1;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("adapter", s.inputs().target().type());
    m.put("model_paths", s.inputs().root().modelPaths());
    m.put("models", models.size());
    m.put("materializations_by_folder", byFolder);
    m.put("name_prefixes", prefixes);
    m.put("models_with_description", documented);
    m.put("models_with_documented_columns", withColumns);
    m.put(
        "tests",
        s.manifest().nodes().values().stream()
            .filter(n -> n.type() == ResourceType.TEST && n.packageName().equals(rootName))
            .count());
    m.put(
        "yaml_files",
        models.stream()
            .map(n -> n.extra() == null ? null : n.extra().get(Node.PROPERTIES_FILE))
            .filter(java.util.Objects::nonNull)
            .map(String::valueOf)
            .distinct()
            .sorted()
            .toList());
    return m;
  }
}
