package dev.dbtls.ide;

import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.Piece;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.jinja.scan.Token;
import dev.dbtls.project.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Semantic highlighting of the Jinja in SQL and Markdown files (the SQL itself is left to the
 * editor's grammar): delimiters, tags and keywords, dbt's functions and objects, macro calls and
 * definitions, names, keyword arguments, strings, numbers, operators and comments. Tokens never
 * overlap and never span lines (a multi-line comment or string gives one token per line).
 */
public final class SemanticTokens {
  private SemanticTokens() {}

  /** The legend's token types, in LSP's standard names; a token's type is an index here. */
  public static final List<String> TYPES =
      List.of(
          "keyword",
          "function",
          "variable",
          "string",
          "number",
          "comment",
          "operator",
          "parameter",
          "property",
          "macro");

  public static final int KEYWORD = 0;
  public static final int FUNCTION = 1;
  public static final int VARIABLE = 2;
  public static final int STRING = 3;
  public static final int NUMBER = 4;
  public static final int COMMENT = 5;
  public static final int OPERATOR = 6;
  public static final int PARAMETER = 7;
  public static final int PROPERTY = 8;

  /** {@code {{ }} {% %}} and their trim forms. */
  public static final int DELIMITER = 9;

  /** The legend's modifiers; a token's modifiers are a bit set, bit i for entry i. */
  public static final List<String> MODIFIERS = List.of("declaration", "defaultLibrary");

  public static final int DECLARATION = 1;
  public static final int DEFAULT_LIBRARY = 2;

  /** Jinja's word operators and literals. */
  static final Set<String> JINJA_KEYWORDS =
      Set.of(
          "in",
          "not",
          "and",
          "or",
          "is",
          "if",
          "else",
          "elif",
          "recursive",
          "as",
          "import",
          "from",
          "with",
          "without",
          "context",
          "ignore",
          "missing",
          "true",
          "false",
          "none",
          "True",
          "False",
          "None");

  /**
   * LSP's wire form of tokens in document order: five integers each, line and start relative to the
   * previous token (start relative only on the same line), length, type, modifiers.
   */
  public static List<Integer> encode(List<SemanticToken> tokens) {
    List<Integer> out = new ArrayList<>(tokens.size() * 5);
    int line = 0;
    int start = 0;
    for (SemanticToken t : tokens) {
      out.add(t.line() - line);
      out.add(t.line() == line ? t.startChar() - start : t.startChar());
      out.add(t.length());
      out.add(t.type());
      out.add(t.modifiers());
      line = t.line();
      start = t.startChar();
    }
    return out;
  }

  static List<SemanticToken> find(String displayPath, String text) {
    if (text == null
        || displayPath == null
        || !(dev.dbtls.project.JinjaFileExtensions.isSql(displayPath)
            || dev.dbtls.project.JinjaFileExtensions.isMarkdown(displayPath))) {
      return List.of();
    }
    return new Emitter(text).all(JinjaScanner.scan(text));
  }

  private static final class Emitter {
    private final String text;
    private final LineIndex lines;
    private final List<SemanticToken> out = new ArrayList<>();

    Emitter(String text) {
      this.text = text;
      this.lines = new LineIndex(text);
    }

    List<SemanticToken> all(ScannedTemplate t) {
      for (Piece p : t.pieces()) {
        switch (p.kind()) {
          case COMMENT -> emit(p.start(), p.end(), COMMENT, 0);
          case EXPRESSION, STATEMENT -> tag(p);
          default -> {}
        }
      }
      return out;
    }

    private void tag(Piece p) {
      emit(p.start(), p.innerStart(), DELIMITER, 0);
      List<Token> k = p.tokens();
      boolean statement = p.kind() == dev.dbtls.jinja.scan.PieceKind.STATEMENT;
      boolean definition =
          statement
              && (p.tag().equals("macro")
                  || p.tag().equals("test")
                  || p.tag().equals("data_test")
                  || p.tag().equals("materialization"));
      boolean declares = statement && (p.tag().equals("set") || p.tag().equals("for"));
      boolean beforeAssignment = declares;
      int depth = 0;
      for (int i = 0; i < k.size(); i++) {
        Token x = k.get(i);
        switch (x.kind()) {
          case STRING -> emit(x.start(), x.end(), STRING, 0);
          case NUMBER -> emit(x.start(), x.end(), NUMBER, 0);
          case OPERATOR -> {
            if (x.value().equals("=") || x.value().equals("|")) {
              beforeAssignment = false;
            }
            emit(x.start(), x.end(), OPERATOR, 0);
          }
          case PUNCT -> {
            if (x.isPunct("(") || x.isPunct("[") || x.isPunct("{")) {
              depth++;
            } else if (x.isPunct(")") || x.isPunct("]") || x.isPunct("}")) {
              depth = Math.max(0, depth - 1);
            }
          }
          case NAME -> {
            if (x.isName("in") && p.tag().equals("for")) {
              beforeAssignment = false;
            }
            int[] tm = name(k, i, statement, definition, depth, beforeAssignment);
            emit(x.start(), x.end(), tm[0], tm[1]);
          }
          default -> {}
        }
      }
      if (p.closed()) {
        emit(p.innerEnd(), p.end(), DELIMITER, 0);
      }
    }

    /** The type and modifiers of the name at {@code i}. */
    private static int[] name(
        List<Token> k,
        int i,
        boolean statement,
        boolean definition,
        int depth,
        boolean beforeAssignment) {
      Token x = k.get(i);
      Token prev = i > 0 ? k.get(i - 1) : null;
      Token next = i + 1 < k.size() ? k.get(i + 1) : null;
      boolean called = next != null && next.isPunct("(");
      if (statement && i == 0) {
        return new int[] {KEYWORD, 0};
      }
      if (definition && i == 1) {
        return new int[] {FUNCTION, DECLARATION};
      }
      if (definition && depth == 1 && prev != null && (prev.isPunct("(") || prev.isPunct(","))) {
        return new int[] {PARAMETER, DECLARATION};
      }
      if (prev != null && prev.isPunct(".")) {
        return new int[] {called ? FUNCTION : PROPERTY, 0};
      }
      if (JINJA_KEYWORDS.contains(x.value()) && !called) {
        return new int[] {KEYWORD, 0};
      }
      if (next != null
          && next.isOperator("=")
          && prev != null
          && (depth > 0 || definition)
          && (prev.isPunct("(") || prev.isPunct(","))) {
        return new int[] {PARAMETER, 0};
      }
      if (prev != null && (prev.isOperator("|") || prev.isName("is"))) {
        return new int[] {FUNCTION, DEFAULT_LIBRARY};
      }
      if (called) {
        return new int[] {FUNCTION, DbtBuiltins.isContextName(x.value()) ? DEFAULT_LIBRARY : 0};
      }
      if (beforeAssignment) {
        return new int[] {VARIABLE, DECLARATION};
      }
      return new int[] {VARIABLE, DbtBuiltins.isContextName(x.value()) ? DEFAULT_LIBRARY : 0};
    }

    /** One token per line of {@code [from, to)}, without line breaks. */
    private void emit(int from, int to, int type, int modifiers) {
      int s = from;
      while (s < to) {
        int nl = text.indexOf('\n', s);
        int e = nl < 0 || nl >= to ? to : nl;
        int visibleEnd = e > s && text.charAt(e - 1) == '\r' ? e - 1 : e;
        if (visibleEnd > s) {
          out.add(
              new SemanticToken(lines.line(s), lines.column(s), visibleEnd - s, type, modifiers));
        }
        s = e + 1;
      }
    }
  }
}
