package dev.dbtls.ide;

import dev.dbtls.index.Catalog;
import dev.dbtls.index.DocBlock;
import dev.dbtls.index.Macro;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.RelationName;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.StaticExtractor;
import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.Vars;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Hover: what a ref, source, macro call, var, doc or config key stands for, as Markdown. Reads the
 * manifest only (and rescans the one macro file a signature comes from), so it stays fast on large
 * projects.
 */
public final class Hover {
  private Hover() {}

  static Optional<HoverInfo> find(ProjectSnapshot s, String displayPath, String text, int offset) {
    Symbol.Context c = Symbol.Context.of(s, displayPath, text);
    Optional<Symbol> sym = Symbol.at(c, offset);
    if (sym.isEmpty()) {
      return displayPath.endsWith(".py")
          ? Optional.empty()
          : FunctionHover.at(c, offset)
              .or(() -> ColumnHover.at(c, offset))
              .or(() -> SchemaHover.at(displayPath, text, offset));
    }
    return markdown(c, sym.get()).map(md -> new HoverInfo(md, sym.get().start(), sym.get().end()));
  }

  /** A user-defined function: its signature as dbt creates it, its relation and description. */
  static String function(Node n) {
    StringBuilder sb = new StringBuilder("**function** `").append(n.name()).append("(");
    if (n.extra().get(Node.FUNCTION_SPEC)
        instanceof dev.dbtls.project.properties.FunctionSpec spec) {
      sb.append(
          String.join(
              ", ",
              spec.arguments().stream()
                  .map(a -> a.name() + (a.dataType() == null ? "" : " " + a.dataType()))
                  .toList()));
      sb.append(")");
      if (spec.returnType() != null) {
        sb.append(" returns ").append(spec.returnType());
      }
    } else {
      sb.append(")");
    }
    sb.append("`");
    if (n.relation() != null) {
      sb.append("\n\n`")
          .append(n.relation().database())
          .append('.')
          .append(n.relation().schema())
          .append('.')
          .append(n.relation().identifier())
          .append("`");
    }
    return sb.append(describe(n)).toString();
  }

  private static String describe(Node n) {
    String d = n.description();
    return (d == null || d.isBlank() ? "" : "\n\n" + d) + "\n\n`" + n.displayPath() + "`";
  }

  private static Optional<String> markdown(Symbol.Context c, Symbol sym) {
    Manifest m = c.snapshot().manifest();
    String pkg = c.packageName();
    if (sym instanceof Symbol.Ref r) {
      Catalog catalog = ProjectCatalog.of(c.snapshot());
      Optional<String> md =
          Resolve.models(m, pkg, r).stream().findFirst().map(n -> model(n, catalog));
      if (md.isEmpty() && !r.allVersions()) {
        return m.resolveDisabledRef(
                pkg, new dev.dbtls.index.RefCall(r.packageName(), r.name(), r.version(), 0, 0))
            .map(
                n ->
                    "**"
                        + n.type().dbtName()
                        + "** `"
                        + n.name()
                        + "` is disabled (`enabled: false`): it is not built, and this ref fails\n\n`"
                        + n.displayPath()
                        + "`");
      }
      return md;
    }
    if (sym instanceof Symbol.Function f) {
      return Resolve.function(m, pkg, f).map(Hover::function);
    }
    if (sym instanceof Symbol.Semantic sem && sem.kind().equals("metric")) {
      return m.semantic(dev.dbtls.index.ResourceType.METRIC, pkg, sem.name())
          .map(n -> "**metric** `" + n.name() + "`" + describe(n));
    }
    if (sym instanceof Symbol.Source src) {
      Catalog catalog = ProjectCatalog.of(c.snapshot());
      return Resolve.source(m, pkg, src).map(n -> source(n, catalog));
    }
    if (sym instanceof Symbol.Macro mc) {
      Optional<Macro> macro = Resolve.macro(m, pkg, mc);
      if (macro.isPresent()) {
        return Optional.of(macro(c, macro.get()));
      }
      return mc.namespace() == null || mc.namespace().equals("dbt")
          ? builtin(mc.name())
          : Optional.empty();
    }
    if (sym instanceof Symbol.Dispatch d) {
      List<Macro> impls = Resolve.dispatch(m, pkg, d);
      if (impls.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          "**dispatch** `"
              + d.name()
              + "`"
              + (d.namespace() == null ? "" : " in `" + d.namespace() + "`")
              + "\n\nImplementations, in the order dbt tries them for `"
              + c.snapshot().inputs().target().type()
              + "`:\n\n"
              + impls.stream()
                  .map(
                      x ->
                          "- `"
                              + x.packageName()
                              + "."
                              + x.name()
                              + "` — `"
                              + x.displayPath()
                              + "`")
                  .collect(Collectors.joining("\n")));
    }
    if (sym instanceof Symbol.Var v) {
      return Optional.of(var(c, v));
    }
    if (sym instanceof Symbol.Doc d) {
      return Resolve.doc(m, pkg, d).map(Hover::doc);
    }
    if (sym instanceof Symbol.ConfigKey k) {
      String what = ConfigKeys.DOCS.get(k.key());
      return what == null
          ? Optional.empty()
          : Optional.of("**config** `" + k.key() + "`\n\n" + what);
    }
    return Optional.empty();
  }

