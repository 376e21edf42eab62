package dev.dbtls.index;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * dbt's node selection syntax: names and fqn prefixes with wildcards, {@code tag:}, {@code path:},
 * {@code package:}, {@code resource_type:}, {@code config.x:}, {@code source:}, {@code fqn:},
 * {@code file:}; graph operators {@code +x}, {@code x+}, {@code 2+x}, {@code x+1}, {@code @x};
 * space for union and comma for intersection; {@code selector:name} (dbt 1.12) and {@link
 * #selector} evaluate a named selector of {@code selectors.yml} ({@link YamlSelection}).
 */
public final class Selector {
  private static final Pattern ATOM = Pattern.compile("^(@)?(?:(\\d*)\\+)?(.+?)(?:\\+(\\d*))?$");

  private final Manifest manifest;
  private final List<Problem> problems = new ArrayList<>();
  private final YamlSelection yaml;

  public Selector(Manifest manifest) {
    this(manifest, YamlSelectors.NONE);
  }

  /** A selector that knows the project's named selectors ({@code selectors.yml}). */
  public Selector(Manifest manifest, YamlSelectors selectors) {
    this.manifest = manifest;
    this.yaml = new YamlSelection(this, manifest, selectors, problems);
  }

  /**
   * The nodes of the named selector ({@code --selector}), with the tests its criteria select
   * indirectly; an unknown name is a problem and selects nothing.
   */
  public Set<String> selector(String name) {
    return yaml.named(name, null);
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The unique ids selected by {@code select} minus {@code exclude}; empty select means all. */
  public Set<String> select(List<String> select, List<String> exclude) {
    Set<String> chosen = new LinkedHashSet<>();
    List<String> terms = split(select);
    if (terms.isEmpty()) {
      manifest.nodes().values().stream()
          .filter(n -> n.type() != ResourceType.MACRO)
          .map(Node::uniqueId)
          .forEach(chosen::add);
    } else {
      terms.forEach(t -> chosen.addAll(term(t)));
    }
    split(exclude).forEach(t -> chosen.removeAll(term(t)));
    return chosen;
  }

  /**
   * What a named selector leaves out: every other node, its tests included (a selector picks its
   * tests itself, by each criterion's {@code indirect_selection}).
   */
  public Set<String> leftOut(Set<String> chosen) {
    Set<String> out = new LinkedHashSet<>(manifest.nodes().keySet());
    out.removeAll(chosen);
    return out;
  }

  /** A CLI-style string: the union of its space-separated terms. */
  Set<String> terms(String text) {
    Set<String> out = new LinkedHashSet<>();
    split(List.of(text)).forEach(t -> out.addAll(term(t)));
    return out;
  }

  private static List<String> split(List<String> args) {
    List<String> out = new ArrayList<>();
    if (args != null) {
      for (String a : args) {
        for (String t : a.trim().split("\\s+")) {
          if (!t.isEmpty()) {
            out.add(t);
          }
        }
      }
    }
    return out;
  }

  private Set<String> term(String term) {
    Set<String> result = null;
    for (String atom : term.split(",")) {
      Set<String> s = atom(atom);
      if (result == null) {
        result = new LinkedHashSet<>(s);
      } else {
        result.retainAll(s);
      }
    }
    return result == null ? Set.of() : result;
  }

  private Set<String> atom(String atom) {
    Matcher m = ATOM.matcher(atom);
    if (!m.matches()) {
      problems.add(
          Problem.ofFile("", ProblemCode.SELECTOR_INVALID, "cannot read selector '" + atom + "'"));
      return Set.of();
    }
    boolean at = m.group(1) != null;
    boolean up = atom.contains("+") && m.group(2) != null;
    boolean down = m.group(4) != null;
    return criterion(m.group(3), up, depth(m.group(2)), down, depth(m.group(4)), at);
  }

  /**
   * One criterion: {@code spec} ({@code method:value}) and its graph operators ({@code up}: {@code
   * +x}, {@code down}: {@code x+}, depths -1 for all, {@code at}: {@code @x}).
   */
  Set<String> criterion(
      String spec, boolean up, int upDepth, boolean down, int downDepth, boolean at) {
    Set<String> base = method(spec);
    Set<String> out = new LinkedHashSet<>(base);
    Dag dag = manifest.dag();
    for (String id : base) {
      if (up) {
        out.addAll(dag.ancestors(id, upDepth));
      }
      if (down || at) {
        Set<String> desc = dag.descendants(id, at ? -1 : downDepth);
        out.addAll(desc);
        if (at) {
          desc.forEach(d -> out.addAll(dag.ancestors(d, -1)));
        }
      }
    }
    out.retainAll(manifest.nodes().keySet());
    return out;
  }

  private static int depth(String digits) {
    return digits == null || digits.isEmpty() ? -1 : Integer.parseInt(digits);
  }

  private Set<String> method(String spec) {
    int colon = spec.indexOf(':');
    String method;
    String value;
    if (colon > 0 && !spec.substring(0, colon).contains("/")) {
      method = spec.substring(0, colon);
      value = spec.substring(colon + 1);
    } else {
      value = spec;
      method =
          spec.contains("/")
                  || dev.dbtls.project.JinjaFileExtensions.isSql(spec)
                  || spec.endsWith(".yml")
              ? "path"
              : "fqn";
    }
    Map<String, Node> nodes = manifest.nodes();
    return switch (method) {
      case "selector" -> yaml.named(value, null);
      case "fqn" -> filter(nodes, n -> fqnMatches(n, value));
      case "tag" -> filter(nodes, n -> n.tags().stream().anyMatch(t -> glob(value, t)));
      case "path" -> filter(nodes, n -> pathMatches(n, value));
      case "file" ->
          filter(
              nodes,
              n ->
                  n.originalFilePath() != null
                      && glob(
                          value,
                          n.originalFilePath()
                              .substring(n.originalFilePath().lastIndexOf('/') + 1)));
      case "package" -> filter(nodes, n -> glob(value, n.packageName()));
      case "resource_type" ->
          filter(
              nodes,
              n -> n.type().dbtName().equals(value) || ResourceType.parse(value) == n.type());
      case "source" ->
          filter(
              nodes,
              n ->
                  n.type() == ResourceType.SOURCE
                      && (glob(value, n.fqn().get(n.fqn().size() - 2))
                          || glob(value, n.fqn().get(n.fqn().size() - 2) + "." + n.name())
                          || glob(
                              value,
                              n.packageName()
                                  + "."
                                  + n.fqn().get(n.fqn().size() - 2)
                                  + "."
                                  + n.name())));
      case "exposure" -> named(nodes, ResourceType.EXPOSURE, value);
      case "metric" -> named(nodes, ResourceType.METRIC, value);
      case "semantic_model" -> named(nodes, ResourceType.SEMANTIC_MODEL, value);
      case "saved_query" -> named(nodes, ResourceType.SAVED_QUERY, value);
      case "unit_test" -> named(nodes, ResourceType.UNIT_TEST, value);
      case "test_name" ->
          filter(
              nodes,
              n ->
                  n.type() == ResourceType.TEST
                      && glob(
                          value, String.valueOf(n.extra().getOrDefault("test_name", n.name()))));
      case "test_type" ->
          filter(
              nodes,
              n ->
                  value.equals("unit")
                      ? n.type() == ResourceType.UNIT_TEST
                      : n.type() == ResourceType.TEST
                          && (value.equals("data")
                              || value.equals(
                                  n.extra().containsKey("test_name") ? "generic" : "singular")));
      default -> {
        if (method.startsWith("config.")) {
          String key = method.substring("config.".length());
          yield filter(nodes, n -> configMatches(n.config().get(key), value));
        }
        problems.add(
            Problem.ofFile(
                "",
                ProblemCode.SELECTOR_INVALID,
                "unknown selector method '" + method + "' in '" + spec + "'"));
        yield Set.of();
      }
    };
  }

  /**
   * {@code exposure:}, {@code metric:}, {@code semantic_model:}, {@code saved_query:}, {@code
   * unit_test:}: a node of that type by name or {@code package.name}, as {@code dbt ls} prints it.
   */
  private static Set<String> named(Map<String, Node> nodes, ResourceType type, String value) {
    return filter(
        nodes,
        n ->
            n.type() == type
                && (glob(value, n.name()) || glob(value, n.packageName() + "." + n.name())));
  }

  private static boolean configMatches(Object v, String value) {
    if (v instanceof List<?> l) {
      return l.stream().anyMatch(x -> glob(value, String.valueOf(x)));
    }
    return v != null && glob(value, String.valueOf(v));
  }

  private static Set<String> filter(Map<String, Node> nodes, java.util.function.Predicate<Node> p) {
    return nodes.values().stream()
        .filter(n -> n.type() != ResourceType.MACRO)
        .filter(p)
        .map(Node::uniqueId)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static boolean fqnMatches(Node n, String value) {
    if (glob(value, n.name())) {
      return true;
    }
    if (n.version() != null && glob(value, n.name() + ".v" + n.version())) {
      return true;
    }
    List<String> fqn = n.fqn();
    String[] parts = value.split("\\.");
    if (parts.length > fqn.size()) {
      return false;
    }
    // a prefix of the fqn, with or without the package name in front
    if (prefix(parts, fqn, 0)) {
      return true;
    }
    return fqn.size() > 1 && parts.length <= fqn.size() - 1 && prefix(parts, fqn, 1);
  }

  private static boolean prefix(String[] parts, List<String> fqn, int from) {
    if (parts.length > fqn.size() - from) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      if (!glob(parts[i], fqn.get(from + i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean pathMatches(Node n, String value) {
    String p = n.originalFilePath();
    if (p == null) {
      return false;
    }
    String v = value.replace('\\', '/');
    v = v.startsWith("./") ? v.substring(2) : v;
    v = v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    if (v.contains("*") || v.contains("?")) {
      return glob(v, p);
    }
    return p.equals(v)
        || p.startsWith(v + "/")
        || n.displayPath().equals(v)
        || n.displayPath().startsWith(v + "/");
  }

  private static final Map<String, Pattern> GLOBS = new java.util.concurrent.ConcurrentHashMap<>();

  /** fnmatch-style matching as dbt does: {@code *} any run, {@code ?} one character. */
  static boolean glob(String pattern, String value) {
    if (value == null) {
      return false;
    }
    if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
      return pattern.equals(value);
    }
    return GLOBS.computeIfAbsent(pattern, Selector::toRegex).matcher(value).matches();
  }

  private static Pattern toRegex(String glob) {
    StringBuilder sb = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> sb.append(".*");
        case '?' -> sb.append('.');
        default -> sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(sb.toString());
  }
}
