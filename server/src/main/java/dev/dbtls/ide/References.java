package dev.dbtls.ide;

import dev.dbtls.index.DocBlock;
import dev.dbtls.index.Macro;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.StaticExtractor;
import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.jinja.scan.TextRange;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.properties.DataTestSpec;
import dev.dbtls.project.properties.PropertyFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Find references: every {@code ref} to a model (the cursor on a ref, on a YAML model entry, or
 * anywhere in the model's own file), every {@code source} call of a source table, every call of a
 * macro (bare, {@code pkg.macro}, and {@code adapter.dispatch} for its implementations), every
 * {@code var} of a name and every {@code doc} of a docs block, each located at the name it spells.
 * Files are rescanned from their texts (the open buffer for the file being edited); a file that
 * does not contain the name at all is never scanned, so the work is linear in the size of the
 * project.
 */
public final class References {
  private References() {}

  static List<Location> find(
      ProjectSnapshot s, String displayPath, String text, int offset, boolean includeDeclaration) {
    Symbol.Context c = Symbol.Context.of(s, displayPath, text);
    Optional<Symbol> sym = Symbol.at(c, offset);
    Query q = sym.isPresent() ? query(c, sym.get()) : ownModel(c);
    return q == null ? List.of() : search(c, q, includeDeclaration);
  }

  /** What is searched: the resolved thing, the text every occurrence must contain, declarations. */
  private record Query(
      Set<String> nodeIds,
      Macro macro,
      String varName,
      DocBlock doc,
      String needle,
      List<Location> declarations) {}

  private static Query query(Symbol.Context c, Symbol sym) {
    Manifest m = c.snapshot().manifest();
    String pkg = c.packageName();
    if (sym instanceof Symbol.Ref r) {
      return models(Resolve.models(m, pkg, r));
    }
    if (sym instanceof Symbol.Source src) {
      return Resolve.source(m, pkg, src)
          .map(
              n ->
                  new Query(
                      Set.of(n.uniqueId()),
                      null,
                      null,
                      null,
                      n.name(),
                      List.of(new Location(n.displayPath(), n.span()))))
          .orElse(null);
    }
    if (sym instanceof Symbol.Macro mc) {
      return Resolve.macro(m, pkg, mc).map(References::macro).orElse(null);
    }
    if (sym instanceof Symbol.Dispatch d) {
      // the macro named like the dispatch is the one callers call; else an implementation
      Optional<Macro> named =
          Resolve.macro(m, pkg, new Symbol.Macro(d.namespace(), d.name(), false, 0, 0));
      List<Macro> impls = Resolve.dispatch(m, pkg, d);
      return named.or(() -> impls.stream().findFirst()).map(References::macro).orElse(null);
    }
    if (sym instanceof Symbol.Var v) {
      return new Query(
          Set.of(),
          null,
          v.name(),
          null,
          v.name(),
          Resolve.varDefinitions(m.inputs(), pkg, v.name()));
    }
    if (sym instanceof Symbol.Doc d) {
      return Resolve.doc(m, pkg, d)
          .map(
              b ->
                  new Query(
                      Set.of(),
                      null,
                      null,
                      b,
                      b.name(),
                      List.of(new Location(b.displayPath(), b.span()))))
          .orElse(null);
    }
    return null;
  }

  private static Query models(List<Node> nodes) {
    if (nodes.isEmpty()) {
      return null;
    }
    Set<String> ids = new LinkedHashSet<>();
    List<Location> decl = new ArrayList<>();
    for (Node n : nodes) {
      ids.add(n.uniqueId());
      decl.add(new Location(n.displayPath(), n.span() == null ? Resolve.FILE_START : n.span()));
    }
    return new Query(ids, null, null, null, nodes.get(0).name(), decl);
  }

  private static Query macro(Macro x) {
    String needle =
        x.name().contains("__") ? x.name().substring(x.name().lastIndexOf("__") + 2) : x.name();
    if (needle.startsWith("test_")) {
      needle = needle.substring("test_".length()); // YAML applies a generic test by its short name
    }
    return new Query(
        Set.of(), x, null, null, needle, List.of(new Location(x.displayPath(), x.span())));
  }

  /**
   * Every ref to these nodes in the project, declarations left out: what renaming a model edits.
   */
  static List<Location> refsTo(Symbol.Context c, List<Node> nodes) {
    Query q = models(nodes);
    return q == null ? List.of() : search(c, q, false);
  }

  /**
   * Every call of a macro, {@code adapter.dispatch} naming it and YAML use of it as a generic test,
   * its definition left out: what renaming a macro edits.
   */
  static List<Location> callsOf(Symbol.Context c, Macro macro) {
    return search(c, macro(macro), false);
  }

  /** On nothing in particular inside a model's file: the model. */
  private static Query ownModel(Symbol.Context c) {
    return models(
        c.snapshot().manifest().nodesInFile(c.displayPath()).stream()
            .filter(Resolve::refable)
            .toList());
  }

  private static List<Location> search(Symbol.Context c, Query q, boolean includeDeclaration) {
    Path current = c.snapshot().inputs().root().dir().resolve(c.displayPath()).normalize();
    List<ProjectFile> files = new ArrayList<>(c.snapshot().inputs().files());
    if (files.stream().noneMatch(f -> f.isAt(current))) {
      // a file the snapshot does not know yet (new, unsaved): its own text still counts
      files.add(
          new ProjectFile(
              c.isYaml() ? FileKind.PROPERTIES : FileKind.MODEL,
              c.packageName(),
              c.displayPath(),
              current,
              c.text()));
    }
    Cancellation cancel = Cancellation.current();
    List<Location> found = new ArrayList<>();
    dev.dbtls.project.Parallel.map(
            files,
            f -> {
              cancel.check();
              boolean isCurrent = f.isAt(current);
              String text = isCurrent ? c.text() : f.text();
              if (text == null || !text.contains(q.needle())) {
                return List.<Location>of();
              }
              String path = isCurrent ? c.displayPath() : c.snapshot().inputs().displayPath(f);
              return inFile(c, q, f, path, text);
            })
        .forEach(found::addAll);
    Set<Location> out = new LinkedHashSet<>();
    if (includeDeclaration) {
      out.addAll(q.declarations());
    }
    out.addAll(found); // a set: a macro called 20,000 times must not compare each with the rest
    return new ArrayList<>(out);
  }

  private static List<Location> inFile(
      Symbol.Context c, Query q, ProjectFile f, String path, String text) {
    if (f.kind() == FileKind.SEED) {
      return List.of();
    }
    LineIndex lines = new LineIndex(text);
    List<Location> out = new ArrayList<>();
    if (f.kind() == FileKind.PROPERTIES || f.isPython()) { // dbt.ref('x') in Python models
      inYaml(c, q, f, path, text, lines, out);
      return out;
    }
    Manifest m = c.snapshot().manifest();
    String pkg = f.packageName();
    StaticFacts facts = StaticExtractor.extract(JinjaScanner.scan(text));
    if (!q.nodeIds().isEmpty()) {
      for (StaticFacts.RefCall r : facts.refs()) {
        if (q.needle().equals(r.name())
            && !r.dynamic()
            && reaches(
                m,
                pkg,
                new Symbol.Ref(r.packageName(), r.name(), r.version(), false, List.of(), 0, 0),
                q)) {
          out.add(at(path, lines, r.nameRange()));
        }
      }
      for (StaticFacts.SourceCall s : facts.sources()) {
        if (q.needle().equals(s.tableName())
            && s.sourceName() != null
            && Resolve.source(m, pkg, new Symbol.Source(s.sourceName(), s.tableName(), 0, 0))
                .filter(n -> q.nodeIds().contains(n.uniqueId()))
                .isPresent()) {
          out.add(at(path, lines, s.tableRange()));
        }
      }
    }
    if (q.macro() != null) {
      for (StaticFacts.MacroCall call : facts.macroCalls()) {
        if (call.name().equals(q.macro().name())
            && Resolve.macro(m, pkg, new Symbol.Macro(call.namespace(), call.name(), false, 0, 0))
                .filter(q.macro()::equals)
                .isPresent()) {
          out.add(at(path, lines, call.nameRange()));
        }
      }
      for (StaticFacts.DispatchCall d : facts.dispatches()) {
        if (d.macroName() != null
            && Resolve.dispatch(m, pkg, new Symbol.Dispatch(d.macroName(), d.namespace(), 0, 0))
                .contains(q.macro())) {
          out.add(at(path, lines, d.nameRange()));
        }
      }
    }
    if (q.varName() != null) {
      for (StaticFacts.VarCall v : facts.vars()) {
        if (q.varName().equals(v.name())) {
          out.add(at(path, lines, v.nameRange()));
        }
      }
    }
    if (q.doc() != null) {
      for (StaticFacts.DocCall d : facts.docRefs()) {
        if (q.doc().name().equals(d.name())
            && Resolve.doc(m, pkg, new Symbol.Doc(d.packageName(), d.name(), 0, 0))
                .filter(q.doc()::equals)
                .isPresent()) {
          out.add(at(path, lines, d.nameRange()));
        }
      }
    }
    return out;
  }

  /**
   * Refs and sources in YAML ({@code to: ref('x')}, exposures) and Python models ({@code
   * dbt.ref('x')}), and in YAML generic tests and docs in descriptions.
   */
  private static void inYaml(
      Symbol.Context c,
      Query q,
      ProjectFile f,
      String path,
      String text,
      LineIndex lines,
      List<Location> out) {
    Manifest m = c.snapshot().manifest();
    String pkg = f.packageName();
    if (!q.nodeIds().isEmpty()) {
      Matcher r = Symbol.YAML_REF.matcher(text);
      while (r.find()) {
        boolean two = r.group(4) != null;
        int g = two ? 4 : 2;
        if (q.needle().equals(r.group(g))
            && reaches(
                m,
                pkg,
                new Symbol.Ref(two ? r.group(2) : null, r.group(g), null, false, List.of(), 0, 0),
                q)) {
          out.add(new Location(path, lines.span(r.start(g), r.end(g))));
        }
      }
      Matcher s = Symbol.YAML_SOURCE.matcher(text);
      while (s.find()) {
        if (q.needle().equals(s.group(4))
            && Resolve.source(m, pkg, new Symbol.Source(s.group(2), s.group(4), 0, 0))
                .filter(n -> q.nodeIds().contains(n.uniqueId()))
                .isPresent()) {
          out.add(new Location(path, lines.span(s.start(4), s.end(4))));
        }
      }
    }
    if (q.macro() != null && q.macro().name().startsWith("test_") && !f.isPython()) {
      for (DataTestSpec t : Symbol.tests(PropertyFile.parse(path, text))) {
        int at = lines.offset(t.span().startLine(), t.span().startColumn());
        if (("test_" + t.macroName()).equals(q.macro().name())
            && text.startsWith(t.testName(), at)
            && Resolve.macro(
                    m, pkg, new Symbol.Macro(t.packageName(), "test_" + t.macroName(), false, 0, 0))
                .filter(q.macro()::equals)
                .isPresent()) {
          int from = at + t.testName().length() - t.macroName().length();
          out.add(new Location(path, lines.span(from, from + t.macroName().length())));
        }
      }
    }
    if (q.doc() != null && text.contains("doc(") && !f.isPython()) {
      for (PropertyFile.DocRef d : PropertyFile.parse(path, text).docRefs()) {
        if (d.name().equals(q.doc().name())
            && Resolve.doc(m, pkg, new Symbol.Doc(d.packageName(), d.name(), 0, 0))
                .filter(q.doc()::equals)
                .isPresent()) {
          out.add(new Location(path, nameIn(lines, text, d.span(), d.name())));
        }
      }
    }
  }

  /** The name inside a {@code doc('name')} call's span. */
  private static dev.dbtls.project.Span nameIn(
      LineIndex lines, String text, dev.dbtls.project.Span call, String name) {
    int start = lines.offset(call.startLine(), call.startColumn());
    int end = lines.offset(call.endLine(), call.endColumn());
    int at = text.lastIndexOf(name, end);
    return at >= start ? lines.span(at, at + name.length()) : call;
  }

  private static boolean reaches(Manifest m, String pkg, Symbol.Ref r, Query q) {
    return Resolve.models(m, pkg, r).stream().anyMatch(n -> q.nodeIds().contains(n.uniqueId()));
  }

  private static Location at(String path, LineIndex lines, TextRange r) {
    return new Location(path, lines.span(r.start(), r.end()));
  }
}
