package dev.dbtls.ide;

import dev.dbtls.jinja.scan.Block;
import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.Piece;
import dev.dbtls.jinja.scan.PieceKind;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.jinja.scan.StaticExtractor;
import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.jinja.scan.Token;
import dev.dbtls.jinja.scan.TokenKind;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.ColumnSpec;
import dev.dbtls.project.properties.ExposureSpec;
import dev.dbtls.project.properties.MacroSpec;
import dev.dbtls.project.properties.NodeSpec;
import dev.dbtls.project.properties.PropertyFile;
import dev.dbtls.project.properties.SourceSpec;
import dev.dbtls.project.properties.SourceTableSpec;
import dev.dbtls.project.properties.VersionSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outline of one file, from the buffer's own text. SQL and Markdown: macro, generic test,
 * materialization, snapshot and docs blocks, {@code {% set %}}, {@code {% call %}}, {@code
 * config(...)} and (SQL only) CTEs, nested by where they are written; {@code {% if %}} and {@code
 * {% for %}} appear only when they hold one of those. Property YAML: models, seeds, snapshots,
 * analyses, sources with their tables, macros and exposures, with their columns. Half-typed text
 * gives the symbols that are there (an unclosed block or CTE runs to the end of the text).
 */
public final class DocumentSymbols {
  private DocumentSymbols() {}

  /** YAML files of a project that are not property files. */
  private static final Set<String> NOT_PROPERTIES =
      Set.of(
          "dbt_project.yml",
          "packages.yml",
          "dependencies.yml",
          "profiles.yml",
          "selectors.yml",
          "package-lock.yml");

  static List<DocumentSymbol> find(String displayPath, String text) {
    if (text == null || displayPath == null) {
      return List.of();
    }
    if (displayPath.endsWith(".yml") || displayPath.endsWith(".yaml")) {
      String file = displayPath.substring(displayPath.lastIndexOf('/') + 1);
      return NOT_PROPERTIES.contains(file) ? List.of() : yaml(displayPath, text);
    }
    if (displayPath.endsWith(".py") || displayPath.endsWith(".csv")) {
      return List.of();
    }
    return template(text, dev.dbtls.project.JinjaFileExtensions.isSql(displayPath));
  }

  // ---------------------------------------------------------------- SQL and Markdown

  /**
   * A symbol in offsets, before nesting; {@code onlyAsParent} for if/for blocks, {@code open} for a
   * CTE whose parenthesis is not closed (it ends with the block it starts in).
   */
  private record Item(
      String name,
      String detail,
      OutlineKind kind,
      int start,
      int end,
      int nameStart,
      int nameEnd,
      boolean onlyAsParent,
      boolean open,
      List<Item> children) {
    Item(
        String name,
        String detail,
        OutlineKind kind,
        int start,
        int end,
        int nameStart,
        int nameEnd,
        boolean onlyAsParent) {
      this(
          name,
          detail,
          kind,
          start,
          end,
          nameStart,
          nameEnd,
          onlyAsParent,
          false,
          new ArrayList<>());
    }

    Item endingAt(int newEnd) {
      return new Item(
          name,
          detail,
          kind,
          start,
          Math.max(Math.min(end, newEnd), nameEnd),
          nameStart,
          nameEnd,
          onlyAsParent,
          false,
          children);
    }

    boolean contains(Item o) {
      return start <= o.start && o.end <= end;
    }
  }

