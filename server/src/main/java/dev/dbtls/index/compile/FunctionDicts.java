package dev.dbtls.index.compile;

import dev.dbtls.index.Node;
import dev.dbtls.project.properties.FunctionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code model} holds for a user-defined function as dbt 1.11 has it: {@code arguments} (name,
 * data_type, description, default_value), {@code returns.data_type}, {@code language}; what dbt's
 * function materialization macros read.
 */
final class FunctionDicts {
  private FunctionDicts() {}

  static void put(Node n, Map<String, Object> m) {
    FunctionSpec spec = n.extra().get(Node.FUNCTION_SPEC) instanceof FunctionSpec s ? s : null;
    List<Object> arguments = new ArrayList<>();
    if (spec != null) {
      for (FunctionSpec.Argument a : spec.arguments()) {
        Map<String, Object> arg = new LinkedHashMap<>();
        arg.put("name", a.name());
        arg.put("data_type", a.dataType());
        arg.put("description", a.description() == null ? "" : a.description());
        arg.put("default_value", a.defaultValue());
        arguments.add(arg);
      }
    }
    m.put("arguments", arguments);
    Map<String, Object> returns = new LinkedHashMap<>();
    returns.put("data_type", spec == null ? null : spec.returnType());
    m.put("returns", returns);
    m.put("language", String.valueOf(n.extra().getOrDefault("language", "sql")));
  }
}
