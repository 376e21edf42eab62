package dev.dbtls.index;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectInputs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project graph, immutable: every enabled node by unique id, the disabled ones apart, macros,
 * docs blocks, the DAG and the problems found building it. Lookups follow dbt's rules.
 */
public final class Manifest {
  private final ProjectInputs inputs;
  private final Map<String, Node> nodes;
  private final Map<String, Node> disabled;
  private final Map<String, Macro> macros;
  private final Map<String, DocBlock> docs;
  private final Dag dag;
  private final List<Problem> problems;
  // in node order (ids sorted): completion sorts names, and nearly sorted input sorts fast
  private final Map<String, List<Node>> byName;
  private final Map<String, List<Node>> disabledByName;
  // after an edit, byName and byFile are views of the manifest's before (EditedMap)
  private final Map<String, List<Node>> byFile;
  // the indexes below are never changed once made: a manifest after an edit shares them
  private final Map<String, List<Node>> sourcesByKey;
  private final Map<String, List<Node>> functionsByName;
  private final Map<String, List<Node>> semanticByName;
  private final List<Node> semantics;
  private final List<Node> sources;

  public Manifest(
      ProjectInputs inputs,
      Map<String, Node> nodes,
      Map<String, Node> disabled,
      Map<String, Macro> macros,
      Map<String, DocBlock> docs,
      Dag dag,
      List<Problem> problems) {
    this.inputs = inputs;
    this.nodes = nodes;
    this.disabled = disabled;
    this.macros = macros;
    this.docs = docs;
    this.dag = dag;
    this.problems = problems;
    this.byName = new java.util.LinkedHashMap<>();
    this.disabledByName = new HashMap<>();
    this.sourcesByKey = new HashMap<>();
    this.byFile = new HashMap<>();
    this.functionsByName = new java.util.TreeMap<>();
    this.semanticByName = new HashMap<>();
    this.semantics = new ArrayList<>();
    this.sources = new ArrayList<>();
    index(nodes.values(), byName, sourcesByKey);
    index(disabled.values(), disabledByName, new HashMap<>());
    for (Node n : nodes.values()) {
      // most files, names and sources have one node: room for one, not a list's default ten
      byFile.computeIfAbsent(n.displayPath(), k -> new ArrayList<>(1)).add(n);
      if (n.type() == ResourceType.SOURCE) {
        sources.add(n);
      } else if (n.type() == ResourceType.FUNCTION) {
        functionsByName.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(n);
      } else if (n.type().semantic()) {
        semantics.add(n);
        semanticByName
            .computeIfAbsent(n.type().dbtName() + "." + n.name(), k -> new ArrayList<>())
            .add(n);
      }
    }
  }

  /**
   * {@code previous} after an edit that replaced some of its nodes with new versions of themselves
   * (the same ids, so the same names, types and files: {@link ManifestUpdate}, with the macros and
   * docs before; a full build that made the previous nodes again, {@link PreviousNodes#manifest},
   * with its own), with {@code macros} and {@code docs}: the indexes by name and by file are views
   * of {@code previous}' with those nodes' lists swapped ({@link EditedMap}), the others shared,
   * instead of being built again over every node (on 100,000 models that was a fifth of an edit's
   * CPU, and most of what an edit kept; README benchmarks). Built whole when a replaced node is of
   * a kind the shared indexes hold, or is not where the manifest before had it (another name or
   * file: never from {@code ManifestUpdate}, which takes a renamed node to a full build).
   */
  static Manifest afterEdit(
      Manifest previous,
      ProjectInputs inputs,
      Map<String, Node> nodes,
      Map<String, Node> disabled,
      Map<String, Macro> macros,
      Map<String, DocBlock> docs,
      Dag dag,
      List<Problem> problems,
      Collection<Node> replaced) {
    Map<String, List<Node>> names = new HashMap<>();
    Map<String, List<Node>> files = new HashMap<>();
    for (Node n : replaced) {
      boolean shared =
          n.type() == ResourceType.SOURCE
              || n.type() == ResourceType.FUNCTION
              || n.type().semantic();
      if (shared
          || !swap(previous.byFile, files, n.displayPath(), n)
          || (refable(n) && !swap(previous.byName, names, n.name(), n))) {
        return new Manifest(inputs, nodes, disabled, macros, docs, dag, problems);
      }
    }
    return new Manifest(
        previous,
        inputs,
        nodes,
        disabled,
        macros,
        docs,
        dag,
        problems,
        EditedMap.of(previous.byName, names),
        EditedMap.of(previous.byFile, files));
  }

  /** Whether this manifest shares its source index with {@code other} (an edit's, tests). */
  boolean sharesIndexesWith(Manifest other) {
    return sourcesByKey == other.sourcesByKey;
  }

