package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.PyObject;
import java.util.List;
import java.util.Map;

/** {@code dbt_utils.star(...)}: the macros of one package, reached by qualified name. */
record PackageNamespace(MacroRegistry macros, String packageName) implements PyObject {
  @Override
  public Object attr(String name) {
    JinjaMacro m = macros.get(packageName, name);
    return m != null ? m : dbtGlobal(name);
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    JinjaMacro m = macros.get(packageName, method);
    if (m != null) {
      return m.call(args, kwargs);
    }
    return dbtGlobal(method) instanceof dev.dbtls.jinja.JinjaCallable c
        ? c.call(args, kwargs)
        : MISSING;
  }

  /**
   * {@code dbt.run_query(...)}: dbt's global project macros that dbtls gives as context functions
   * ({@code run_query}, {@code statement}, {@code load_result}, ...) are reached through {@code
   * dbt.} too.
   */
  private Object dbtGlobal(String name) {
    if (!MacroRegistry.DBT.equals(packageName)) {
      return MISSING;
    }
    com.hubspot.jinjava.interpret.JinjavaInterpreter i =
        com.hubspot.jinjava.interpret.JinjavaInterpreter.getCurrent();
    Object v = i == null ? null : i.getContext().get(name);
    return v instanceof dev.dbtls.jinja.JinjaCallable ? v : MISSING;
  }

  @Override
  public String toString() {
    return "<namespace " + packageName + ">";
  }
}
