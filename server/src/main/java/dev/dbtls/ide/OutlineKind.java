package dev.dbtls.ide;

/**
 * What an outline or workspace symbol is, in dbt's words, with the LSP {@code SymbolKind} number an
 * editor shows it as ({@link #lspSymbolKind()}; LSP4J: {@code SymbolKind.forValue}).
 */
public enum OutlineKind {
  MODEL(5), // Class
  SEED(5),
  SNAPSHOT(5),
  ANALYSIS(5),
  TEST(5),
  SOURCE(3), // Namespace
  SOURCE_TABLE(23), // Struct
  EXPOSURE(11), // Interface
  COLUMN(8), // Field
  MACRO(12), // Function
  GENERIC_TEST(12),
  MATERIALIZATION(12),
  DOCS(15), // String
  CTE(23), // Struct
  VARIABLE(13), // Variable: {% set %}
  CALL(6), // Method: {% call %}
  BLOCK(2), // Module: {% if %}, {% for %} holding other symbols
  CONFIG(7), // Property: {{ config(...) }}
  FUNCTION(12), // Function: a user-defined function (dbt 1.11)
  SEMANTIC_MODEL(5), // Class
  METRIC(14), // Constant
  SAVED_QUERY(11), // Interface, as exposures
  DIMENSION(8); // Field: a semantic model's entity, dimension or measure

  private final int lspSymbolKind;

  OutlineKind(int lspSymbolKind) {
    this.lspSymbolKind = lspSymbolKind;
  }

  /** The LSP {@code SymbolKind} value (1 = File ... 26 = TypeParameter). */
  public int lspSymbolKind() {
    return lspSymbolKind;
  }
}
