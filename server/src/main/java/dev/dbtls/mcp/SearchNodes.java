package dev.dbtls.mcp;

import dev.dbtls.ide.WorkspaceSymbol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code search_nodes}: the editor's workspace symbols (fuzzy, best first). */
final class SearchNodes implements DbtTool {
  @Override
  public String name() {
    return "search_nodes";
  }

  @Override
  public String description() {
    return "Find models, sources, seeds, snapshots, macros, columns and docs blocks of the dbt"
        + " project by name (fuzzy, best match first). Use it before get_node, compile or lineage"
        + " to learn the exact names instead of guessing table or column names."
        + UNTRUSTED;
  }

  @Override
  public Map<String, Object> inputSchema() {
    return Schemas.object(
        List.of("query"),
        "query",
        Schemas.string("Part of a name, e.g. 'orders' or 'cust id'"),
        "kind",
        Schemas.string(
            "Only this kind: model, seed, snapshot, source_table, column, macro, docs, test,"
                + " exposure"),
        "limit",
        Schemas.integer("Most results (default 20)", 1, 200));
  }

  @Override
  public Object call(Arguments args, McpProject project) {
    String kind = args.string("kind");
    int limit = args.integer("limit", 20, 1, 200);
    List<WorkspaceSymbol> found =
        project.graph().workspaceSymbols(args.required("query"), kind == null ? limit : 1000);
    return found.stream()
        .filter(s -> kind == null || s.kind().name().equalsIgnoreCase(kind))
        .limit(limit)
        .map(
            s -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("name", s.name());
              m.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
              m.put("in", s.containerName());
              if (s.location() != null) {
                m.putAll(Plain.place(s.location().displayPath(), s.location().span()));
              }
              return m;
            })
        .toList();
  }
}
