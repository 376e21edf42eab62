package dev.dbtls.protocol;

import com.google.gson.annotations.SerializedName;

/** The kinds of plan findings, one per rule of the server's {@code warehouse.findings}. */
public enum PlanFindingKind {
  @SerializedName("seq-scan-selective-filter")
  SEQ_SCAN_SELECTIVE_FILTER,
  @SerializedName("row-estimate-off")
  ROW_ESTIMATE_OFF,
  @SerializedName("spill-to-disk")
  SPILL_TO_DISK,
  @SerializedName("nested-loop-large")
  NESTED_LOOP_LARGE,
  @SerializedName("join-without-condition")
  JOIN_WITHOUT_CONDITION,
  @SerializedName("data-movement")
  DATA_MOVEMENT,
  @SerializedName("no-pruning")
  NO_PRUNING
}
