package dev.dbtls.ide;

import dev.dbtls.index.Macro;
import dev.dbtls.index.Manifest;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Span;
import dev.dbtls.project.yaml.YamlDocument;
import dev.dbtls.project.yaml.YamlMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renaming a macro of the project: its definition and every call; a generic test with its uses in
 * YAML; a dispatched macro with its {@code <adapter>__} implementations and the {@code
 * adapter.dispatch('name')} strings. dbt's builtin macros, and names dbt finds macros by, are
 * refused.
 */
final class MacroRename {
  private MacroRename() {}

  /** The macro a call names, with the macros renamed with it, if it can be renamed. */
  static Rename.Target target(Symbol.Context c, Symbol.Macro mc) {
    Manifest m = c.snapshot().manifest();
    Optional<Macro> found = Resolve.macro(m, c.packageName(), mc);
    if (found.isEmpty()) {
      if ("dbt".equals(mc.namespace()) || mc.namespace() == null && isBuiltin(mc.name())) {
        return Rename.Target.refused(
            mc.name().startsWith("test_")
                ? "dbt's builtin generic tests cannot be renamed"
                : "dbt's builtin macros cannot be renamed");
      }
      return Rename.Target.refused("no macro named '" + mc.name() + "' is defined in the project");
    }
    return macroTarget(c, found.get(), baseOf(m, found.get().name()), mc.end());
  }

