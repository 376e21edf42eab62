package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.schema.SchemaViolation;

/**
 * Anything else dbt's JSON schema refuses: a value of the wrong type, one not among the values
 * allowed, a required key missing. dbt 1.10+ warns with this catch-all; dbt v2 refuses the file.
 * Values with Jinja are not judged (dbt renders them first). No fix: the right value is the user's
 * to choose.
 */
final class GenericJsonSchemaValidationDeprecation {
  static final String EVENT = "GenericJSONSchemaValidationDeprecation";

  private GenericJsonSchemaValidationDeprecation() {}

  static Deprecation of(StrictFile file, SchemaViolation v) {
    return new Deprecation(
        file.problem(
            ProblemCode.GENERIC_JSON_SCHEMA_VALIDATION_DEPRECATION,
            EVENT,
            v.span(),
            capitalized(v.message())
                + " in file `"
                + file.displayPath()
                + "`: dbt's JSON schema refuses it, and so will dbt v2."));
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
