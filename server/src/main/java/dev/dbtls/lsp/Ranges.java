package dev.dbtls.lsp;

import dev.dbtls.project.Span;
import dev.dbtls.protocol.Position;
import dev.dbtls.protocol.Range;

/** A project span as the protocol's {@link Range}; null for none. */
final class Ranges {
  private Ranges() {}

  static Range of(Span s) {
    return s == null
        ? null
        : new Range(
            new Position(s.startLine(), s.startColumn()), new Position(s.endLine(), s.endColumn()));
  }
}
