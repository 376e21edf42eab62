package dev.dbtls.ide;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.StaticExtractor;
import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.jinja.scan.TextRange;
import dev.dbtls.project.LineIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Links on the name strings of {@code ref('x')} (to the model's file) and {@code source('s', 't')}
 * (the table string, to its YAML entry), in SQL, Markdown and Python files and written in YAML
 * (test arguments, exposures). Only what resolves by dbt's rules gets a link; a dynamic or unknown
 * name gets none.
 */
public final class DocumentLinks {
  private DocumentLinks() {}

  static List<DocumentLink> find(ProjectSnapshot s, String displayPath, String text) {
    if (s == null || text == null || displayPath == null) {
      return List.of();
    }
    boolean literal =
        displayPath.endsWith(".yml")
            || displayPath.endsWith(".yaml")
            || displayPath.endsWith(".py");
    if (!literal
        && !dev.dbtls.project.JinjaFileExtensions.isSql(displayPath)
        && !dev.dbtls.project.JinjaFileExtensions.isMarkdown(displayPath)) {
      return List.of();
    }
    if (!text.contains("ref") && !text.contains("source")) {
      return List.of();
    }
    Manifest m = s.manifest();
    String pkg = Symbol.packageOf(s, displayPath);
    LineIndex lines = new LineIndex(text);
    List<DocumentLink> out = new ArrayList<>();
    if (literal) {
      literalCalls(m, pkg, text, lines, out);
    } else {
      StaticFacts f = StaticExtractor.extract(JinjaScanner.scan(text));
      for (StaticFacts.RefCall r : f.refs()) {
        if (r.name() != null && !r.dynamic() && r.nameRange() != null) {
          Symbol.Ref ref =
              new Symbol.Ref(r.packageName(), r.name(), r.version(), false, List.of(), 0, 0);
          ref(m, pkg, ref, r.nameRange(), lines, out);
        }
      }
      for (StaticFacts.SourceCall c : f.sources()) {
        if (c.sourceName() != null
            && c.tableName() != null
            && !c.dynamic()
            && c.tableRange() != null) {
          source(m, pkg, c.sourceName(), c.tableName(), c.tableRange(), lines, out);
        }
      }
      out.sort(
          Comparator.comparingInt((DocumentLink l) -> l.range().startLine())
              .thenComparingInt(l -> l.range().startColumn()));
    }
    return out;
  }

  private static void literalCalls(
      Manifest m, String pkg, String text, LineIndex lines, List<DocumentLink> out) {
    Matcher r = Symbol.YAML_REF.matcher(text);
    while (r.find()) {
      boolean two = r.group(4) != null;
      int g = two ? 4 : 2;
      ref(
          m,
          pkg,
          new Symbol.Ref(two ? r.group(2) : null, r.group(g), null, false, List.of(), 0, 0),
          new TextRange(r.start(g), r.end(g)),
          lines,
          out);
    }
    Matcher s = Symbol.YAML_SOURCE.matcher(text);
    while (s.find()) {
      source(m, pkg, s.group(2), s.group(4), new TextRange(s.start(4), s.end(4)), lines, out);
    }
    out.sort(
        Comparator.comparingInt((DocumentLink l) -> l.range().startLine())
            .thenComparingInt(l -> l.range().startColumn()));
  }

  private static void ref(
      Manifest m,
      String pkg,
      Symbol.Ref ref,
      TextRange name,
      LineIndex lines,
      List<DocumentLink> out) {
    List<Node> found = Resolve.models(m, pkg, ref);
    if (!found.isEmpty()) {
      Node n = found.get(0);
      out.add(
          new DocumentLink(
              lines.span(name.start(), name.end()),
              new Location(n.displayPath(), n.span() == null ? Resolve.FILE_START : n.span())));
    }
  }

  private static void source(
      Manifest m,
      String pkg,
      String source,
      String table,
      TextRange name,
      LineIndex lines,
      List<DocumentLink> out) {
    Resolve.source(m, pkg, new Symbol.Source(source, table, 0, 0))
        .ifPresent(
            n ->
                out.add(
                    new DocumentLink(
                        lines.span(name.start(), name.end()),
                        new Location(
                            n.displayPath(), n.span() == null ? Resolve.FILE_START : n.span()))));
  }
}
