package dev.dbtls.benchmark;

import java.util.Arrays;

/**
 * The summary of a variant's measured runs, in milliseconds: min, median, 95th percentile, max,
 * mean and sample standard deviation, and the rows each run returned (the last run's). Medians and
 * percentiles interpolate between the sorted runs. No runs: every figure is 0.
 */
public record Stats(
    int runs,
    double min,
    double median,
    double p95,
    double max,
    double mean,
    double stddev,
    long rows) {

  public static Stats of(double[] millis, long rows) {
    int n = millis == null ? 0 : millis.length;
    if (n == 0) {
      return new Stats(0, 0, 0, 0, 0, 0, 0, rows);
    }
    double[] s = millis.clone();
    Arrays.sort(s);
    double sum = 0;
    for (double v : s) {
      sum += v;
    }
    double mean = sum / n;
    double squares = 0;
    for (double v : s) {
      squares += (v - mean) * (v - mean);
    }
    double stddev = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
    return new Stats(n, s[0], quantile(s, 0.5), quantile(s, 0.95), s[n - 1], mean, stddev, rows);
  }

  /** The q-quantile of sorted values, interpolated between neighbours (R's type 7). */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return quantile(s, 0.5);
  }
}