  /** The dispatched macro an {@code adapter.dispatch('name')} names, if it can be renamed. */
  static Rename.Target target(Symbol.Context c, Symbol.Dispatch d) {
    Manifest m = c.snapshot().manifest();
    String root = m.inputs().root().name();
    int[] at = Rename.nameIn(c.text(), d.start(), d.end(), d.name());
    if (at == null) {
      return Rename.Target.refused(Rename.NOTHING);
    }
    if (d.namespace() != null && !d.namespace().equals(root)) {
      return Rename.Target.refused(
          "this dispatch picks macros of package "
              + d.namespace()
              + ", which are not part of this project");
    }
    Optional<Macro> named =
        Resolve.macro(m, c.packageName(), new Symbol.Macro(null, d.name(), false, 0, 0))
            .filter(x -> x.packageName().equals(root));
    Optional<Macro> x =
        named.or(
            () ->
                Resolve.dispatch(m, c.packageName(), d).stream()
                    .filter(i -> i.packageName().equals(root))
                    .findFirst());
    if (x.isEmpty()) {
      return Rename.Target.refused(
          "no implementation of the dispatched macro '"
              + d.name()
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
      if (name.startsWith("default__")
          || rootMacro(m, rest) != null
          || rootMacro(m, "default__" + rest) != null
          || isBuiltin(rest)
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
  private static Rename.Target macroTarget(Symbol.Context c, Macro x, String base, int nameEnd) {
    Manifest m = c.snapshot().manifest();
    String root = m.inputs().root().name();
    if (!x.packageName().equals(root)) {
      return Rename.Target.refused(
          "macros of package " + x.packageName() + " are not part of this project");
    }
    if (isBuiltin(x.name())) {
      return Rename.Target.refused(
          "'"
              + x.name()
              + "' overrides dbt's builtin macro of that name: dbt "
              + "calls it by this name, so it keeps it");
    }
    boolean test = x.name().startsWith("test_");
    if (!test && !base.equals(x.name()) && (isBuiltin(base) || isBuiltin("default__" + base))) {
      return Rename.Target.refused(
          "'"
              + x.name()
              + "' implements dbt's dispatched macro '"
              + base
              + "': dbt finds it by this name, so it keeps it");
    }
    List<Macro> members = new ArrayList<>();
    if (!test && (rootMacro(m, "default__" + base) != null || !base.equals(x.name()))) {
      for (Macro other : m.macros().values()) {
        if (other.packageName().equals(root) && isFamily(other.name(), base)) {
          members.add(other);
        } else if (!other.packageName().equals(root)
            && isFamily(other.name(), base)
            && !base.equals(x.name())) {
          return Rename.Target.refused(
              "'"
                  + x.name()
                  + "' implements the dispatched macro '"
                  + base
                  + "' of package "
                  + other.packageName()
                  + ": dbt finds it by this name");
        }
      }
      members.sort(Comparator.comparing(Macro::name));
    } else {
      members.add(x);
    }
    if (nameEnd < base.length() || !c.text().startsWith(base, nameEnd - base.length())) {
      return Rename.Target.refused(Rename.NOTHING);
    }
    return new Rename.Target(
        nameEnd - base.length(), nameEnd, base, new Rename.Macros(members, base, test), null);
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

  /** Renames {@code macros} (a macro, a generic test or a dispatched family) to {@code newBase}. */
  static RenameResult rename(Symbol.Context c, Rename.Macros macros, String newBase) {
    Manifest m = c.snapshot().manifest();
    String what = macros.test() ? "generic test" : "macro";
    if (!Rename.IDENTIFIER.matcher(newBase).matches() || JINJA_WORDS.contains(newBase)) {
      return RenameResult.failed(
          "'"
              + newBase
              + "' is not a valid "
              + what
              + " name: use letters, "
              + "digits and underscores, not starting with a digit, and not a Jinja keyword");
    }
    Map<String, String> names = new LinkedHashMap<>();
    names.put(macros.base(), newBase);
    for (Macro x : macros.members()) {
      String newName = x.name().substring(0, x.name().length() - macros.base().length()) + newBase;
      names.put(x.name(), newName);
      if (isBuiltin(newName)) {
        return RenameResult.failed(
            "'"
                + newName
                + "' is the name of one of dbt's builtin macros: "
                + "the "
                + what
                + " would override it");
      }
      Macro existing = rootMacro(m, newName);
      if (existing != null && !macros.members().contains(existing)) {
        return RenameResult.failed(
            "a "
                + what
                + " named '"
                + (macros.test() ? newBase : newName)
                + "' already exists: "
                + existing.displayPath());
      }
    }
    RenameEdits.Files files = new RenameEdits.Files(c);
    RenameEdits.Changes out = new RenameEdits.Changes();
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
  private static void macroEntries(
      RenameEdits.Files files, Map<String, String> names, RenameEdits.Changes out) {
    for (Map.Entry<String, String> f : files.properties().entrySet()) {
      Cancellation.current().check(); // a property file is parsed per match
      if (!f.getValue().contains("macros")
          || names.keySet().stream().noneMatch(f.getValue()::contains)) {
        continue;
      }
      for (YamlMap entry :
          YamlDocument.parse(f.getKey(), f.getValue()).rootMap().list("macros").maps()) {
        String old = entry.string("name");
        if (old != null && names.containsKey(old)) {
          LineIndex lines = files.lines(f.getKey());
          Span s = entry.get("name").span();
          int[] at =
              Rename.nameIn(
                  f.getValue(),
                  lines.offset(s.startLine(), s.startColumn()),
                  lines.offset(s.endLine(), s.endColumn()),
                  old);
          if (at != null) {
            out.edit(files, f.getKey(), lines.span(at[0], at[1]), old, names.get(old));
          }
        }
      }
    }
  }

  /** Jinja's own words: a macro cannot be called by them. */
  private static final Set<String> JINJA_WORDS =
      Set.of(
          "and",
          "or",
          "not",
          "in",
          "is",
          "if",
          "else",
          "elif",
          "endif",
          "for",
          "endfor",
          "macro",
          "endmacro",
          "set",
          "endset",
          "call",
          "endcall",
          "filter",
          "block",
          "extends",
          "include",
          "import",
          "from",
          "with",
          "true",
          "false",
          "none",
          "True",
          "False",
          "None",
          "loop",
          "caller",
          "varargs",
          "kwargs",
          "test",
          "do");

  /** dbt's own: a macro it ships, or a name of its context. */
  private static boolean isBuiltin(String name) {
    return DbtBuiltins.isShippedMacro(name) || DbtBuiltins.isContextName(name);
  }
}
