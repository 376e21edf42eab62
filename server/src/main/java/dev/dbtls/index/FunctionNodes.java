package dev.dbtls.index;

import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.properties.FunctionSpec;
import java.util.Map;

/**
 * What a user-defined function's node carries besides a SQL node's (dbt 1.11): its properties
 * (arguments, return type), its language (the file's) and its type ({@code scalar} unless its
 * config says otherwise).
 */
final class FunctionNodes {
  private FunctionNodes() {}

  static void describe(
      ProjectFile f, FunctionSpec spec, Map<String, Object> config, Map<String, Object> extra) {
    config.putIfAbsent("type", "scalar");
    extra.put("language", f.isPython() ? "python" : "sql");
    if (spec != null) {
      extra.put(Node.FUNCTION_SPEC, spec);
    }
  }
}
