package dev.dbtls.jinja.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Rendered output with the markers stripped, and which template piece produced each part of it.
 * Segments are in output order and do not overlap; a piece rendered several times (in a loop) has
 * one segment per occurrence. Made by {@link SourceMapper#recover}.
 */
public final class SourceMap {

  /**
   * Output {@code [outputStart, outputEnd)} was produced by template piece {@code piece}, whose
   * range is {@code [templateStart, templateEnd)}. For a text piece the template range starts where
   * its output starts (after whitespace that a {@code -%}} stripped), so offsets inside map one to
   * one.
   */
  public record Segment(
      int outputStart,
      int outputEnd,
      int templateStart,
      int templateEnd,
      int piece,
      PieceKind kind) {}

  private final String template;
  private final String output;
  private final List<Segment> segments;

  SourceMap(String template, String output, List<Segment> segments) {
    this.template = template;
    this.output = output;
    this.segments = List.copyOf(segments);
  }

  /**
   * The same map for an output with {@code inserted} put in at {@code at} (e.g. ephemeral CTEs
   * injected after rendering): later segments move, the inserted text maps to no piece.
   */
  public SourceMap withInsertion(int at, String inserted) {
    int n = inserted.length();
    List<Segment> moved = new ArrayList<>(segments.size());
    for (Segment s : segments) {
      int start = s.outputStart() >= at ? s.outputStart() + n : s.outputStart();
      int end = s.outputEnd() > at ? s.outputEnd() + n : s.outputEnd();
      moved.add(new Segment(start, end, s.templateStart(), s.templateEnd(), s.piece(), s.kind()));
    }
    return new SourceMap(
        template, output.substring(0, at) + inserted + output.substring(at), moved);
  }

  /** The rendered output without markers: what the uninstrumented template renders to. */
  public String output() {
    return output;
  }

  public List<Segment> segments() {
    return segments;
  }

  /** The segment covering this output offset, or null. */
  public Segment segmentAt(int outputOffset) {
    int lo = 0;
    int hi = segments.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Segment s = segments.get(mid);
      if (outputOffset < s.outputStart()) {
        hi = mid - 1;
      } else if (outputOffset >= s.outputEnd()) {
        lo = mid + 1;
      } else {
        return s;
      }
    }
    return null;
  }

  /**
   * The template offset that produced the output character at {@code outputOffset}: exact inside
   * text pieces, the start of the piece for expressions and other tags; -1 when unmapped.
   */
  public int templateOffsetFor(int outputOffset) {
    Segment s = segmentAt(outputOffset);
    if (s == null) {
      return -1;
    }
    if (s.kind() == PieceKind.TEXT) {
      // Jinja turns "\r\n" into "\n": walk the text where it holds carriage returns.
      int t = s.templateStart();
      for (int d = outputOffset - s.outputStart(); d > 0 && t < s.templateEnd(); d--) {
        t += lineBreakWidth(t);
      }
      return Math.min(t, Math.max(s.templateStart(), s.templateEnd() - 1));
    }
    return s.templateStart();
  }

  private int lineBreakWidth(int t) {
    return t + 1 < template.length() && template.charAt(t) == '\r' && template.charAt(t + 1) == '\n'
        ? 2
        : 1;
  }

  /**
   * Every output range produced by the piece at {@code templateOffset}, in output order (several
   * when the piece sits in a loop). Inside a text piece, the range is narrowed to that one
   * character's output.
   */
  public List<TextRange> outputRangesFor(int templateOffset) {
    List<TextRange> out = new ArrayList<>();
    for (Segment s : segments) {
      if (s.kind() == PieceKind.TEXT) {
        if (templateOffset < s.templateStart() || templateOffset >= s.templateEnd()) {
          continue;
        }
        int t = s.templateStart();
        int o = s.outputStart();
        while (o < s.outputEnd() && t + lineBreakWidth(t) <= templateOffset) {
          t += lineBreakWidth(t);
          o++;
        }
        if (o < s.outputEnd()) {
          out.add(new TextRange(o, o + 1));
        }
      } else if (templateOffset >= s.templateStart() && templateOffset < s.templateEnd()) {
        out.add(new TextRange(s.outputStart(), s.outputEnd()));
      }
    }
    return out;
  }
}
