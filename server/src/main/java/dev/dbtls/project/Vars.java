package dev.dbtls.project;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where {@code var('x')} finds its value, in dbt 1.12's order: {@code --vars}, then the root
 * project's vars.yml (scoped to the node's package, then global), then the root project's
 * dbt_project.yml (the same two), then the package's own dbt_project.yml.
 */
public final class Vars {
  private final Map<String, Object> cli;
  private final VarsFile varsFile;
  private final Map<String, Object> file;
  private final DbtProject root;
  private final Map<String, DbtProject> packages;
  private final Set<String> packageNames;

  /** Most projects have no var with Jinja: then no lookup is needed to know none renders. */
  private final boolean anyRendered;

  public Vars(Map<String, Object> cli, DbtProject root, Map<String, DbtProject> packages) {
    this(cli, VarsFile.NONE, root, packages);
  }

  /** With the root project's vars.yml. */
  public Vars(
      Map<String, Object> cli,
      VarsFile varsFile,
      DbtProject root,
      Map<String, DbtProject> packages) {
    this.cli = cli;
    this.varsFile = varsFile;
    this.file = varsFile.vars();
    this.root = root;
    this.packages = packages;
    this.packageNames = new java.util.HashSet<>(packages.keySet());
    this.packageNames.add(root.name());
    this.anyRendered =
        cli.values().stream().anyMatch(Vars::rendered)
            || hasRendered(file)
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

  /** The root project's vars.yml ({@link VarsFile#NONE} when it has none). */
  public VarsFile varsFile() {
    return varsFile;
  }

  /** The vars given with {@code --vars}. */
  public Map<String, Object> cli() {
    return cli;
  }

  /**
   * What {@code var()} sees in dbt_project.yml (dbt 1.12): vars.yml's vars with {@code --vars}
   * merged over them, mapping into mapping, as dbt does; never dbt_project.yml's own vars.
   */
  public Map<String, Object> projectFileVars() {
    return merged(file, cli);
  }

  /** {@code overlay} over {@code base}: mappings merge key by key, anything else replaces. */
  public static Map<String, Object> merged(Map<String, Object> base, Map<String, Object> overlay) {
    if (base.isEmpty()) {
      return overlay;
    }
    Map<String, Object> out = new java.util.LinkedHashMap<>(base);
    overlay.forEach(
        (k, v) -> {
          if (out.get(k) instanceof Map<?, ?> b && v instanceof Map<?, ?> o) {
            out.put(k, merged(plain(b), plain(o)));
          } else {
            out.put(k, v);
          }
        });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> plain(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  /** A var's value (which may be null), or empty when no scope defines it. */
  public Optional<Holder> lookup(String packageName, String name) {
    if (cli.containsKey(name)) {
      return Optional.of(new Holder(cli.get(name), "--vars"));
    }
    Optional<Holder> fromFile = scoped(file, root.name() + "/" + VarsFile.FILE, packageName, name);
    if (fromFile.isPresent()) {
      return fromFile;
    }
    Optional<Holder> fromRoot = scoped(root, packageName, name);
    if (fromRoot.isPresent()) {
      return fromRoot;
    }
    DbtProject own = packages.get(packageName);
    return own == null ? Optional.empty() : scoped(own, packageName, name);
  }

  private Optional<Holder> scoped(DbtProject p, String packageName, String name) {
    return scoped(p.vars(), p.name() + "/" + DbtProject.FILE, packageName, name);
  }

  private Optional<Holder> scoped(
      Map<String, Object> vars, String definedIn, String packageName, String name) {
    if (vars.get(packageName) instanceof Map<?, ?> scoped && scoped.containsKey(name)) {
      return Optional.of(new Holder(scoped.get(name), definedIn));
    }
    Map<String, Object> global = global(vars);
    if (global.containsKey(name)) {
      return Optional.of(new Holder(global.get(name), definedIn));
    }
    return Optional.empty();
  }

  /** A vars mapping without its blocks scoped to a package. */
  private Map<String, Object> global(Map<String, Object> vars) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    vars.forEach(
        (k, v) -> {
          if (!(packageNames.contains(k) && v instanceof Map)) {
            out.put(k, v);
          }
        });
    return out;
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
    for (Map<String, Object> vars : java.util.List.of(root.vars(), file)) {
      out.putAll(global(vars));
      if (vars.get(packageName) instanceof Map<?, ?> scoped) {
        scoped.forEach((k, v) -> out.put(String.valueOf(k), v));
      }
    }
    out.putAll(cli);
    return out;
  }

  /** A var's value and where it was defined. */
  public record Holder(Object value, String definedIn) {}
}
