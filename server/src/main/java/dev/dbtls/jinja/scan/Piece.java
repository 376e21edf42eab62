package dev.dbtls.jinja.scan;

import java.util.List;

/**
 * One top-level piece of a template.
 *
 * <p>{@code [start, end)} covers the whole piece including delimiters; {@code [innerStart,
 * innerEnd)} is the part between the delimiters (and trim markers), or the text itself for TEXT, or
 * the raw content for RAW. {@code trimLeft}/{@code trimRight} are the {@code -} whitespace controls
 * ({@code {%-}, {@code -%}}). {@code closed} is false when the closing delimiter is missing. {@code
 * tag} is the statement's tag name ({@code if}, {@code endfor}, ...), {@code "raw"} for RAW, or
 * empty. {@code depth} counts the blocks the piece is inside (a block's own opening, middle and end
 * tags sit at the block's depth, not inside it); {@code parentBlock} is the index into {@link
 * ScannedTemplate#blocks()} of the innermost enclosing block, or -1.
 */
public record Piece(
    int index,
    PieceKind kind,
    int start,
    int end,
    int innerStart,
    int innerEnd,
    boolean trimLeft,
    boolean trimRight,
    boolean closed,
    String tag,
    List<Token> tokens,
    int depth,
    int parentBlock) {

  public TextRange range() {
    return new TextRange(start, end);
  }

  public TextRange innerRange() {
    return new TextRange(innerStart, innerEnd);
  }

  public boolean isTag(String name) {
    return kind == PieceKind.STATEMENT && tag.equals(name);
  }

  Piece withStructure(int newDepth, int newParent) {
    return new Piece(
        index,
        kind,
        start,
        end,
        innerStart,
        innerEnd,
        trimLeft,
        trimRight,
        closed,
        tag,
        tokens,
        newDepth,
        newParent);
  }
}
