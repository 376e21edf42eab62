package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.PyObject;
import java.util.List;
import java.util.Map;

/** {@code dbt_utils.star(...)}: the macros of one package, reached by qualified name. */
record PackageNamespace(MacroRegistry macros, String packageName) implements PyObject {
  @Override
  public Object attr(String name) {
    JinjaMacro m = macros.get(packageName, name);
    return m == null ? MISSING : m;
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    JinjaMacro m = macros.get(packageName, method);
    return m == null ? MISSING : m.call(args, kwargs);
  }

  @Override
  public String toString() {
    return "<namespace " + packageName + ">";
  }
}
