package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.Context;
import java.util.Map;

/**
 * The root scope of one render. Jinjava records every resolved name and expression in each parent
 * scope up to the global one; stopping here keeps the shared project scope read-only (renders run
 * on many threads) and its memory flat.
 */
final class RenderContext extends Context {
  private final java.util.Set<String> namesRead;

  RenderContext(Context parent, Map<String, ?> bindings) {
    this(parent, bindings, null);
  }

  /** A scope that also collects every name the render looks up, when {@code namesRead} is set. */
  RenderContext(Context parent, Map<String, ?> bindings, java.util.Set<String> namesRead) {
    super(parent, bindings);
    this.namesRead = namesRead;
  }

  @Override
  public void addResolvedExpression(String expression) {}

  @Override
  public void addResolvedValue(String value) {
    if (namesRead != null) {
      namesRead.add(value);
    }
  }

  @Override
  public void addResolvedFunction(String function) {}
}
