package dev.dbtls.project;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the Jinja dbt allows inside {@code dbt_project.yml} and {@code profiles.yml} values:
 * {@code {{ env_var('X', 'default') }}} and {@code {{ var('x') }}} with the common filters. The
 * full engine lives in a layer above; YAML files only ever use this small subset, and they are read
 * before any macro exists. Anything else is left as written.
 */
public final class YamlJinja {
  private static final Pattern EXPR = Pattern.compile("\\{\\{-?(.*?)-?}}", Pattern.DOTALL);
  private static final Pattern CALL =
      Pattern.compile(
          "\\s*(env_var|var)\\s*\\(\\s*(['\"])(.*?)\\2\\s*(?:,\\s*(?:default\\s*=\\s*)?(.+?))?\\s*\\)"
              + "\\s*((?:\\|\\s*\\w+\\s*(?:\\(\\s*\\))?\\s*)*)");

  private final Map<String, String> env;
  private final Function<String, Object> vars;

  /** Answers a var dbt would not see, asked only where a call has no default; may be null. */
  private final Function<String, Object> lenient;

  /** {@code vars} answers a var name with its value, or null when undefined. */
  public YamlJinja(Map<String, String> env, Function<String, Object> vars) {
    this(env, vars, null);
  }

  /**
   * With {@code lenient}: what a {@code var()} without a default that {@code vars} does not answer
   * gets instead of failing (dbtls goes on where dbt would stop, and says so).
   */
  public YamlJinja(
      Map<String, String> env, Function<String, Object> vars, Function<String, Object> lenient) {
    this.env = env;
    this.vars = vars;
    this.lenient = lenient;
  }

  /** One rendered value plus the problem, if any (e.g. a required env var that is not set). */
  public record Rendered(Object value, String problem) {}

  public Rendered render(String text) {
    if (text == null || !text.contains("{{")) {
      return new Rendered(text, null);
    }
    Matcher m = EXPR.matcher(text);
    StringBuilder out = new StringBuilder();
    String problem = null;
    Object only = null;
    int count = 0;
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start());
      Matcher call = CALL.matcher(m.group(1));
      if (!call.matches()) {
        out.append(m.group());
      } else {
        Object v = evaluate(call);
        if (v == Missing.INSTANCE) {
          problem =
              ("env_var".equals(call.group(1))
                      ? "Env var required but not provided: '"
                      : "Required var '")
                  + call.group(3)
                  + "'"
                  + ("var".equals(call.group(1)) ? " not found in config" : "");
          v = "";
        }
        only = v;
        out.append(v == null ? "None" : String.valueOf(v));
      }
      count++;
      last = m.end();
    }
    out.append(text.substring(last));
    boolean whole = count == 1 && text.strip().startsWith("{{") && text.strip().endsWith("}}");
    if (whole && (only instanceof Number || only instanceof Boolean)) {
      return new Rendered(only, problem);
    }
    return new Rendered(out.toString(), problem);
  }

  private enum Missing {
    INSTANCE
  }

  private Object evaluate(Matcher call) {
    String name = call.group(3);
    String fallback = call.group(4);
    Object value = "env_var".equals(call.group(1)) ? env.get(name) : vars.apply(name);
    if (value == null && fallback == null && lenient != null && "var".equals(call.group(1))) {
      value = lenient.apply(name);
    }
    if (value == null) {
      value = fallback == null ? Missing.INSTANCE : literal(fallback);
    }
    for (String filter : filters(call.group(5))) {
      value = applyFilter(filter, value);
    }
    return value;
  }

  private static List<String> filters(String chain) {
    if (chain == null || chain.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(chain.split("\\|"))
        .map(s -> s.replace("()", "").trim())
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static Object applyFilter(String filter, Object v) {
    if (v == Missing.INSTANCE) {
      return v;
    }
    String s = String.valueOf(v).trim();
    try {
      return switch (filter) {
        case "int" -> (long) Double.parseDouble(s);
        case "float" -> Double.parseDouble(s);
        case "as_number" ->
            s.matches("-?\\d+") ? (Object) Long.parseLong(s) : Double.parseDouble(s);
        case "as_bool" -> Boolean.parseBoolean(s);
        case "lower" -> s.toLowerCase();
        case "upper" -> s.toUpperCase();
        case "trim" -> s;
        default -> String.valueOf(v);
      };
    } catch (NumberFormatException e) {
      return v;
    }
  }

  private static Object literal(String text) {
    String t = text.trim();
    if (t.length() >= 2
        && (t.startsWith("'") && t.endsWith("'") || t.startsWith("\"") && t.endsWith("\""))) {
      return t.substring(1, t.length() - 1);
    }
    if (t.matches("-?\\d+")) {
      return Long.parseLong(t);
    }
    return switch (t) {
      case "True", "true" -> Boolean.TRUE;
      case "False", "false" -> Boolean.FALSE;
      case "None", "none" -> null;
      default -> t;
    };
  }
}
