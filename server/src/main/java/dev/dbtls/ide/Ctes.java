package dev.dbtls.ide;

import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.ScannedTemplate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The common table expressions of a SQL file and where each is used: {@code with a as (...), b as
 * (select * from a)}. A use is the name where a relation goes (after {@code from}, {@code join}, or
 * a comma in a from clause) or as a qualifier ({@code a.col}, {@code a.*}); a name qualified by
 * something else ({@code x.a}) and a column that happens to be spelled like the CTE are not uses. A
 * CTE's scope runs from its {@code with} to the end of the statement (or of the parenthesis a
 * nested {@code with} sits in); an inner CTE of the same name shadows an outer one. Unquoted names
 * compare without case, as the warehouses do. The one reader of CTE definitions: outline, rename,
 * highlights, plan sources, preview of a CTE, and (through {@link #definitions}) the select list
 * and SQL completion.
 */
public final class Ctes {
  private Ctes() {}

  /**
   * {@code sql} up to the end of its CTE {@code name}, then {@code select * from name}: what
   * "preview this CTE" runs. Empty when the SQL has no (closed) CTE of that name.
   */
  public static java.util.Optional<String> selectFrom(String sql, String name) {
    for (Cte c : of(sql)) {
      if (c.closed() && c.name().equalsIgnoreCase(name)) {
        return java.util.Optional.of(
            sql.substring(0, c.end())
                + "\nselect * from "
                + sql.substring(c.written().start(), c.written().end()));
      }
    }
    return java.util.Optional.empty();
  }

  /** A name's occurrence: offsets of the name itself (inside quotes for a quoted identifier). */
  record Occurrence(int start, int end) {
    boolean touches(int offset) {
      return start <= offset && offset <= end;
    }
  }

  /**
   * One CTE: its name token as written (quotes included), where {@code name as (...)} ends (the end
   * of its statement, trailing blanks aside, when the parenthesis is not closed yet), and its uses
   * in its scope.
   */
  record Cte(SqlTokens.Tok written, int end, boolean closed, List<Occurrence> uses) {
    String name() {
      return written.text();
    }

    /** The name itself, inside the quotes of a quoted one. */
    Occurrence definition() {
      return new Occurrence(written.nameStart(), written.nameEnd());
    }

    /** Where {@code name as (...)} starts: its name token. */
    int start() {
      return written.start();
    }

    /** The definition and the uses, in text order. */
    List<Occurrence> all() {
      List<Occurrence> out = new ArrayList<>(uses.size() + 1);
      out.add(definition());
      out.addAll(uses);
      out.sort(java.util.Comparator.comparingInt(Occurrence::start));
      return out;
    }
  }

  /** The CTE whose definition or use the cursor is on. */
  static Optional<Cte> at(String text, int offset) {
    for (Cte c : of(text)) {
      if (c.all().stream().anyMatch(o -> o.touches(offset))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Every CTE of every statement in the file. */
  static List<Cte> of(String text) {
    return of(JinjaScanner.scan(text));
  }

  static List<Cte> of(ScannedTemplate template) {
    List<SqlTokens.Tok> all = SqlTokens.of(template);
    List<Cte> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i <= all.size(); i++) {
      if (i == all.size() || all.get(i).isPunct(';')) {
        int end = i < all.size() ? all.get(i).start() : trimmedEnd(template.text());
        out.addAll(statement(all.subList(from, i), end));
        from = i + 1;
      }
    }
    return out;
  }

  /**
   * One {@code name [(columns)] as [[not] materialized] (body)} of a {@code with}, as token
   * indexes: its name, the body's opening parenthesis and its closing one (-1: not closed yet).
   */
  record Definition(int name, int open, int close) {}

  /** The CTEs the {@code with} at token {@code with} defines, separated by commas. */
  static List<Definition> definitions(List<SqlTokens.Tok> t, int with) {
    List<Definition> out = new ArrayList<>();
    int j = with + 1;
    if (j < t.size() && t.get(j).isWord("recursive")) {
      j++;
    }
    while (j < t.size() && t.get(j).isName()) {
      int k = j + 1;
      if (k < t.size() && t.get(k).isPunct('(')) {
        int columns = SqlTokens.matching(t, k);
        if (columns < 0) {
          break;
        }
        k = columns + 1;
      }
      if (k >= t.size() || !t.get(k).isWord("as")) {
        break;
      }
      k++;
      if (k < t.size() && t.get(k).isWord("not")) {
        k++;
      }
      if (k < t.size() && t.get(k).isWord("materialized")) {
        k++;
      }
      if (k >= t.size() || !t.get(k).isPunct('(')) {
        break;
      }
      int close = SqlTokens.matching(t, k);
      out.add(new Definition(j, k, close));
      if (close < 0 || close + 1 >= t.size() || !t.get(close + 1).isPunct(',')) {
        break;
      }
      j = close + 2;
    }
    return out;
  }

  /** A CTE being collected: its definition, the token range of its scope, its uses. */
  private record Def(
      SqlTokens.Tok name,
      int end,
      boolean closed,
      int scopeFrom,
      int scopeTo,
      List<Occurrence> uses) {}

  /** The CTEs of one statement; {@code end}: where an unclosed CTE ends. */
  private static List<Cte> statement(List<SqlTokens.Tok> t, int end) {
    List<Def> defs = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).isWord("with")) {
        int scopeTo = closingOfEnclosing(t, i);
        for (Definition d : definitions(t, i)) {
          defs.add(
              new Def(
                  t.get(d.name()),
                  d.close() < 0 ? end : t.get(d.close()).end(),
                  d.close() >= 0,
                  i,
                  scopeTo,
                  new ArrayList<>()));
        }
      }
    }
    if (defs.isEmpty()) {
      return List.of();
    }
    boolean[] used = usePositions(t);
    for (int i = 0; i < t.size(); i++) {
      if (!used[i]) {
        continue;
      }
      Def owner = null;
      for (Def d : defs) {
        if (d.name() != t.get(i)
            && i >= d.scopeFrom()
            && i < d.scopeTo()
            && same(d.name(), t.get(i))
            && (owner == null || d.scopeFrom() >= owner.scopeFrom())) {
          owner = d; // the innermost with wins
        }
      }
      if (owner != null) {
        owner.uses().add(new Occurrence(t.get(i).nameStart(), t.get(i).nameEnd()));
      }
    }
    List<Cte> out = new ArrayList<>();
    for (Def d : defs) {
      out.add(new Cte(d.name(), d.end(), d.closed(), List.copyOf(d.uses())));
    }
    return out;
  }

  private static int trimmedEnd(String text) {
    int e = text.length();
    while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    return e;
  }

  /** The index of the parenthesis that closes the one {@code at} sits in, or the end. */
  private static int closingOfEnclosing(List<SqlTokens.Tok> t, int at) {
    int depth = 0;
    for (int i = at; i < t.size(); i++) {
      if (t.get(i).isPunct('(')) {
        depth++;
      } else if (t.get(i).isPunct(')') && --depth < 0) {
        return i;
      }
    }
    return t.size();
  }

  /** Words that end a from clause. */
  private static final Set<String> CLAUSE_ENDS =
      Set.of(
          "where",
          "group",
          "order",
          "having",
          "qualify",
          "limit",
          "offset",
          "window",
          "union",
          "intersect",
          "except",
          "minus",
          "select",
          "on",
          "using",
          "set",
          "values",
          "returning",
          "fetch",
          "with");

  /**
   * Which tokens stand where a CTE can be used: a relation after {@code from}, {@code join} or a
   * comma of a from clause, and a qualifier before a dot that is not itself qualified.
   */
  private static boolean[] usePositions(List<SqlTokens.Tok> t) {
    boolean[] out = new boolean[t.size()];
    Deque<Boolean> outer = new ArrayDeque<>();
    boolean inFrom = false;
    for (int i = 0; i < t.size(); i++) {
      SqlTokens.Tok tok = t.get(i);
      boolean afterDot = i > 0 && t.get(i - 1).isPunct('.');
      if (tok.isName() && !afterDot && i + 1 < t.size() && t.get(i + 1).isPunct('.')) {
        out[i] = true;
      }
      if (tok.isPunct('(')) {
        outer.push(inFrom);
        inFrom = false;
      } else if (tok.isPunct(')')) {
        inFrom = !outer.isEmpty() && outer.pop();
      } else if (tok.isWord("from") || tok.isWord("join")) {
        inFrom = true;
        relation(t, i + 1, out);
      } else if (tok.isPunct(',') && inFrom) {
        relation(t, i + 1, out);
      } else if (tok.kind() == SqlTokens.Kind.WORD
          && CLAUSE_ENDS.contains(tok.text().toLowerCase(Locale.ROOT))) {
        inFrom = false;
      }
    }
    return out;
  }

  private static void relation(List<SqlTokens.Tok> t, int i, boolean[] out) {
    if (i < t.size() && t.get(i).isName() && (i + 1 >= t.size() || !t.get(i + 1).isPunct('('))) {
      out[i] = true;
    }
  }

  private static boolean same(SqlTokens.Tok def, SqlTokens.Tok use) {
    if (def.kind() == SqlTokens.Kind.QUOTED || use.kind() == SqlTokens.Kind.QUOTED) {
      return def.text().equals(use.text());
    }
    return def.text().equalsIgnoreCase(use.text());
  }
}
