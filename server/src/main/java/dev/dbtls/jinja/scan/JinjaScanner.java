package dev.dbtls.jinja.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The tolerant Jinja scanner: cuts a template into pieces, tokenizes expressions and statements,
 * matches block tags and collects syntax errors. One pass, linear in the text, no regular
 * expressions; never throws, whatever the input (half-typed tags, unterminated strings, a lone
 * {@code {{} at the end).
 */
public final class JinjaScanner {

  /** Tags that open a block closed by {@code end<tag>} ({@code set} only without {@code =}). */
  static final Set<String> BLOCK_TAGS =
      Set.of(
          "if",
          "for",
          "macro",
          "call",
          "filter",
          "set",
          "with",
          "block",
          "autoescape",
          "trans",
          "materialization",
          "test",
          "data_test",
          "docs",
          "snapshot");

  private final String text;
  private final int n;
  private final List<Piece> pieces = new ArrayList<>();
  private final List<ScanError> errors = new ArrayList<>();

  private JinjaScanner(String text) {
    this.text = text == null ? "" : text;
    this.n = this.text.length();
  }

  public static ScannedTemplate scan(String text) {
    JinjaScanner s = new JinjaScanner(text);
    s.cut();
    List<Block> blocks = s.matchBlocks();
    s.errors.sort(
        (a, b) ->
            a.start() != b.start()
                ? Integer.compare(a.start(), b.start())
                : Integer.compare(a.end(), b.end()));
    return new ScannedTemplate(s.text, s.pieces, blocks, s.errors);
  }

  // ---------------------------------------------------------------- cutting into pieces

  private void cut() {
    int pos = 0;
    int textStart = 0;
    while (pos < n) {
      int i = text.indexOf('{', pos);
      if (i < 0 || i + 1 >= n) {
        break;
      }
      char c = text.charAt(i + 1);
      if (c != '{' && c != '%' && c != '#') {
        pos = i + 1;
        continue;
      }
      addText(textStart, i);
      int end =
          c == '#' ? comment(i) : tag(i, c == '{' ? PieceKind.EXPRESSION : PieceKind.STATEMENT);
      pos = end;
      textStart = end;
    }
    addText(textStart, n);
  }

  private void addText(int from, int to) {
    if (to > from) {
      pieces.add(
          new Piece(
              pieces.size(),
              PieceKind.TEXT,
              from,
              to,
              from,
              to,
              false,
              false,
              true,
              "",
              List.of(),
              0,
              -1));
    }
  }

  private int comment(int i) {
    int p = i + 2;
    boolean trimLeft = p < n && text.charAt(p) == '-';
    if (p < n && (text.charAt(p) == '-' || text.charAt(p) == '+')) {
      p++;
    }
    int close = text.indexOf("#}", p);
    if (close < 0) {
      if (p < n) { // Jinja itself accepts a bare `{#` or `{#-` at the very end
        errors.add(new ScanError(i, i + 2, "unclosed comment: `{#` without `#}`"));
      }
      pieces.add(
          new Piece(
              pieces.size(),
              PieceKind.COMMENT,
              i,
              n,
              p,
              n,
              trimLeft,
              false,
              false,
              "",
              List.of(),
              0,
              -1));
      return n;
    }
    boolean trimRight = close - 1 >= p && text.charAt(close - 1) == '-';
    int innerEnd = trimRight ? close - 1 : close;
    pieces.add(
        new Piece(
            pieces.size(),
            PieceKind.COMMENT,
            i,
            close + 2,
            p,
            innerEnd,
            trimLeft,
            trimRight,
            true,
            "",
            List.of(),
            0,
            -1));
    return close + 2;
  }

  /** Scans {@code {{ ... }}} or {@code {% ... %}} starting at {@code i}; returns its end. */
  private int tag(int i, PieceKind kind) {
    char closeChar = kind == PieceKind.EXPRESSION ? '}' : '%';
    String opener = kind == PieceKind.EXPRESSION ? "{{" : "{%";
    int p = i + 2;
    boolean trimLeft = p < n && text.charAt(p) == '-';
    if (p < n && (text.charAt(p) == '-' || text.charAt(p) == '+')) {
      p++;
    }
    int innerStart = p;
    List<Token> tokens = new ArrayList<>();
    Deque<Token> brackets = new ArrayDeque<>();
    int[] opened = new int[3]; // how many ( [ { are on the stack
    int braces = 0; // '{' on the bracket stack
    int innerEnd;
    int end;
    boolean trimRight = false;
    boolean closed = false;
    while (true) {
      while (p < n && isSpace(text.charAt(p))) {
        p++;
      }
      if (p >= n) {
        innerEnd = end = n;
        break;
      }
      char c = text.charAt(p);
      // Like Jinja, no closing delimiter while a '{' is open: "}}" then closes braces. Open
      // '(' or '[' do not hold the delimiter back; a valid tag cannot end with them open anyway.
      if (braces == 0) {
        if ((c == '-' || c == '+')
            && p + 2 < n
            && text.charAt(p + 1) == closeChar
            && text.charAt(p + 2) == '}') {
          trimRight = c == '-';
          innerEnd = p;
          end = p + 3;
          closed = true;
          break;
        }
        if (c == closeChar && p + 1 < n && text.charAt(p + 1) == '}') {
          innerEnd = p;
          end = p + 2;
          closed = true;
          break;
        }
      }
      if (c == '{' && p + 1 < n && "{%#".indexOf(text.charAt(p + 1)) >= 0) {
        // A new tag opens inside this one: never valid Jinja, so this one was left unclosed.
        innerEnd = end = p;
        break;
      }
      Token t = token(p, closeChar);
      tokens.add(t);
      p = t.end();
      if (t.kind() == TokenKind.PUNCT && t.value().length() == 1) {
        char b = t.value().charAt(0);
        if (b == '(' || b == '[' || b == '{') {
          brackets.push(t);
          opened[kindOf(b)]++;
        } else if (b == ')' || b == ']' || b == '}') {
          closeBracket(brackets, opened, t, b);
        }
        braces = opened[2];
      }
    }
    if (!closed) {
      errors.add(
          new ScanError(i, i + 2, "unclosed `" + opener + "`: missing `" + closeChar + "}`"));
    }
    // In a tag that is itself unclosed, open brackets are just the rest of the half-typed tag.
    for (Token open : closed ? brackets : List.<Token>of()) {
      errors.add(new ScanError(open.start(), open.end(), "unclosed `" + open.value() + "`"));
    }
    String tagName = "";
    if (kind == PieceKind.STATEMENT) {
      if (!tokens.isEmpty() && tokens.get(0).kind() == TokenKind.NAME) {
        tagName = tokens.get(0).value();
      } else if (closed) {
        errors.add(new ScanError(i, end, "tag name expected after `{%`"));
      }
    }
    if (kind == PieceKind.STATEMENT && closed && tagName.equals("raw")) {
      return raw(i, end, trimLeft);
    }
    pieces.add(
        new Piece(
            pieces.size(),
            kind,
            i,
            end,
            innerStart,
            innerEnd,
            trimLeft,
            trimRight,
            closed,
            tagName,
            List.copyOf(tokens),
            0,
            -1));
    return end;
  }

  private static int kindOf(char bracket) {
    return bracket == '(' || bracket == ')' ? 0 : bracket == '[' || bracket == ']' ? 1 : 2;
  }

  /** Pops down to the matching opener, reporting what does not match. */
  private void closeBracket(Deque<Token> brackets, int[] open, Token t, char b) {
    if (open[kindOf(b)] == 0) {
      errors.add(new ScanError(t.start(), t.end(), "unmatched `" + b + "`"));
      return;
    }
    while (true) {
      Token o = brackets.pop();
      char oc = o.value().charAt(0);
      open[kindOf(oc)]--;
      if (kindOf(oc) == kindOf(b)) {
        return;
      }
      errors.add(new ScanError(o.start(), o.end(), "unclosed `" + oc + "` before `" + b + "`"));
    }
  }

  /** {@code {% raw %}} at [i, openEnd): the raw content runs to the next {@code endraw} tag. */
  private int raw(int i, int openEnd, boolean trimLeft) {
    int q = openEnd;
    while (true) {
      int s = text.indexOf("{%", q);
      if (s < 0) {
        break;
      }
      int p = s + 2;
      if (p < n && (text.charAt(p) == '-' || text.charAt(p) == '+')) {
        p++;
      }
      while (p < n && isSpace(text.charAt(p))) {
        p++;
      }
      if (text.startsWith("endraw", p)) {
        p += 6;
        while (p < n && isSpace(text.charAt(p))) {
          p++;
        }
        boolean trimRight = false;
        if (p < n && (text.charAt(p) == '-' || text.charAt(p) == '+')) {
          trimRight = text.charAt(p) == '-';
          p++;
        }
        if (text.startsWith("%}", p)) {
          pieces.add(
              new Piece(
                  pieces.size(),
                  PieceKind.RAW,
                  i,
                  p + 2,
                  openEnd,
                  s,
                  trimLeft,
                  trimRight,
                  true,
                  "raw",
                  List.of(),
                  0,
                  -1));
          return p + 2;
        }
      }
      q = s + 2;
    }
    errors.add(new ScanError(i, openEnd, "missing `{% endraw %}` for this `{% raw %}`"));
    pieces.add(
        new Piece(
            pieces.size(),
            PieceKind.RAW,
            i,
            n,
            openEnd,
            n,
            trimLeft,
            false,
            false,
            "raw",
            List.of(),
            0,
            -1));
    return n;
  }

  /** Whitespace as Jinja2's lexer sees it (Python's {@code \\s}): also U+00A0 and other spaces. */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  // ---------------------------------------------------------------- tokens

  private Token token(int p, char closeChar) {
    char c = text.charAt(p);
    if (c == '\'' || c == '"') {
      return string(p, closeChar);
    }
    if (Character.isLetter(c) || c == '_') {
      int q = p + 1;
      while (q < n && (Character.isLetterOrDigit(text.charAt(q)) || text.charAt(q) == '_')) {
        q++;
      }
      return new Token(TokenKind.NAME, p, q, text.substring(p, q), true);
    }
    if (c >= '0' && c <= '9') {
      return number(p);
    }
    if (p + 1 < n) {
      String two = text.substring(p, p + 2);
      switch (two) {
        case "**", "//", "==", "!=", ">=", "<=":
          return new Token(TokenKind.OPERATOR, p, p + 2, two, true);
        default:
          break;
      }
    }
    if ("+-*/%~<>=|".indexOf(c) >= 0) {
      return new Token(TokenKind.OPERATOR, p, p + 1, String.valueOf(c), true);
    }
    if ("()[]{},.:;".indexOf(c) >= 0) {
      return new Token(TokenKind.PUNCT, p, p + 1, String.valueOf(c), true);
    }
    int q = p + Character.charCount(text.codePointAt(p));
    errors.add(new ScanError(p, q, "unexpected character `" + text.substring(p, q) + "`"));
    return new Token(TokenKind.ERROR, p, q, text.substring(p, q), true);
  }

  private Token number(int p) {
    int q = p;
    while (q < n && (isDigit(text.charAt(q)) || text.charAt(q) == '_')) {
      q++;
    }
    if (q + 1 < n && text.charAt(q) == '.' && isDigit(text.charAt(q + 1))) {
      q++;
      while (q < n && (isDigit(text.charAt(q)) || text.charAt(q) == '_')) {
        q++;
      }
    }
    if (q < n && (text.charAt(q) == 'e' || text.charAt(q) == 'E')) {
      int r = q + 1;
      if (r < n && (text.charAt(r) == '+' || text.charAt(r) == '-')) {
        r++;
      }
      if (r < n && isDigit(text.charAt(r))) {
        q = r;
        while (q < n && isDigit(text.charAt(q))) {
          q++;
        }
      }
    }
    return new Token(TokenKind.NUMBER, p, q, text.substring(p, q), true);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * A quoted string. Jinja strings may span lines; but a string that crosses a line end while its
   * first line already holds this tag's closing delimiter is taken as a half-typed, unterminated
   * string ending at that delimiter, so the rest of the file is not swallowed.
   */
  private Token string(int p, char closeChar) {
    char quote = text.charAt(p);
    int q = p + 1;
    int firstNewline = -1;
    int closeQuote = -1;
    while (q < n) {
      char c = text.charAt(q);
      if (c == '\\') {
        q += 2;
        continue;
      }
      if (c == quote) {
        closeQuote = q;
        break;
      }
      if (c == '\n' && firstNewline < 0) {
        firstNewline = q;
      }
      q++;
    }
    if (closeQuote >= 0 && firstNewline < 0) {
      return new Token(TokenKind.STRING, p, closeQuote + 1, unescape(p + 1, closeQuote), true);
    }
    int lineEnd = firstNewline >= 0 ? firstNewline : n;
    int delim = findDelimiter(p + 1, lineEnd, closeChar);
    if (closeQuote >= 0 && delim < 0) {
      return new Token(TokenKind.STRING, p, closeQuote + 1, unescape(p + 1, closeQuote), true);
    }
    int end = delim >= 0 ? delim : lineEnd;
    // Do not let the string eat the trailing whitespace before a delimiter.
    while (end > p + 1 && delim >= 0 && isSpace(text.charAt(end - 1))) {
      end--;
    }
    errors.add(new ScanError(p, end, "unterminated string"));
    return new Token(TokenKind.STRING, p, end, unescape(p + 1, end), false);
  }

  /**
   * Offset of this tag's closing delimiter ({@code }}} or {@code %}}, with its trim sign) in [from,
   * to).
   */
  private int findDelimiter(int from, int to, char closeChar) {
    for (int k = from; k + 1 < to + 1 && k + 1 < n; k++) {
      if (text.charAt(k) == closeChar && text.charAt(k + 1) == '}') {
        return k > from && (text.charAt(k - 1) == '-' || text.charAt(k - 1) == '+') ? k - 1 : k;
      }
    }
    return -1;
  }

  /** Only within the string: searching to the end of the text made a scan quadratic in size. */
  private boolean hasBackslash(int from, int to) {
    for (int k = from; k < to; k++) {
      if (text.charAt(k) == '\\') {
        return true;
      }
    }
    return false;
  }

  private String unescape(int from, int to) {
    if (!hasBackslash(from, to)) {
      return text.substring(from, to);
    }
    StringBuilder sb = new StringBuilder(to - from);
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c != '\\' || k + 1 >= to) {
        sb.append(c);
        continue;
      }
      char e = text.charAt(++k);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case '0' -> sb.append('\0');
        case '\\', '\'', '"' -> sb.append(e);
        case '\n' -> {} // a backslash-newline continues the line
        case 'x', 'u', 'U' -> {
          int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          int cp = hex(k + 1, Math.min(to, k + 1 + len), len);
          if (cp >= 0 && Character.isValidCodePoint(cp)) {
            sb.appendCodePoint(cp);
            k += len;
          } else {
            sb.append('\\').append(e);
          }
        }
        default -> sb.append('\\').append(e);
      }
    }
    return sb.toString();
  }

  private int hex(int from, int to, int len) {
    if (to - from != len) {
      return -1;
    }
    int v = 0;
    for (int k = from; k < to; k++) {
      int d = Character.digit(text.charAt(k), 16);
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }

  // ---------------------------------------------------------------- blocks

  private static final class OpenBlock {
    final int index;
    final String tag;
    final int open;
    final List<Integer> branches = new ArrayList<>();
    final int parent;
    final int depth;
    boolean sawElse;

    OpenBlock(int index, String tag, int open, int parent, int depth) {
      this.index = index;
      this.tag = tag;
      this.open = open;
      this.parent = parent;
      this.depth = depth;
    }
  }

  private List<Block> matchBlocks() {
    List<Block> blocks = new ArrayList<>();
    List<OpenBlock> all = new ArrayList<>();
    Deque<OpenBlock> stack = new ArrayDeque<>();
    java.util.Map<String, Integer> openCount = new java.util.HashMap<>();
    List<Integer> endOf = new ArrayList<>();
    for (int k = 0; k < pieces.size(); k++) {
      Piece piece = pieces.get(k);
      OpenBlock top = stack.peek();
      int depth = stack.size();
      int parent = top == null ? -1 : top.index;
      if (piece.kind() != PieceKind.STATEMENT || !piece.closed()) {
        pieces.set(k, piece.withStructure(depth, parent));
        continue;
      }
      String tag = piece.tag();
      if (BLOCK_TAGS.contains(tag) && (!tag.equals("set") || isBlockSet(piece))) {
        OpenBlock b = new OpenBlock(all.size(), tag, k, parent, depth);
        all.add(b);
        endOf.add(-1);
        stack.push(b);
        openCount.merge(tag, 1, Integer::sum);
        pieces.set(k, piece.withStructure(depth, parent));
      } else if (tag.equals("else") || tag.equals("elif") || tag.equals("pluralize")) {
        boolean fits =
            top != null
                && switch (tag) {
                  case "elif" -> top.tag.equals("if") && !top.sawElse;
                  case "else" -> (top.tag.equals("if") || top.tag.equals("for")) && !top.sawElse;
                  default -> top.tag.equals("trans");
                };
        if (fits) {
          top.branches.add(k);
          top.sawElse |= tag.equals("else");
          pieces.set(k, piece.withStructure(depth - 1, top.parent));
        } else {
          String where = top == null ? "outside any block" : "inside `{% " + top.tag + " %}`";
          errors.add(
              new ScanError(
                  piece.start(),
                  piece.end(),
                  "`{% "
                      + tag
                      + " %}` "
                      + (top != null && top.sawElse ? "after `{% else %}`" : where)));
          pieces.set(k, piece.withStructure(depth, parent));
        }
      } else if (tag.startsWith("end")) {
        String name = tag.substring(3);
        if (!BLOCK_TAGS.contains(name) && !name.equals("raw")) {
          errors.add(new ScanError(piece.start(), piece.end(), "unknown end tag `" + tag + "`"));
          pieces.set(k, piece.withStructure(depth, parent));
          continue;
        }
        OpenBlock match = null;
        if (openCount.getOrDefault(name, 0) > 0) {
          for (OpenBlock b : stack) {
            if (b.tag.equals(name)) {
              match = b;
              break;
            }
          }
        }
        if (match == null) {
          String msg =
              top == null
                  ? "`{% " + tag + " %}` without an open `{% " + name + " %}`"
                  : "mismatched end tag `" + tag + "`: expected `end" + top.tag + "`";
          errors.add(new ScanError(piece.start(), piece.end(), msg));
          pieces.set(k, piece.withStructure(depth, parent));
          continue;
        }
        while (stack.peek() != match) {
          OpenBlock unclosed = stack.pop();
          openCount.merge(unclosed.tag, -1, Integer::sum);
          Piece open = pieces.get(unclosed.open);
          errors.add(
              new ScanError(
                  open.start(),
                  open.end(),
                  "missing `{% end" + unclosed.tag + " %}` for this `{% " + unclosed.tag + " %}`"));
        }
        stack.pop();
        openCount.merge(name, -1, Integer::sum);
        endOf.set(match.index, k);
        pieces.set(k, piece.withStructure(match.depth, match.parent));
      } else {
        pieces.set(k, piece.withStructure(depth, parent));
      }
    }
    while (!stack.isEmpty()) {
      OpenBlock unclosed = stack.pop();
      Piece open = pieces.get(unclosed.open);
      errors.add(
          new ScanError(
              open.start(),
              open.end(),
              "missing `{% end" + unclosed.tag + " %}` for this `{% " + unclosed.tag + " %}`"));
    }
    for (OpenBlock b : all) {
      blocks.add(
          new Block(
              b.index,
              b.tag,
              b.open,
              List.copyOf(b.branches),
              endOf.get(b.index),
              b.parent,
              b.depth));
    }
    return blocks;
  }

  /** {@code {% set x %}...{% endset %}} has no {@code =} at the top bracket level. */
  private static boolean isBlockSet(Piece piece) {
    int level = 0;
    for (Token t : piece.tokens()) {
      if (t.kind() == TokenKind.PUNCT) {
        String v = t.value();
        if (v.equals("(") || v.equals("[") || v.equals("{")) {
          level++;
        } else if (v.equals(")") || v.equals("]") || v.equals("}")) {
          level--;
        }
      } else if (level == 0 && t.isOperator("=")) {
        return false;
      }
    }
    return true;
  }
}
