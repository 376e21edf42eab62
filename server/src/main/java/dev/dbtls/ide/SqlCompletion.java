package dev.dbtls.ide;

import dev.dbtls.index.Catalog;
import dev.dbtls.index.Node;
import dev.dbtls.index.RefCall;
import dev.dbtls.jinja.scan.Piece;
import dev.dbtls.jinja.scan.StaticFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Completion in the SQL text of a file: keywords, the target dialect's functions ({@link
 * SqlFunctions}), and the columns of the relations the file reads (from {@code target/catalog.json}
 * and YAML). After {@code x.}, only the columns of what {@code x} names: a CTE of the form {@code x
 * as (select * from {{ ref('m') }} ...)} (or from another such CTE), an alias {@code from {{
 * ref('m') }} [as] x}, or the relation's own name; nothing when {@code x} is unknown. Nothing
 * inside SQL strings, quoted identifiers and comments.
 */
final class SqlCompletion {
  private final CompletionContext r;
  private final String text;

  private final List<SqlTokens.Tok> toks = new ArrayList<>();

  /** For each token: the node of a Jinja expression that is one ref()/source(), or null. */
  private Node[] relations;

  private boolean cursorInLiteral;
  private final Map<String, Node> named = new LinkedHashMap<>();
  private Catalog catalog;

  SqlCompletion(CompletionContext r) {
    this.r = r;
    this.text = r.text;
  }

