package dev.dbtls.ide;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.DataTestSpec;
import dev.dbtls.project.properties.NodeSpec;
import dev.dbtls.project.properties.PropertyFile;
import dev.dbtls.project.properties.SourceSpec;
import dev.dbtls.project.properties.SourceTableSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the cursor is on, in dbt's words: a ref, a source, a macro call, a var, a doc, a config key,
 * or a definition of one of them. Hover, definition and references start here. {@code start} and
 * {@code end} are character offsets of the text the symbol covers in the file being edited.
 */
sealed interface Symbol {
  int start();

  int end();

  /**
   * {@code ref('pkg', 'name', v=1)}; {@code allVersions} for a YAML entry, which names the model
   * and each of its {@code versions} at once.
   */
  record Ref(
      String packageName,
      String name,
      String version,
      boolean allVersions,
      List<String> versions,
      int start,
      int end)
      implements Symbol {}

  /** {@code source('src', 'table')}. */
  record Source(String sourceName, String tableName, int start, int end) implements Symbol {}

  /**
   * A macro: called ({@code name(}, {@code pkg.name(}), or its own definition ({@code definition},
   * then {@code name} is the macro's unique name, e.g. {@code test_x} for a generic test).
   */
  record Macro(String namespace, String name, boolean definition, int start, int end)
      implements Symbol {}

  /** {@code adapter.dispatch('name', 'namespace')}. */
  record Dispatch(String name, String namespace, int start, int end) implements Symbol {}

  /** {@code var('x', default)}; {@code defaultText} is the default's source text, or null. */
  record Var(String name, String defaultText, int start, int end) implements Symbol {}

  /** {@code doc('x')}, {@code doc('pkg', 'x')} or a {@code {% docs x %}} block's name. */
  record Doc(String packageName, String name, int start, int end) implements Symbol {}

  /** {@code function('name')} or {@code function('pkg', 'name')}: a user-defined function. */
  record Function(String packageName, String name, int start, int end) implements Symbol {}

  /**
   * A metric or measure named in property YAML (a metric's inputs, a saved query's metrics): {@code
   * kind} is {@code metric} or {@code measure}.
   */
  record Semantic(String kind, String name, int start, int end) implements Symbol {}

  /** A keyword argument of {@code config(...)}. */
  record ConfigKey(String key, int start, int end) implements Symbol {}

  /**
   * Where a file is being edited: its package and text, its scan shared by a request's features.
   */
  record Context(
      ProjectSnapshot snapshot,
      String displayPath,
      String packageName,
      String text,
      LineIndex lines,
      TemplateScan scan) {
    static Context of(ProjectSnapshot s, String displayPath, String text) {
      return new Context(
          s,
          displayPath,
          packageOf(s, displayPath),
          text,
          new LineIndex(text),
          new TemplateScan(text));
    }

    boolean isYaml() {
      return displayPath.endsWith(".yml") || displayPath.endsWith(".yaml");
    }
  }

  /** The package a file belongs to: the installed package whose folder holds it, else the root. */
  static String packageOf(ProjectSnapshot s, String displayPath) {
    return packageOf(s.inputs(), displayPath);
  }

  /** As {@link #packageOf(ProjectSnapshot, String)}, from the project's inputs alone. */
  static String packageOf(dev.dbtls.project.ProjectInputs inputs, String displayPath) {
    Path root = inputs.root().dir();
    Path abs = root.resolve(displayPath).normalize();
    for (DbtProject p : inputs.packages().values()) {
      if (abs.startsWith(p.dir())) {
        return p.name();
      }
    }
    return inputs.root().name();
  }

  /** The innermost symbol at {@code offset}, if any. */
  static Optional<Symbol> at(Context c, int offset) {
    if (c.text() == null || offset < 0 || offset > c.text().length()) {
      return Optional.empty();
    }
    List<Symbol> found =
        c.isYaml()
            ? inYaml(c, offset)
            : c.displayPath().endsWith(".py")
                ? literalCalls(c.text(), offset)
                : inTemplate(c, offset);
    return found.stream().min(Comparator.comparingInt(s -> s.end() - s.start()));
  }

