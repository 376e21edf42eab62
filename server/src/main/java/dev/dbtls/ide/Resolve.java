package dev.dbtls.ide;

import dev.dbtls.index.DocBlock;
import dev.dbtls.index.Macro;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.RefCall;
import dev.dbtls.index.ResourceType;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.Dispatch;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.Span;
import dev.dbtls.project.Vars;
import dev.dbtls.project.VarsFile;
import dev.dbtls.project.yaml.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a {@link Symbol} names in a snapshot, by dbt's lookup rules (shared by the features). */
final class Resolve {
  private Resolve() {}

  /** The node a ref reaches; every version of the model for a YAML entry (latest first). */
  static List<Node> models(Manifest m, String fromPackage, Symbol.Ref r) {
    if (!r.allVersions()) {
      return m.resolveRef(fromPackage, new RefCall(r.packageName(), r.name(), r.version(), 0, 0))
          .map(List::of)
          .orElse(List.of());
    }
    List<Node> out = new ArrayList<>();
    m.resolveRef(fromPackage, new RefCall(r.packageName(), r.name(), null, 0, 0))
        .ifPresent(out::add);
    for (String v : r.versions()) {
      m.resolveRef(fromPackage, new RefCall(r.packageName(), r.name(), v, 0, 0))
          .filter(n -> !out.contains(n))
          .ifPresent(out::add);
    }
    return out;
  }

  static boolean refable(Node n) {
    return n.type() == ResourceType.MODEL
        || n.type() == ResourceType.SEED
        || n.type() == ResourceType.SNAPSHOT;
  }

  static Optional<Node> source(Manifest m, String fromPackage, Symbol.Source s) {
    return m.resolveSource(fromPackage, s.sourceName(), s.tableName());
  }

