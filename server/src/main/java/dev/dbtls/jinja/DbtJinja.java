package dev.dbtls.jinja;

import dev.dbtls.jinja.jinjava.Engine;
import dev.dbtls.project.Problem;
import java.util.List;
import java.util.Map;

/**
 * dbt's Jinja, rendered by Jinjava extended for dbt. Built once per project load (parses every
 * macro file once); {@link #render} is thread-safe and never throws.
 */
public final class DbtJinja {
  private final Engine engine;

  public DbtJinja(JinjaSetup setup) {
    this.engine = new Engine(setup);
  }

  public Rendered render(RenderRequest r) {
    return engine.render(r == null ? new RenderRequest(null, null, null, null) : r);
  }

  /**
   * The macros ({@code package.name}) whose calls run something other with this engine than with
   * {@code before}; null when the two differ in more than how some macros are defined ({@link
   * Engine#macrosChangedSince}). A render that ran none of them renders the same with both.
   */
  public java.util.Set<String> macrosChangedSince(DbtJinja before) {
    return engine.macrosChangedSince(before.engine);
  }

  public List<Problem> setupProblems() {
    return engine.setupProblems();
  }

  /**
   * Calls one macro by name as dbt would from package {@code fromPackage}; returns its Python
   * value.
   */
  public Object callMacro(
      String fromPackage,
      String name,
      List<Object> args,
      Map<String, Object> kwargs,
      Map<String, Object> globals,
      List<Problem> problemsOut) {
    return engine.callMacro(fromPackage, name, args, kwargs, globals, problemsOut, null);
  }

  /**
   * {@link #callMacro}, adding to {@code namesRead} every name the call looked up (variables,
   * macros, attributes), in the macro and in every macro it called: what its result can depend on.
   */
  public Object callMacro(
      String fromPackage,
      String name,
      List<Object> args,
      Map<String, Object> globals,
      List<Problem> problemsOut,
      java.util.Set<String> namesRead) {
    return engine.callMacro(fromPackage, name, args, Map.of(), globals, problemsOut, namesRead);
  }

  /**
   * Renders a string in the context of the render under way, as dbt renders a var's string value
   * where {@code var()} is called; the text as it is outside a render.
   */
  public static String renderInCurrent(String text) {
    return Engine.renderInCurrent(text);
  }

  /**
   * An aware Python {@code datetime} in pytz's UTC, as dbt's {@code run_started_at} ({@code
   * run_started_at.astimezone(modules.pytz.timezone('America/New_York'))}).
   */
  public static PyObject utcDatetime(java.time.Instant value) {
    return Engine.utcDatetime(value);
  }

  /** The syntax problems of a file parsed whole, as Jinja2's {@code Environment.parse} would. */
  public List<Problem> parseProblems(String path, String text) {
    return engine.parseProblems(path, text == null ? "" : text);
  }

  /** A macro of a package as a value a template's globals can hold and call; null if none. */
  public Object macro(String packageName, String name) {
    return engine.macro(packageName, name);
  }

  public boolean hasMacro(String packageName, String name) {
    return engine.hasMacro(packageName, name);
  }
}
