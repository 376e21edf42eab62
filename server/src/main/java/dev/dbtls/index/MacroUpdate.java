package dev.dbtls.index;

import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The manifest after an edit of macro files that changes only what macros do, not which macros
 * there are: the macros' entries are taken again from the edited files, and the nodes whose parse
 * render may call them ({@link Node#PARSE_RENDERED}) are rendered and linked again through {@link
 * ManifestUpdate}; every other node is kept. Such a node's refs, sources and config are literal in
 * its file, so no macro body decides them; nor its relation's name, unless a {@code
 * generate_*_name} macro reaches an edited macro.
 *
 * <p>Null, and the caller builds the whole manifest, when the edit may change more: a macro added,
 * removed or renamed (dispatch, overrides and tests look macros up by name), a generic test or docs
 * block in an edited file, a macro's doc comment, which macros call {@code ref} or {@code source}
 * (that decides which models are rendered), a {@code generate_*_name} macro that reaches an edited
 * macro or dispatches by a computed name, or whatever {@link ManifestUpdate} declines.
 */
final class MacroUpdate {
  private static final Set<String> NAMERS =
      Set.of("generate_database_name", "generate_schema_name", "generate_alias_name");

  private final ProjectInputs inputs;
  private final ParseCache cache;

  MacroUpdate(ProjectInputs inputs, ParseCache cache) {
    this.inputs = inputs;
    this.cache = cache;
  }

  /**
   * The manifest of {@code inputs} from {@code previous}, whose inputs differ in the macro files
   * {@code changed}; {@code engineBefore}: the problems {@code previous} took from its Jinja engine
   * (the caller adds the new engine's); {@code nodes} relinks the rendered nodes' files.
   */
  Manifest update(
      Manifest previous,
      Set<Path> changed,
      List<Problem> engineBefore,
      java.util.function.BiFunction<Manifest, Set<Path>, Manifest> nodes) {
    Map<Path, ProjectFile> before = ManifestUpdate.edited(previous.inputs(), changed);
    Map<Path, ProjectFile> now = ManifestUpdate.edited(inputs, changed);
    Map<ProjectFile, ParsedFile> parsedNow = new HashMap<>();
    Map<ProjectFile, ParsedFile> parsedBefore = new HashMap<>();
    for (ProjectFile f : inputs.files()) {
      if (f.kind() == FileKind.MACRO) {
        ParsedFile p = cache.scan(f, inputs.displayPath(f));
        parsedNow.put(f, p);
        if (!changed.contains(f.absolutePath())) {
          parsedBefore.put(f, p);
        }
      }
    }
    Set<String> edited = new HashSet<>();
    Set<String> displays = new HashSet<>();
    List<ParsedFile> editedNow = new ArrayList<>();
    for (Path path : changed) {
      ProjectFile f = now.get(path);
      ProjectFile old = before.get(path);
      if (f == null
          || old == null
          || f.kind() != FileKind.MACRO
          || old.kind() != FileKind.MACRO
          || !f.packageName().equals(old.packageName())
          || !old.textRead() // what it was is not known (the engine's setup reads every macro's)
          || old.text() == null
          || f.textMissed()) {
        return null;
      }
      String display = inputs.displayPath(f);
      ParsedFile p = parsedNow.get(f);
      ParsedFile o = ParsedFile.of(old, previous.inputs().displayPath(old));
      parsedBefore.put(old, o);
      if (!display.equals(o.displayPath()) || !sameMacros(o.facts(), p.facts())) {
        return null;
      }
      p.facts().macros().forEach(d -> edited.add(d.name()));
      displays.add(display);
      editedNow.add(p);
    }
    if (!MacroParser.refMacros(parsedBefore, previous.inputs().vars())
            .equals(MacroParser.refMacros(parsedNow, inputs.vars()))
        || namesReach(parsedNow.values(), edited)) {
      return null;
    }
    Map<String, Macro> macros = new LinkedHashMap<>(previous.macros());
    List<Problem> problems = new ArrayList<>();
    for (Problem p : previous.problems()) {
      if (!displays.contains(p.file()) && !engineBefore.contains(p)) {
        problems.add(p);
      }
    }
    for (ParsedFile p : editedNow) {
      problems.addAll(p.syntaxProblems());
      for (StaticFacts.MacroDef d : p.facts().macros()) {
        String id = Macro.uniqueId(p.file().packageName(), d.name());
        Macro m = macros.get(id);
        if (m != null && m.displayPath().equals(p.displayPath())) {
          macros.put(
              id,
              new Macro(
                  m.packageName(),
                  m.name(),
                  d.params().stream().map(StaticFacts.Param::name).toList(),
                  m.description(),
                  m.originalFilePath(),
                  m.displayPath(),
                  p.span(d.nameRange())));
        }
      }
    }
    Manifest kept =
        Manifest.afterEdit(
            previous,
            inputs,
            previous.nodes(),
            previous.disabled(),
            macros,
            previous.docs(),
            previous.dag(),
            List.copyOf(problems),
            List.of());
    Set<Path> rendered = rendered(previous);
    return rendered.isEmpty() ? kept : nodes.apply(kept, rendered);
  }