  List<CompletionItem> complete() {
    lex();
    if (cursorInLiteral) {
      return List.of();
    }
    int offset = r.offset;
    int wordStart = offset;
    while (wordStart > 0 && SqlTokens.isWordChar(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    if (wordStart < offset && Character.isDigit(text.charAt(wordStart))) {
      return List.of();
    }
    CompletionItems items =
        new CompletionItems(text.substring(wordStart, offset), wordStart, offset);
    bindNames();
    if (wordStart > 0 && text.charAt(wordStart - 1) == '.') {
      int q = wordStart - 1;
      while (q > 0 && SqlTokens.isWordChar(text.charAt(q - 1))) {
        q--;
      }
      String qualifier = text.substring(q, wordStart - 1).toLowerCase(Locale.ROOT);
      Node n = named.get(qualifier);
      if (n != null) {
        columns(n, items, 0);
      } else {
        cteColumns(qualifier, items);
      }
      return items.result();
    }
    java.util.Set<Node> seen = new java.util.LinkedHashSet<>(named.values());
    for (Node n : seen) {
      columns(n, items, 0);
    }
    boolean upper =
        !items.prefix().isEmpty()
            && items.prefix().equals(items.prefix().toUpperCase(Locale.ROOT))
            && items.prefix().chars().anyMatch(Character::isLetter);
    for (String k : CompletionVocabulary.SQL_KEYWORDS) {
      String word = upper ? k.toUpperCase(Locale.ROOT) : k;
      items.add(word, CompletionKind.KEYWORD, 1, "SQL", null, word, false);
    }
    boolean callFollows = offset < text.length() && text.charAt(offset) == '(';
    String adapter =
        r.snapshot.inputs().target() == null ? null : r.snapshot.inputs().target().type();
    for (SqlFunctions.SqlFunction f : SqlFunctions.forAdapter(adapter)) {
      if (!items.matches(f.name())) {
        continue;
      }
      String word = upper ? f.name().toUpperCase(Locale.ROOT) : f.name();
      boolean takesNoCall = f.signature().indexOf('(') < 0; // current_date
      boolean noArgs = f.signature().endsWith("()");
      boolean snippet = !callFollows && !takesNoCall && !noArgs;
      String insert = callFollows || takesNoCall ? word : noArgs ? word + "()" : word + "($1)";
      items.add(
          word,
          CompletionKind.FUNCTION,
          2,
          f.signature(),
          f.description() + "\n\n" + f.dialect() + " function",
          insert,
          snippet);
    }
    return items.result();
  }

  /** The names a CTE of this file selects (its select list, {@code *} of a relation followed). */
  private void cteColumns(String cte, CompletionItems items) {
    for (int i = 0; i < toks.size(); i++) {
      if (!toks.get(i).isWord("with")) {
        continue;
      }
      for (Ctes.Definition d : Ctes.definitions(toks, i)) {
        if (!toks.get(d.name()).text().equalsIgnoreCase(cte) || d.close() < 0) {
          continue;
        }
        String body = text.substring(toks.get(d.open()).end(), toks.get(d.close()).start());
        for (String name : SelectedColumns.of(body)) {
          items.add(
              name,
              CompletionKind.COLUMN,
              0,
              "column · " + toks.get(d.name()).text(),
              null,
              name,
              false);
        }
        return;
      }
    }
  }

  /** The columns of a relation ({@link NodeColumns}). */
  private void columns(Node n, CompletionItems items, int group) {
    if (catalog == null) {
      catalog = ProjectCatalog.of(r.snapshot);
    }
    for (NodeColumns.Column c : NodeColumns.of(r.snapshot, catalog, n)) {
      items.add(
          c.name(),
          CompletionKind.COLUMN,
          group,
          (c.type() == null ? "column" : c.type()) + " · " + n.name(),
          c.description(),
          c.name(),
          false);
    }
  }

  // ---------------------------------------------------------------- binding names to relations

  /**
   * CTEs and aliases that stand for one ref()/source() of this file, and the relations' own names.
   */
  private void bindNames() {
    for (int i = 0; i < toks.size(); i++) {
      SqlTokens.Tok t = toks.get(i);
      Node relation = relations[i];
      if (relation != null) {
        named.putIfAbsent(relation.name().toLowerCase(Locale.ROOT), relation);
        if (relation.relation() != null && relation.relation().identifier() != null) {
          named.putIfAbsent(relation.relation().identifier().toLowerCase(Locale.ROOT), relation);
        }
      }
      // with name as ( select * from <relation or cte> ... )
      if (t.isWord("with")) {
        for (Ctes.Definition d : Ctes.definitions(toks, i)) {
          int body = d.open() + 1;
          int close = d.close() < 0 ? toks.size() : d.close();
          if (isWord(body, "select")
              && isPunct(body + 1, '*')
              && isWord(body + 2, "from")
              && !containsJoin(body, close)) {
            Node n = relationAt(body + 3);
            if (n != null) {
              named.put(toks.get(d.name()).text().toLowerCase(Locale.ROOT), n);
            }
          }
        }
      }
      // from|join <relation or cte> [as] alias
      if (isWord(i, "from") || isWord(i, "join")) {
        Node n = relationAt(i + 1);
        int a = isWord(i + 2, "as") ? i + 3 : i + 2;
        if (n != null
            && isWord(a, null)
            && !CompletionVocabulary.NOT_AN_ALIAS.contains(
                toks.get(a).text().toLowerCase(Locale.ROOT))) {
          named.put(toks.get(a).text().toLowerCase(Locale.ROOT), n);
        }
      }
    }
  }

  private Node relationAt(int i) {
    if (i >= toks.size()) {
      return null;
    }
    if (relations[i] != null) {
      return relations[i];
    }
    SqlTokens.Tok t = toks.get(i);
    return t.kind() == SqlTokens.Kind.WORD ? named.get(t.text().toLowerCase(Locale.ROOT)) : null;
  }

  private boolean containsJoin(int from, int to) {
    for (int i = from; i < to && i < toks.size(); i++) {
      if (isWord(i, "join")) {
        return true;
      }
    }
    return false;
  }

  private boolean isWord(int i, String word) {
    if (i < 0 || i >= toks.size() || toks.get(i).kind() != SqlTokens.Kind.WORD) {
      return false;
    }
    return word == null || toks.get(i).isWord(word);
  }

  private boolean isPunct(int i, char c) {
    return i >= 0 && i < toks.size() && toks.get(i).isPunct(c);
  }

  // ---------------------------------------------------------------- lexing

  /**
   * The file's SQL tokens ({@link SqlTokens}), each Jinja expression that is one ref()/source()
   * bound to its node, and whether the cursor is inside a string, quoted name or comment.
   */
  private void lex() {
    SqlTokens.Lexed lexed = SqlTokens.lex(r.template);
    cursorInLiteral = lexed.inLiteral(r.offset);
    toks.addAll(lexed.tokens());
    relations = new Node[toks.size()];
    StaticFacts facts = null;
    for (int i = 0; i < toks.size(); i++) {
      if (toks.get(i).kind() == SqlTokens.Kind.JINJA) {
        if (facts == null) {
          facts = r.scan.facts();
        }
        relations[i] = relationOf(r.template.pieceAt(toks.get(i).start()), facts);
      }
    }
  }

  /**
   * The node of a {@code {{ ref(...) }}} or {@code {{ source(...) }}} piece that holds just that
   * call.
   */
  private Node relationOf(Piece p, StaticFacts facts) {
    for (StaticFacts.RefCall c : facts.refs()) {
      if (p.range().contains(c.call().start()) && !c.dynamic() && c.name() != null) {
        Optional<Node> n =
            r.manifest.resolveRef(
                r.packageName, new RefCall(c.packageName(), c.name(), c.version(), 0, 0));
        return n.orElse(null);
      }
    }
    for (StaticFacts.SourceCall c : facts.sources()) {
      if (p.range().contains(c.call().start())
          && !c.dynamic()
          && c.sourceName() != null
          && c.tableName() != null) {
        return r.manifest.resolveSource(r.packageName, c.sourceName(), c.tableName()).orElse(null);
      }
    }
    return null;
  }
}
