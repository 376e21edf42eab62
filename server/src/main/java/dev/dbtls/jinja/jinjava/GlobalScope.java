package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.util.Collection;
import java.util.List;

/**
 * The scope every dbt scope descends from, over Jinjava's global one. Each interpreter copies the
 * global functions into a JUEL function table it never uses here (calls are resolved at run time by
 * {@link CallNode}), so this scope lists none: a sixth of each interpreter's cost.
 */
final class GlobalScope extends Context {
  GlobalScope(Context jinjavaGlobal) {
    super(jinjavaGlobal);
  }

  @Override
  public Collection<ELFunctionDefinition> getAllFunctions() {
    return List.of();
  }

  @Override
  public void addResolvedExpression(String expression) {}

  @Override
  public void addResolvedValue(String value) {}

  @Override
  public void addResolvedFunction(String function) {}
}
