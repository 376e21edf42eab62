package dev.dbtls.ide;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import java.util.List;

/**
 * Go to definition: {@code ref} → the model's file (the version's file when a version is named,
 * else the latest), {@code source} → the table's name in its YAML entry, a macro call (also {@code
 * pkg.macro} and every candidate of {@code adapter.dispatch}) → the macro's name in its file,
 * {@code doc} → the docs block, {@code var} → its key in dbt_project.yml, {@code function} → the
 * function's body, a metric or measure named in property YAML → its name where it is declared, and
 * in property YAML a model entry's name → the model's file(s); a column name in SQL → where the
 * relation the file reads produces it ({@link ColumnPlace}). dbt's builtin macros (shipped in the
 * jar, not files of the project) have no definition: the result is empty.
 */
public final class Definition {
  private Definition() {}

  static List<Location> find(ProjectSnapshot s, String displayPath, String text, int offset) {
    Symbol.Context c = Symbol.Context.of(s, displayPath, text);
    return Symbol.at(c, offset).map(sym -> of(c, sym)).orElseGet(() -> column(c, offset));
  }

  /**
   * A column name in SQL: where a relation the file reads produces it (the select item of its SQL,
   * else its YAML entry). The file's own node is not a target: its columns are right here.
   */
  private static List<Location> column(Symbol.Context c, int offset) {
    if (c.isYaml()) {
      return List.of();
    }
    java.util.Optional<SqlTokens.Word> at = SqlTokens.wordAt(c.text(), offset);
    if (at.isEmpty()) {
      return List.of();
    }
    dev.dbtls.index.Catalog catalog = ProjectCatalog.of(c.snapshot());
    List<Location> out = new java.util.ArrayList<>();
    for (Node n : ColumnHover.sqlOwners(c, offset)) {
      if (n.displayPath() != null && n.displayPath().equals(c.displayPath())) {
        continue;
      }
      NodeColumns.column(c.snapshot(), catalog, n, at.get().text())
          .flatMap(col -> ColumnPlace.of(n, col.inferred(), col.name()))
          .ifPresent(out::add);
    }
    return out;
  }

  private static List<Location> of(Symbol.Context c, Symbol sym) {
    Manifest m = c.snapshot().manifest();
    String pkg = c.packageName();
    if (sym instanceof Symbol.Ref r) {
      return Resolve.models(m, pkg, r).stream().map(Definition::file).toList();
    }
    if (sym instanceof Symbol.Source src) {
      return Resolve.source(m, pkg, src)
          .map(n -> List.of(new Location(n.displayPath(), n.span())))
          .orElse(List.of());
    }
    if (sym instanceof Symbol.Macro mc) {
      return Resolve.macro(m, pkg, mc)
          .map(x -> List.of(new Location(x.displayPath(), x.span())))
          .orElse(List.of());
    }
    if (sym instanceof Symbol.Dispatch d) {
      return Resolve.dispatch(m, pkg, d).stream()
          .map(x -> new Location(x.displayPath(), x.span()))
          .toList();
    }
    if (sym instanceof Symbol.Doc d) {
      return Resolve.doc(m, pkg, d)
          .map(b -> List.of(new Location(b.displayPath(), b.span())))
          .orElse(List.of());
    }
    if (sym instanceof Symbol.Function f) {
      return Resolve.function(m, pkg, f).map(n -> List.of(file(n))).orElse(List.of());
    }
    if (sym instanceof Symbol.Semantic sem) {
      return Resolve.semantic(m, pkg, sem).stream().toList();
    }
    if (sym instanceof Symbol.Var v) {
      // the first place is the value the package sees
      return Resolve.varDefinitions(m.inputs(), pkg, v.name()).stream().limit(1).toList();
    }
    return List.of(); // a config key is defined by dbt
  }

  private static Location file(Node n) {
    return new Location(n.displayPath(), n.span() == null ? Resolve.FILE_START : n.span());
  }
}
