package dev.dbtls.ide;

import dev.dbtls.jinja.scan.Block;
import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.Piece;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.jinja.scan.TextRange;
import dev.dbtls.project.LineIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Folding of SQL and Markdown templates: each Jinja block ({@code macro}, {@code if} with one range
 * per branch, {@code for}, {@code set}, {@code call}, {@code docs}, {@code snapshot}, ...),
 * multi-line {@code {{ }}} (a long {@code config(...)}), multi-line parentheses of the SQL (CTE
 * bodies, subqueries), {@code {# #}} and {@code /* * /} comments and runs of {@code --} lines. A
 * closing line that starts with the closer ({@code {% endmacro %}}, {@code )}) stays visible. YAML
 * is left to the editor's indentation folding.
 */
public final class FoldingRanges {
  private FoldingRanges() {}

  static List<FoldingRange> find(String displayPath, String text) {
    if (text == null
        || displayPath == null
        || !(dev.dbtls.project.JinjaFileExtensions.isSql(displayPath)
            || dev.dbtls.project.JinjaFileExtensions.isMarkdown(displayPath))) {
      return List.of();
    }
    return new FoldingRanges.Collector(text)
        .collect(dev.dbtls.project.JinjaFileExtensions.isSql(displayPath));
  }

  private static final class Collector {
    private final String text;
    private final LineIndex lines;
    private final List<FoldingRange> out = new ArrayList<>();

    Collector(String text) {
      this.text = text;
      this.lines = new LineIndex(text);
    }

    List<FoldingRange> collect(boolean sql) {
      ScannedTemplate t = JinjaScanner.scan(text);
      for (Block b : t.blocks()) {
        List<Integer> tags = new ArrayList<>();
        tags.add(b.open());
        tags.addAll(b.branches());
        for (int i = 0; i < tags.size(); i++) {
          int from = t.pieces().get(tags.get(i)).start();
          int closer =
              i + 1 < tags.size()
                  ? t.pieces().get(tags.get(i + 1)).start()
                  : b.end() >= 0 ? t.pieces().get(b.end()).start() : -1;
          region(from, closer);
        }
      }
      for (Piece p : t.pieces()) {
        switch (p.kind()) {
          case COMMENT -> comment(p.start(), p.end());
          case EXPRESSION, RAW -> region(p.start(), p.closed() ? p.innerEnd() : -1);
          default -> {}
        }
      }
      if (sql) {
        SqlTokens.Lexed s = SqlTokens.lex(t);
        List<SqlTokens.Tok> toks = s.tokens();
        for (int i = 0; i < toks.size(); i++) {
          int close = toks.get(i).isPunct('(') ? SqlTokens.matching(toks, i) : -1;
          if (close > i) {
            region(toks.get(i).start(), toks.get(close).start());
          }
        }
        s.blockComments().forEach(c -> comment(c.start(), c.end()));
        lineCommentRuns(s.lineComments());
      }
      return distinct();
    }

    /**
     * From the line of {@code from} to the line before the closer, or to the closer's own line when
     * text precedes it there; to the last line with text when there is no closer (-1).
     */
    private void region(int from, int closer) {
      int start = lines.line(from);
      int end;
      if (closer < 0) {
        end = lines.line(trimmedEnd());
      } else {
        end = lines.line(closer);
        int lineStart = lines.offset(end, 0);
        if (text.substring(lineStart, closer)
            .chars()
            .allMatch(c -> Character.isWhitespace(c) || c == ')' || c == ']' || c == '}')) {
          end--;
        }
      }
      if (end > start) {
        out.add(new FoldingRange(start, end, FoldingRange.Kind.REGION));
      }
    }

    private void comment(int from, int to) {
      int start = lines.line(from);
      int end = lines.line(Math.max(from, to - 1));
      if (end > start) {
        out.add(new FoldingRange(start, end, FoldingRange.Kind.COMMENT));
      }
    }

    /** Consecutive lines that hold only a {@code --} comment. */
    private void lineCommentRuns(List<TextRange> comments) {
      int runStart = -1;
      int runEnd = -1;
      for (TextRange c : comments) {
        int line = lines.line(c.start());
        if (!text.substring(lines.offset(line, 0), c.start()).isBlank()) {
          continue;
        }
        if (runStart >= 0 && line == runEnd + 1) {
          runEnd = line;
        } else {
          addRun(runStart, runEnd);
          runStart = line;
          runEnd = line;
        }
      }
      addRun(runStart, runEnd);
    }

    private void addRun(int start, int end) {
      if (start >= 0 && end > start) {
        out.add(new FoldingRange(start, end, FoldingRange.Kind.COMMENT));
      }
    }

    private int trimmedEnd() {
      int e = text.length();
      while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      return e;
    }

    /** One range per start line (the longest): editors keep only one there anyway. */
    private List<FoldingRange> distinct() {
      out.sort(
          Comparator.comparingInt(FoldingRange::startLine)
              .thenComparing(Comparator.comparingInt(FoldingRange::endLine).reversed()));
      List<FoldingRange> kept = new ArrayList<>();
      for (FoldingRange r : out) {
        if (kept.isEmpty() || kept.get(kept.size() - 1).startLine() != r.startLine()) {
          kept.add(r);
        }
      }
      return kept;
    }
  }
}
