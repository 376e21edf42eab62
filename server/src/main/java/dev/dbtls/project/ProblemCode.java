package dev.dbtls.project;

/**
 * Stable codes for every problem the core reports. Tests, quick fixes and user settings key off the
 * {@link #id()}, so an id never changes once released. Documented in docs/diagnostics.md.
 */
public enum ProblemCode {
  // project files
  PROJECT_FILE_MISSING("project-file-missing", Severity.ERROR),
  YAML_SYNTAX("yaml-syntax", Severity.ERROR),
  YAML_SCHEMA("yaml-schema", Severity.WARNING),
  YAML_TOO_DEEP("yaml-too-deep", Severity.ERROR),
  YAML_ALIAS_BOMB("yaml-alias-bomb", Severity.ERROR),
  YAML_TOO_LARGE("yaml-too-large", Severity.ERROR),
  FILE_UNREADABLE("file-unreadable", Severity.ERROR),
  PROFILE_MISSING("profile-missing", Severity.WARNING),
  TARGET_MISSING("target-missing", Severity.WARNING),
  PACKAGES_NOT_INSTALLED("packages-not-installed", Severity.WARNING),
  PACKAGE_READ_LOCALLY("package-read-locally", Severity.INFO),
  ENV_VAR_MISSING("env-var-missing", Severity.ERROR),
  ENV_VAR_SECRET("env-var-secret", Severity.ERROR),
  DBT_VERSION_MISMATCH("dbt-version-mismatch", Severity.INFO),
  // jinja
  JINJA_SYNTAX("jinja-syntax", Severity.ERROR),
  JINJA_RENDER("jinja-render", Severity.ERROR),
  JINJA_TOO_DEEP("jinja-too-deep", Severity.ERROR),
  JINJA_TOO_LARGE("jinja-too-large", Severity.ERROR),
  JINJA_TIMEOUT("jinja-timeout", Severity.ERROR),
  UNDEFINED_MACRO("undefined-macro", Severity.ERROR),
  COMPILER_ERROR("compiler-error", Severity.ERROR),
  COMPILER_WARNING("compiler-warning", Severity.WARNING),
  VAR_UNDEFINED("var-undefined", Severity.ERROR),
  INTROSPECTION_SKIPPED("introspection-skipped", Severity.INFO),
  JINJA_LOG("jinja-log", Severity.INFO),
  DATABASE_ERROR("database-error", Severity.ERROR),
  TEST_FAILED("test-failed", Severity.ERROR),
  // index
  REF_UNKNOWN("ref-unknown", Severity.ERROR),
  REF_DISABLED("ref-disabled", Severity.ERROR),
  SOURCE_UNKNOWN("source-unknown", Severity.ERROR),
  DOC_UNKNOWN("doc-unknown", Severity.WARNING),
  DAG_CYCLE("dag-cycle", Severity.ERROR),
  NODE_DUPLICATE("node-duplicate", Severity.ERROR),
  PROPERTY_UNKNOWN_NODE("property-unknown-node", Severity.WARNING),
  TEST_TARGET_MISSING("test-target-missing", Severity.WARNING),
  SELECTOR_INVALID("selector-invalid", Severity.ERROR),
  CATALOG_INVALID("catalog-invalid", Severity.WARNING),
  PROPERTY_UNKNOWN_COLUMN("property-unknown-column", Severity.WARNING),
  UNIT_TEST_INVALID("unit-test-invalid", Severity.ERROR),
  // user-defined functions and the Semantic Layer (dbt 1.11/1.12)
  FUNCTION_UNKNOWN("function-unknown", Severity.ERROR),
  SEMANTIC_REFERENCE_UNKNOWN("semantic-reference-unknown", Severity.ERROR),
  SEMANTIC_COLUMN_UNKNOWN("semantic-column-unknown", Severity.WARNING),
  // columns inferred from SQL
  COLUMN_UNKNOWN("column-unknown", Severity.WARNING),
  COLUMN_USED_DOWNSTREAM("column-used-downstream", Severity.WARNING),
  COLUMN_NOT_PRODUCED("column-not-produced", Severity.HINT),
  COLUMN_UNDOCUMENTED("column-undocumented", Severity.HINT),
  // sql
  SQL_SYNTAX("sql-syntax", Severity.WARNING),
  // warehouse
  WAREHOUSE_TARGET("warehouse-target", Severity.ERROR),
  WAREHOUSE_CONNECT("warehouse-connect", Severity.ERROR),
  WAREHOUSE_QUERY("warehouse-query", Severity.ERROR),
  WAREHOUSE_NOT_A_QUERY("warehouse-not-a-query", Severity.ERROR),
  /** A benchmark would scan more than {@code dbtls.benchmark.confirmBytesAbove}: asked, not run. */
  BENCHMARK_COST_UNCONFIRMED("benchmark-cost-unconfirmed", Severity.WARNING),
  WAREHOUSE_CANCELLED("warehouse-cancelled", Severity.INFO),
  WAREHOUSE_TIMEOUT("warehouse-timeout", Severity.ERROR),
  WAREHOUSE_CURSOR("warehouse-cursor", Severity.WARNING),
  // dbt 1.12: vars.yml
  /** vars.yml that is not a mapping, or whose {@code vars} is not one. */
  VARS_FILE_INVALID("vars-file-invalid", Severity.ERROR),
  /** Vars defined in both vars.yml and dbt_project.yml, which dbt 1.12 refuses. */
  VARS_DEFINED_TWICE("vars-defined-twice", Severity.ERROR),
  /**
   * One of dbt's own macros that change or read the warehouse as a materialization runs them (DDL,
   * DML, grants, catalog queries) was called; dbtls does not emulate it and it rendered nothing.
   */
  WAREHOUSE_MACRO("warehouse-macro", Severity.WARNING),
  // dbt Core v2's strict spec (index.strict): dbt's own deprecation names; errors with dbtls.strict
  PROJECT_CONFIG_SOURCE_PATHS("project-config-source-paths"),
  PROJECT_CONFIG_DATA_PATHS("project-config-data-paths"),
  PROJECT_CONFIG_LOG_PATH("project-config-log-path"),
  PROJECT_CONFIG_TARGET_PATH("project-config-target-path"),
  DUPLICATE_YAML_KEYS_DEPRECATION("duplicate-yaml-keys-deprecation"),
  PROPERTY_MOVED_TO_CONFIG_DEPRECATION("property-moved-to-config-deprecation"),
  MISSING_ARGUMENTS_PROPERTY_IN_GENERIC_TEST_DEPRECATION(
      "missing-arguments-property-in-generic-test-deprecation"),
  MISSING_PLUS_PREFIX_IN_CONFIG_DEPRECATION("missing-plus-prefix-in-config-deprecation"),
  UNEXPECTED_JINJA_BLOCK_DEPRECATION("unexpected-jinja-block-deprecation"),
  RESOURCE_NAMES_WITH_SPACES("resource-names-with-spaces"),
  DUPLICATE_NAME_DISTINCT_NODE_TYPES_DEPRECATION("duplicate-name-distinct-node-types-deprecation"),
  EXPOSURE_NAME("exposure-name"),
  SOURCE_OVERRIDE_DEPRECATION("source-override-deprecation"),
  WEO_INCLUDE_EXCLUDE_DEPRECATION("weo-include-exclude-deprecation"),
  SOURCE_FRESHNESS_PROJECT_HOOKS("source-freshness-project-hooks"),
  INSTALL_PACKAGES_PATH("install-packages-path"),
  PROJECT_FLAGS_MOVED("project-flags-moved"),
  PACKAGE_REDIRECT("package-redirect"),
  MODULES_ITERTOOLS_USAGE_DEPRECATION("modules-itertools-usage-deprecation"),
  ENVIRONMENT_VARIABLE_NAMESPACE_DEPRECATION("environment-variable-namespace-deprecation"),
  MF_CUMULATIVE_TYPE_PARAMS_DEPRECATION("mf-cumulative-type-params-deprecation"),
  // ... found by dbt's published JSON schemas (project.schema, index.strict.SchemaValidation)
  CUSTOM_TOP_LEVEL_KEY_DEPRECATION("custom-top-level-key-deprecation"),
  CUSTOM_KEY_IN_CONFIG_DEPRECATION("custom-key-in-config-deprecation"),
  CUSTOM_KEY_IN_OBJECT_DEPRECATION("custom-key-in-object-deprecation"),
  GENERIC_JSON_SCHEMA_VALIDATION_DEPRECATION("generic-json-schema-validation-deprecation");

  private final String id;
  private final Severity defaultSeverity;
  private final boolean deprecation;

  ProblemCode(String id, Severity defaultSeverity) {
    this.id = id;
    this.defaultSeverity = defaultSeverity;
    this.deprecation = false;
  }

  /** A deprecation of dbt's strict spec: a warning, an error under {@code dbtls.strict}. */
  ProblemCode(String id) {
    this.id = id;
    this.defaultSeverity = Severity.WARNING;
    this.deprecation = true;
  }

  public String id() {
    return id;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /**
   * Whether this is one of the deprecations dbt 1.10–1.12 warn about and dbt Core v2 refuses (its
   * id is dbt's own name for it); {@code dbtls.strict} and {@code dbtls check --strict} make them
   * errors.
   */
  public boolean isDeprecation() {
    return deprecation;
  }
}
