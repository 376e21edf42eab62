package dev.dbtls.jinja.scan;

/**
 * A Jinja syntax error found by the scanner, as offsets; {@link ScannedTemplate#problems} locates
 * it.
 */
public record ScanError(int start, int end, String message) {
  public TextRange range() {
    return new TextRange(start, end);
  }
}
