/**
 * dbt Core v2's strict spec: what dbt 1.10–1.12 warn about as deprecations and dbt v2 refuses,
 * found by a static look at one file, each with the fix dbt's migration tool (dbt-autofix) would
 * make.
 *
 * <p>{@link dev.dbtls.index.strict.StrictSpec} runs every {@link dev.dbtls.index.strict.StrictRule}
 * over one {@link dev.dbtls.index.strict.StrictFile} (its text, kind, YAML tree parsed once and
 * shared by the rules, the project snapshot) and gives {@link dev.dbtls.index.strict.Deprecation}s:
 * a located {@code Problem} whose code is dbt's own deprecation name ({@code
 * ProblemCode.isDeprecation()}), and the minimal text {@link dev.dbtls.index.strict.Edit}s that fix
 * it, or none when no fix is safe (one that would change what the project builds, such as renaming
 * a model). Edits touch only what they fix: comments, order and formatting of everything else stay
 * as written (no YAML is re-serialised).
 *
 * <p>One class per deprecation, named after dbt's event ({@code PropertyMovedToConfigDeprecation},
 * ...). A rule never throws: {@code StrictSpec} drops a failing rule's findings for that file.
 * Rules are cheap and read only their file (plus the manifest for project-wide facts); the editor
 * runs them for open files, {@code dbtls check} and {@code dbtls fix} for every file of the root
 * project.
 */
package dev.dbtls.index.strict;
