package dev.dbtls.warehouse;

import java.util.Locale;

/** Bytes a query scans, as people read them, and what they cost where the engine bills by them. */
public final class ScanBytes {
  /** BigQuery's on-demand list price in the US multi-region, per TiB scanned (its pricing page). */
  public static final double US_ON_DEMAND_USD_PER_TIB = 6.25;

  private static final String[] UNITS = {"bytes", "kB", "MB", "GB", "TB", "PB"};

  private ScanBytes() {}

  /** 1.5 GB, 320.0 MB, 12 bytes (decimal units). */
  public static String text(long n) {
    double v = n;
    int u = 0;
    while (v >= 1000 && u < UNITS.length - 1) {
      v /= 1000;
      u++;
    }
    return u == 0 ? n + " bytes" : String.format(Locale.ROOT, "%.1f %s", v, UNITS[u]);
  }

  /** The on-demand cost of scanning {@code n} bytes at the US list price, e.g. {@code $0.0123}. */
  public static String usd(long n) {
    return String.format(Locale.ROOT, "$%.4f", n / Math.pow(1024, 4) * US_ON_DEMAND_USD_PER_TIB);
  }
}
