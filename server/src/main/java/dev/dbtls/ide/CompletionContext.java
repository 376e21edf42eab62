package dev.dbtls.ide;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.jinja.scan.Piece;
import dev.dbtls.jinja.scan.PieceKind;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.jinja.scan.Token;
import dev.dbtls.jinja.scan.TokenKind;
import java.util.List;

/**
 * What is at the cursor of one completion request, worked out once (rust-analyzer's {@code
 * CompletionContext}, lemminx's {@code AbstractPositionRequest}): the scanned buffer, the package
 * of the file, where the cursor is ({@link Place}), what is typed so far and the range it replaces,
 * and in Jinja the call whose argument list holds the cursor. Providers only read it.
 */
final class CompletionContext {
  /** Where the cursor is, as completion sees it. */
  enum Place {
    /**
     * SQL, Markdown or YAML text outside Jinja: {@link SqlCompletion} or {@link YamlCompletion}.
     */
    TEXT,
    /** Inside a string argument of a Jinja call: {@code ref('}, {@code var('}, ... */
    STRING_ARGUMENT,
    /** At a name in a Jinja expression or tag (or where one starts). */
    JINJA_NAME,
    /** On delimiters, in a comment, a number, after a value: nothing to offer. */
    NOTHING
  }

  final ProjectSnapshot snapshot;
  final Manifest manifest;
  final String displayPath;
  final String text;
  final int offset;

  /** The buffer's scan and static facts, each worked out at most once. */
  final TemplateScan scan;

  final ScannedTemplate template;
  final String packageName;

  /** The project's cache of the names its property files describe. */
  final DescribedNames described;

  final Place place;

  /** The Jinja piece the cursor is in, or null. */
  final Piece piece;

  /** The piece's tokens (empty outside Jinja). */
  final List<Token> tokens;

  /** Index of the token being typed (a name or string), or of the first token after the cursor. */
  final int at;

  /** The call whose argument list holds the cursor, or null. */
  final JinjaCall call;

  /** Where the text the chosen item replaces starts (it ends at the cursor). */
  final int replaceStart;

  /** Whether a {@code (} follows the name being typed: then no call snippet. */
  final boolean callFollows;

  CompletionContext(
      ProjectSnapshot snapshot,
      DescribedNames described,
      String displayPath,
      String text,
      int offset) {
    this(snapshot, Symbol.packageOf(snapshot, displayPath), described, displayPath, text, offset);
  }

  /**
   * Where the cursor is before the project's first load has ended: the text and the file's package
   * alone, no snapshot or manifest ({@link RefCompletionFromFiles}).
   */
  CompletionContext(String packageName, String displayPath, String text, int offset) {
    this(null, packageName, null, displayPath, text, offset);
  }

  private CompletionContext(
      ProjectSnapshot snapshot,
      String packageName,
      DescribedNames described,
      String displayPath,
      String text,
      int offset) {
    this.snapshot = snapshot;
    this.manifest = snapshot == null ? null : snapshot.manifest();
    this.described = described;
    this.displayPath = displayPath;
    this.text = text;
    this.offset = offset;
    this.scan = new TemplateScan(text);
    this.template = scan.template();
    this.packageName = packageName;
    Piece p = template.pieceAt(offset);
    if (p != null && offset == p.end() && p.closed() && p.kind() != PieceKind.TEXT) {
      p = null; // right after `}}`: SQL again
    }
    this.piece = p;
    this.tokens = p == null ? List.of() : p.tokens();
    Place where =
        p == null || p.kind() == PieceKind.TEXT
            ? Place.TEXT
            : p.kind() == PieceKind.EXPRESSION || p.kind() == PieceKind.STATEMENT
                ? Place.JINJA_NAME
                : Place.NOTHING; // comments and raw blocks
    if (where == Place.JINJA_NAME
        && (offset < p.innerStart() || (p.closed() && offset > p.innerEnd()))) {
      where = Place.NOTHING; // on the delimiters
    }
    int cur = -1; // the token the cursor is in (or right after, for a name or unclosed string)
    int next = tokens.size(); // first token after the cursor
    if (where == Place.JINJA_NAME) {
      for (int i = 0; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        if (t.start() >= offset) {
          next = i;
          break;
        }
        if (offset < t.end()
            || (offset == t.end()
                && (t.kind() == TokenKind.NAME || (t.kind() == TokenKind.STRING && !t.closed())))) {
          cur = i;
          next = i + 1;
          break;
        }
      }
    }
    Token token = cur >= 0 ? tokens.get(cur) : null;
    this.at = cur >= 0 ? cur : next;
    if (where == Place.JINJA_NAME && token != null && token.kind() == TokenKind.STRING) {
      where = offset == token.start() ? Place.NOTHING : Place.STRING_ARGUMENT;
    } else if (where == Place.JINJA_NAME && token != null && token.kind() != TokenKind.NAME) {
      where = Place.NOTHING; // inside a number or an operator
    } else if (where == Place.JINJA_NAME && token == null && at > 0) {
      Token prev = tokens.get(at - 1);
      if (prev.end() == offset
          && (prev.kind() == TokenKind.STRING
              || prev.kind() == TokenKind.NUMBER
              || prev.isPunct(")")
              || prev.isPunct("]"))) {
        where = Place.NOTHING; // right after a value: nothing to name here
      }
    }
    JinjaCall around =
        where == Place.STRING_ARGUMENT || where == Place.JINJA_NAME
            ? JinjaCall.around(tokens, at)
            : null;
    if (where == Place.STRING_ARGUMENT
        && (around == null || !(around.atArgStart || around.atValueStart))) {
      where = Place.NOTHING;
    }
    this.place = where;
    this.call = around;
    this.replaceStart =
        where == Place.STRING_ARGUMENT ? token.start() + 1 : token != null ? token.start() : offset;
    this.callFollows = followedByParen(token != null ? token.end() : offset);
  }

  /** A new collector for this request's prefix and replace range. */
  CompletionItems items() {
    return new CompletionItems(text.substring(replaceStart, offset), replaceStart, offset);
  }

  String rootProject() {
    return snapshot.inputs().root().name();
  }

  /** Whether the call around the cursor is the unqualified {@code name(...)}. */
  boolean inCallOf(String name) {
    return call != null && call.qualifier == null && call.name.equals(name);
  }

  /** The token just before the one being typed, or null. */
  Token before(int back) {
    return at - back >= 0 ? tokens.get(at - back) : null;
  }

  private boolean followedByParen(int from) {
    int i = from;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i < text.length() && text.charAt(i) == '(';
  }
}
