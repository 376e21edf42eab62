package dev.dbtls.index;

import dev.dbtls.project.FileKind;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

// ---- macros and docs -------------------------------------------------------------------

/**
 * The manifest after an edit of SQL files that define nodes (models, analyses, singular tests,
 * snapshots), without relinking the whole project: the nodes of those files are built and resolved
 * again and swapped into {@code previous}; everything else is kept. This is what makes diagnostics
 * follow typing on a large project. Null when the edit may change more than those nodes (a new or
 * deleted file, a macro or docs block, a node renamed, enabled or disabled, a cycle involved) —
 * then the caller builds the whole manifest.
 */
final class ManifestUpdate {
  private final ProjectInputs inputs;
  private final ParseCache cache;
  private final java.util.function.Function<PropertyIndex, ParseContext> contexts;

  /** {@code contexts} makes the update's parse context around a filled property index. */
  ManifestUpdate(
      ProjectInputs inputs,
      ParseCache cache,
      java.util.function.Function<PropertyIndex, ParseContext> contexts) {
    this.inputs = inputs;
    this.cache = cache;
    this.contexts = contexts;
  }

  Manifest update(Manifest previous, java.util.Set<java.nio.file.Path> changed) {
    dev.dbtls.project.Timing.begin();
    // the edited files now and before (not a map of every file: two per edit on 100,000 models)
    Map<java.nio.file.Path, ProjectFile> now = edited(inputs, changed);
    Map<java.nio.file.Path, ProjectFile> before = edited(previous.inputs(), changed);
    java.util.Set<String> macroFiles = new java.util.HashSet<>();
    previous.macros().values().forEach(m -> macroFiles.add(m.displayPath()));
    previous.docs().values().forEach(d -> macroFiles.add(d.displayPath()));
    if (previous.problems().stream()
        .anyMatch(
            p -> p.code() == ProblemCode.DAG_CYCLE || p.code() == ProblemCode.NODE_DUPLICATE)) {
      return null; // located in several files and decided by all of them: find them again
    }
    List<ProjectFile> files = new ArrayList<>();
    for (java.nio.file.Path path : changed) {
      ProjectFile f = now.get(path);
      ProjectFile old = before.get(path);
      if (f == null
          || old == null
          || f.kind() != old.kind()
          || !f.packageName().equals(old.packageName())
          || !java.util.EnumSet.of(
                  FileKind.MODEL, FileKind.ANALYSIS, FileKind.SINGULAR_TEST, FileKind.SNAPSHOT)
              .contains(f.kind())
          || f.isPython()
          || macroFiles.contains(inputs.displayPath(f))) {
        return null;
      }
      files.add(f);
    }
    // what the full build computes first and node building reads: macros that ref (scanned once,
    // then kept for the next updates: UpdateContext), the YAML properties and versions of the
    // edited nodes
    UpdateContext project = cache.updateContext(inputs);
    PropertyIndex properties = project.properties(described(previous, files), inputs, cache);
    if (properties == null) {
      return null; // a property file could not be read: the full build says so
    }
    ParseContext context = contexts.apply(properties);
    SqlNodeParser parser =
        new SqlNodeParser(
            context,
            new Descriptions(previous.docs()),
            project.refMacros,
            project.versionFiles(previous.inputs(), inputs, properties));
    Linker linker = new Linker(context);
    // a file rendered again after a macro edit (MacroUpdate) is the very file: what comes out as
    // before is the node before
    PreviousNodes kept = PreviousNodes.of(previous);
    context.phase("update: project context");
    Map<String, Node> resolved = new HashMap<>();
    Map<String, Node> disabled = new LinkedHashMap<>(previous.disabled());
    List<Node> built = new ArrayList<>();
    java.util.Set<String> displays = new java.util.HashSet<>();
    for (ProjectFile f : files) {
      String display = inputs.displayPath(f);
      displays.add(display);
      ParsedFile p = context.cache.scan(f, display);
      if (!p.facts().macros().isEmpty() || !p.facts().docs().isEmpty()) {
        return null;
      }
      context.problems.addAll(p.syntaxProblems());
      List<Node> fresh = parser.sqlNodes(f, p);
      java.util.Set<String> oldEnabled = new java.util.HashSet<>();
      previous.nodesInFile(display).forEach(n -> oldEnabled.add(n.uniqueId()));
      java.util.Set<String> oldDisabled = new java.util.HashSet<>();
      previous.disabled().values().stream()
          .filter(n -> display.equals(n.displayPath()))
          .forEach(n -> oldDisabled.add(n.uniqueId()));
      java.util.Set<String> newEnabled = new java.util.HashSet<>();
      java.util.Set<String> newDisabled = new java.util.HashSet<>();
      fresh.forEach(n -> (n.enabled() ? newEnabled : newDisabled).add(n.uniqueId()));
      if (!oldEnabled.equals(newEnabled)
          || !oldDisabled.equals(newDisabled)
          || newEnabled.size() + newDisabled.size() != fresh.size()) {
        return null; // renamed, enabled, disabled, or defined twice now
      }
      for (Node n : fresh) {
        n = kept.draft(n);
        if (n.enabled()) {
          built.add(n);
        } else {
          disabled.put(n.uniqueId(), n);
        }
      }
    }
    for (Node n : built) {
      if (n.type() == ResourceType.TEST && linker.missingTarget(previous, n) != null) {
        return null; // the test is disabled now: the full build says so
      }
    }
    boolean sameEdges = true;
    for (Node n : built) {
      Node r = kept.linked(linker.resolve(previous, n));
      Node was = previous.nodes().get(n.uniqueId());
      sameEdges &= r.dependsOn().equals(was.dependsOn());
      if (r != was) {
        resolved.put(r.uniqueId(), r);
      }
    }
    Map<String, Node> nodes =
        resolved.isEmpty() ? previous.nodes() : EditedMap.of(previous.nodes(), resolved);
    context.phase("update: edited nodes");
    Dag dag = previous.dag();
    if (!sameEdges) {
      Map<String, List<String>> changedParents = new HashMap<>();
      built.forEach(n -> changedParents.put(n.uniqueId(), nodes.get(n.uniqueId()).dependsOn()));
      dag = dag.withParents(changedParents);
      if (dag == null) {
        return null; // a new cycle: found and reported by the full build
      }
    }
    List<Problem> all = new ArrayList<>();
    for (Problem p : previous.problems()) {
      if (!displays.contains(p.file())) {
        all.add(p); // the problems of the edited files are found again
      }
    }
    all.addAll(context.problems);
    List<Node> replaced = new ArrayList<>(resolved.values());
    Manifest m =
        Manifest.afterEdit(
            previous,
            inputs,
            nodes,
            disabled,
            previous.macros(),
            previous.docs(),
            dag,
            List.copyOf(all),
            replaced);
    context.phase("update: dag and manifest");
    return m;
  }

  /** The property files (display paths) that described the nodes of {@code files} in {@code m}. */
  private java.util.Set<String> described(Manifest m, List<ProjectFile> files) {
    java.util.Set<String> displays = new java.util.HashSet<>();
    files.forEach(f -> displays.add(inputs.displayPath(f)));
    java.util.Set<String> out = new java.util.HashSet<>();
    java.util.function.Consumer<Node> add =
        n -> {
          if (n.extra().get(Node.PROPERTIES_FILE) instanceof String p) {
            out.add(p);
          }
        };
    displays.forEach(d -> m.nodesInFile(d).forEach(add));
    m.disabled().values().stream().filter(n -> displays.contains(n.displayPath())).forEach(add);
    return out;
  }

  /** The files of {@code inputs} among {@code changed}, by path. */
  static Map<java.nio.file.Path, ProjectFile> edited(
      ProjectInputs inputs, java.util.Set<java.nio.file.Path> changed) {
    Map<java.nio.file.Path, ProjectFile> files = new HashMap<>();
    for (ProjectFile f : inputs.files()) {
      if (changed.contains(f.absolutePath())) {
        files.put(f.absolutePath(), f);
      }
    }
    return files;
  }
}
