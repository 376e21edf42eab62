package dev.dbtls.ide;

import dev.dbtls.ide.SqlTokens.Tok;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.RefCall;
import dev.dbtls.index.RelationName;
import dev.dbtls.index.ResourceType;
import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.Piece;
import dev.dbtls.jinja.scan.PieceKind;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.jinja.scan.TextRange;
import dev.dbtls.project.Adapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * "Replace with {{ ref('x') }}" / "Replace with {{ source('s', 't') }}" on a relation name written
 * out in SQL text (outside Jinja): {@code database.schema.identifier} or {@code schema.identifier}
 * naming a node's relation, or a bare identifier right after {@code from}/{@code join} when one
 * node alone has it. Parts compare ignoring case, except quoted parts where the adapter quotes that
 * part (then the warehouse keeps their case).
 */
final class HardCodedRelation {
  private static final Set<String> BEFORE_RELATION = Set.of("from", "join");

  private HardCodedRelation() {}

  /** A written name part: its text without quotes, and whether it was quoted. */
  private record Part(String text, boolean quoted) {}

  static List<CodeAction> rewrites(Symbol.Context c, int start, int end) {
    String text = c.text();
    if (start < 0 || start > text.length()) {
      return List.of();
    }
    ScannedTemplate t = JinjaScanner.scan(text);
    Piece piece = t.pieceAt(Math.min(start, Math.max(0, text.length() - 1)));
    if (piece == null || piece.kind() != PieceKind.TEXT) {
      return List.of();
    }
    Adapter adapter = Adapter.of(c.snapshot().inputs().target().type());
    List<Tok> tokens = SqlTokens.of(t);
    int at = tokenAt(tokens, start);
    if (at < 0) {
      return List.of();
    }
    int first = at;
    while (first >= 2
        && adjacentDot(tokens, first - 2, first)
        && isName(text, tokens.get(first - 2), adapter)) {
      first -= 2;
    }
    int last = at;
    while (last + 2 < tokens.size()
        && adjacentDot(tokens, last, last + 2)
        && isName(text, tokens.get(last + 2), adapter)) {
      last += 2;
    }
    if (end > tokens.get(last).end()) {
      return List.of(); // the range covers more than one name
    }
    List<Part> parts = new ArrayList<>();
    for (int k = first; k <= last; k += 2) {
      parts.addAll(parts(text, tokens.get(k), adapter));
    }
    if (parts.isEmpty() || parts.size() > 3) {
      return List.of();
    }
    boolean afterFrom =
        first > 0
            && tokens.get(first - 1).kind() == SqlTokens.Kind.WORD
            && BEFORE_RELATION.contains(
                tokens.get(first - 1).text().toLowerCase(java.util.Locale.ROOT));
    if (parts.size() == 1 && !afterFrom) {
      return List.of();
    }
    List<Node> matches = matches(c, parts, adapter);
    if (parts.size() == 1 && matches.size() != 1) {
      return List.of(); // a bare name is only taken when it is unambiguous
    }
    TextRange replaced = new TextRange(tokens.get(first).start(), tokens.get(last).end());
    List<CodeAction> out = new ArrayList<>();
    for (Node n : matches) {
      String call = call(c, n);
      out.add(
          new CodeAction(
              "Replace with " + call,
              CodeAction.REWRITE,
              false,
              List.of(new TextEdit(CodeActions.span(c, replaced), call)),
              List.of()));
    }
    return out;
  }

  private static int tokenAt(List<Tok> tokens, int offset) {
    for (int k = 0; k < tokens.size(); k++) {
      Tok t = tokens.get(k);
      if (t.start() <= offset && offset <= t.end()) {
        if (offset == t.end()
            && k + 1 < tokens.size()
            && tokens.get(k + 1).start() == offset
            && tokens.get(k + 1).kind() != SqlTokens.Kind.PUNCT) {
          continue; // between two tokens: the one that starts here
        }
        return t.isPunct('.') && k > 0 ? k - 1 : k;
      }
    }
    return -1;
  }

