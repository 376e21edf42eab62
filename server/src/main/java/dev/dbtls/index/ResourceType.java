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
  DOC;

  public String dbtName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ResourceType parse(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "data_test", "unit_test" -> TEST;
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

  /** Nodes that compile to SQL. */
  public boolean compiles() {
    return this == MODEL || this == ANALYSIS || this == TEST || this == SNAPSHOT;
  }
}