  private static List<DocumentSymbol> template(String text, boolean sql) {
    ScannedTemplate t = JinjaScanner.scan(text);
    StaticFacts f = StaticExtractor.extract(t);
    List<Item> items = new ArrayList<>();
    for (StaticFacts.MacroDef d : f.macros()) {
      OutlineKind kind =
          switch (d.kind()) {
            case MACRO -> OutlineKind.MACRO;
            case TEST -> OutlineKind.GENERIC_TEST;
            case MATERIALIZATION -> OutlineKind.MATERIALIZATION;
          };
      String detail =
          d.kind() == StaticFacts.MacroKind.MATERIALIZATION
              ? "adapter=" + d.adapter()
              : "("
                  + String.join(
                      ", ",
                      d.params().stream()
                          .map(
                              p ->
                                  p.defaultText() == null
                                      ? p.name()
                                      : p.name() + "=" + p.defaultText())
                          .toList())
                  + ")";
      items.add(
          new Item(
              d.name(),
              oneLine(detail),
              kind,
              d.whole().start(),
              d.whole().end(),
              d.nameRange().start(),
              d.nameRange().end(),
              false));
    }
    for (StaticFacts.SnapshotBlock b : f.snapshots()) {
      items.add(
          new Item(
              b.name(),
              "snapshot",
              OutlineKind.SNAPSHOT,
              b.whole().start(),
              b.whole().end(),
              b.nameRange().start(),
              b.nameRange().end(),
              false));
    }
    for (StaticFacts.DocsBlock b : f.docs()) {
      items.add(
          new Item(
              b.name(),
              "docs",
              OutlineKind.DOCS,
              b.whole().start(),
              b.whole().end(),
              b.nameRange().start(),
              b.nameRange().end(),
              false));
    }
    for (StaticFacts.ConfigCall c : f.configs()) {
      String detail =
          String.join(
              ", ",
              c.args().stream()
                  .filter(a -> a.name() != null && a.valueRange() != null)
                  .map(a -> a.name() + "=" + a.valueRange().of(text))
                  .toList());
      items.add(
          new Item(
              "config",
              oneLine(detail),
              OutlineKind.CONFIG,
              c.call().start(),
              c.call().end(),
              c.call().start(),
              c.call().start() + "config".length(),
              false));
    }
    for (Piece p : t.pieces()) {
      if (p.kind() == PieceKind.STATEMENT) {
        statement(t, p, items);
      }
    }
    if (sql) {
      for (Ctes.Cte c : Ctes.of(t)) {
        items.add(
            new Item(
                c.name(),
                null,
                OutlineKind.CTE,
                c.start(),
                c.end(),
                c.written().start(),
                c.written().end(),
                false,
                !c.closed(),
                new ArrayList<>()));
      }
    }
    return symbols(nest(items), new LineIndex(text));
  }

  /** {@code set}, {@code call}, {@code if} and {@code for} tags. */
  private static void statement(ScannedTemplate t, Piece p, List<Item> items) {
    List<Token> k = p.tokens();
    if (k.isEmpty()) {
      return;
    }
    Block b = t.blockOpenedBy(p);
    int end =
        b == null ? p.end() : b.end() >= 0 ? t.pieces().get(b.end()).end() : t.text().length();
    switch (p.tag()) {
      case "set" -> {
        int to = 1;
        while (to < k.size() && !k.get(to).isOperator("=") && !k.get(to).isOperator("|")) {
          to++;
        }
        if (to > 1) {
          int s = k.get(1).start();
          int e = k.get(to - 1).end();
          items.add(
              new Item(
                  t.text().substring(s, e),
                  null,
                  OutlineKind.VARIABLE,
                  p.start(),
                  end,
                  s,
                  e,
                  false));
        }
      }
      case "call" -> {
        if (b == null) {
          return;
        }
        int i = 1;
        if (i < k.size() && k.get(i).isPunct("(")) { // {% call(row) macro() %}
          i = afterBrackets(k, i);
        }
        if (i >= k.size() || k.get(i).kind() != TokenKind.NAME) {
          return;
        }
        int s = k.get(i).start();
        int nameEnd = k.get(i).end();
        while (i + 2 < k.size()
            && k.get(i + 1).isPunct(".")
            && k.get(i + 2).kind() == TokenKind.NAME) {
          i += 2;
          nameEnd = k.get(i).end();
        }
        int e =
            i + 1 < k.size() && k.get(i + 1).isPunct("(")
                ? k.get(Math.min(afterBrackets(k, i + 1), k.size()) - 1).end()
                : nameEnd;
        items.add(
            new Item(
                oneLine(t.text().substring(s, e)),
                "call",
                OutlineKind.CALL,
                p.start(),
                end,
                s,
                nameEnd,
                false));
      }
      case "if", "for" -> {
        if (b == null) {
          return;
        }
        int s = k.get(0).start();
        int e = k.get(k.size() - 1).end();
        items.add(
            new Item(
                oneLine(t.text().substring(s, e)),
                null,
                OutlineKind.BLOCK,
                p.start(),
                end,
                s,
                e,
                true));
      }
      default -> {}
    }
  }

  /** The token index after the bracket group that opens at {@code open}. */
  private static int afterBrackets(List<Token> k, int open) {
    int depth = 0;
    for (int i = open; i < k.size(); i++) {
      Token x = k.get(i);
      if (x.isPunct("(") || x.isPunct("[") || x.isPunct("{")) {
        depth++;
      } else if ((x.isPunct(")") || x.isPunct("]") || x.isPunct("}")) && --depth == 0) {
        return i + 1;
      }
    }
    return k.size();
  }

