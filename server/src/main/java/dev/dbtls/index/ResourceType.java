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
  UNIT_TEST;

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

  /** Nodes that compile to SQL. */
  public boolean compiles() {
    return this == MODEL || this == ANALYSIS || this == TEST || this == SNAPSHOT;
  }
}
