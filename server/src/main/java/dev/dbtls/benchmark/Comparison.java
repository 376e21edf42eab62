package dev.dbtls.benchmark;

import java.util.SplittableRandom;

/**
 * A variant against the baseline (the first variant): the ratio of their median times (below 1: the
 * variant is faster) with a bootstrap 95 % interval, and what that means. The interval comes from
 * resampling each variant's runs with replacement and taking the ratio of the medians, many times,
 * with a seeded random source so that the same runs always give the same answer. The verdict is
 * FASTER or SLOWER only when the whole interval lies below or above 1.
 */
public record Comparison(
    String variant,
    String baseline,
    double medianRatio,
    double low,
    double high,
    Verdict verdict,
    String summary) {

  /** What the interval says. */
  public enum Verdict {
    FASTER,
    SLOWER,
    NO_SIGNIFICANT_DIFFERENCE,
    NOT_ENOUGH_RUNS
  }

  /** Fewer measured runs than this in either variant give no verdict. */
  public static final int MIN_RUNS = 5;

  public static final int RESAMPLES = 5_000;
  public static final long SEED = 20_240_517L;

  /** Compares runs (milliseconds) of a variant with the baseline's; never throws. */
  public static Comparison of(
      String variant, double[] variantMillis, String baseline, double[] baselineMillis) {
    return of(variant, variantMillis, baseline, baselineMillis, RESAMPLES, SEED);
  }

  public static Comparison of(
      String variant, double[] v, String baseline, double[] b, int resamples, long seed) {
    int nv = v == null ? 0 : v.length;
    int nb = b == null ? 0 : b.length;
    if (nv < MIN_RUNS || nb < MIN_RUNS) {
      double ratio = nv > 0 && nb > 0 ? ratio(Stats.median(v), Stats.median(b)) : Double.NaN;
      return new Comparison(
          variant,
          baseline,
          ratio,
          Double.NaN,
          Double.NaN,
          Verdict.NOT_ENOUGH_RUNS,
          "not enough runs for a verdict: "
              + Math.min(nv, nb)
              + " measured, at least "
              + MIN_RUNS
              + " needed");
    }
    SplittableRandom random = new SplittableRandom(seed);
    int n = Math.max(100, resamples);
    double[] ratios = new double[n];
    double[] sv = new double[nv];
    double[] sb = new double[nb];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < nv; j++) {
        sv[j] = v[random.nextInt(nv)];
      }
      for (int j = 0; j < nb; j++) {
        sb[j] = b[random.nextInt(nb)];
      }
      ratios[i] = ratio(Stats.median(sv), Stats.median(sb));
    }
    java.util.Arrays.sort(ratios);
    double low = Stats.quantile(ratios, 0.025);
    double high = Stats.quantile(ratios, 0.975);
    double ratio = ratio(Stats.median(v), Stats.median(b));
    Verdict verdict =
        high < 1 ? Verdict.FASTER : low > 1 ? Verdict.SLOWER : Verdict.NO_SIGNIFICANT_DIFFERENCE;
    return new Comparison(
        variant,
        baseline,
        ratio,
        low,
        high,
        verdict,
        summary(variant, baseline, ratio, low, high, verdict));
  }

  /** variant / baseline; two zeros are equal, a zero baseline makes anything slower. */
  private static double ratio(double variant, double baseline) {
    if (baseline == 0) {
      return variant == 0 ? 1 : Double.POSITIVE_INFINITY;
    }
    return variant / baseline;
  }

  private static String summary(
      String variant, String baseline, double ratio, double low, double high, Verdict verdict) {
    String interval =
        String.format(
            java.util.Locale.ROOT,
            "median ratio %.3f (95 %% interval %.3f to %.3f)",
            ratio,
            low,
            high);
    return switch (verdict) {
      case FASTER ->
          String.format(
              java.util.Locale.ROOT,
              "'%s' is faster than '%s': %s, " + "about %.1fx",
              variant,
              baseline,
              interval,
              1 / ratio);
      case SLOWER ->
          String.format(
              java.util.Locale.ROOT,
              "'%s' is slower than '%s': %s, " + "about %.1fx",
              variant,
              baseline,
              interval,
              ratio);
      default ->
          "no significant difference between '" + variant + "' and '" + baseline + "': " + interval;
    };
  }
}
