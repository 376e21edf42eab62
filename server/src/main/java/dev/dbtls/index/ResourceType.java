package dev.dbtls.index;

import java.util.Locale;

/** dbt's resource types, spelled as dbt spells them in unique ids and {@code --resource-type}. */
public enum ResourceType {
  MODEL,
  SEED,
  SNAPSHOT,
  ANALYSIS,
  TEST,
  SOURCE,
  MACRO,
  EXPOSURE,
  DOC,
  UNIT_TEST,
  /** A user-defined function (dbt 1.11): a SQL or Python body in {@code function-paths}. */
  FUNCTION,
  SEMANTIC_MODEL,
  METRIC,
  SAVED_QUERY;

  /**
   * What {@code dbt ls} lists without {@code --resource-type} (dbt 1.12's {@code
   * DEFAULT_RESOURCE_VALUES}): every listed type but analyses.
   */
  public static final java.util.Set<ResourceType> LISTED_BY_DEFAULT =
      java.util.EnumSet.of(
          MODEL,
          SNAPSHOT,
          SEED,
          TEST,
          SOURCE,
          EXPOSURE,
          METRIC,
          SAVED_QUERY,
          SEMANTIC_MODEL,
          UNIT_TEST,
          FUNCTION);

  public String dbtName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ResourceType parse(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "data_test" -> TEST;
      default -> {
        for (ResourceType r : values()) {
          if (r.dbtName().equals(t)) {
            yield r;
          }
        }
        yield null;
      }
    };
  }

  /** A data test or a unit test: what dbt's {@code test} command runs. */
  public boolean isTest() {
    return this == TEST || this == UNIT_TEST;
  }

  /** Nodes that compile to SQL (a function's compiled code is its body). */
  public boolean compiles() {
    return this == MODEL
        || this == ANALYSIS
        || this == TEST
        || this == SNAPSHOT
        || this == FUNCTION;
  }

  /** The semantic layer's resources: declared in property YAML, never compiled or run. */
  public boolean semantic() {
    return this == SEMANTIC_MODEL || this == METRIC || this == SAVED_QUERY;
  }
}
