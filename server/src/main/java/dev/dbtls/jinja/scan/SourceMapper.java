package dev.dbtls.jinja.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps rendered output back to template pieces by instrumentation. {@link #instrument} inserts an
 * invisible marker (Unicode private-use characters) before each piece whose output goes straight to
 * the result — top-level pieces and pieces inside {@code if}/{@code for} bodies, never inside
 * {@code set}, {@code macro}, {@code call}, {@code filter} and other bodies where a marker would
 * leak into a value. The renderer renders the instrumented text as usual; {@link #recover} strips
 * the markers from its output and turns them into {@link SourceMap.Segment segments}.
 *
 * <p>Whitespace control keeps working: a marker for a tag that trims to its left ({@code {%-}) goes
 * before the whitespace it strips, and a text piece after a right-trimming tag ({@code -%}}) gets
 * its marker after the whitespace stripped from it. Where whitespace between two trimming tags
 * leaves no room, the marker is inserted as {@code {{- 'marker' }}}, which strips the same
 * whitespace. Assumes the default {@code trim_blocks=False, lstrip_blocks=False}.
 */
public final class SourceMapper {
  private static final char FIRST = '\uE000';

  /** Single-character markers cover pieces 0..6143; larger indexes use an escape and two chars. */
  private static final int DIRECT = 0xF800 - 0xE000;

  private static final char ESCAPE = '\uF800';

  private SourceMapper() {}

  /**
   * Where one marker goes: before template offset {@code at}; {@code textStart} for text pieces.
   */
  private record Placement(int at, int piece, boolean asExpression, int textStart) {}

  /** The template text with markers inserted; render this instead of the original. */
  public static String instrument(ScannedTemplate t) {
    String text = t.text();
    List<Placement> places = placements(t);
    StringBuilder sb = new StringBuilder(text.length() + places.size() * 3);
    int copied = 0;
    for (Placement p : places) {
      sb.append(text, copied, p.at());
      copied = p.at();
      if (p.asExpression()) {
        sb.append("{{- '").append(marker(p.piece())).append("' }}");
      } else {
        sb.append(marker(p.piece()));
      }
    }
    sb.append(text, copied, text.length());
    return sb.toString();
  }

  /** Strips the markers from output rendered from {@link #instrument}'s text and maps it back. */
  public static SourceMap recover(ScannedTemplate t, String rendered) {
    List<Piece> pieces = t.pieces();
    int[] textStart = new int[pieces.size()];
    for (Placement p : placements(t)) {
      textStart[p.piece()] = p.textStart();
    }
    StringBuilder out = new StringBuilder(rendered.length());
    List<SourceMap.Segment> segments = new ArrayList<>();
    int current = -1;
    int segStart = 0;
    int i = 0;
    while (i < rendered.length()) {
      char c = rendered.charAt(i);
      int piece = -1;
      int width = 1;
      if (c >= FIRST && c < ESCAPE) {
        piece = c - FIRST;
      } else if (c == ESCAPE && i + 2 < rendered.length()) {
        char hi = rendered.charAt(i + 1);
        char lo = rendered.charAt(i + 2);
        if (hi >= FIRST && hi < ESCAPE && lo >= FIRST && lo < ESCAPE) {
          piece = (hi - FIRST) * DIRECT + (lo - FIRST);
          width = 3;
        }
      }
      if (piece < 0 || piece >= pieces.size()) {
        out.append(c);
        i++;
        continue;
      }
      close(segments, pieces, textStart, current, segStart, out.length());
      current = piece;
      segStart = out.length();
      i += width;
    }
    close(segments, pieces, textStart, current, segStart, out.length());
    return new SourceMap(t.text(), out.toString(), segments);
  }

  private static void close(
      List<SourceMap.Segment> segments,
      List<Piece> pieces,
      int[] textStart,
      int piece,
      int from,
      int to) {
    if (piece < 0 || to <= from) {
      return;
    }
    Piece p = pieces.get(piece);
    int start = p.kind() == PieceKind.TEXT ? textStart[piece] : p.start();
    segments.add(new SourceMap.Segment(from, to, start, p.end(), piece, p.kind()));
  }

  static String marker(int piece) {
    if (piece < DIRECT) {
      return String.valueOf((char) (FIRST + piece));
    }
    return new String(
        new char[] {ESCAPE, (char) (FIRST + piece / DIRECT), (char) (FIRST + piece % DIRECT)});
  }

  private static List<Placement> placements(ScannedTemplate t) {
    List<Piece> pieces = t.pieces();
    String text = t.text();
    // Pieces that end or continue a block sit in that block's body for marker purposes.
    int[] innerBlock = new int[pieces.size()];
    java.util.Arrays.fill(innerBlock, -1);
    for (Block b : t.blocks()) {
      for (int br : b.branches()) {
        innerBlock[br] = b.index();
      }
      if (b.end() >= 0) {
        innerBlock[b.end()] = b.index();
      }
    }
    // Per block: it and all its ancestors are if/for blocks (a parent comes before its children).
    boolean[] direct = new boolean[t.blocks().size()];
    for (Block b : t.blocks()) {
      boolean self = b.tag().equals("if") || b.tag().equals("for");
      direct[b.index()] = self && (b.parent() < 0 || direct[b.parent()]);
    }
    List<Placement> out = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      Piece p = pieces.get(i);
      int context = innerBlock[i] >= 0 ? innerBlock[i] : p.parentBlock();
      if (context >= 0 && !direct[context]) {
        continue;
      }
      Piece prev = i > 0 ? pieces.get(i - 1) : null;
      if (p.kind() == PieceKind.TEXT) {
        int at = p.start();
        if (prev != null && prev.trimRight()) {
          while (at < p.end() && Character.isWhitespace(text.charAt(at))) {
            at++;
          }
          if (at == p.end()) {
            continue; // all stripped: it outputs nothing
          }
        }
        out.add(new Placement(at, i, false, at));
      } else if (p.trimLeft() && prev != null && prev.kind() == PieceKind.TEXT) {
        int at = p.start();
        while (at > prev.start() && Character.isWhitespace(text.charAt(at - 1))) {
          at--;
        }
        boolean squeezed = at == prev.start() && i >= 2 && pieces.get(i - 2).trimRight();
        if (squeezed) {
          out.add(new Placement(p.start(), i, true, p.start()));
        } else {
          out.add(new Placement(at, i, false, at));
        }
      } else {
        out.add(new Placement(p.start(), i, false, p.start()));
      }
    }
    // Keep insertion order by offset; equal offsets keep piece order (stable sort).
    out.sort((a, b) -> Integer.compare(a.at(), b.at()));
    return out;
  }
}
