package dev.dbtls.ide;

import dev.dbtls.index.Macro;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.NodeSpec;
import dev.dbtls.project.properties.PropertyFile;
import dev.dbtls.project.yaml.YamlDocument;
import dev.dbtls.project.yaml.YamlMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Rename across the root project: a model, seed or snapshot (its file, or its snapshot block,
 * every {@code ref} that reaches it in SQL, Python and YAML, and its property entries; for a
 * versioned model the version files named {@code <name>_v<v>}), a macro (its definition and every
 * call; for a dispatched macro also the implementations {@code <adapter>__name} and the {@code
 * adapter.dispatch('name')} strings), a generic test (its definition and its uses in YAML), and a
 * CTE within its statement. Names from installed packages and dbt's builtin macros are refused with
 * the reason. Only the name text is replaced: quotes, spacing and version arguments stay.
 */
public final class Rename {
  private Rename() {}

  /**
   * What prepareRename answers: the range in the file of the name the user edits and its current
   * text, or (then the other two are null) why nothing can be renamed there.
   */
  public record Prepared(Span range, String name, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  static Prepared prepareAt(ProjectSnapshot s, String displayPath, String text, int offset) {
    Symbol.Context c = Symbol.Context.of(s, displayPath, text);
    Target t = target(c, offset);
    return t.error() != null ? new Prepared(null, null, t.error())
        : new Prepared(c.lines().span(t.start(), t.end()), t.name(), null);
  }

  static RenameResult renameAt(ProjectSnapshot s, String displayPath, String text, int offset,
      String newName) {
    Symbol.Context c = Symbol.Context.of(s, displayPath, text);
    Target t = target(c, offset);
    if (t.error() != null) {
      return RenameResult.failed(t.error());
    }
    String name = newName == null ? "" : newName.strip();
    if (name.equals(t.name())) {
      return RenameResult.of(WorkspaceChange.NONE);
    }
    if (t.subject() instanceof Model model) {
      return models(c, allVersions(c.snapshot().manifest(), model.node()), name);
    }
    if (t.subject() instanceof Macros macros) {
      return macros(c, macros, name);
    }
    return cte(c, ((CteName) t.subject()).cte(), name);
  }

  // ---------------------------------------------------------------- what is under the cursor

  /** The thing renamed: {@code start}/{@code end} are the offsets of the name the user edits. */
  private record Target(int start, int end, String name, Subject subject, String error) {
    static Target refused(String why) {
      return new Target(0, 0, null, null, why);
    }
  }

  /** What is renamed. */
  private sealed interface Subject permits Model, Macros, CteName {}

  /** A model (every version of it), a seed or a snapshot; {@code node} is the one the cursor names. */
  private record Model(Node node) implements Subject {}

  /**
   * Macros renamed together, each keeping its prefix: a plain macro alone, or a dispatched one with
   * its {@code <adapter>__} implementations; {@code base} is the name the user edits (without
   * {@code test_} for a generic test).
   */
  private record Macros(List<Macro> members, String base, boolean test) implements Subject {}

  private record CteName(Ctes.Cte cte) implements Subject {}

  private static Target target(Symbol.Context c, int offset) {
    String root = c.snapshot().inputs().root().name();
    if (c.text() == null || offset < 0 || offset > c.text().length()) {
      return Target.refused(NOTHING);
    }
    if (!c.packageName().equals(root)) {
      return Target.refused("this file belongs to package " + c.packageName()
          + ", which is installed, not part of this project: nothing in it is renamed");
    }
    if (c.displayPath().endsWith(".sql")) {
      Optional<Ctes.Cte> cte = Ctes.at(c.text(), offset);
      if (cte.isPresent()) {
        Ctes.Occurrence at = cte.get().all().stream().filter(o -> o.touches(offset)).findFirst()
            .orElseThrow();
        return new Target(at.start(), at.end(), c.text().substring(at.start(), at.end()),
            new CteName(cte.get()), null);
      }
    }
    Optional<Symbol> sym = Symbol.at(c, offset);
    if (sym.isEmpty()) {
      return Target.refused(NOTHING);
    }
    Symbol x = sym.get();
    if (x instanceof Symbol.Ref r) {
      return model(c, r);
    }
    if (x instanceof Symbol.Macro mc) {
      return macro(c, mc);
    }
    if (x instanceof Symbol.Dispatch d) {
      return dispatch(c, d);
    }
    if (x instanceof Symbol.Source) {
      return Target.refused("renaming a source table is not supported");
    }
    if (x instanceof Symbol.Var) {
      return Target.refused("renaming a var is not supported");
    }
    if (x instanceof Symbol.Doc) {
      return Target.refused("renaming a docs block is not supported");
    }
    return Target.refused("config keys are defined by dbt and cannot be renamed");
  }

  private static final String NOTHING = "nothing that can be renamed is here: put the cursor on a "
      + "ref, a model's YAML entry, a macro, a generic test or a CTE name";

  private static Target model(Symbol.Context c, Symbol.Ref r) {
    Manifest m = c.snapshot().manifest();
    List<Node> found = Resolve.models(m, c.packageName(), r);
    if (found.isEmpty()) {
      return Target.refused("no model, seed or snapshot named '" + r.name() + "' is in the project");
    }
    Node n = found.get(0);
    if (!n.packageName().equals(m.inputs().root().name())) {
      return Target.refused(n.type().dbtName() + "s of package " + n.packageName()
          + " are not part of this project");
    }
    int[] at = nameIn(c.text(), r.start(), r.end(), n.name());
    if (at == null) {
      return Target.refused(NOTHING);
    }
    return new Target(at[0], at[1], n.name(), new Model(n), null);
  }

  /** The node and the other versions of its model. */
  private static List<Node> allVersions(Manifest m, Node n) {
    List<Node> all = new ArrayList<>();
    for (Node x : m.nodes().values()) {
      if (Resolve.refable(x) && x.name().equals(n.name()) && x.packageName().equals(n.packageName())
          && x.type() == n.type()) {
        all.add(x);
      }
    }
    all.sort(Comparator.comparing(Node::uniqueId));
    return all;
  }

  private static Target macro(Symbol.Context c, Symbol.Macro mc) {
    Manifest m = c.snapshot().manifest();
    Optional<Macro> found = Resolve.macro(m, c.packageName(), mc);
    if (found.isEmpty()) {
      if ("dbt".equals(mc.namespace()) || mc.namespace() == null && isBuiltin(mc.name())) {
        return Target.refused(mc.name().startsWith("test_")
            ? "dbt's builtin generic tests cannot be renamed" : "dbt's builtin macros cannot be renamed");
      }
      return Target.refused("no macro named '" + mc.name() + "' is defined in the project");
    }
    return macroTarget(c, found.get(), baseOf(m, found.get().name()), mc.end());
  }

  private static Target dispatch(Symbol.Context c, Symbol.Dispatch d) {
    Manifest m = c.snapshot().manifest();
    String root = m.inputs().root().name();
    int[] at = nameIn(c.text(), d.start(), d.end(), d.name());
    if (at == null) {
      return Target.refused(NOTHING);
    }
    if (d.namespace() != null && !d.namespace().equals(root)) {
      return Target.refused("this dispatch picks macros of package " + d.namespace()
          + ", which are not part of this project");
    }
    Optional<Macro> named = Resolve.macro(m, c.packageName(),
        new Symbol.Macro(null, d.name(), false, 0, 0)).filter(x -> x.packageName().equals(root));
    Optional<Macro> x = named.or(() -> Resolve.dispatch(m, c.packageName(), d).stream()
        .filter(i -> i.packageName().equals(root)).findFirst());
    if (x.isEmpty()) {
      return Target.refused("no implementation of the dispatched macro '" + d.name()
          + "' is defined in this project");
    }
    return macroTarget(c, x.get(), d.name(), at[1]);
  }

  /**
   * The name the user edits for a macro: without {@code test_} for a generic test, without the
   * {@code <adapter>__} prefix for the implementation of a dispatched macro.
   */
  private static String baseOf(Manifest m, String name) {
    if (name.startsWith("test_")) {
      return name.substring("test_".length());
    }
    int sep = name.indexOf("__");
    if (sep > 0 && sep + 2 < name.length()) {
      String rest = name.substring(sep + 2);
      if (name.startsWith("default__") || rootMacro(m, rest) != null
          || rootMacro(m, "default__" + rest) != null || isBuiltin(rest)
          || isBuiltin("default__" + rest)) {
        return rest;
      }
    }
    return name;
  }

  /**
   * A macro of the project, with the macros renamed with it; {@code base} is the name the user
   * edits, {@code nameEnd} ends it at the cursor.
   */
  private static Target macroTarget(Symbol.Context c, Macro x, String base, int nameEnd) {
    Manifest m = c.snapshot().manifest();
    String root = m.inputs().root().name();
    if (!x.packageName().equals(root)) {
      return Target.refused("macros of package " + x.packageName() + " are not part of this project");
    }
    if (isBuiltin(x.name())) {
      return Target.refused("'" + x.name() + "' overrides dbt's builtin macro of that name: dbt "
          + "calls it by this name, so it keeps it");
    }
    boolean test = x.name().startsWith("test_");
    if (!test && !base.equals(x.name()) && (isBuiltin(base) || isBuiltin("default__" + base))) {
      return Target.refused("'" + x.name() + "' implements dbt's dispatched macro '" + base
          + "': dbt finds it by this name, so it keeps it");
    }
    List<Macro> members = new ArrayList<>();
    if (!test && (rootMacro(m, "default__" + base) != null || !base.equals(x.name()))) {
      for (Macro other : m.macros().values()) {
        if (other.packageName().equals(root) && isFamily(other.name(), base)) {
          members.add(other);
        } else if (!other.packageName().equals(root) && isFamily(other.name(), base)
            && !base.equals(x.name())) {
          return Target.refused("'" + x.name() + "' implements the dispatched macro '" + base
              + "' of package " + other.packageName() + ": dbt finds it by this name");
        }
      }
      members.sort(Comparator.comparing(Macro::name));
    } else {
      members.add(x);
    }
    if (nameEnd < base.length() || !c.text().startsWith(base, nameEnd - base.length())) {
      return Target.refused(NOTHING);
    }
    return new Target(nameEnd - base.length(), nameEnd, base, new Macros(members, base, test), null);
  }

  /** {@code base} itself or {@code <adapter>__base}. */
  private static boolean isFamily(String name, String base) {
    if (name.equals(base)) {
      return true;
    }
    int sep = name.indexOf("__");
    return sep > 0 && name.endsWith(base) && sep + 2 == name.length() - base.length();
  }

  private static Macro rootMacro(Manifest m, String name) {
    return m.macros().get("macro." + m.inputs().root().name() + "." + name);
  }

  /** Where {@code name} is written inside {@code [from, to)} as a whole word: the last such place. */
  private static int[] nameIn(String text, int from, int to, String name) {
    int at = text.lastIndexOf(name, to - name.length());
    while (at >= from) {
      boolean before = at == 0 || !SqlTokens.isWordChar(text.charAt(at - 1));
      boolean after = at + name.length() >= text.length()
          || !SqlTokens.isWordChar(text.charAt(at + name.length()));
      if (before && after) {
        return new int[] {at, at + name.length()};
      }
      at = text.lastIndexOf(name, at - 1);
    }
    return null;
  }

  // ---------------------------------------------------------------- renaming

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static RenameResult models(Symbol.Context c, List<Node> nodes, String newName) {
    Manifest m = c.snapshot().manifest();
    String old = nodes.get(0).name();
    String what = nodes.get(0).type().dbtName();
    if (!IDENTIFIER.matcher(newName).matches()) {
      return RenameResult.failed("'" + newName + "' is not a valid " + what + " name: use letters, "
          + "digits and underscores, not starting with a digit");
    }
    for (Map<String, Node> taken : List.of(m.nodes(), m.disabled())) {
      for (Node n : taken.values()) {
        if (Resolve.refable(n) && n.name().equals(newName)) {
          return RenameResult.failed("a " + n.type().dbtName() + " named '" + newName
              + "' already exists: " + n.displayPath());
        }
      }
    }
    Files files = new Files(c);
    Changes out = new Changes();
    for (Node n : nodes) {
      String stem = n.file().stem();
      String newStem = stem.equals(old) ? newName
          : n.version() != null && stem.equals(old + "_v" + n.version()) ? newName + "_v" + n.version()
          : null;
      if (newStem != null && n.type() != ResourceType.SNAPSHOT) {
        String to = n.displayPath().substring(0, n.displayPath().length() - stem.length()
            - extension(n.displayPath()).length()) + newStem + extension(n.displayPath());
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
          int[] at = nameIn(f.getValue(), from, to, old);
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
  private static void unitTests(Files files, String old, String newName, Changes out) {
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
          int[] at = nameIn(f.getValue(), lines.offset(s.startLine(), s.startColumn()),
              lines.offset(s.endLine(), s.endColumn()), old);
          if (at != null) {
            out.edit(files, f.getKey(), lines.span(at[0], at[1]), old, newName);
          }
        }
      }
    }
  }

  /**
   * dbt_project.yml may configure a model by its path: {@code models: {shop: {staging: {x:
   * {+tags: ...}}}}}; the key that names the model is renamed too.
   */
  private static void projectConfig(Manifest m, List<Node> nodes, String newName, Changes out) {
    String old = nodes.get(0).name();
    for (Node n : nodes) {
      String section = switch (n.type()) {
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

  private static RenameResult macros(Symbol.Context c, Macros macros, String newBase) {
    Manifest m = c.snapshot().manifest();
    String what = macros.test() ? "generic test" : "macro";
    if (!IDENTIFIER.matcher(newBase).matches() || JINJA_WORDS.contains(newBase)) {
      return RenameResult.failed("'" + newBase + "' is not a valid " + what + " name: use letters, "
          + "digits and underscores, not starting with a digit, and not a Jinja keyword");
    }
    Map<String, String> names = new LinkedHashMap<>();
    names.put(macros.base(), newBase);
    for (Macro x : macros.members()) {
      String newName = x.name().substring(0, x.name().length() - macros.base().length()) + newBase;
      names.put(x.name(), newName);
      if (isBuiltin(newName)) {
        return RenameResult.failed("'" + newName + "' is the name of one of dbt's builtin macros: "
            + "the " + what + " would override it");
      }
      Macro existing = rootMacro(m, newName);
      if (existing != null && !macros.members().contains(existing)) {
        return RenameResult.failed("a " + what + " named '" + (macros.test() ? newBase : newName)
            + "' already exists: " + existing.displayPath());
      }
    }
    Files files = new Files(c);
    Changes out = new Changes();
    macroEntries(files, names, out);
    for (Macro x : macros.members()) {
      List<Location> places = new ArrayList<>();
      places.add(new Location(x.displayPath(), x.span()));
      places.addAll(References.callsOf(c, x));
      for (Location l : places) {
        if (files.isRoot(l.displayPath())) {
          String written = files.at(l.displayPath(), l.span());
          if (written != null && names.containsKey(written)) {
            out.edit(files, l.displayPath(), l.span(), written, names.get(written));
          }
        }
      }
    }
    return RenameResult.of(out.build());
  }

  /** Property entries that document the macros: {@code macros: [{name: x, description: ...}]}. */
  private static void macroEntries(Files files, Map<String, String> names, Changes out) {
    for (Map.Entry<String, String> f : files.properties().entrySet()) {
      Cancellation.current().check(); // a property file is parsed per match
      if (!f.getValue().contains("macros") || names.keySet().stream().noneMatch(f.getValue()::contains)) {
        continue;
      }
      for (YamlMap entry : YamlDocument.parse(f.getKey(), f.getValue()).rootMap().list("macros").maps()) {
        String old = entry.string("name");
        if (old != null && names.containsKey(old)) {
          LineIndex lines = files.lines(f.getKey());
          Span s = entry.get("name").span();
          int[] at = nameIn(f.getValue(), lines.offset(s.startLine(), s.startColumn()),
              lines.offset(s.endLine(), s.endColumn()), old);
          if (at != null) {
            out.edit(files, f.getKey(), lines.span(at[0], at[1]), old, names.get(old));
          }
        }
      }
    }
  }

  private static RenameResult cte(Symbol.Context c, Ctes.Cte cte, String newName) {
    if (!IDENTIFIER.matcher(newName).matches()
        || SQL_WORDS.contains(newName.toLowerCase(Locale.ROOT))) {
      return RenameResult.failed("'" + newName + "' is not a valid CTE name: use letters, digits "
          + "and underscores, not starting with a digit, and not a SQL keyword");
    }
    for (Ctes.Cte other : Ctes.of(c.text())) {
      if (other.name().equalsIgnoreCase(newName)) {
        return RenameResult.failed("a CTE named '" + other.name() + "' already exists in this file");
      }
    }
    List<TextEdit> edits = new ArrayList<>();
    for (Ctes.Occurrence o : cte.all()) {
      edits.add(new TextEdit(c.lines().span(o.start(), o.end()), newName));
    }
    return RenameResult.of(new WorkspaceChange(Map.of(c.displayPath(), List.copyOf(edits)),
        List.of()));
  }

  // ---------------------------------------------------------------- files and edits

  /** The root project's file texts by display path, the buffer for the file being edited. */
  private static final class Files {
    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, String> properties = new TreeMap<>();
    private final Map<String, LineIndex> lines = new HashMap<>();

    Files(Symbol.Context c) {
      String root = c.snapshot().inputs().root().name();
      for (ProjectFile f : c.snapshot().inputs().files()) {
        if (f.packageName().equals(root) && f.text() != null) {
          String path = f.relativePath(); // the root project's files: relative to it already
          texts.put(path, f.text());
          if (f.kind() == FileKind.PROPERTIES) {
            properties.put(path, f.text());
          }
        }
      }
      texts.put(c.displayPath(), c.text());
      if (c.isYaml()) {
        properties.put(c.displayPath(), c.text());
      }
    }

    String text(String path) {
      return texts.get(path);
    }

    boolean isRoot(String path) {
      return texts.containsKey(path);
    }

    Map<String, String> properties() {
      return properties;
    }

    LineIndex lines(String path) {
      return lines.computeIfAbsent(path, p -> new LineIndex(texts.get(p)));
    }

    /** The text a span covers, or null when the file is unknown. */
    String at(String path, Span s) {
      String t = texts.get(path);
      if (t == null) {
        return null;
      }
      LineIndex l = lines(path);
      int from = l.offset(s.startLine(), s.startColumn());
      int to = l.offset(s.endLine(), s.endColumn());
      return from <= to ? t.substring(from, to) : null;
    }
  }

  /** Edits by file (sorted, each span once) and file renames, collected into a {@link WorkspaceChange}. */
  private static final class Changes {
    private final Map<String, Map<Span, String>> edits = new TreeMap<>();
    private final List<WorkspaceChange.FileRename> renames = new ArrayList<>();

    /** Replaces {@code old} at {@code span} by {@code text}, if {@code old} is what is written there. */
    void edit(Files files, String path, Span span, String old, String text) {
      if (old.equals(files.at(path, span))) {
        edits.computeIfAbsent(path, p -> new TreeMap<>(SPAN_ORDER)).put(span, text);
      }
    }

    /** Replaces what {@code span} covers by {@code text}, unchecked: for a file whose text is not at hand. */
    void put(String path, Span span, String text) {
      edits.computeIfAbsent(path, p -> new TreeMap<>(SPAN_ORDER)).put(span, text);
    }

    void rename(String from, String to) {
      renames.add(new WorkspaceChange.FileRename(from, to));
    }

    WorkspaceChange build() {
      Map<String, List<TextEdit>> out = new LinkedHashMap<>();
      edits.forEach((path, byspan) -> out.put(path, byspan.entrySet().stream()
          .map(e -> new TextEdit(e.getKey(), e.getValue())).toList()));
      renames.sort(Comparator.comparing(WorkspaceChange.FileRename::from));
      return new WorkspaceChange(out, List.copyOf(renames));
    }
  }

  private static final Comparator<Span> SPAN_ORDER = Comparator.comparingInt(Span::startLine)
      .thenComparingInt(Span::startColumn).thenComparingInt(Span::endLine)
      .thenComparingInt(Span::endColumn);

  // ---------------------------------------------------------------- names that are taken

  /** Jinja's own words: a macro cannot be called by them. */
  private static final Set<String> JINJA_WORDS = Set.of("and", "or", "not", "in", "is", "if",
      "else", "elif", "endif", "for", "endfor", "macro", "endmacro", "set", "endset", "call",
      "endcall", "filter", "block", "extends", "include", "import", "from", "with", "true", "false",
      "none", "True", "False", "None", "loop", "caller", "varargs", "kwargs", "test", "do");

  /** SQL keywords a CTE cannot be called without quotes. */
  private static final Set<String> SQL_WORDS = Set.of("select", "from", "where", "join", "on",
      "using", "group", "order", "by", "having", "qualify", "limit", "offset", "union", "intersect",
      "except", "with", "as", "distinct", "case", "when", "then", "else", "end", "and", "or", "not",
      "in", "is", "null", "like", "between", "exists", "over", "partition", "true", "false",
      "window", "lateral", "values", "left", "right", "inner", "outer", "full", "cross", "natural",
      "all", "any", "table", "create", "insert", "update", "delete", "into", "set", "recursive");

  /** dbt's own: a macro it ships, or a name of its context. */
  private static boolean isBuiltin(String name) {
    return DbtBuiltins.isShippedMacro(name) || DbtBuiltins.isContextName(name);
  }
}
