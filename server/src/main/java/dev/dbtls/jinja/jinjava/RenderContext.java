package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.Context;
import java.util.Map;

/**
 * The root scope of one render. Jinjava records every resolved name and expression in each parent
 * scope up to the global one; stopping here keeps the shared project scope read-only (renders run
 * on many threads) and its memory flat.
 */
final class RenderContext extends Context {
  /**
   * Context members whose value none of a render's inputs holds (the clock, the run, the graph of
   * other nodes, docs blocks): a render that looks one up is unkeyed ({@link
   * dev.dbtls.jinja.RenderReads}).
   */
  static final java.util.Set<String> UNKEYED =
      java.util.Set.of("run_started_at", "invocation_id", "modules", "graph", "doc");

  private final java.util.Set<String> namesRead;
  private final RenderSession session;

  RenderContext(Context parent, Map<String, ?> bindings) {
    this(parent, bindings, null, null);
  }

  /**
   * A scope that also collects every name the render looks up, when {@code namesRead} is set, and
   * tells {@code session} (when set) of each unkeyed one.
   */
  RenderContext(
      Context parent,
      Map<String, ?> bindings,
      java.util.Set<String> namesRead,
      RenderSession session) {
    super(parent, bindings);
    this.namesRead = namesRead;
    this.session = session;
  }

  @Override
  public void addResolvedExpression(String expression) {}

  @Override
  public void addResolvedValue(String value) {
    if (namesRead != null) {
      namesRead.add(value);
    }
    if (session != null && UNKEYED.contains(value)) {
      session.unkeyed(value);
    }
  }

  @Override
  public void addResolvedFunction(String function) {}
}
