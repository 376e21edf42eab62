package dev.dbtls.ide;

/** Lines an editor may fold: {@code startLine} stays shown, {@code endLine} is the last hidden. */
public record FoldingRange(int startLine, int endLine, Kind kind) {
  public enum Kind {
    REGION("region"),
    COMMENT("comment");

    private final String lspName;

    Kind(String lspName) {
      this.lspName = lspName;
    }

    /** LSP's {@code FoldingRangeKind} string. */
    public String lspName() {
      return lspName;
    }
  }
}