  /**
   * The macro a call reaches: {@code pkg.name} in that package; a bare name in the calling package,
   * then the root project, then any package (dbt itself would not look there, but a reader wants to
   * find it). dbt's builtin macros are not in the manifest: none.
   */
  static Optional<Macro> macro(Manifest m, String fromPackage, Symbol.Macro c) {
    Map<String, Macro> macros = m.macros();
    if (c.definition()) {
      return Optional.ofNullable(macros.get("macro." + fromPackage + "." + c.name()));
    }
    if (c.namespace() != null) {
      return Optional.ofNullable(macros.get("macro." + c.namespace() + "." + c.name()));
    }
    for (String pkg : new String[] {fromPackage, m.inputs().root().name()}) {
      Macro found = macros.get("macro." + pkg + "." + c.name());
      if (found != null) {
        return Optional.of(found);
      }
    }
    for (String pkg : m.inputs().packages().keySet()) {
      Macro found = macros.get("macro." + pkg + "." + c.name());
      if (found != null) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  /**
   * The implementations {@code adapter.dispatch('name', 'ns')} may pick, in the order dbt tries
   * them: each package of the namespace's search order (dbt_project.yml {@code dispatch:}), each
   * adapter of the target's lineage, then {@code default__}. The dispatching macro itself (usually
   * named like the dispatch) is not among them.
   */
  static List<Macro> dispatch(Manifest m, String fromPackage, Symbol.Dispatch d) {
    ProjectInputs in = m.inputs();
    Set<String> packages = new LinkedHashSet<>();
    if (d.namespace() != null) {
      for (Dispatch entry : in.root().dispatch()) {
        if (entry.macroNamespace().equals(d.namespace())) {
          packages.addAll(entry.searchOrder());
        }
      }
      packages.add(d.namespace());
    } else {
      packages.add(fromPackage);
      packages.add(in.root().name());
    }
    List<String> prefixes = new ArrayList<>(in.target().adapter().lineage());
    prefixes.add("default");
    List<Macro> out = new ArrayList<>();
    for (String pkg : packages) {
      for (String prefix : prefixes) {
        Macro found = m.macros().get("macro." + pkg + "." + prefix + "__" + d.name());
        if (found != null && !out.contains(found)) {
          out.add(found);
        }
      }
    }
    return out;
  }

  static Optional<DocBlock> doc(Manifest m, String fromPackage, Symbol.Doc d) {
    Map<String, DocBlock> docs = m.docs();
    if (d.packageName() != null) {
      return Optional.ofNullable(docs.get("doc." + d.packageName() + "." + d.name()));
    }
    for (String pkg : new String[] {fromPackage, m.inputs().root().name()}) {
      DocBlock found = docs.get("doc." + pkg + "." + d.name());
      if (found != null) {
        return Optional.of(found);
      }
    }
    return docs.values().stream().filter(b -> b.name().equals(d.name())).findFirst();
  }

  /** Where a var is set, in lookup order: the value the package sees first. */
  static List<Location> varDefinitions(ProjectInputs in, String fromPackage, String name) {
    List<Location> out = new ArrayList<>();
    DbtProject root = in.root();
    Set<String> packageNames = in.packageNames();
    YamlMap fileVars = in.vars().varsFile().varsMap();
    if (fileVars.get(fromPackage) instanceof YamlMap scoped && scoped.has(name)) {
      out.add(new Location(VarsFile.FILE, scoped.keySpan(name)));
    }
    if (fileVars.has(name)
        && !(packageNames.contains(name) && fileVars.get(name) instanceof YamlMap)) {
      out.add(new Location(VarsFile.FILE, fileVars.keySpan(name)));
    }
    YamlMap rootVars = root.document().rootMap().map("vars");
    if (rootVars.get(fromPackage) instanceof YamlMap scoped && scoped.has(name)) {
      out.add(new Location(DbtProject.FILE, scoped.keySpan(name)));
    }
    if (rootVars.has(name)
        && !(packageNames.contains(name) && rootVars.get(name) instanceof YamlMap)) {
      out.add(new Location(DbtProject.FILE, rootVars.keySpan(name)));
    }
    DbtProject own = in.packages().get(fromPackage);
    if (own != null) {
      YamlMap vars = own.document().rootMap().map("vars");
      String path = root.dir().relativize(own.dir().resolve(DbtProject.FILE)).toString();
      if (vars.get(fromPackage) instanceof YamlMap scoped && scoped.has(name)) {
        out.add(new Location(path, scoped.keySpan(name)));
      }
      if (vars.has(name)) {
        out.add(new Location(path, vars.keySpan(name)));
      }
    }
    return out;
  }

  /** A var's value as the package sees it. */
  static Optional<Vars.Holder> var(ProjectInputs in, String fromPackage, String name) {
    return in.vars().lookup(fromPackage, name);
  }

  /** The start of a file: where a location that is a whole file points. */
  static final Span FILE_START = new Span(0, 0, 0, 0);

  /** {@code function('name')}: the user-defined function dbt picks (dbt 1.11). */
  static java.util.Optional<Node> function(Manifest m, String fromPackage, Symbol.Function f) {
    return m.resolveFunction(
        fromPackage, new dev.dbtls.index.RefCall(f.packageName(), f.name(), null, 0, 0));
  }

  /**
   * A metric named in YAML: where its name is written; a measure: where a semantic model of the
   * package declares it.
   */
  static java.util.Optional<Location> semantic(Manifest m, String fromPackage, Symbol.Semantic s) {
    if (s.kind().equals("metric")) {
      return m.semantic(dev.dbtls.index.ResourceType.METRIC, fromPackage, s.name())
          .map(n -> new Location(n.displayPath(), n.span()));
    }
    for (Node n : m.nodes().values()) {
      if (n.type() == dev.dbtls.index.ResourceType.SEMANTIC_MODEL
          && n.packageName().equals(fromPackage)
          && n.extra().get(Node.SEMANTIC_SPEC)
              instanceof dev.dbtls.project.properties.SemanticModelSpec spec) {
        for (dev.dbtls.project.properties.SemanticElement e : spec.measures()) {
          if (e.name().equals(s.name())) {
            return java.util.Optional.of(new Location(spec.file(), e.nameSpan()));
          }
        }
      }
    }
    return java.util.Optional.empty();
  }
}