  /**
   * Puts in {@code changes} the list under {@code key} (from {@code changes}, else {@code index})
   * with the node of {@code n}'s id replaced by {@code n}; false when there is none.
   */
  private static boolean swap(
      Map<String, List<Node>> index, Map<String, List<Node>> changes, String key, Node n) {
    List<Node> list = changes.containsKey(key) ? changes.get(key) : index.get(key);
    for (int i = 0; list != null && i < list.size(); i++) {
      if (list.get(i).uniqueId().equals(n.uniqueId())) {
        List<Node> copy = new ArrayList<>(list);
        copy.set(i, n);
        changes.put(key, copy);
        return true;
      }
    }
    return false;
  }

  private Manifest(
      Manifest previous,
      ProjectInputs inputs,
      Map<String, Node> nodes,
      Map<String, Node> disabled,
      Map<String, Macro> macros,
      Map<String, DocBlock> docs,
      Dag dag,
      List<Problem> problems,
      Map<String, List<Node>> byName,
      Map<String, List<Node>> byFile) {
    this.inputs = inputs;
    this.nodes = nodes;
    this.disabled = disabled;
    this.macros = macros;
    this.docs = docs;
    this.dag = dag;
    this.problems = problems;
    this.byName = byName;
    this.byFile = byFile;
    this.sourcesByKey = previous.sourcesByKey;
    this.functionsByName = previous.functionsByName;
    this.semanticByName = previous.semanticByName;
    this.semantics = previous.semantics;
    this.sources = previous.sources;
    this.disabledByName = new HashMap<>();
    index(disabled.values(), disabledByName, new HashMap<>());
  }

  /**
   * This manifest with {@code problems} instead of its own, sharing everything else: a build's
   * manifest with the problems only the Jinja engine finds, without indexing every node again.
   */
  public Manifest withProblems(List<Problem> problems) {
    return new Manifest(this, problems);
  }

  private Manifest(Manifest m, List<Problem> problems) {
    this.inputs = m.inputs;
    this.nodes = m.nodes;
    this.disabled = m.disabled;
    this.macros = m.macros;
    this.docs = m.docs;
    this.dag = m.dag;
    this.problems = problems;
    this.byName = m.byName;
    this.disabledByName = m.disabledByName;
    this.byFile = m.byFile;
    this.sourcesByKey = m.sourcesByKey;
    this.functionsByName = m.functionsByName;
    this.semanticByName = m.semanticByName;
    this.semantics = m.semantics;
    this.sources = m.sources;
    this.refableNames = m.refableNames;
  }

  /**
   * The enabled source tables in node order: what {@code source('} completes, without walking every
   * node (a 100,000-model project has 338,000).
   */
  public List<Node> sources() {
    return java.util.Collections.unmodifiableList(sources);
  }

  /**
   * The enabled nodes defined in a file, by its path relative to the root project: a model's SQL
   * file, or every source, test and exposure a property file declares.
   */
  public List<Node> nodesInFile(String displayPath) {
    // the lists are shared with the manifests after edits: read-only
    return java.util.Collections.unmodifiableList(byFile.getOrDefault(displayPath, List.of()));
  }

  private static void index(
      Collection<Node> nodes, Map<String, List<Node>> byName, Map<String, List<Node>> sources) {
    for (Node n : nodes) {
      if (n.type() == ResourceType.SOURCE) {
        sources
            .computeIfAbsent(
                sourceKey(n.fqn().get(n.fqn().size() - 2), n.name()), k -> new ArrayList<>(1))
            .add(n);
      } else if (refable(n)) {
        byName.computeIfAbsent(n.name(), k -> new ArrayList<>(1)).add(n);
      }
    }
  }

  /** Whether {@code ref()} reaches nodes of this kind: models, seeds and snapshots. */
  private static boolean refable(Node n) {
    return n.type() == ResourceType.MODEL
        || n.type() == ResourceType.SEED
        || n.type() == ResourceType.SNAPSHOT;
  }

  private static String sourceKey(String source, String table) {
    return source + "\u0000" + table;
  }

  public ProjectInputs inputs() {
    return inputs;
  }

  public Map<String, Node> nodes() {
    return nodes;
  }

  public Map<String, Node> disabled() {
    return disabled;
  }

  public Map<String, Macro> macros() {
    return macros;
  }

  public Map<String, DocBlock> docs() {
    return docs;
  }

  public Dag dag() {
    return dag;
  }

  public List<Problem> problems() {
    return problems;
  }

  /**
   * {@code ref()} as dbt resolves it: the root project first, then the referring package, then any
   * package; for versioned models the latest version unless one is named.
   */
  public Optional<Node> resolveRef(String fromPackage, RefCall ref) {
    return pick(byName.get(ref.name()), fromPackage, ref);
  }

