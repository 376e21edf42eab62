package dev.dbtls.benchmark;

/**
 * When a benchmark on a warehouse that bills for it asks the user first: where it bills by bytes
 * scanned (BigQuery), when its runs would scan more than {@code bytesAbove}; where it bills the
 * warehouse's time (Snowflake), when its time budget at the warehouse's rate could cost more than
 * {@code creditsAbove}. Not when the user accepted as much ({@code acceptedBytes}, {@code
 * acceptedCredits}, from an earlier answer); a threshold of 0 never asks.
 */
public record CostQuestion(
    long bytesAbove, long acceptedBytes, double creditsAbove, double acceptedCredits) {
  /** Never asks. */
  public static final CostQuestion NONE = new CostQuestion(0, 0, 0, 0);

  public CostQuestion {
    bytesAbove = Math.max(0, bytesAbove);
    acceptedBytes = Math.max(0, acceptedBytes);
    creditsAbove = Double.isFinite(creditsAbove) ? Math.max(0, creditsAbove) : 0;
    acceptedCredits = Double.isFinite(acceptedCredits) ? Math.max(0, acceptedCredits) : 0;
  }

  boolean asksBytes(long bytes) {
    return bytesAbove > 0 && bytes > bytesAbove && acceptedBytes < bytes;
  }

  boolean asksCredits(double credits) {
    // a thousandth of a credit of rounding in what the client sent back is still the same yes
    return creditsAbove > 0 && credits > creditsAbove && acceptedCredits < credits - 0.001;
  }
}
