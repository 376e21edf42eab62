package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.Context;
import java.util.Map;

/**
 * The root scope of one render. Jinjava records every resolved name and expression in each parent
 * scope up to the global one; stopping here keeps the shared project scope read-only (renders run
 * on many threads) and its memory flat.
 */
final class RenderContext extends Context {
  RenderContext(Context parent, Map<String, ?> bindings) {
    super(parent, bindings);
  }

  @Override
  public void addResolvedExpression(String expression) {}

  @Override
  public void addResolvedValue(String value) {}

  @Override
  public void addResolvedFunction(String function) {}
}