  /** A disabled node the ref would reach, to say "disabled" instead of "unknown". */
  public Optional<Node> resolveDisabledRef(String fromPackage, RefCall ref) {
    return pick(disabledByName.get(ref.name()), fromPackage, ref);
  }

  private Optional<Node> pick(List<Node> candidates, String fromPackage, RefCall ref) {
    if (candidates == null) {
      return Optional.empty();
    }
    List<Node> matching =
        candidates.stream()
            .filter(n -> ref.packageName() == null || ref.packageName().equals(n.packageName()))
            .toList();
    if (matching.isEmpty()) {
      return Optional.empty();
    }
    for (String pkg : new String[] {inputs.root().name(), fromPackage, null}) {
      List<Node> inPkg =
          matching.stream().filter(n -> pkg == null || pkg.equals(n.packageName())).toList();
      if (!inPkg.isEmpty()) {
        return version(inPkg, ref.version());
      }
    }
    return Optional.empty();
  }

  private static Optional<Node> version(List<Node> nodes, String version) {
    if (version != null) {
      return nodes.stream().filter(n -> version.equals(n.version())).findFirst();
    }
    Optional<Node> latest =
        nodes.stream()
            .filter(n -> n.version() != null && n.version().equals(n.extra().get("latest_version")))
            .findFirst();
    if (latest.isPresent()) {
      return latest;
    }
    return nodes.stream()
        .max(
            Comparator.comparing(
                (Node n) -> n.version() == null ? "" : n.version(), Manifest::compareVersions));
  }

  private static int compareVersions(String a, String b) {
    try {
      return Double.compare(
          Double.parseDouble(a.isEmpty() ? "-1" : a), Double.parseDouble(b.isEmpty() ? "-1" : b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }

  public Optional<Node> resolveSource(String fromPackage, String source, String table) {
    List<Node> candidates = sourcesByKey.get(sourceKey(source, table));
    if (candidates == null) {
      return Optional.empty();
    }
    for (String pkg : new String[] {inputs.root().name(), fromPackage, null}) {
      Optional<Node> n =
          candidates.stream().filter(c -> pkg == null || pkg.equals(c.packageName())).findFirst();
      if (n.isPresent()) {
        return n;
      }
    }
    return Optional.empty();
  }

  /**
   * {@code function('name')} or {@code function('package', 'name')} as dbt resolves it (dbt 1.11):
   * the root project first, then the calling package, then any package.
   */
  public Optional<Node> resolveFunction(String fromPackage, RefCall call) {
    List<Node> candidates = functionsByName.get(call.name());
    if (candidates == null) {
      return Optional.empty();
    }
    for (String pkg : new String[] {inputs.root().name(), fromPackage, null}) {
      Optional<Node> n =
          candidates.stream()
              .filter(c -> call.packageName() == null || call.packageName().equals(c.packageName()))
              .filter(c -> pkg == null || pkg.equals(c.packageName()))
              .findFirst();
      if (n.isPresent()) {
        return n;
      }
    }
    return Optional.empty();
  }

  /** The enabled user-defined functions by name. */
  public Map<String, List<Node>> functionsByName() {
    return java.util.Collections.unmodifiableMap(functionsByName);
  }

  /**
   * The enabled semantic models, metrics or saved queries ({@code type}) in node order, from their
   * own list: not a walk of every node (diagnostics after each edit asked this of 338,000 nodes on
   * 100,000 models).
   */
  public List<Node> semanticNodes(ResourceType type) {
    return semantics.stream().filter(n -> n.type() == type).toList();
  }

  /**
   * A semantic model, metric or saved query by name, the calling package's first (their names are
   * unique per package in dbt).
   */
  public Optional<Node> semantic(ResourceType type, String fromPackage, String name) {
    List<Node> candidates = semanticByName.get(type.dbtName() + "." + name);
    if (candidates == null) {
      return Optional.empty();
    }
    return candidates.stream()
        .filter(n -> n.packageName().equals(fromPackage))
        .findFirst()
        .or(() -> candidates.stream().findFirst());
  }

  /** Names of every ref-able node, for "did you mean". */
  /**
   * The enabled models, seeds and snapshots by name (a name may have several: versions, packages).
   */
  public Map<String, List<Node>> refableByName() {
    return java.util.Collections.unmodifiableMap(byName);
  }

  public java.util.Set<String> refableNames() {
    java.util.Set<String> names = refableNames;
    if (names == null) {
      // after an edit, the manifest before's set (EditedMap): what "did you mean" works out from
      // the names once serves the edits after it
      names =
          byName instanceof EditedMap<?, ?>
              ? byName.keySet()
              : java.util.Collections.unmodifiableSet(byName.keySet());
      refableNames = names;
    }
    return names;
  }

  /** {@link #refableNames}, once asked for. */
  private volatile java.util.Set<String> refableNames;
}
