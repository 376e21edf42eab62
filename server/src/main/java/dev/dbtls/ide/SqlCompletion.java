package dev.dbtls.ide;

import dev.dbtls.index.Catalog;
import dev.dbtls.index.Node;
import dev.dbtls.index.RefCall;
import dev.dbtls.jinja.scan.Piece;
import dev.dbtls.jinja.scan.PieceKind;
import dev.dbtls.jinja.scan.StaticExtractor;
import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.project.properties.ColumnSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Completion in the SQL text of a file: keywords, the target dialect's functions ({@link SqlFunctions}), and the columns of the
 * relations the file reads (from {@code target/catalog.json} and YAML). After {@code x.}, only the columns of what {@code x}
 * names: a CTE of the form {@code x as (select * from {{ ref('m') }} ...)} (or from another such
 * CTE), an alias {@code from {{ ref('m') }} [as] x}, or the relation's own name; nothing when
 * {@code x} is unknown. Nothing inside SQL strings, quoted identifiers and comments.
 */
final class SqlCompletion {
  private final Completion.Request r;
  private final String text;

  /** A SQL word, punctuation, or a Jinja expression that is one ref()/source() (relation). */
  private record Tok(String word, char punct, Node relation, int start) {}

  private final List<Tok> toks = new ArrayList<>();
  private boolean cursorInLiteral;
  private final Map<String, Node> named = new LinkedHashMap<>();
  private Catalog catalog;

