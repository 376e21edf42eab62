package dev.dbtls.protocol;

import com.google.gson.annotations.SerializedName;

/** What a benchmark comparison concludes, as words on the wire. */
public enum BenchmarkVerdict {
  FASTER,
  SLOWER,
  @SerializedName("no significant difference")
  NO_SIGNIFICANT_DIFFERENCE,
  @SerializedName("not enough runs")
  NOT_ENOUGH_RUNS
}
