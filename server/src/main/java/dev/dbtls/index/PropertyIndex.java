package dev.dbtls.index;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.properties.ExposureSpec;
import dev.dbtls.project.properties.MacroSpec;
import dev.dbtls.project.properties.NodeSpec;
import dev.dbtls.project.properties.PropertyFile;
import dev.dbtls.project.properties.SourceSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every property file of the project and its packages, looked up by package, type and name. */
final class PropertyIndex {
  record Owned<T>(
      String packageName, PropertyFile file, T spec, List<String> folders, String relativePath) {}

  final List<Owned<NodeSpec>> nodes = new ArrayList<>();
  final List<Owned<SourceSpec>> sources = new ArrayList<>();
  final List<Owned<ExposureSpec>> exposures = new ArrayList<>();
  final List<Owned<dev.dbtls.project.properties.UnitTestSpec>> unitTests = new ArrayList<>();
  final Map<String, MacroSpec> macros = new HashMap<>();
  final List<Owned<dev.dbtls.project.properties.SemanticModelSpec>> semanticModels =
      new ArrayList<>();
  final List<Owned<dev.dbtls.project.properties.MetricSpec>> metrics = new ArrayList<>();
  final List<Owned<dev.dbtls.project.properties.SavedQuerySpec>> savedQueries = new ArrayList<>();
  final List<Owned<dev.dbtls.project.properties.YamlSnapshotSpec>> yamlSnapshots =
      new ArrayList<>();
  private final Map<String, dev.dbtls.project.properties.FunctionSpec> functions = new HashMap<>();
  final List<Problem> problems = new ArrayList<>();
  private final Map<String, Owned<NodeSpec>> byKey = new HashMap<>();
  private final java.util.Set<String> used = java.util.concurrent.ConcurrentHashMap.newKeySet();

  void add(String packageName, PropertyFile file, List<String> folders, String relativePath) {
    problems.addAll(file.problems());
    for (NodeSpec n : file.nodes()) {
      Owned<NodeSpec> o = new Owned<>(packageName, file, n, folders, relativePath);
      Owned<NodeSpec> earlier = byKey.putIfAbsent(key(packageName, n.resourceType(), n.name()), o);
      if (earlier != null) {
        problems.add(
            Problem.at(
                file.path(),
                n.nameSpan(),
                ProblemCode.YAML_SCHEMA,
                n.resourceType()
                    + " '"
                    + n.name()
                    + "' is already described in "
                    + earlier.file().path()
                    + "; dbt uses only one property entry per node"));
        continue;
      }
      nodes.add(o);
    }
    file.sources()
        .forEach(s -> sources.add(new Owned<>(packageName, file, s, folders, relativePath)));
    file.exposures()
        .forEach(e -> exposures.add(new Owned<>(packageName, file, e, folders, relativePath)));
    file.unitTests()
        .forEach(u -> unitTests.add(new Owned<>(packageName, file, u, folders, relativePath)));
    file.macros().forEach(m -> macros.putIfAbsent(packageName + "." + m.name(), m));
    file.semanticModels()
        .forEach(x -> semanticModels.add(new Owned<>(packageName, file, x, folders, relativePath)));
    file.metrics()
        .forEach(x -> metrics.add(new Owned<>(packageName, file, x, folders, relativePath)));
    file.savedQueries()
        .forEach(x -> savedQueries.add(new Owned<>(packageName, file, x, folders, relativePath)));
    file.yamlSnapshots()
        .forEach(x -> yamlSnapshots.add(new Owned<>(packageName, file, x, folders, relativePath)));
    file.functions().forEach(f -> functions.putIfAbsent(key(packageName, "function", f.name()), f));
  }

  private static String key(String pkg, String type, String name) {
    return pkg + "\u0000" + type + "\u0000" + name;
  }

  NodeSpec node(String pkg, String type, String name) {
    Owned<NodeSpec> o = byKey.get(key(pkg, type, name));
    if (o == null) {
      return null;
    }
    used.add(key(pkg, type, name));
    return o.spec();
  }

  /** A function's arguments and return type, or null. */
  dev.dbtls.project.properties.FunctionSpec function(String pkg, String name) {
    return functions.get(key(pkg, "function", name));
  }

  /** Marks a property entry as describing a node that exists (a snapshot defined in YAML). */
  void use(String pkg, String type, String name) {
    used.add(key(pkg, type, name));
  }

  /** Entries that described no existing node: a typo or a deleted file. */
  List<Owned<NodeSpec>> unused() {
    return nodes.stream()
        .filter(o -> !used.contains(key(o.packageName(), o.spec().resourceType(), o.spec().name())))
        .toList();
  }
}
