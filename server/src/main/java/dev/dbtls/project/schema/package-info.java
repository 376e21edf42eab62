/**
 * dbt's published JSON schemas ({@code resources/dbtls/schemas/}, dbt-jsonschema's {@code
 * latest_fusion}: the strict spec of dbt Core v2) and what they say of a project's YAML.
 *
 * <ul>
 *   <li>{@link dev.dbtls.project.schema.DbtSchema}: the shipped schemas, loaded from the class path
 *       once, on first use; nothing is fetched.
 *   <li>{@link dev.dbtls.project.schema.SchemaValidator}: a YAML tree against a schema (on
 *       networknt's json-schema-validator, draft 7), each violation located on the key or value and
 *       sorted into the {@link dev.dbtls.project.schema.SchemaViolation.Kind} dbt 1.10+ makes a
 *       deprecation of. Jinja values are not judged (dbt renders them first); of an {@code
 *       anyOf}/{@code oneOf} only the branches the value's type fits are reported.
 *   <li>{@link dev.dbtls.project.schema.SchemaKeys}: the keys a schema allows at a YAML path, with
 *       the schema's descriptions, for completion and hover.
 * </ul>
 *
 * Pure: no IO beyond the class path, never throws on bad input.
 */
package dev.dbtls.project.schema;