  /** Nesting deeper than this (only hostile text has it) is flattened. */
  static final int MAX_DEPTH = 64;

  /** Each item under the innermost one that contains it; if/for blocks without children dropped. */
  private static List<Item> nest(List<Item> items) {
    items.sort(
        Comparator.comparingInt(Item::start)
            .thenComparing(Comparator.comparingInt(Item::end).reversed()));
    List<Item> roots = new ArrayList<>();
    Deque<Item> open = new ArrayDeque<>();
    for (Item item : items) {
      Item it = item;
      while (!open.isEmpty() && !open.peek().contains(it)) {
        Item top = open.peek();
        if (it.open() && top.start() <= it.start() && it.nameEnd() <= top.end()) {
          it = it.endingAt(top.end());
          continue;
        }
        open.pop();
      }
      (open.isEmpty() ? roots : open.peek().children()).add(it);
      if (open.size() < MAX_DEPTH) { // deeper symbols stay flat: outlines recurse
        open.push(it);
      }
    }
    return prune(roots);
  }

  private static List<Item> prune(List<Item> items) {
    List<Item> out = new ArrayList<>();
    for (Item it : items) {
      List<Item> kept = prune(it.children());
      if (!it.onlyAsParent() || !kept.isEmpty()) {
        it.children().clear();
        it.children().addAll(kept);
        out.add(it);
      } else {
        out.addAll(kept);
      }
    }
    return out;
  }

  private static List<DocumentSymbol> symbols(List<Item> items, LineIndex lines) {
    List<DocumentSymbol> out = new ArrayList<>(items.size());
    for (Item it : items) {
      out.add(
          new DocumentSymbol(
              it.name(),
              it.detail(),
              it.kind(),
              lines.span(it.start(), it.end()),
              lines.span(it.nameStart(), it.nameEnd()),
              symbols(it.children(), lines)));
    }
    return out;
  }

  private static String oneLine(String s) {
    String flat = s.replaceAll("\\s+", " ").strip();
    return flat.length() > 80 ? flat.substring(0, 79) + "…" : flat;
  }

  // ---------------------------------------------------------------- property YAML