  /**
   * Whether both scans define the same macros, in order, with the same doc comments (a macro's
   * description may be its doc comment), and no test or docs block.
   */
  private static boolean sameMacros(StaticFacts before, StaticFacts now) {
    if (!before.docs().isEmpty()
        || !now.docs().isEmpty()
        || before.macros().size() != now.macros().size()) {
      return false;
    }
    for (int i = 0; i < now.macros().size(); i++) {
      StaticFacts.MacroDef a = before.macros().get(i);
      StaticFacts.MacroDef b = now.macros().get(i);
      if (a.kind() != StaticFacts.MacroKind.MACRO
          || b.kind() != StaticFacts.MacroKind.MACRO
          || !a.name().equals(b.name())
          || !java.util.Objects.equals(a.doc(), b.doc())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a {@code generate_*_name} macro (or an adapter's version of one) may call one of {@code
   * edited}, directly, through other macros or by dispatch; true too when one of them dispatches by
   * a name only a render knows.
   */
  private static boolean namesReach(
      java.util.Collection<ParsedFile> macroFiles, Set<String> edited) {
    Map<String, Set<String>> calls = new HashMap<>();
    Set<String> defined = new HashSet<>();
    Set<String> unknown = new HashSet<>();
    for (ParsedFile p : macroFiles) {
      StaticFacts f = p.facts();
      for (StaticFacts.MacroDef d : f.macros()) {
        defined.add(d.name());
        Set<String> callees = calls.computeIfAbsent(d.name(), k -> new HashSet<>());
        callees.addAll(MacroParser.callees(f, d));
        for (StaticFacts.DispatchCall c : f.dispatches()) {
          if (MacroParser.inside(d, c.call())) {
            if (c.dynamic() || c.macroName() == null) {
              unknown.add(d.name());
            } else {
              callees.add(c.macroName());
              callees.add("__" + c.macroName()); // every adapter's implementation, below
            }
          }
        }
      }
    }
    ArrayDeque<String> todo = new ArrayDeque<>();
    Set<String> reached = new HashSet<>();
    for (String name : defined) {
      if (NAMERS.stream().anyMatch(n -> name.equals(n) || name.endsWith("__" + n))) {
        todo.add(name);
      }
    }
    while (!todo.isEmpty()) {
      String name = todo.poll();
      if (!reached.add(name)) {
        continue;
      }
      if (edited.contains(name) || unknown.contains(name)) {
        return true;
      }
      for (String callee : calls.getOrDefault(name, Set.of())) {
        if (callee.startsWith("__")) {
          defined.stream().filter(n -> n.endsWith(callee)).forEach(todo::add);
        } else {
          todo.add(callee);
        }
      }
    }
    return false;
  }

  /** The files of the nodes a parse render decided, enabled or not. */
  private Set<Path> rendered(Manifest previous) {
    Set<String> displays = new HashSet<>();
    java.util.function.Consumer<Node> add =
        n -> {
          if (Boolean.TRUE.equals(n.extra().get(Node.PARSE_RENDERED))) {
            displays.add(n.displayPath());
          }
        };
    previous.nodes().values().forEach(add);
    previous.disabled().values().forEach(add);
    Set<Path> out = new HashSet<>();
    if (!displays.isEmpty()) {
      for (ProjectFile f : inputs.files()) {
        if (displays.contains(inputs.displayPath(f))) {
          out.add(f.absolutePath());
        }
      }
    }
    return out;
  }
}