  private static List<Symbol> inTemplate(Context c, int offset) {
    StaticFacts f = c.scan().facts();
    List<Symbol> out = new ArrayList<>();
    for (StaticFacts.RefCall r : f.refs()) {
      if (r.name() != null && !r.dynamic() && r.call().touches(offset)) {
        out.add(
            new Ref(
                r.packageName(),
                r.name(),
                r.version(),
                false,
                List.of(),
                r.call().start(),
                r.call().end()));
      }
    }
    for (StaticFacts.RefCall r : f.functions()) {
      if (r.name() != null && !r.dynamic() && r.call().touches(offset)) {
        out.add(new Function(r.packageName(), r.name(), r.call().start(), r.call().end()));
      }
    }
    for (StaticFacts.SourceCall r : f.sources()) {
      if (r.sourceName() != null && r.tableName() != null && r.call().touches(offset)) {
        out.add(new Source(r.sourceName(), r.tableName(), r.call().start(), r.call().end()));
      }
    }
    for (StaticFacts.MacroCall m : f.macroCalls()) {
      if (m.nameRange().touches(offset)
          || m.namespace() != null
              && m.call().start() <= offset
              && offset < m.nameRange().start()) {
        out.add(new Macro(m.namespace(), m.name(), false, m.call().start(), m.nameRange().end()));
      }
    }
    for (StaticFacts.DispatchCall d : f.dispatches()) {
      if (d.macroName() != null && d.call().touches(offset)) {
        out.add(new Dispatch(d.macroName(), d.namespace(), d.call().start(), d.call().end()));
      }
    }
    for (StaticFacts.VarCall v : f.vars()) {
      if (v.name() != null && v.call().touches(offset)) {
        out.add(
            new Var(
                v.name(),
                v.defaultRange() == null ? null : v.defaultRange().of(c.text()),
                v.call().start(),
                v.call().end()));
      }
    }
    for (StaticFacts.DocCall d : f.docRefs()) {
      if (d.name() != null && d.call().touches(offset)) {
        out.add(new Doc(d.packageName(), d.name(), d.call().start(), d.call().end()));
      }
    }
    for (StaticFacts.ConfigCall cc : f.configs()) {
      for (StaticFacts.ConfigArg a : cc.args()) {
        if (a.name() != null && a.nameRange().touches(offset)) {
          out.add(new ConfigKey(a.name(), a.nameRange().start(), a.nameRange().end()));
        }
      }
    }
    for (StaticFacts.MacroDef d : f.macros()) {
      if (d.nameRange().touches(offset) && d.kind() != StaticFacts.MacroKind.MATERIALIZATION) {
        String name = d.kind() == StaticFacts.MacroKind.TEST ? "test_" + d.name() : d.name();
        out.add(new Macro(null, name, true, d.nameRange().start(), d.nameRange().end()));
      }
    }
    for (StaticFacts.DocsBlock d : f.docs()) {
      if (d.nameRange().touches(offset)) {
        out.add(new Doc(null, d.name(), d.nameRange().start(), d.nameRange().end()));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- YAML

  /** {@code ref('m')}, {@code ref('pkg', 'm')} written in YAML (tests' {@code to:}, exposures). */
  Pattern YAML_REF =
      Pattern.compile("\\bref\\(\\s*(['\"])([^'\"]+)\\1\\s*(?:,\\s*(['\"])([^'\"]+)\\3\\s*)?\\)");

  /** {@code source('s', 't')} written in YAML. */
  Pattern YAML_SOURCE =
      Pattern.compile("\\bsource\\(\\s*(['\"])([^'\"]+)\\1\\s*,\\s*(['\"])([^'\"]+)\\3\\s*\\)");

  private static List<Symbol> inYaml(Context c, int offset) {
    String text = c.text();
    List<Symbol> out = literalCalls(text, offset);
    if (!out.isEmpty()) {
      return out;
    }
    String line = lineAt(text, offset);
    if (!NAME_OR_DOC_LINE.matcher(line).find() && !SEMANTIC_LINE.matcher(line).find()) {
      return out; // parsing a large YAML file costs milliseconds: only where it can find something
    }
    PropertyFile props = LastYaml.parse(c.displayPath(), text);
    semantic(c, props, offset, out);
    for (NodeSpec n : props.nodes()) {
      if (inside(c, n.nameSpan(), offset) && n.resourceType().equals("function")) {
        int[] r = offsets(c, n.nameSpan());
        out.add(new Function(c.packageName(), n.name(), r[0], r[1]));
      } else if (inside(c, n.nameSpan(), offset)) {
        int[] r = offsets(c, n.nameSpan());
        out.add(
            new Ref(
                c.packageName(),
                n.name(),
                null,
                true,
                n.versions().stream().map(dev.dbtls.project.properties.VersionSpec::v).toList(),
                r[0],
                r[1]));
      }
    }
    for (SourceSpec s : props.sources()) {
      for (SourceTableSpec t : s.tables()) {
        if (inside(c, t.nameSpan(), offset)) {
          int[] r = offsets(c, t.nameSpan());
          out.add(new Source(s.name(), t.name(), r[0], r[1]));
        }
      }
    }
    for (DataTestSpec t : tests(props)) {
      int[] r = offsets(c, t.span());
      String written = t.testName();
      if (r[0] <= offset && offset <= r[0] + written.length() && text.startsWith(written, r[0])) {
        out.add(
            new Macro(
                t.packageName(), "test_" + t.macroName(), false, r[0], r[0] + written.length()));
      }
    }
    for (PropertyFile.DocRef d : props.docRefs()) {
      if (inside(c, d.span(), offset)) {
        int[] r = offsets(c, d.span());
        out.add(new Doc(d.packageName(), d.name(), r[0], r[1]));
      }
    }
    return out;
  }

  /** A line where the Semantic Layer may name a metric or a measure. */
  Pattern SEMANTIC_LINE =
      Pattern.compile(
          "^\\s*(-\\s*)?(measure|numerator|denominator|metrics|input_metrics?|base_metric"
              + "|conversion_metric|base_measure|conversion_measure)\\s*:");

  /** The metrics and measures a property file's metrics and saved queries name. */
  private static void semantic(Context c, PropertyFile props, int offset, List<Symbol> out) {
    for (dev.dbtls.project.properties.MetricSpec m : props.metrics()) {
      named(c, "measure", m.measures(), offset, out);
      named(c, "metric", m.metrics(), offset, out);
    }
    for (dev.dbtls.project.properties.SavedQuerySpec q : props.savedQueries()) {
      named(c, "metric", q.metrics(), offset, out);
    }
  }

  private static void named(
      Context c,
      String kind,
      List<dev.dbtls.project.properties.NamedRef> refs,
      int offset,
      List<Symbol> out) {
    for (dev.dbtls.project.properties.NamedRef r : refs) {
      if (r.name() != null && inside(c, r.span(), offset)) {
        int[] at = offsets(c, r.span());
        out.add(new Semantic(kind, r.name(), at[0], at[1]));
      }
    }
  }

  /**
   * {@code ref(...)} and {@code source(...)} with literal arguments outside Jinja: YAML, Python.
   */
  private static List<Symbol> literalCalls(String text, int offset) {
    List<Symbol> out = new ArrayList<>();
    Matcher m = YAML_REF.matcher(text);
    while (m.find()) {
      if (m.start() <= offset && offset <= m.end()) {
        boolean two = m.group(4) != null;
        out.add(
            new Ref(
                two ? m.group(2) : null,
                two ? m.group(4) : m.group(2),
                null,
                false,
                List.of(),
                m.start(),
                m.end()));
      }
    }
    m = YAML_SOURCE.matcher(text);
    while (m.find()) {
      if (m.start() <= offset && offset <= m.end()) {
        out.add(new Source(m.group(2), m.group(4), m.start(), m.end()));
      }
    }
    return out;
  }

  /**
   * The property file parsed last: an editor asks for hover, definition and highlights of the same
   * unchanged buffer in a row, and a large YAML file takes milliseconds to parse.
   */
  final class LastYaml {
    private record Parsed(String path, String text, PropertyFile file) {}

    private static volatile Parsed last;

    private LastYaml() {}

    static PropertyFile parse(String path, String text) {
      Parsed p = last;
      if (p != null && p.path().equals(path) && p.text().equals(text)) {
        return p.file();
      }
      PropertyFile f = PropertyFile.parse(path, text);
      last = new Parsed(path, text, f);
      return f;
    }
  }

  /** Every data test a property file applies, to models, sources and their columns. */
  static List<DataTestSpec> tests(PropertyFile props) {
    List<DataTestSpec> out = new ArrayList<>();
    for (NodeSpec n : props.nodes()) {
      out.addAll(n.tests());
      n.columns().forEach(col -> out.addAll(col.tests()));
    }
    for (SourceSpec s : props.sources()) {
      for (SourceTableSpec t : s.tables()) {
        out.addAll(t.tests());
        t.columns().forEach(col -> out.addAll(col.tests()));
      }
    }
    return out;
  }

  /** A line that may hold a model or source table name, a {@code doc()} call or a test name. */
  Pattern NAME_OR_DOC_LINE =
      Pattern.compile("^\\s*(-\\s+)?name\\s*:|doc\\(|^\\s*-\\s*[A-Za-z_][\\w.]*\\s*(:|$)");

  private static String lineAt(String text, int offset) {
    int from = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    int to = text.indexOf('\n', offset);
    return text.substring(Math.min(from, offset), to < 0 ? text.length() : to);
  }

  private static int[] offsets(Context c, Span s) {
    return new int[] {
      c.lines().offset(s.startLine(), s.startColumn()), c.lines().offset(s.endLine(), s.endColumn())
    };
  }

  private static boolean inside(Context c, Span s, int offset) {
    int[] r = offsets(c, s);
    return r[0] <= offset && offset <= r[1] && r[1] > r[0];
  }
}