  SqlCompletion(Completion.Request r) {
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
    while (wordStart > 0 && isWordChar(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    if (wordStart < offset && Character.isDigit(text.charAt(wordStart))) {
      return List.of();
    }
    CompletionItems items = new CompletionItems(text.substring(wordStart, offset), wordStart, offset);
    bindNames();
    if (wordStart > 0 && text.charAt(wordStart - 1) == '.') {
      int q = wordStart - 1;
      while (q > 0 && isWordChar(text.charAt(q - 1))) {
        q--;
      }
      Node n = named.get(text.substring(q, wordStart - 1).toLowerCase(Locale.ROOT));
      if (n != null) {
        columns(n, items, 0);
      }
      return items.result();
    }
    java.util.Set<Node> seen = new java.util.LinkedHashSet<>(named.values());
    for (Node n : seen) {
      columns(n, items, 0);
    }
    boolean upper = !items.prefix().isEmpty() && items.prefix().equals(items.prefix().toUpperCase(Locale.ROOT))
        && items.prefix().chars().anyMatch(Character::isLetter);
    for (String k : CompletionVocabulary.SQL_KEYWORDS) {
      String word = upper ? k.toUpperCase(Locale.ROOT) : k;
      items.add(word, CompletionKind.KEYWORD, 1, "SQL", null, word, false);
    }
    boolean callFollows = offset < text.length() && text.charAt(offset) == '(';
    String adapter = r.snapshot.inputs().target() == null ? null : r.snapshot.inputs().target().type();
    for (SqlFunctions.SqlFunction f : SqlFunctions.forAdapter(adapter)) {
      if (!items.matches(f.name())) {
        continue;
      }
      String word = upper ? f.name().toUpperCase(Locale.ROOT) : f.name();
      boolean takesNoCall = f.signature().indexOf('(') < 0; // current_date
      boolean noArgs = f.signature().endsWith("()");
      boolean snippet = !callFollows && !takesNoCall && !noArgs;
      String insert = callFollows || takesNoCall ? word : noArgs ? word + "()" : word + "($1)";
      items.add(word, CompletionKind.FUNCTION, 2, f.signature(),
          f.description() + "\n\n" + f.dialect() + " function", insert, snippet);
    }
    return items.result();
  }

  /**
   * The columns of a relation: those the warehouse reported ({@code target/catalog.json}, in its
   * order, with the YAML spelling and description where YAML declares them too), then the ones
   * declared only in YAML.
   */
  private void columns(Node n, CompletionItems items, int group) {
    if (catalog == null) {
      catalog = ProjectCatalog.of(r.snapshot);
    }
    java.util.Set<String> done = new java.util.HashSet<>();
    for (Catalog.Column c : catalog.columns(n.uniqueId())) {
      ColumnSpec spec = yamlColumn(n, c.name());
      String name = spec != null ? spec.name() : c.name();
      String type = c.type() != null ? c.type() : spec != null ? spec.dataType() : null;
      String doc = spec != null && spec.description() != null ? spec.description() : c.comment();
      done.add(name.toLowerCase(Locale.ROOT));
      items.add(name, CompletionKind.COLUMN, group,
          (type == null ? "column" : type) + " · " + n.name(), doc, name, false);
    }
    for (ColumnSpec c : n.columns()) {
      if (!done.contains(c.name().toLowerCase(Locale.ROOT))) {
        items.add(c.name(), CompletionKind.COLUMN, group,
            (c.dataType() == null ? "column" : c.dataType()) + " · " + n.name(), c.description(),
            c.name(), false);
      }
    }
  }

  private static ColumnSpec yamlColumn(Node n, String name) {
    for (ColumnSpec c : n.columns()) {
      if (c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  // ---------------------------------------------------------------- binding names to relations

  /** CTEs and aliases that stand for one ref()/source() of this file, and the relations' own names. */
  private void bindNames() {
    for (int i = 0; i < toks.size(); i++) {
      Tok t = toks.get(i);
      if (t.relation != null) {
        named.putIfAbsent(t.relation.name().toLowerCase(Locale.ROOT), t.relation);
        if (t.relation.relation() != null && t.relation.relation().identifier() != null) {
          named.putIfAbsent(t.relation.relation().identifier().toLowerCase(Locale.ROOT), t.relation);
        }
      }
      // name as ( select * from <relation or cte> ... )
      if (isWord(i, null) && isWord(i + 1, "as") && isPunct(i + 2, '(')
          && (isPunct(i - 1, ',') || isWord(i - 1, "with") || isWord(i - 1, "recursive"))) {
        int close = matching(i + 2);
        if (isWord(i + 3, "select") && isPunct(i + 4, '*') && isWord(i + 5, "from")
            && !containsJoin(i + 3, close)) {
          Node n = relationAt(i + 6);
          if (n != null) {
            named.put(t.word.toLowerCase(Locale.ROOT), n);
          }
        }
      }
      // from|join <relation or cte> [as] alias
      if (isWord(i, "from") || isWord(i, "join")) {
        Node n = relationAt(i + 1);
        int a = isWord(i + 2, "as") ? i + 3 : i + 2;
        if (n != null && isWord(a, null)
            && !CompletionVocabulary.NOT_AN_ALIAS.contains(toks.get(a).word.toLowerCase(Locale.ROOT))) {
          named.put(toks.get(a).word.toLowerCase(Locale.ROOT), n);
        }
      }
    }
  }

  private Node relationAt(int i) {
    if (i >= toks.size()) {
      return null;
    }
    Tok t = toks.get(i);
    if (t.relation != null) {
      return t.relation;
    }
    return t.word != null ? named.get(t.word.toLowerCase(Locale.ROOT)) : null;
  }

  private boolean containsJoin(int from, int to) {
    for (int i = from; i < to && i < toks.size(); i++) {
      if (isWord(i, "join")) {
        return true;
      }
    }
    return false;
  }

  private int matching(int open) {
    int depth = 0;
    for (int i = open; i < toks.size(); i++) {
      if (isPunct(i, '(')) {
        depth++;
      } else if (isPunct(i, ')') && --depth == 0) {
        return i;
      }
    }
    return toks.size();
  }

  private boolean isWord(int i, String word) {
    if (i < 0 || i >= toks.size() || toks.get(i).word == null) {
      return false;
    }
    return word == null || toks.get(i).word.equalsIgnoreCase(word);
  }

  private boolean isPunct(int i, char c) {
    return i >= 0 && i < toks.size() && toks.get(i).punct == c;
  }

  // ---------------------------------------------------------------- lexing

  /**
   * Cuts the SQL text into words and punctuation, skipping strings, quoted identifiers and
   * comments (whose state runs across Jinja pieces: {@code '{{ var("x") }}'} is one string), and
   * notes whether the cursor is inside one of those.
   */
  private void lex() {
    StaticFacts facts = null;
    int state = 0; // 0 code, 1 'string', 2 "identifier", 3 -- comment, 4 /* comment */, 5 `identifier`
    for (Piece p : r.template.pieces()) {
      if (p.kind() == PieceKind.EXPRESSION) {
        if (state == 0) {
          if (facts == null) {
            facts = StaticExtractor.extract(r.template);
          }
          toks.add(new Tok(null, '\0', relationOf(p, facts), p.start()));
        }
        continue;
      }
      if (p.kind() != PieceKind.TEXT) {
        continue;
      }
      int i = p.start();
      int end = p.end();
      while (i < end) {
        char c = text.charAt(i);
        int from = i;
        int before = state;
        switch (state) {
          case 1, 2, 5 -> {
            char quote = state == 1 ? '\'' : state == 2 ? '"' : '`';
            if (c == quote && i + 1 < end && text.charAt(i + 1) == quote) {
              i++; // a doubled quote stays inside
            } else if (c == quote) {
              state = 0;
            }
            i++;
          }
          case 3 -> {
            if (c == '\n') {
              state = 0;
            }
            i++;
          }
          case 4 -> {
            if (c == '*' && i + 1 < end && text.charAt(i + 1) == '/') {
              state = 0;
              i += 2;
            } else {
              i++;
            }
          }
          default -> {
            if (c == '\'') {
              state = 1;
              i++;
            } else if (c == '"') {
              state = 2;
              i++;
            } else if (c == '`') {
              state = 5;
              i++;
            } else if (c == '-' && i + 1 < end && text.charAt(i + 1) == '-') {
              state = 3;
              i += 2;
            } else if (c == '/' && i + 1 < end && text.charAt(i + 1) == '*') {
              state = 4;
              i += 2;
            } else if (isWordChar(c)) {
              int s = i;
              while (i < end && isWordChar(text.charAt(i))) {
                i++;
              }
              toks.add(new Tok(text.substring(s, i), '\0', null, s));
            } else {
              if (!Character.isWhitespace(c)) {
                toks.add(new Tok(null, c, null, i));
              }
              i++;
            }
          }
        }
        if (from <= r.offset && r.offset < i
            && (from == r.offset ? before != 0 : before != 0 || state != 0)) {
          cursorInLiteral = true;
        }
      }
      if (end == r.offset && state != 0) {
        cursorInLiteral = true; // the cursor at the end of an unterminated string or comment
      }
    }
  }

  /** The node of a {@code {{ ref(...) }}} or {@code {{ source(...) }}} piece that holds just that call. */
  private Node relationOf(Piece p, StaticFacts facts) {
    for (StaticFacts.RefCall c : facts.refs()) {
      if (p.range().contains(c.call().start()) && !c.dynamic() && c.name() != null) {
        Optional<Node> n = r.manifest.resolveRef(r.packageName,
            new RefCall(c.packageName(), c.name(), c.version(), 0, 0));
        return n.orElse(null);
      }
    }
    for (StaticFacts.SourceCall c : facts.sources()) {
      if (p.range().contains(c.call().start()) && !c.dynamic() && c.sourceName() != null
          && c.tableName() != null) {
        return r.manifest.resolveSource(r.packageName, c.sourceName(), c.tableName()).orElse(null);
      }
    }
    return null;
  }
}
