package dev.dbtls.project;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where {@code var('x')} finds its value, in dbt's order: {@code --vars}, then the root project's
 * vars scoped to the node's package, then the root project's global vars, then the package's own
 * dbt_project.yml.
 */
public final class Vars {
  private final Map<String, Object> cli;
  private final DbtProject root;
  private final Map<String, DbtProject> packages;
  private final Set<String> packageNames;

  /** Most projects have no var with Jinja: then no lookup is needed to know none renders. */
  private final boolean anyRendered;

  public Vars(Map<String, Object> cli, DbtProject root, Map<String, DbtProject> packages) {
    this.cli = cli;
    this.root = root;
    this.packages = packages;
    this.packageNames = new java.util.HashSet<>(packages.keySet());
    this.packageNames.add(root.name());
    this.anyRendered =
        cli.values().stream().anyMatch(Vars::rendered)
            || hasRendered(root.vars())
            || packages.values().stream().anyMatch(p -> hasRendered(p.vars()));
  }

  /** Whether a project's vars (global or scoped to a package) hold a value with Jinja. */
  private static boolean hasRendered(Map<String, Object> vars) {
    return vars.values().stream()
        .anyMatch(
            v ->
                rendered(v)
                    || v instanceof Map<?, ?> scoped
                        && scoped.values().stream().anyMatch(Vars::rendered));
  }

  /** The vars given with {@code --vars}: all that dbt_project.yml's own Jinja sees. */
  public Map<String, Object> cli() {
    return cli;
  }

  /** A var's value (which may be null), or empty when no scope defines it. */
  public Optional<Holder> lookup(String packageName, String name) {
    if (cli.containsKey(name)) {
      return Optional.of(new Holder(cli.get(name), "--vars"));
    }
    Optional<Holder> fromRoot = scoped(root, packageName, name);
    if (fromRoot.isPresent()) {
      return fromRoot;
    }
    DbtProject own = packages.get(packageName);
    return own == null ? Optional.empty() : scoped(own, packageName, name);
  }

  private Optional<Holder> scoped(DbtProject p, String packageName, String name) {
    if (p.vars().get(packageName) instanceof Map<?, ?> scoped && scoped.containsKey(name)) {
      return Optional.of(new Holder(scoped.get(name), p.name() + "/" + DbtProject.FILE));
    }
    Map<String, Object> global = p.globalVars(packageNames);
    if (global.containsKey(name)) {
      return Optional.of(new Holder(global.get(name), p.name() + "/" + DbtProject.FILE));
    }
    return Optional.empty();
  }

  /** dbt's test before it renders a string: any of Jinja's delimiters. */
  private static final java.util.regex.Pattern RENDER_CHARS =
      java.util.regex.Pattern.compile("\\{[{%#]|[#}%]\\}");

  /**
   * Whether dbt renders this var value where {@code var()} is called: a string with Jinja in it.
   */
  public static boolean rendered(Object value) {
    return value instanceof String s && RENDER_CHARS.matcher(s).find();
  }

  /** Whether {@code var(name)} in a package gives a value that is rendered (and may call ref). */
  public boolean rendersJinja(String packageName, String name) {
    return anyRendered
        && name != null
        && lookup(packageName, name).map(h -> rendered(h.value())).orElse(false);
  }

  /** Every var visible to a package, for completion and for {@code var} in YAML. */
  public Map<String, Object> visible(String packageName) {
    Map<String, Object> out = new HashMap<>();
    DbtProject own = packages.get(packageName);
    if (own != null) {
      out.putAll(own.globalVars(packageNames));
    }
    out.putAll(root.globalVars(packageNames));
    if (root.vars().get(packageName) instanceof Map<?, ?> scoped) {
      scoped.forEach((k, v) -> out.put(String.valueOf(k), v));
    }
    out.putAll(cli);
    return out;
  }

  /** A var's value and where it was defined. */
  public record Holder(Object value, String definedIn) {}
}
