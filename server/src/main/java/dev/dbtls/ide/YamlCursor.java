package dev.dbtls.ide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the cursor is in a YAML file as typed, found from indentation alone: a YAML parser fails on
 * the half-typed line being completed, the indentation above it does not. {@code path} holds the
 * keys and list items that enclose the cursor line, from the top ({@code models}, {@code -}, {@code
 * columns}, {@code -}); then the cursor is on a key ({@link Position#KEY}, also for a bare list
 * item such as a test name after {@code - }) or in the value of {@code key} ({@link
 * Position#VALUE}). {@code prefix} is what is typed of the word, from {@code prefixStart}.
 */
final class YamlCursor {
  enum Position {
    KEY,
    VALUE,
    NONE
  }

  /**
   * A key ({@code name} is the key) or a list item ({@code name} is "-"), at 0-based line/column.
   */
  record Segment(String name, int line, int column) {
    boolean isItem() {
      return name.equals("-");
    }
  }

  /** One line cut into its structure: list dashes, then at most one key with its value text. */
  record Line(
      int indent, List<Integer> dashes, String key, int keyColumn, String value, boolean blank) {
    /** The column where the line's content starts after its dashes (a key or a scalar). */
    int contentColumn() {
      return keyColumn >= 0
          ? keyColumn
          : dashes.isEmpty() ? indent : dashes.get(dashes.size() - 1) + 2;
    }

    boolean blockScalar() {
      return value != null && (value.startsWith("|") || value.startsWith(">"));
    }
  }

  static final YamlCursor NONE =
      new YamlCursor(List.of(), Position.NONE, null, "", -1, false, '\0', new Lines(""));

  final List<Segment> path;
  final Position position;

  /** VALUE: the key whose value is typed. */
  final String key;

  final String prefix;
  final int prefixStart;

  /** KEY: the cursor line starts a list item ({@code - } before the cursor). */
  final boolean item;

  /** VALUE: the quote the value opened with, or 0. */
  final char quote;

  private final Lines lines;

  private YamlCursor(
      List<Segment> path,
      Position position,
      String key,
      String prefix,
      int prefixStart,
      boolean item,
      char quote,
      Lines lines) {
    this.path = path;
    this.position = position;
    this.key = key;
    this.prefix = prefix;
    this.prefixStart = prefixStart;
    this.item = item;
    this.quote = quote;
    this.lines = lines;
  }

  /** The path as names joined by '/', e.g. {@code models/-/columns/-}: what contexts match on. */
  String pathString() {
    StringBuilder sb = new StringBuilder();
    for (Segment s : path) {
      sb.append(sb.length() == 0 ? "" : "/").append(s.name());
    }
    return sb.toString();
  }

  /** The segment {@code fromEnd} places from the innermost (0 = innermost), or null. */
  Segment segment(int fromEnd) {
    int i = path.size() - 1 - fromEnd;
    return i >= 0 && i < path.size() ? path.get(i) : null;
  }

  static YamlCursor at(String text, int offset) {
    Lines lines = new Lines(text);
    int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    int cursorLine = lines.lineOf(offset);
    String before = text.substring(lineStart, offset);
    if (commentStart(before) >= 0) {
      return NONE;
    }
    int i = 0;
    while (i < before.length() && before.charAt(i) == ' ') {
      i++;
    }
    int indent = i;
    int lastDash = -1;
    while (i < before.length()
        && before.charAt(i) == '-'
        && (i + 1 == before.length() || before.charAt(i + 1) == ' ')) {
      lastDash = i;
      i++;
      while (i < before.length() && before.charAt(i) == ' ') {
        i++;
      }
    }
    if (lastDash >= 0 && i == lastDash + 1) {
      return NONE; // right after a dash, before its space
    }
    String rest = before.substring(i);
    int colon = keyColon(rest);
    List<Segment> path = new ArrayList<>();
    boolean ok =
        lastDash >= 0
            ? parents(lines, cursorLine, lastDash, true, path)
            : parents(
                lines,
                cursorLine,
                rest.isEmpty() && i == before.length() ? before.length() : indent,
                false,
                path);
    if (!ok) {
      return NONE;
    }
    if (lastDash >= 0) {
      path.add(new Segment("-", cursorLine, lastDash));
    }
    List<Segment> p = List.copyOf(path);
    if (colon < 0) {
      if (!rest.chars()
          .allMatch(
              c -> Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '+' || c == '-')) {
        return NONE;
      }
      return new YamlCursor(
          p, Position.KEY, null, rest, offset - rest.length(), lastDash >= 0, '\0', lines);
    }
    String key = unquote(rest.substring(0, colon).strip());
    int v = i + colon + 1;
    while (v < before.length() && before.charAt(v) == ' ') {
      v++;
    }
    if (v == i + colon + 1 && v < before.length()) {
      return NONE;
    }
    char quote = '\0';
    if (v < before.length() && (before.charAt(v) == '\'' || before.charAt(v) == '"')) {
      quote = before.charAt(v);
      v++;
    }
    String value = before.substring(v);
    if (quote != '\0' && value.indexOf(quote) >= 0) {
      return NONE; // after the closing quote
    }
    return new YamlCursor(
        p, Position.VALUE, key, value, lineStart + v, lastDash >= 0, quote, lines);
  }

  /**
   * Adds the segments enclosing a node at {@code column} of {@code line} (a list item when {@code
   * dash}), outermost first; false when the node is inside a block or multi-line scalar.
   */
  private static boolean parents(
      Lines lines, int line, int column, boolean dash, List<Segment> out) {
    int t = column;
    boolean isDash = dash;
    List<Segment> found = new ArrayList<>();
    for (int l = line - 1; l >= 0 && (t > 0 || isDash); l--) {
      int indent = lines.indent(l);
      if (indent > t || (indent == t && !isDash)) {
        continue; // deeper content or a sibling: cheap to skip without cutting the line
      }
      Line parsed = parse(lines.get(l));
      if (parsed.blank()) {
        continue;
      }
      Segment parent = null;
      boolean parentIsKey = false;
      if (parsed.keyColumn() >= 0
          && (parsed.keyColumn() < t || isDash && parsed.keyColumn() == t)) {
        parent = new Segment(parsed.key(), l, parsed.keyColumn());
        parentIsKey = true;
      } else {
        for (int d = parsed.dashes().size() - 1; d >= 0; d--) {
          if (parsed.dashes().get(d) < t) {
            parent = new Segment("-", l, parsed.dashes().get(d));
            break;
          }
        }
      }
      if (parent == null) {
        if (parsed.keyColumn() < 0 && parsed.contentColumn() < t && !isDash) {
          return false; // continues a plain scalar above
        }
        continue;
      }
      if (parentIsKey && !parsed.value().isEmpty()) {
        return false; // in a block scalar (`|`, `>`) or the continuation of a plain one
      }
      found.add(0, parent);
      t = parent.column();
      isDash = parent.isItem();
      if (parentIsKey && !parsed.dashes().isEmpty()) {
        // `- key:` opens a key inside a list item: the item encloses it too
        int d = parsed.dashes().get(parsed.dashes().size() - 1);
        found.add(0, new Segment("-", l, d));
        t = d;
        isDash = true;
      }
    }
    out.addAll(found);
    return true;
  }

  // ---------------------------------------------------------------- items and their keys

  /**
   * The keys of the mapping that the list item {@code item} holds, with their values as written
   * (empty for a block): {@code - name: x} and the lines below it at the same column.
   */
  Map<String, String> keysOf(Segment item) {
    Map<String, String> out = new LinkedHashMap<>();
    if (item == null || item.line() >= lines.size()) {
      return out;
    }
    Line first = parse(lines.get(item.line()));
    int keyCol = first.keyColumn() >= 0 ? first.keyColumn() : -1;
    if (first.keyColumn() >= 0
        && first.dashes().size() >= 1
        && first.dashes().get(first.dashes().size() - 1) == item.column()) {
      out.put(first.key(), unquote(first.value()));
    }
    for (int l = item.line() + 1; l < lines.size(); l++) {
      Line p = parse(lines.get(l));
      if (p.blank()) {
        continue;
      }
      if (p.indent() <= item.column()) {
        break;
      }
      if (keyCol < 0) {
        keyCol = p.indent();
      }
      if (p.indent() == keyCol && p.dashes().isEmpty() && p.keyColumn() == keyCol) {
        out.putIfAbsent(p.key(), unquote(p.value()));
      }
    }
    return out;
  }

  /**
   * The keys of the mapping under the key {@code key} (its block below it), or of the top-level
   * mapping when {@code key} is null.
   */
  java.util.Set<String> childKeys(Segment key) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    int col = key == null ? 0 : -1;
    for (int l = key == null ? 0 : key.line() + 1; l < lines.size(); l++) {
      Line p = parse(lines.get(l));
      if (p.blank()) {
        continue;
      }
      if (col < 0) {
        if (p.indent() <= key.column()) {
          break;
        }
        col = p.indent();
      }
      if (p.indent() < col) {
        break;
      }
      if (p.indent() == col && p.dashes().isEmpty() && p.keyColumn() == col) {
        out.add(p.key());
      }
    }
    return out;
  }

  /**
   * The {@code name} of each list item under {@code key} in one pass (a list of 10k models is one
   * file on some projects), but that of the item starting on line {@code skipLine}.
   */
  java.util.Set<String> itemNames(Segment key, int skipLine) {
    java.util.Set<String> out = new java.util.HashSet<>();
    int dashCol = -1;
    int keyCol = -1;
    boolean skip = false;
    for (int l = key.line() + 1; l < lines.size(); l++) {
      int indent = lines.indent(l);
      if (indent == Integer.MAX_VALUE
          || dashCol >= 0 && (indent > keyCol || indent > dashCol && !lines.contains(l, "name"))) {
        continue; // blank, deeper than the items' keys, or another key of an item
      }
      Line p = parse(lines.get(l));
      if (p.blank()) {
        continue;
      }
      if (dashCol < 0) {
        if (p.dashes().isEmpty() || p.dashes().get(0) < key.column()) {
          break;
        }
        dashCol = p.dashes().get(0);
        keyCol = p.contentColumn();
      }
      if (p.indent() < dashCol || p.indent() == dashCol && p.dashes().isEmpty()) {
        break;
      }
      if (p.indent() == dashCol) {
        skip = l == skipLine;
      }
      if (!skip && "name".equals(p.key()) && p.keyColumn() == keyCol) {
        out.add(unquote(p.value()));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- cutting lines

  static Line parse(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    int indent = i;
    int comment = commentStart(s);
    String body = comment >= 0 ? s.substring(0, comment) : s;
    if (body.isBlank() || body.strip().equals("---") || body.strip().equals("...")) {
      return new Line(indent, List.of(), null, -1, null, true);
    }
    List<Integer> dashes = new ArrayList<>(1);
    while (i < body.length()
        && body.charAt(i) == '-'
        && (i + 1 == body.length() || body.charAt(i + 1) == ' ')) {
      dashes.add(i);
      i++;
      while (i < body.length() && body.charAt(i) == ' ') {
        i++;
      }
    }
    String rest = body.substring(i);
    int colon = keyColon(rest);
    if (colon < 0) {
      return new Line(indent, dashes, null, -1, rest.strip(), false);
    }
    return new Line(
        indent,
        dashes,
        unquote(rest.substring(0, colon).strip()),
        i,
        rest.substring(colon + 1).strip(),
        false);
  }

  /** The colon ending a mapping key in {@code rest} (followed by a space or the end), or -1. */
  private static int keyColon(String rest) {
    if (rest.isEmpty() || rest.charAt(0) == '[' || rest.charAt(0) == '{') {
      return -1;
    }
    int i = 0;
    if (rest.charAt(0) == '\'' || rest.charAt(0) == '"') {
      int close = rest.indexOf(rest.charAt(0), 1);
      if (close < 0) {
        return -1;
      }
      i = close + 1;
    }
    for (; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == ':' && (i + 1 == rest.length() || rest.charAt(i + 1) == ' ')) {
        return i;
      }
      if (c == '\'' || c == '"' || c == '{' || c == '[') {
        return -1; // a quoted or flow scalar, not a key
      }
    }
    return -1;
  }

  /** Where a {@code #} comment starts (outside quotes, after a space or at the start), or -1. */
  private static int commentStart(String s) {
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && (i == 0 || s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
        return i;
      }
    }
    return -1;
  }

  /** The lines of a text, cut on demand: a request looks at few of a large file's lines. */
  static final class Lines {
    private final String text;
    private final int[] starts;
    private final int count;

    Lines(String text) {
      this.text = text;
      int[] st = new int[64];
      int c = 0;
      st[c++] = 0;
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (c == st.length) {
          st = java.util.Arrays.copyOf(st, c * 2);
        }
        st[c++] = i + 1;
      }
      this.starts = st;
      this.count = c;
    }

    int size() {
      return count;
    }

    String get(int line) {
      int end = line + 1 < count ? starts[line + 1] - 1 : text.length();
      if (end > starts[line] && text.charAt(end - 1) == '\r') {
        end--; // CRLF files
      }
      return text.substring(starts[line], end);
    }

    boolean contains(int line, String word) {
      int end = line + 1 < count ? starts[line + 1] - 1 : text.length();
      for (int i = starts[line]; i + word.length() <= end; i++) {
        if (text.startsWith(word, i)) {
          return true;
        }
      }
      return false;
    }

    /** The line holding {@code offset}. */
    int lineOf(int offset) {
      int i = java.util.Arrays.binarySearch(starts, 0, count, offset);
      return i >= 0 ? i : -i - 2;
    }

    /** Spaces before the line's content; a blank line has none (it is never a parent). */
    int indent(int line) {
      int end = line + 1 < count ? starts[line + 1] - 1 : text.length();
      int i = starts[line];
      while (i < end && text.charAt(i) == ' ') {
        i++;
      }
      return i == end ? Integer.MAX_VALUE : i - starts[line];
    }
  }

  static String unquote(String s) {
    if (s == null) {
      return null;
    }
    if (s.length() >= 2
        && (s.charAt(0) == '\'' || s.charAt(0) == '"')
        && s.charAt(s.length() - 1) == s.charAt(0)) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
