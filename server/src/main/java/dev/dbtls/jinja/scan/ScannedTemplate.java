package dev.dbtls.jinja.scan;

import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import java.util.ArrayList;
import java.util.List;

/**
 * A template cut into top-level pieces, with its blocks matched and its syntax errors. Immutable;
 * produced by {@link JinjaScanner#scan(String)}. The pieces cover the text without gaps or overlap,
 * in order.
 */
public final class ScannedTemplate {
  private final String text;
  private final List<Piece> pieces;
  private final List<Block> blocks;
  private final List<ScanError> errors;
  private final int[] blockOpenedBy; // piece index -> block index, or -1

  ScannedTemplate(String text, List<Piece> pieces, List<Block> blocks, List<ScanError> errors) {
    this.text = text;
    this.pieces = List.copyOf(pieces);
    this.blocks = List.copyOf(blocks);
    this.errors = List.copyOf(errors);
    this.blockOpenedBy = new int[pieces.size()];
    java.util.Arrays.fill(blockOpenedBy, -1);
    for (Block b : blocks) {
      blockOpenedBy[b.open()] = b.index();
    }
  }

  public String text() {
    return text;
  }

  public List<Piece> pieces() {
    return pieces;
  }

  public List<Block> blocks() {
    return blocks;
  }

  public List<ScanError> errors() {
    return errors;
  }

  /** The syntax errors as {@link ProblemCode#JINJA_SYNTAX} problems located in {@code path}. */
  public List<Problem> problems(String path) {
    if (errors.isEmpty()) {
      return List.of();
    }
    LineIndex lines = new LineIndex(text);
    List<Problem> out = new ArrayList<>(errors.size());
    for (ScanError e : errors) {
      out.add(
          Problem.at(path, lines.span(e.start(), e.end()), ProblemCode.JINJA_SYNTAX, e.message()));
    }
    return out;
  }

  /**
   * The piece containing {@code offset}; at a boundary, the piece that starts there. An offset at
   * the end of the text gives the last piece (where a cursor after the last character is).
   */
  public Piece pieceAt(int offset) {
    if (pieces.isEmpty()) {
      return null;
    }
    int lo = 0;
    int hi = pieces.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (pieces.get(mid).start() <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return pieces.get(lo);
  }

  /** The block whose opening tag is this piece, or null. */
  public Block blockOpenedBy(Piece piece) {
    int b = blockOpenedBy[piece.index()];
    return b < 0 ? null : blocks.get(b);
  }

  /**
   * The token of an expression or statement under the cursor: the one containing {@code offset} or
   * ending right at it (a cursor just after {@code ref}); null in text, comments and blanks.
   */
  public Token tokenAt(int offset) {
    Piece p = pieceAt(offset);
    if (p == null) {
      return null;
    }
    Token touching = null;
    for (Token t : p.tokens()) {
      if (t.start() <= offset && offset < t.end()) {
        return t;
      }
      if (t.end() == offset) {
        touching = t;
      }
    }
    if (touching == null && offset == p.start() && p.index() > 0) {
      List<Token> prev = pieces.get(p.index() - 1).tokens();
      if (!prev.isEmpty() && prev.get(prev.size() - 1).end() == offset) {
        touching = prev.get(prev.size() - 1);
      }
    }
    return touching;
  }

  /** The text between the end of the opening tag and the start of the end tag (or text end). */
  public TextRange body(Block block) {
    int from = pieces.get(block.open()).end();
    int to = block.end() >= 0 ? pieces.get(block.end()).start() : text.length();
    return new TextRange(from, Math.max(from, to));
  }

  /** Whether {@code piece} sits (at any depth) inside a block with the given tag. */
  public boolean isInside(Piece piece, String blockTag) {
    for (int b = piece.parentBlock(); b >= 0; b = blocks.get(b).parent()) {
      if (blocks.get(b).tag().equals(blockTag)) {
        return true;
      }
    }
    return false;
  }
}