  private static List<DocumentSymbol> yaml(String displayPath, String text) {
    PropertyFile props = PropertyFile.parse(displayPath, text);
    LineIndex lines = new LineIndex(text);
    List<DocumentSymbol> out = new ArrayList<>();
    for (NodeSpec n : props.nodes()) {
      OutlineKind kind =
          switch (n.resourceType()) {
            case "seed" -> OutlineKind.SEED;
            case "snapshot" -> OutlineKind.SNAPSHOT;
            case "analysis" -> OutlineKind.ANALYSIS;
            case "function" -> OutlineKind.FUNCTION;
            default -> OutlineKind.MODEL;
          };
      List<DocumentSymbol> children = new ArrayList<>(columns(n.columns(), text, lines));
      for (VersionSpec v : n.versions()) {
        children.add(
            new DocumentSymbol(
                "v" + v.v(),
                "version",
                kind,
                v.span(),
                keySpan("v", v.v(), v.span(), text, lines),
                columns(
                    v.columns().stream().filter(c -> within(c.span(), v.span())).toList(),
                    text,
                    lines))); // a version's own columns; those it includes from the model are above
      }
      out.add(
          new DocumentSymbol(n.name(), n.resourceType(), kind, n.span(), n.nameSpan(), children));
    }
    for (SourceSpec s : props.sources()) {
      List<DocumentSymbol> tables = new ArrayList<>();
      for (SourceTableSpec t : s.tables()) {
        tables.add(
            new DocumentSymbol(
                t.name(),
                t.identifier() == null ? "table" : t.identifier(),
                OutlineKind.SOURCE_TABLE,
                t.span(),
                t.nameSpan(),
                columns(t.columns(), text, lines)));
      }
      out.add(
          new DocumentSymbol(
              s.name(), "source", OutlineKind.SOURCE, s.span(), s.nameSpan(), tables));
    }
    for (MacroSpec m : props.macros()) {
      out.add(
          new DocumentSymbol(
              m.name(),
              "macro",
              OutlineKind.MACRO,
              m.span(),
              nameSpan(m.name(), m.span(), text, lines),
              List.of()));
    }
    for (ExposureSpec e : props.exposures()) {
      out.add(
          new DocumentSymbol(
              e.name(),
              e.type() == null ? "exposure" : e.type(),
              OutlineKind.EXPOSURE,
              e.span(),
              e.nameSpan(),
              List.of()));
    }
    for (dev.dbtls.project.properties.SemanticModelSpec sm : props.semanticModels()) {
      List<DocumentSymbol> elements = new java.util.ArrayList<>();
      if (!sm.inline()) {
        for (dev.dbtls.project.properties.SemanticElement e : sm.elements()) {
          elements.add(
              new DocumentSymbol(
                  e.name(),
                  e.kind().dbtName() + (e.type() == null ? "" : " " + e.type()),
                  OutlineKind.DIMENSION,
                  e.nameSpan(),
                  e.nameSpan(),
                  List.of()));
        }
      }
      out.add(
          new DocumentSymbol(
              sm.name(),
              "semantic model of " + sm.model(),
              OutlineKind.SEMANTIC_MODEL,
              sm.inline() ? sm.nameSpan() : sm.span(),
              sm.nameSpan(),
              List.copyOf(elements)));
    }
    for (dev.dbtls.project.properties.MetricSpec m : props.metrics()) {
      out.add(
          new DocumentSymbol(
              m.name(),
              m.type() + " metric",
              OutlineKind.METRIC,
              m.span(),
              m.nameSpan(),
              List.of()));
    }
    for (dev.dbtls.project.properties.SavedQuerySpec q : props.savedQueries()) {
      out.add(
          new DocumentSymbol(
              q.name(), "saved query", OutlineKind.SAVED_QUERY, q.span(), q.nameSpan(), List.of()));
    }
    for (dev.dbtls.project.properties.UnitTestSpec u : props.unitTests()) {
      out.add(
          new DocumentSymbol(
              u.name(),
              "unit test of " + u.model(),
              OutlineKind.TEST,
              u.span(),
              u.nameSpan(),
              List.of()));
    }
    out.sort(
        Comparator.comparingInt((DocumentSymbol d) -> d.range().startLine())
            .thenComparingInt(d -> d.range().startColumn()));
    return out;
  }

  private static List<DocumentSymbol> columns(
      List<ColumnSpec> columns, String text, LineIndex lines) {
    List<DocumentSymbol> out = new ArrayList<>(columns.size());
    for (ColumnSpec c : columns) {
      out.add(
          new DocumentSymbol(
              c.name(),
              c.dataType(),
              OutlineKind.COLUMN,
              c.span(),
              nameSpan(c.name(), c.span(), text, lines),
              List.of()));
    }
    return out;
  }

  private static boolean within(Span inner, Span outer) {
    return compare(outer.startLine(), outer.startColumn(), inner.startLine(), inner.startColumn())
            <= 0
        && compare(inner.endLine(), inner.endColumn(), outer.endLine(), outer.endColumn()) <= 0;
  }

  private static int compare(int line1, int col1, int line2, int col2) {
    return line1 != line2 ? Integer.compare(line1, line2) : Integer.compare(col1, col2);
  }

  /** The {@code name:} value of an entry whose spec keeps only the entry's span. */
  static Span nameSpan(String name, Span entry, String text, LineIndex lines) {
    return keySpan("name", name, entry, text, lines);
  }

  private static final Pattern NAME_KEY = Pattern.compile("\\bname\\s*:[ \\t]*");
  private static final Pattern V_KEY = Pattern.compile("\\bv\\s*:[ \\t]*");

  /** The value of {@code key:} ({@code name} or {@code v}) in an entry, or the entry's start. */
  private static Span keySpan(String key, String name, Span entry, String text, LineIndex lines) {
    int from = lines.offset(entry.startLine(), entry.startColumn());
    int to = lines.offset(entry.endLine(), entry.endColumn());
    Matcher m = (key.equals("v") ? V_KEY : NAME_KEY).matcher(text).region(from, Math.max(from, to));
    while (m.find()) {
      int v = m.end();
      int q = v < text.length() && (text.charAt(v) == '\'' || text.charAt(v) == '"') ? 1 : 0;
      if (text.startsWith(name, v + q)) {
        return lines.span(v + q, v + q + name.length());
      }
    }
    return new Span(entry.startLine(), entry.startColumn(), entry.startLine(), entry.startColumn());
  }
}
