package dev.dbtls.ide;

import dev.dbtls.index.Macro;
import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Span;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rename across the root project: a model, seed or snapshot (its file, or its snapshot block, every
 * {@code ref} that reaches it in SQL, Python and YAML, and its property entries; for a versioned
 * model the version files named {@code <name>_v<v>}), a macro (its definition and every call; for a
 * dispatched macro also the implementations {@code <adapter>__name} and the {@code
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
    return t.error() != null
        ? new Prepared(null, null, t.error())
        : new Prepared(c.lines().span(t.start(), t.end()), t.name(), null);
  }

  static RenameResult renameAt(
      ProjectSnapshot s, String displayPath, String text, int offset, String newName) {
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
      return ModelRename.rename(
          c, ModelRename.allVersions(c.snapshot().manifest(), model.node()), name);
    }
    if (t.subject() instanceof Macros macros) {
      return MacroRename.rename(c, macros, name);
    }
    return CteRename.rename(c, ((CteName) t.subject()).cte(), name);
  }

  // ---------------------------------------------------------------- what is under the cursor

  /** The thing renamed: {@code start}/{@code end} are the offsets of the name the user edits. */
  record Target(int start, int end, String name, Subject subject, String error) {
    static Target refused(String why) {
      return new Target(0, 0, null, null, why);
    }
  }

  /** What is renamed. */
  sealed interface Subject permits Model, Macros, CteName {}

  /**
   * A model (every version of it), a seed or a snapshot; {@code node} is the one the cursor names.
   */
  record Model(Node node) implements Subject {}

  /**
   * Macros renamed together, each keeping its prefix: a plain macro alone, or a dispatched one with
   * its {@code <adapter>__} implementations; {@code base} is the name the user edits (without
   * {@code test_} for a generic test).
   */
  record Macros(List<Macro> members, String base, boolean test) implements Subject {}

  record CteName(Ctes.Cte cte) implements Subject {}

  private static Target target(Symbol.Context c, int offset) {
    String root = c.snapshot().inputs().root().name();
    if (c.text() == null || offset < 0 || offset > c.text().length()) {
      return Target.refused(NOTHING);
    }
    if (!c.packageName().equals(root)) {
      return Target.refused(
          "this file belongs to package "
              + c.packageName()
              + ", which is installed, not part of this project: nothing in it is renamed");
    }
    if (dev.dbtls.project.JinjaFileExtensions.isSql(c.displayPath())) {
      Optional<Ctes.Cte> cte = Ctes.at(c.text(), offset);
      if (cte.isPresent()) {
        Ctes.Occurrence at =
            cte.get().all().stream().filter(o -> o.touches(offset)).findFirst().orElseThrow();
        return new Target(
            at.start(),
            at.end(),
            c.text().substring(at.start(), at.end()),
            new CteName(cte.get()),
            null);
      }
    }
    Optional<Symbol> sym = Symbol.at(c, offset);
    if (sym.isEmpty()) {
      return Target.refused(NOTHING);
    }
    Symbol x = sym.get();
    if (x instanceof Symbol.Ref r) {
      return ModelRename.target(c, r);
    }
    if (x instanceof Symbol.Macro mc) {
      return MacroRename.target(c, mc);
    }
    if (x instanceof Symbol.Dispatch d) {
      return MacroRename.target(c, d);
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

  static final String NOTHING =
      "nothing that can be renamed is here: put the cursor on a "
          + "ref, a model's YAML entry, a macro, a generic test or a CTE name";

  /**
   * Where {@code name} is written inside {@code [from, to)} as a whole word: the last such place.
   */
  static int[] nameIn(String text, int from, int to, String name) {
    int at = text.lastIndexOf(name, to - name.length());
    while (at >= from) {
      boolean before = at == 0 || !SqlTokens.isWordChar(text.charAt(at - 1));
      boolean after =
          at + name.length() >= text.length()
              || !SqlTokens.isWordChar(text.charAt(at + name.length()));
      if (before && after) {
        return new int[] {at, at + name.length()};
      }
      at = text.lastIndexOf(name, at - 1);
    }
    return null;
  }

  /** What a name of a model, macro or CTE may be. */
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
}
