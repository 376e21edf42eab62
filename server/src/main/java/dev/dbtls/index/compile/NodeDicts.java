package dev.dbtls.index.compile;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.project.properties.ColumnSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nodes as the dicts templates see in {@code model} and {@code graph}, shaped like dbt's manifest.
 */
final class NodeDicts {
  private NodeDicts() {}

  static Map<String, Object> of(Node n) {
    return of(n, null);
  }

  /** {@link #of(Node)} with the node's file text as a render read it (null: read it here). */
  static Map<String, Object> of(Node n, String fileText) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("unique_id", n.uniqueId());
    m.put("name", n.name());
    m.put("resource_type", n.type().dbtName());
    m.put("package_name", n.packageName());
    m.put("original_file_path", n.originalFilePath());
    m.put("path", n.originalFilePath());
    m.put("fqn", n.fqn());
    // dbt gives each render its own dicts: a template's `config.update(...)` changes its copy only
    Map<String, Object> config = dev.dbtls.project.Shared.mutableCopy(n.config());
    m.put("config", config);
    m.put("tags", n.tags());
    m.put("description", n.description() == null ? "" : n.description());
    m.put("version", n.version());
    // read, not kept, when it is not in memory (a render of every model reads every model's text)
    String rawCode =
        n.file() == null
            ? ""
            : java.util.Objects.requireNonNullElse(
                fileText != null ? fileText : n.file().peekText(), "");
    m.put("raw_code", rawCode);
    m.put("raw_sql", rawCode);
    m.put("meta", config.getOrDefault("meta", new LinkedHashMap<>()));
    if (n.relation() != null) {
      m.put("database", n.relation().database());
      m.put("schema", n.relation().schema());
      m.put("alias", n.relation().identifier());
      m.put("identifier", n.relation().identifier());
    }
    Map<String, Object> columns = new LinkedHashMap<>();
    for (ColumnSpec c : n.columns()) {
      Map<String, Object> col = new LinkedHashMap<>();
      col.put("name", c.name());
      col.put("description", c.description() == null ? "" : c.description());
      col.put("data_type", c.dataType());
      // dbt gives each render its own dicts: a template's `meta.update(...)` changes only its copy
      col.put("meta", c.meta() == null ? null : new LinkedHashMap<>(c.meta()));
      col.put("tags", c.tags() == null ? null : new java.util.ArrayList<>(c.tags()));
      col.put("quote", c.quote());
      col.put(
          "constraints",
          c.constraints() == null
              ? new java.util.ArrayList<>()
              : new java.util.ArrayList<>(c.constraints()));
      columns.put(c.name(), col);
    }
    m.put("columns", columns);
    m.put("constraints", n.extra().getOrDefault("constraints", List.of()));
    m.put(
        "refs",
        n.refs().stream()
            .map(
                r ->
                    Map.of(
                        "name",
                        r.name(),
                        "package",
                        String.valueOf(r.packageName()),
                        "version",
                        String.valueOf(r.version())))
            .toList());
    m.put(
        "sources", n.sources().stream().map(s -> List.of(s.sourceName(), s.tableName())).toList());
    m.put("depends_on", Map.of("nodes", n.dependsOn(), "macros", List.of()));
    if (n.type() == ResourceType.FUNCTION) {
      FunctionDicts.put(n, m);
    }
    if (n.extra().get(Node.RAW_CODE) instanceof String raw) {
      m.put("raw_code", rawCode);
      m.put("raw_sql", rawCode);
    }
    if (n.type() == ResourceType.SOURCE) {
      m.put("source_name", n.extra().get("source_name"));
      m.put("loader", n.extra().get("loader"));
      m.put("source_description", n.extra().get("source_description"));
    }
    if (n.type() == ResourceType.TEST) {
      m.put("column_name", n.extra().get("column_name"));
      m.put("attached_node", n.extra().get("attached_node"));
      if (n.extra().get("test_name") != null) {
        m.put(
            "test_metadata",
            Map.of(
                "name",
                n.extra().get("test_name"),
                "kwargs",
                n.extra().getOrDefault("kwargs", Map.of())));
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /** {@code graph}: every node by unique id, sources and exposures apart, as dbt exposes it. */
  static Map<String, Object> graph(Manifest manifest) {
    Map<String, Object> nodes = new LinkedHashMap<>();
    Map<String, Object> sources = new LinkedHashMap<>();
    Map<String, Object> exposures = new LinkedHashMap<>();
    Map<String, Object> functions = new LinkedHashMap<>();
    Map<String, Object> metrics = new LinkedHashMap<>();
    Map<String, Object> semanticModels = new LinkedHashMap<>();
    Map<String, Object> savedQueries = new LinkedHashMap<>();
    Map<String, Object> unitTests = new LinkedHashMap<>();
    for (Node n : manifest.nodes().values()) {
      // dbt keeps each of these apart from graph.nodes (dbt 1.12's flat graph)
      Map<String, Object> into =
          switch (n.type()) {
            case SOURCE -> sources;
            case EXPOSURE -> exposures;
            case FUNCTION -> functions;
            case METRIC -> metrics;
            case SEMANTIC_MODEL -> semanticModels;
            case SAVED_QUERY -> savedQueries;
            case UNIT_TEST -> unitTests;
            default -> nodes;
          };
      into.put(n.uniqueId(), of(n));
    }
    Map<String, Object> graph = new LinkedHashMap<>();
    graph.put("exposures", exposures);
    graph.put("functions", functions);
    graph.put("groups", Map.of());
    graph.put("metrics", metrics);
    graph.put("nodes", nodes);
    graph.put("sources", sources);
    graph.put("semantic_models", semanticModels);
    graph.put("saved_queries", savedQueries);
    graph.put("unit_tests", unitTests);
    return Collections.unmodifiableMap(graph);
  }
}
