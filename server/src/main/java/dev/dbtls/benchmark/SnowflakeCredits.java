package dev.dbtls.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * What a benchmark costs on Snowflake, which bills the warehouse's running time in credits: the
 * target's warehouse, its size and type (read before the runs with {@code current_warehouse()} and
 * {@code show warehouses}), the credits an hour that size bills while it runs (Snowflake's
 * published rates: X-Small 1, doubling with each size up to 6X-Large 512; Snowpark-optimized 1.5
 * times as much), and after the runs about how many credits their time took.
 */
final class SnowflakeCredits {
  private SnowflakeCredits() {}

  /** The warehouse the runs use; {@code perHour} is NaN for a size dbtls does not know. */
  record Warehouse(String name, String size, String type, double perHour) {
    /** Said before the runs. */
    String before() {
      return "the runs use warehouse "
          + name
          + " ("
          + size
          + (type == null || type.isBlank() ? "" : ", " + type.toLowerCase(Locale.ROOT))
          + (Double.isNaN(perHour)
              ? "; its credits an hour are not known to dbtls)"
              : String.format(
                  Locale.ROOT,
                  ": %s credits an hour while it runs, billed by the second, at least a minute"
                      + " each time it resumes)",
                  number(perHour)));
    }

    /**
     * The most the runs can cost: no run starts after the time budget, and a resumed warehouse
     * bills at least a minute.
     */
    double most(java.time.Duration budget) {
      return perHour * Math.max(budget.toMillis(), 60_000) / 3_600_000.0;
    }

    /** The question to ask before the runs, or null when none is due. */
    dev.dbtls.warehouse.WarehouseError question(CostQuestion cost, java.time.Duration budget) {
      double most = most(budget);
      if (Double.isNaN(most) || !cost.asksCredits(most)) {
        return null;
      }
      long s = budget.toSeconds();
      return dev.dbtls.warehouse.WarehouseError.of(
          dev.dbtls.project.ProblemCode.BENCHMARK_COST_UNCONFIRMED,
          String.format(
              Locale.ROOT,
              "not run yet: the runs stop within the time budget of %s, which on warehouse %s (%s,"
                  + " %s credits an hour) is at most %s credits, more than"
                  + " dbtls.benchmark.confirmCreditsAbove (%s); confirm to run it",
              s % 60 == 0 ? s / 60 + " min" : s + " s",
              name,
              size,
              number(perHour),
              number(most),
              number(cost.creditsAbove())));
    }

    /** Said after the runs: their time at the warehouse's rate. */
    String after(long busyMillis) {
      if (Double.isNaN(perHour)) {
        return "";
      }
      return String.format(
          Locale.ROOT,
          "the runs, warm-ups included, kept warehouse %s busy for %.1f s: about %s credits at"
              + " its rate, if nothing else ran on it meanwhile",
          name,
          busyMillis / 1000.0,
          number(perHour * busyMillis / 3_600_000.0));
    }
  }

  private static final Map<String, Double> STANDARD =
      Map.ofEntries(
          Map.entry("xsmall", 1.0),
          Map.entry("small", 2.0),
          Map.entry("medium", 4.0),
          Map.entry("large", 8.0),
          Map.entry("xlarge", 16.0),
          Map.entry("2xlarge", 32.0),
          Map.entry("xxlarge", 32.0),
          Map.entry("3xlarge", 64.0),
          Map.entry("xxxlarge", 64.0),
          Map.entry("4xlarge", 128.0),
          Map.entry("x4large", 128.0),
          Map.entry("5xlarge", 256.0),
          Map.entry("x5large", 256.0),
          Map.entry("6xlarge", 512.0),
          Map.entry("x6large", 512.0));

  /** Credits an hour of a warehouse of this size ("X-Small", "MEDIUM", "2X-Large") and type. */
  static double perHour(String size, String type) {
    String s = size == null ? "" : size.toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "");
    Double standard = STANDARD.get(s);
    if (standard == null) {
      return Double.NaN;
    }
    boolean snowpark = type != null && type.toLowerCase(Locale.ROOT).startsWith("snowpark");
    return snowpark ? standard * 1.5 : standard;
  }

  /** The session's warehouse as {@code show warehouses} describes it. */
  static Warehouse read(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      String name;
      try (ResultSet rs = st.executeQuery("select current_warehouse()")) {
        name = rs.next() ? rs.getString(1) : null;
      }
      if (name == null) {
        throw new SQLException("the session has no warehouse (set 'warehouse' in the profile)");
      }
      try (ResultSet rs =
          st.executeQuery("show warehouses like '" + name.replace("'", "''") + "'")) {
        if (!rs.next()) {
          throw new SQLException("show warehouses does not list " + name);
        }
        String size = rs.getString("size");
        String type = column(rs, "type");
        return new Warehouse(name, size, type, perHour(size, type));
      }
    }
  }

  private static String column(ResultSet rs, String name) {
    try {
      return rs.getString(name);
    } catch (SQLException e) {
      return null; // older accounts list no type: standard
    }
  }

  private static String number(double d) {
    if (d == Math.rint(d)) {
      return Long.toString((long) d);
    }
    return d >= 0.01
        ? String.format(Locale.ROOT, "%.2f", d)
        : String.format(Locale.ROOT, "%.4f", d);
  }
}