  static String model(Node n, Catalog catalog) {
    StringBuilder sb = new StringBuilder();
    sb.append("**").append(n.type().dbtName()).append("** `").append(n.name()).append('`');
    if (n.version() != null) {
      sb.append(" v").append(n.version());
    }
    sb.append(" · package `").append(n.packageName()).append("`\n\n");
    if (n.description() != null && !n.description().isBlank()) {
      sb.append(n.description().strip()).append("\n\n");
    }
    if (n.materialized() != null) {
      sb.append("- materialized: `").append(n.materialized()).append("`\n");
    }
    if (n.relation() != null) {
      sb.append("- relation: `").append(relation(n.relation())).append("`\n");
    }
    Object owner = owner(n);
    if (owner != null) {
      sb.append("- owner: ").append(owner).append('\n');
    }
    if (!n.tags().isEmpty()) {
      sb.append("- tags: ").append(String.join(", ", n.tags())).append('\n');
    }
    columns(sb, n, catalog);
    sb.append("\n`").append(n.displayPath()).append('`');
    return sb.toString();
  }

  private static Object owner(Node n) {
    if (n.config().get("meta") instanceof Map<?, ?> meta && meta.get("owner") != null) {
      return meta.get("owner");
    }
    return null;
  }

  /** The columns table ({@link NodeColumns}), saying when types come from the catalog. */
  private static void columns(StringBuilder sb, Node n, Catalog catalog) {
    List<NodeColumns.Column> columns = NodeColumns.of(catalog, n);
    if (columns.isEmpty()) {
      return;
    }
    sb.append("\n| column | type | description |\n|---|---|---|\n");
    boolean fromCatalog = false;
    for (NodeColumns.Column col : columns) {
      row(sb, col.name(), col.type(), col.description());
      fromCatalog |= col.warehouse() != null;
    }
    if (fromCatalog) {
      sb.append("\nColumn types from `target/catalog.json` (`dbt docs generate`).\n");
    }
  }

  private static void row(StringBuilder sb, String name, String type, String description) {
    sb.append("| `")
        .append(name)
        .append("` | ")
        .append(type == null ? "" : type)
        .append(" | ")
        .append(description == null ? "" : cell(description))
        .append(" |\n");
  }

  private static String cell(String s) {
    return s.strip().replace("|", "\\|").replace("\n", " ");
  }

  static String relation(RelationName r) {
    StringBuilder sb = new StringBuilder();
    if (r.database() != null) {
      sb.append(r.database()).append('.');
    }
    if (r.schema() != null) {
      sb.append(r.schema()).append('.');
    }
    return sb.append(r.identifier()).toString();
  }

  static String source(Node n, Catalog catalog) {
    Map<String, Object> x = n.extra();
    StringBuilder sb = new StringBuilder();
    sb.append("**source** `")
        .append(x.get("source_name"))
        .append('.')
        .append(n.name())
        .append("` · package `")
        .append(n.packageName())
        .append("`\n\n");
    if (n.description() != null && !n.description().isBlank()) {
      sb.append(n.description().strip()).append("\n\n");
    }
    if (x.get("source_description") instanceof String d && !d.isBlank()) {
      sb.append("Source: ").append(d.strip()).append("\n\n");
    }
    if (n.relation() != null) {
      sb.append("- relation: `").append(relation(n.relation())).append("`\n");
    }
    if (x.get("loader") instanceof String l && !l.isBlank()) {
      sb.append("- loader: ").append(l).append('\n');
    }
    if (x.get("loaded_at_field") instanceof String f && !f.isBlank()) {
      sb.append("- loaded_at_field: `").append(f).append("`\n");
    }
    if (x.get("freshness") instanceof Map<?, ?> f && !f.isEmpty()) {
      sb.append("- freshness: ").append(freshness(f)).append('\n');
    }
    Object owner = owner(n);
    if (owner != null) {
      sb.append("- owner: ").append(owner).append('\n');
    }
    columns(sb, n, catalog);
    sb.append("\n`").append(n.displayPath()).append('`');
    return sb.toString();
  }

