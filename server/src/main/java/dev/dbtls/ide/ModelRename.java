package dev.dbtls.ide;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.NodeSpec;
import dev.dbtls.project.properties.PropertyFile;
import dev.dbtls.project.yaml.YamlDocument;
import dev.dbtls.project.yaml.YamlMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renaming a model (every version of it), a seed or a snapshot: its file (or snapshot block), every
 * {@code ref} to it in the root project, its property entries, the unit tests that name it and the
 * {@code dbt_project.yml} keys that configure it by path.
 */
final class ModelRename {
  private ModelRename() {}

  /** The model, seed or snapshot a ref names, if it can be renamed. */
  static Rename.Target target(Symbol.Context c, Symbol.Ref r) {
    Manifest m = c.snapshot().manifest();
    List<Node> found = Resolve.models(m, c.packageName(), r);
    if (found.isEmpty()) {
      return Rename.Target.refused(
          "no model, seed or snapshot named '" + r.name() + "' is in the project");
    }
    Node n = found.get(0);
    if (!n.packageName().equals(m.inputs().root().name())) {
      return Rename.Target.refused(
          n.type().dbtName() + "s of package " + n.packageName() + " are not part of this project");
    }
    int[] at = Rename.nameIn(c.text(), r.start(), r.end(), n.name());
    if (at == null) {
      return Rename.Target.refused(Rename.NOTHING);
    }
    return new Rename.Target(at[0], at[1], n.name(), new Rename.Model(n), null);
  }

  /** The node and the other versions of its model. */
  static List<Node> allVersions(Manifest m, Node n) {
    List<Node> all = new ArrayList<>();
    for (Node x : m.nodes().values()) {
      if (Resolve.refable(x)
          && x.name().equals(n.name())
          && x.packageName().equals(n.packageName())
          && x.type() == n.type()) {
        all.add(x);
      }
    }
    all.sort(Comparator.comparing(Node::uniqueId));
    return all;
  }

  /** Renames {@code nodes} (a model's versions, a seed or a snapshot) to {@code newName}. */
  static RenameResult rename(Symbol.Context c, List<Node> nodes, String newName) {
    Manifest m = c.snapshot().manifest();
    String old = nodes.get(0).name();
    String what = nodes.get(0).type().dbtName();
    if (!Rename.IDENTIFIER.matcher(newName).matches()) {
      return RenameResult.failed(
          "'"
              + newName
              + "' is not a valid "
              + what
              + " name: use letters, "
              + "digits and underscores, not starting with a digit");
    }
    for (Map<String, Node> taken : List.of(m.nodes(), m.disabled())) {
      for (Node n : taken.values()) {
        if (Resolve.refable(n) && n.name().equals(newName)) {
          return RenameResult.failed(
              "a "
                  + n.type().dbtName()
                  + " named '"
                  + newName
                  + "' already exists: "
                  + n.displayPath());
        }
      }
    }
    RenameEdits.Files files = new RenameEdits.Files(c);
    RenameEdits.Changes out = new RenameEdits.Changes();
    for (Node n : nodes) {
      String stem = n.file().stem();
      String newStem =
          stem.equals(old)
              ? newName
              : n.version() != null && stem.equals(old + "_v" + n.version())
                  ? newName + "_v" + n.version()
                  : null;
      if (newStem != null && n.type() != ResourceType.SNAPSHOT) {
        String to =
            n.displayPath()
                    .substring(
                        0,
                        n.displayPath().length()
                            - stem.length()
                            - extension(n.displayPath()).length())
                + newStem
                + extension(n.displayPath());
        if (files.text(to) != null) {
          return RenameResult.failed("the file " + to + " already exists");
        }
        out.rename(n.displayPath(), to);
      }
      if (n.type() == ResourceType.SNAPSHOT && n.span() != null && !n.span().equals(Span.NONE)) {
        out.edit(files, n.displayPath(), n.span(), old, newName);
      }
    }
    for (Location l : References.refsTo(c, nodes)) {
      if (files.isRoot(l.displayPath())) {
        out.edit(files, l.displayPath(), l.span(), old, newName);
      }
    }
    Set<String> types = new HashSet<>();
    nodes.forEach(n -> types.add(n.type().dbtName()));
    for (Map.Entry<String, String> f : files.properties().entrySet()) {
      Cancellation.current().check(); // a property file is parsed per match
      if (!f.getValue().contains(old)) {
        continue;
      }
      for (NodeSpec spec : PropertyFile.parse(f.getKey(), f.getValue()).nodes()) {
        if (spec.name().equals(old) && types.contains(spec.resourceType())) {
          LineIndex lines = files.lines(f.getKey());
          int from = lines.offset(spec.nameSpan().startLine(), spec.nameSpan().startColumn());
          int to = lines.offset(spec.nameSpan().endLine(), spec.nameSpan().endColumn());
          int[] at = Rename.nameIn(f.getValue(), from, to, old);
          if (at != null) {
            out.edit(files, f.getKey(), lines.span(at[0], at[1]), old, newName);
          }
        }
      }
    }
    unitTests(files, old, newName, out);
    projectConfig(m, nodes, newName, out);
    return RenameResult.of(out.build());
  }

  /** Unit tests name the model they test bare: {@code unit_tests: [{model: x, ...}]}. */
  private static void unitTests(
      RenameEdits.Files files, String old, String newName, RenameEdits.Changes out) {
    for (Map.Entry<String, String> f : files.properties().entrySet()) {
      Cancellation.current().check(); // a property file is parsed per match
      if (!f.getValue().contains("unit_tests") || !f.getValue().contains(old)) {
        continue;
      }
      YamlMap root = YamlDocument.parse(f.getKey(), f.getValue()).rootMap();
      for (YamlMap test : root.list("unit_tests").maps()) {
        if (old.equals(test.string("model"))) {
          LineIndex lines = files.lines(f.getKey());
          Span s = test.get("model").span();
          int[] at =
              Rename.nameIn(
                  f.getValue(),
                  lines.offset(s.startLine(), s.startColumn()),
                  lines.offset(s.endLine(), s.endColumn()),
                  old);
          if (at != null) {
            out.edit(files, f.getKey(), lines.span(at[0], at[1]), old, newName);
          }
        }
      }
    }
  }

  /**
   * dbt_project.yml may configure a model by its path: {@code models: {shop: {staging: {x: {+tags:
   * ...}}}}}; the key that names the model is renamed too.
   */
  private static void projectConfig(
      Manifest m, List<Node> nodes, String newName, RenameEdits.Changes out) {
    String old = nodes.get(0).name();
    for (Node n : nodes) {
      String section =
          switch (n.type()) {
            case SEED -> "seeds";
            case SNAPSHOT -> "snapshots";
            default -> "models";
          };
      YamlMap at = m.inputs().root().document().rootMap().map(section);
      List<String> fqn = n.fqn();
      for (int i = 0; i < fqn.size(); i++) {
        if (i > 0 && fqn.get(i).equals(old) && at.has(old)) {
          out.put(DbtProject.FILE, at.keySpan(old), newName);
          break;
        }
        if (!(at.get(fqn.get(i)) instanceof YamlMap next)) {
          break;
        }
        at = next;
      }
    }
  }

  private static String extension(String path) {
    int dot = path.lastIndexOf('.');
    return dot > path.lastIndexOf('/') ? path.substring(dot) : "";
  }
}
