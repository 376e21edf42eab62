package dev.dbtls.index.compile;

import java.util.Map;

/**
 * What a unit test puts in place of the model's inputs when it is compiled: each given input's
 * fixture query, by the unique id of the node its {@code ref} or {@code source} names ({@link
 * #THIS} for {@code this}), read as a CTE named after it, as dbt does; and its {@code overrides}:
 * macros (a name and the value a call gives), vars and env vars.
 */
public record UnitTestInputs(
    Map<String, String> fixtures,
    Map<String, Object> macros,
    Map<String, Object> vars,
    Map<String, Object> envVars) {
  /** The key of a fixture that stands for {@code this} (an incremental model's own table). */
  public static final String THIS = "this";

  public UnitTestInputs {
    fixtures = fixtures == null ? Map.of() : fixtures;
    macros = macros == null ? Map.of() : macros;
    vars = vars == null ? Map.of() : vars;
    envVars = envVars == null ? Map.of() : envVars;
  }

  /** The name a fixture's CTE goes by: dbt's prefix of ephemeral CTEs and the input's name. */
  static String cteName(String name) {
    return Relations.EPHEMERAL_PREFIX + name.replaceAll("[^A-Za-z0-9_]", "_");
  }
}