  /** {@code warn_after: {count: 12, period: hour}} → "warn after 12 hour". */
  private static String freshness(Map<?, ?> f) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<?, ?> e : f.entrySet()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(String.valueOf(e.getKey()).replace('_', ' '));
      if (e.getValue() instanceof Map<?, ?> v) {
        sb.append(' ').append(v.get("count")).append(' ').append(v.get("period"));
      } else {
        sb.append(": ").append(e.getValue());
      }
    }
    return sb.toString();
  }

  private static String macro(Symbol.Context c, Macro m) {
    StringBuilder sb = new StringBuilder();
    sb.append("```jinja\n")
        .append(m.name())
        .append('(')
        .append(signature(c, m))
        .append(")\n```\n\n");
    if (m.description() != null && !m.description().isBlank()) {
      sb.append(m.description().strip()).append("\n\n");
    }
    sb.append("macro in package `")
        .append(m.packageName())
        .append("` · `")
        .append(m.displayPath())
        .append('`');
    return sb.toString();
  }

  /** Parameters with their defaults, read from the macro's file; the names alone if it is gone. */
  private static String signature(Symbol.Context c, Macro m) {
    for (ProjectFile f : c.snapshot().inputs().files()) {
      if (f.packageName().equals(m.packageName())
          && f.relativePath().equals(m.originalFilePath())) {
        Optional<StaticFacts.MacroDef> def = definition(f.text(), m.name());
        if (def.isPresent()) {
          return params(def.get());
        }
      }
    }
    return String.join(", ", m.parameters());
  }

  private static Optional<StaticFacts.MacroDef> definition(String text, String name) {
    return StaticExtractor.extract(JinjaScanner.scan(text)).macros().stream()
        .filter(
            d ->
                name.equals(d.kind() == StaticFacts.MacroKind.TEST ? "test_" + d.name() : d.name()))
        .findFirst();
  }

  private static String params(StaticFacts.MacroDef d) {
    return d.params().stream()
        .map(p -> p.defaultText() == null ? p.name() : p.name() + "=" + p.defaultText())
        .collect(Collectors.joining(", "));
  }

  /** dbt's own macros, as shipped in the jar: signature and leading comment, scanned once. */
  private static final class Builtins {
    static final Map<String, String> BY_NAME = load();

    private static Map<String, String> load() {
      Map<String, String> out = new HashMap<>();
      for (StaticFacts.MacroDef d : DbtBuiltins.shippedMacros()) {
        if (d.kind() != StaticFacts.MacroKind.MATERIALIZATION) {
          String name = d.kind() == StaticFacts.MacroKind.TEST ? "test_" + d.name() : d.name();
          out.putIfAbsent(
              name,
              "```jinja\n"
                  + d.name()
                  + "("
                  + params(d)
                  + ")\n```\n\n"
                  + (d.doc() == null ? "" : d.doc() + "\n\n")
                  + (d.kind() == StaticFacts.MacroKind.TEST
                      ? "dbt builtin generic test"
                      : "dbt builtin macro"));
        }
      }
      return out;
    }
  }

  private static Optional<String> builtin(String name) {
    String md = Builtins.BY_NAME.get(name);
    if (md == null && DbtBuiltins.isFunction(name)) {
      md = "`" + name + "()` — provided by dbt";
    }
    return Optional.ofNullable(md);
  }

  private static String var(Symbol.Context c, Symbol.Var v) {
    Optional<Vars.Holder> h = Resolve.var(c.snapshot().inputs(), c.packageName(), v.name());
    StringBuilder sb = new StringBuilder("**var** `").append(v.name()).append("`\n\n");
    if (h.isPresent()) {
      sb.append("- value: `").append(value(h.get().value())).append("`\n");
      List<Location> where =
          Resolve.varDefinitions(c.snapshot().inputs(), c.packageName(), v.name());
      if (h.get().definedIn().equals("--vars") || where.isEmpty()) {
        sb.append("- defined in: `").append(h.get().definedIn()).append("`");
      } else {
        sb.append("- defined in: `")
            .append(where.get(0).displayPath())
            .append("` line ")
            .append(where.get(0).span().startLine() + 1);
      }
    } else if (v.defaultText() != null) {
      sb.append("- not set; default: `").append(v.defaultText()).append('`');
    } else {
      sb.append("- not set, and no default: compiling fails");
    }
    return sb.toString();
  }

  /** A var's value as it would be written in YAML flow style. */
  private static String value(Object v) {
    if (v instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> e.getKey() + ": " + value(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (v instanceof List<?> list) {
      return list.stream().map(Hover::value).collect(Collectors.joining(", ", "[", "]"));
    }
    return v == null ? "null" : String.valueOf(v);
  }

  static String doc(DocBlock d) {
    return "**doc** `"
        + d.name()
        + "` · package `"
        + d.packageName()
        + "`\n\n"
        + d.content()
        + "\n\n`"
        + d.displayPath()
        + "`";
  }
}
