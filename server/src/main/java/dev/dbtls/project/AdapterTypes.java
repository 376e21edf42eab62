package dev.dbtls.project;

import java.util.Locale;
import java.util.Map;

/**
 * dbt's {@code api.Column} type vocabulary of each adapter, as its Column class has it in dbt 1.7+
 * (what {@code type_string()} and the other type macros return through {@code translate_type}): the
 * {@code TYPE_LABELS} a portable name is looked up in (upper-cased; a name not found comes back
 * unchanged), and how {@code numeric_type} and {@code string_type} spell a sized type.
 */
public record AdapterTypes(
    Map<String, String> labels, Numeric numeric, String stringType, boolean lowerCase) {

  /** How an adapter's Column spells {@code numeric_type(dtype, precision, scale)}. */
  public enum Numeric {
    /** {@code dtype(p,s)}, or {@code dtype} when either is missing (dbt's base Column). */
    AS_GIVEN,
    /** Always {@code dtype}: BigQuery would reject numeric types with precision. */
    DTYPE_ONLY,
    /** {@code decimal(p,s)} or {@code decimal}: Spark knows no numeric or number. */
    DECIMAL
  }

  /** dbt's base Column since 1.7 (the no-op labels INTEGER => INT etc. were removed then). */
  private static final AdapterTypes BASE =
      new AdapterTypes(Map.of("STRING", "TEXT"), Numeric.AS_GIVEN, "character varying", false);

  /**
   * dbt's base Column before 1.7: type_int() was INT, type_float() FLOAT, type_timestamp()
   * TIMESTAMP.
   */
  private static final AdapterTypes BASE_BEFORE_1_7 =
      new AdapterTypes(
          Map.of("STRING", "TEXT", "TIMESTAMP", "TIMESTAMP", "FLOAT", "FLOAT", "INTEGER", "INT"),
          Numeric.AS_GIVEN,
          "character varying",
          false);

  private static final Map<String, AdapterTypes> KNOWN =
      Map.of(
          "bigquery",
              new AdapterTypes(
                  Map.of("TEXT", "STRING", "FLOAT", "FLOAT64", "INTEGER", "INT64"),
                  Numeric.DTYPE_ONLY,
                  "character varying",
                  false),
          "mysql",
              new AdapterTypes(
                  Map.of(
                      "STRING",
                      "TEXT",
                      "VAR_STRING",
                      "TEXT",
                      "LONG",
                      "INTEGER",
                      "LONGLONG",
                      "INTEGER",
                      "INT",
                      "INTEGER",
                      "TIMESTAMP",
                      "DATETIME"),
                  Numeric.AS_GIVEN,
                  "character varying",
                  false),
          "spark", new AdapterTypes(null, Numeric.DECIMAL, "character varying", false),
          // DatabricksColumn looks up base translate_type with its own labels, then lower-cases
          "databricks",
              new AdapterTypes(
                  Map.of("LONG", "BIGINT"), Numeric.DECIMAL, "character varying", true),
          "trino",
              new AdapterTypes(
                  Map.of("STRING", "VARCHAR", "FLOAT", "DOUBLE"),
                  Numeric.AS_GIVEN,
                  "varchar",
                  false));

  /** The types of an adapter, of its nearest ancestor that has its own, else dbt's base ones. */
  public static AdapterTypes of(Adapter adapter) {
    return of(adapter, DbtVersion.DEFAULT);
  }

  /** {@link #of(Adapter)} as dbt {@code version} has them. */
  public static AdapterTypes of(Adapter adapter, DbtVersion version) {
    for (String type : adapter.lineage()) {
      AdapterTypes t = KNOWN.get(type);
      if (t != null) {
        return t;
      }
    }
    return version.before(DbtVersion.LOWER_CASE_TYPE_LABELS) ? BASE_BEFORE_1_7 : BASE;
  }

  /** {@code api.Column.translate_type(dtype)}; null labels: the dtype as given (Spark). */
  public String translate(String dtype) {
    String out =
        labels == null ? dtype : labels.getOrDefault(dtype.toUpperCase(Locale.ROOT), dtype);
    return lowerCase ? out.toLowerCase(Locale.ROOT) : out;
  }

  /** {@code api.Column.numeric_type(dtype, precision, scale)}; null for a missing part. */
  public String numericType(String dtype, Object precision, Object scale) {
    boolean sized = precision != null && scale != null;
    return switch (numeric) {
      case DTYPE_ONLY -> dtype;
      case DECIMAL -> sized ? "decimal(" + precision + "," + scale + ")" : "decimal";
      case AS_GIVEN -> sized ? dtype + "(" + precision + "," + scale + ")" : dtype;
    };
  }

  /** {@code api.Column.string_type(size)}. */
  public String stringType(Object size) {
    return stringType + "(" + size + ")";
  }
}
