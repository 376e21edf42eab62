package dev.dbtls.ide;

import dev.dbtls.index.DocBlock;
import dev.dbtls.index.Macro;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.jinja.scan.TextRange;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.DataTestSpec;
import dev.dbtls.project.properties.NodeSpec;
import dev.dbtls.project.properties.PropertyFile;
import dev.dbtls.project.properties.SourceSpec;
import dev.dbtls.project.properties.SourceTableSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Document highlights: every place in the current file that names what the cursor is on — refs to
 * the same model, calls of the same source table or macro, the same var or doc, a CTE's name — each
 * marked {@link Kind#WRITE} where it is defined (a macro's or docs block's name, a model's or
 * source table's YAML entry, a CTE's definition), {@link Kind#READ} where it is used, {@link
 * Kind#TEXT} where it could not be resolved and only the spelling matches. Only this file is
 * scanned: nothing else of the project is read.
 */
public final class DocumentHighlights {
  private DocumentHighlights() {}

  public enum Kind {
    TEXT,
    READ,
    WRITE
  }

  /** One highlighted range of the current file. */
  public record Highlight(Span range, Kind kind) {}

  static List<Highlight> find(ProjectSnapshot s, String displayPath, String text, int offset) {
    if (text == null || offset < 0 || offset > text.length()) {
      return List.of();
    }
    Symbol.Context c = Symbol.Context.of(s, displayPath, text);
    Found out = new Found(c.lines());
    if (dev.dbtls.project.JinjaFileExtensions.isSql(displayPath)) {
      Optional<Ctes.Cte> cte = Ctes.at(text, offset);
      if (cte.isPresent()) {
        out.add(cte.get().definition().start(), cte.get().definition().end(), Kind.WRITE);
        cte.get().uses().forEach(u -> out.add(u.start(), u.end(), Kind.READ));
        return out.sorted();
      }
    }
    Optional<Symbol> sym = Symbol.at(c, offset);
    if (sym.isEmpty()) {
      return List.of();
    }
    if (c.isYaml() || displayPath.endsWith(".py")) {
      literalCalls(c, sym.get(), out);
      if (c.isYaml()) {
        propertyEntries(c, sym.get(), out);
      }
    } else {
      template(c, sym.get(), out);
    }
    return out.sorted();
  }

  /** The ranges found, each once. */
  private static final class Found {
    private final LineIndex lines;
    private final List<Highlight> items = new ArrayList<>();

    Found(LineIndex lines) {
      this.lines = lines;
    }

    void add(int start, int end, Kind kind) {
      Span span = lines.span(start, end);
      if (items.stream().noneMatch(h -> h.range().equals(span))) {
        items.add(new Highlight(span, kind));
      }
    }

    void add(TextRange r, Kind kind) {
      add(r.start(), r.end(), kind);
    }

    List<Highlight> sorted() {
      items.sort(
          Comparator.comparingInt((Highlight h) -> h.range().startLine())
              .thenComparingInt(h -> h.range().startColumn()));
      return List.copyOf(items);
    }
  }

  // ---------------------------------------------------------------- SQL and Jinja files

  private static void template(Symbol.Context c, Symbol sym, Found out) {
    Manifest m = c.snapshot().manifest();
    String pkg = c.packageName();
    StaticFacts f = c.scan().facts(); // the scan the symbol lookup made
    if (sym instanceof Symbol.Ref r) {
      Set<String> ids = ids(Resolve.models(m, pkg, r));
      for (StaticFacts.RefCall x : f.refs()) {
        if (x.name() != null && !x.dynamic() && x.name().equals(r.name())) {
          Symbol.Ref other =
              new Symbol.Ref(x.packageName(), x.name(), x.version(), false, List.of(), 0, 0);
          Kind k = sameModel(m, pkg, ids, r, other);
          if (k != null) {
            out.add(x.nameRange(), k);
          }
        }
      }
    } else if (sym instanceof Symbol.Source src) {
      Optional<Node> target = Resolve.source(m, pkg, src);
      for (StaticFacts.SourceCall x : f.sources()) {
        if (src.tableName().equals(x.tableName()) && src.sourceName().equals(x.sourceName())) {
          out.add(x.tableRange(), target.isPresent() ? Kind.READ : Kind.TEXT);
        }
      }
    } else if (sym instanceof Symbol.Macro mc) {
      macro(c, f, Resolve.macro(m, pkg, mc), mc.namespace(), mc.name(), out);
    } else if (sym instanceof Symbol.Dispatch d) {
      dispatch(c, f, d, out);
    } else if (sym instanceof Symbol.Var v) {
      for (StaticFacts.VarCall x : f.vars()) {
        if (v.name().equals(x.name())) {
          out.add(x.nameRange(), Kind.READ);
        }
      }
    } else if (sym instanceof Symbol.Doc d) {
      Optional<DocBlock> target = Resolve.doc(m, pkg, d);
      for (StaticFacts.DocCall x : f.docRefs()) {
        if (d.name().equals(x.name())
            && Objects.equals(
                target, Resolve.doc(m, pkg, new Symbol.Doc(x.packageName(), x.name(), 0, 0)))) {
          out.add(x.nameRange(), target.isPresent() ? Kind.READ : Kind.TEXT);
        }
      }
      for (StaticFacts.DocsBlock b : f.docs()) {
        if (b.name().equals(d.name()) && (d.packageName() == null || d.packageName().equals(pkg))) {
          out.add(b.nameRange(), Kind.WRITE);
        }
      }
    } else if (sym instanceof Symbol.ConfigKey k) {
      for (StaticFacts.ConfigCall cc : f.configs()) {
        for (StaticFacts.ConfigArg a : cc.args()) {
          if (k.key().equals(a.name())) {
            out.add(a.nameRange(), Kind.TEXT);
          }
        }
      }
    }
  }

  /**
   * READ when the other ref reaches the same node, TEXT when neither resolves and they read alike.
   */
  private static Kind sameModel(
      Manifest m, String pkg, Set<String> ids, Symbol.Ref r, Symbol.Ref other) {
    if (ids.isEmpty()) {
      return Objects.equals(r.packageName(), other.packageName())
              && Objects.equals(r.version(), other.version())
          ? Kind.TEXT
          : null;
    }
    return ids.containsAll(ids(Resolve.models(m, pkg, other)))
            && !Resolve.models(m, pkg, other).isEmpty()
        ? Kind.READ
        : null;
  }

  private static Set<String> ids(List<Node> nodes) {
    return nodes.stream().map(Node::uniqueId).collect(Collectors.toSet());
  }

  /** Calls of the macro (READ), its definition (WRITE), and dispatches that may pick it (READ). */
  private static void macro(
      Symbol.Context c,
      StaticFacts f,
      Optional<Macro> target,
      String namespace,
      String name,
      Found out) {
    Manifest m = c.snapshot().manifest();
    String pkg = c.packageName();
    for (StaticFacts.MacroCall x : f.macroCalls()) {
      if (!x.name().equals(name)) {
        continue;
      }
      Optional<Macro> reached =
          Resolve.macro(m, pkg, new Symbol.Macro(x.namespace(), x.name(), false, 0, 0));
      if (target.isPresent() && reached.equals(target)) {
        out.add(x.nameRange(), Kind.READ);
      } else if (target.isEmpty()
          && reached.isEmpty()
          && Objects.equals(namespace, x.namespace())) {
        out.add(x.nameRange(), Kind.TEXT);
      }
    }
    if (target.isEmpty()) {
      return;
    }
    for (StaticFacts.MacroDef d : f.macros()) {
      String unique = d.kind() == StaticFacts.MacroKind.TEST ? "test_" + d.name() : d.name();
      if (target.get().uniqueId().equals("macro." + pkg + "." + unique)) {
        out.add(d.nameRange(), Kind.WRITE);
      }
    }
    for (StaticFacts.DispatchCall d : f.dispatches()) {
      if (d.macroName() != null
          && Resolve.dispatch(m, pkg, new Symbol.Dispatch(d.macroName(), d.namespace(), 0, 0))
              .contains(target.get())) {
        out.add(d.nameRange(), Kind.READ);
      }
    }
  }

  /** The same dispatch (READ), and the definitions of the macros it may pick (WRITE). */
  private static void dispatch(Symbol.Context c, StaticFacts f, Symbol.Dispatch d, Found out) {
    List<Macro> impls = Resolve.dispatch(c.snapshot().manifest(), c.packageName(), d);
    for (StaticFacts.DispatchCall x : f.dispatches()) {
      if (d.name().equals(x.macroName()) && Objects.equals(d.namespace(), x.namespace())) {
        out.add(x.nameRange(), impls.isEmpty() ? Kind.TEXT : Kind.READ);
      }
    }
    for (StaticFacts.MacroDef def : f.macros()) {
      String id = "macro." + c.packageName() + "." + def.name();
      if (impls.stream().anyMatch(i -> i.uniqueId().equals(id))) {
        out.add(def.nameRange(), Kind.WRITE);
      }
    }
  }

  // ---------------------------------------------------------------- YAML and Python files

  /** {@code ref('x')} and {@code source('s', 't')} written as text, as the symbol's own kind. */
  private static void literalCalls(Symbol.Context c, Symbol sym, Found out) {
    Manifest m = c.snapshot().manifest();
    String pkg = c.packageName();
    String text = c.text();
    if (sym instanceof Symbol.Ref r) {
      Set<String> ids = ids(Resolve.models(m, pkg, r));
      Matcher x = Symbol.YAML_REF.matcher(text);
      while (x.find()) {
        boolean two = x.group(4) != null;
        int g = two ? 4 : 2;
        if (x.group(g).equals(r.name())) {
          Symbol.Ref other =
              new Symbol.Ref(two ? x.group(2) : null, x.group(g), null, false, List.of(), 0, 0);
          Kind k = sameModel(m, pkg, ids, r, other);
          if (k != null) {
            out.add(x.start(g), x.end(g), k);
          }
        }
      }
    } else if (sym instanceof Symbol.Source src) {
      Optional<Node> target = Resolve.source(m, pkg, src);
      Matcher x = Symbol.YAML_SOURCE.matcher(text);
      while (x.find()) {
        if (x.group(2).equals(src.sourceName()) && x.group(4).equals(src.tableName())) {
          out.add(x.start(4), x.end(4), target.isPresent() ? Kind.READ : Kind.TEXT);
        }
      }
    }
  }

  /** Model and source table entries (WRITE), generic tests and docs in descriptions (READ). */
  private static void propertyEntries(Symbol.Context c, Symbol sym, Found out) {
    Manifest m = c.snapshot().manifest();
    String pkg = c.packageName();
    PropertyFile props = Symbol.LastYaml.parse(c.displayPath(), c.text());
    if (sym instanceof Symbol.Ref r) {
      Set<String> ids = ids(Resolve.models(m, pkg, r));
      for (NodeSpec n : props.nodes()) {
        if (n.name().equals(r.name())
            && !ids.isEmpty()
            && ids(
                    Resolve.models(
                        m,
                        pkg,
                        new Symbol.Ref(
                            null,
                            n.name(),
                            null,
                            true,
                            n.versions().stream()
                                .map(dev.dbtls.project.properties.VersionSpec::v)
                                .toList(),
                            0,
                            0)))
                .stream()
                .anyMatch(ids::contains)) {
          name(c, n.nameSpan(), n.name(), Kind.WRITE, out);
        }
      }
    } else if (sym instanceof Symbol.Source src) {
      for (SourceSpec s : props.sources()) {
        for (SourceTableSpec t : s.tables()) {
          if (s.name().equals(src.sourceName()) && t.name().equals(src.tableName())) {
            name(c, t.nameSpan(), t.name(), Kind.WRITE, out);
          }
        }
      }
    } else if (sym instanceof Symbol.Macro mc) {
      Optional<Macro> target = Resolve.macro(m, pkg, mc);
      for (DataTestSpec t : Symbol.tests(props)) {
        int at = c.lines().offset(t.span().startLine(), t.span().startColumn());
        Optional<Macro> reached =
            Resolve.macro(
                m, pkg, new Symbol.Macro(t.packageName(), "test_" + t.macroName(), false, 0, 0));
        if (("test_" + t.macroName()).equals(mc.name())
            && c.text().startsWith(t.testName(), at)
            && reached.equals(target)) {
          int from = at + t.testName().length() - t.macroName().length();
          out.add(from, from + t.macroName().length(), target.isPresent() ? Kind.READ : Kind.TEXT);
        }
      }
    } else if (sym instanceof Symbol.Doc d) {
      for (PropertyFile.DocRef x : props.docRefs()) {
        if (x.name().equals(d.name()) && Objects.equals(x.packageName(), d.packageName())) {
          name(c, x.span(), x.name(), Kind.READ, out);
        }
      }
    }
  }

  /** The name inside a YAML span (which may hold quotes or a whole call). */
  private static void name(Symbol.Context c, Span s, String name, Kind kind, Found out) {
    int from = c.lines().offset(s.startLine(), s.startColumn());
    int to = c.lines().offset(s.endLine(), s.endColumn());
    int at = c.text().lastIndexOf(name, to - name.length());
    if (at >= from) {
      out.add(at, at + name.length(), kind);
    }
  }
}