  private static boolean adjacentDot(List<Tok> tokens, int left, int right) {
    Tok dot = tokens.get(left + 1);
    return dot.isPunct('.')
        && tokens.get(left).end() == dot.start()
        && dot.end() == tokens.get(right).start();
  }

  /**
   * A word, or a name quoted the adapter's way ({@code "} too, unless the adapter uses {@code `}).
   */
  private static boolean isName(String text, Tok t, Adapter adapter) {
    if (t.kind() == SqlTokens.Kind.WORD) {
      return t.isName();
    }
    char q = text.charAt(t.start());
    return t.kind() == SqlTokens.Kind.QUOTED
        && (q == adapter.quoteChar() || q == '"' && adapter.quoteChar() != '`');
  }

  /** A token's name parts: one, or several for BigQuery's {@code `project.dataset.table`}. */
  private static List<Part> parts(String text, Tok t, Adapter adapter) {
    if (!isName(text, t, adapter)) {
      return List.of();
    }
    if (t.kind() == SqlTokens.Kind.WORD) {
      return List.of(new Part(t.text(), false));
    }
    String q = text.substring(t.start(), t.start() + 1);
    String inner = t.text().replace(q + q, q);
    if (q.equals("`") && inner.contains(".")) {
      List<Part> out = new ArrayList<>();
      for (String s : inner.split("\\.", -1)) {
        out.add(new Part(s, true));
      }
      return out;
    }
    return List.of(new Part(inner, true));
  }

  private static List<Node> matches(Symbol.Context c, List<Part> parts, Adapter a) {
    List<Node> out = new ArrayList<>();
    Set<String> own =
        Set.copyOf(
            c.snapshot().manifest().nodesInFile(c.displayPath()).stream()
                .map(Node::uniqueId)
                .toList());
    int n = parts.size();
    for (Node node : c.snapshot().manifest().nodes().values()) {
      RelationName r = node.relation();
      if (r == null
          || !(Resolve.refable(node) || node.type() == ResourceType.SOURCE)
          || own.contains(node.uniqueId())
          || node.type() == ResourceType.MODEL && "ephemeral".equals(node.materialized())) {
        continue;
      }
      if (!same(parts.get(n - 1), r.identifier(), a.quoteIdentifier())
          || n >= 2 && !same(parts.get(n - 2), r.schema(), a.quoteSchema())
          || n >= 3 && !same(parts.get(n - 3), r.database(), a.quoteDatabase())) {
        continue;
      }
      out.add(node);
    }
    return out;
  }

  private static boolean same(Part written, String actual, boolean adapterQuotes) {
    if (actual == null) {
      return false;
    }
    return written.quoted() && adapterQuotes
        ? written.text().equals(actual)
        : written.text().equalsIgnoreCase(actual);
  }

  /** {@code {{ ref('x') }}}, with the package when another package has the same name. */
  private static String call(Symbol.Context c, Node n) {
    if (n.type() == ResourceType.SOURCE) {
      return "{{ source('" + n.fqn().get(1) + "', '" + n.name() + "') }}";
    }
    Manifest m = c.snapshot().manifest();
    boolean plain =
        m.resolveRef(c.packageName(), new RefCall(null, n.name(), null, 0, 0))
            .filter(x -> x.uniqueId().equals(n.uniqueId()))
            .isPresent();
    if (plain) {
      return "{{ ref('" + n.name() + "') }}";
    }
    boolean latest =
        m.resolveRef(c.packageName(), new RefCall(n.packageName(), n.name(), null, 0, 0))
            .filter(x -> x.uniqueId().equals(n.uniqueId()))
            .isPresent();
    String pkg = n.packageName().equals(c.packageName()) ? "" : "'" + n.packageName() + "', ";
    String v = latest || n.version() == null ? "" : ", v=" + n.version();
    return "{{ ref(" + pkg + "'" + n.name() + "'" + v + ") }}";
  }
}
