package dev.dbtls.project;

/** What a project file is to dbt, decided by the path it sits under and its extension. */
public enum FileKind {
  MODEL,
  SEED,
  MACRO,
  SNAPSHOT,
  ANALYSIS,
  SINGULAR_TEST,
  GENERIC_TEST,
  PROPERTIES,
  DOCS,
  /** A unit test's fixture: a CSV or SQL file under a test path's {@code fixtures} folder. */
  FIXTURE,
  /** A user-defined function's body (dbt 1.11): a SQL or Python file in {@code function-paths}. */
  FUNCTION
}
