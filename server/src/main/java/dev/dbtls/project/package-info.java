/**
 * What dbt reads before it parses, as plain input: {@link dev.dbtls.project.ProjectInputs#load}
 * gives the root {@link dev.dbtls.project.DbtProject}, installed packages ({@code dbt_packages/} or
 * {@code packages-install-path}; a {@code local:} package not installed is read from its path), the
 * chosen {@link dev.dbtls.project.Target}, {@link dev.dbtls.project.Vars} with dbt's precedence,
 * and every {@link dev.dbtls.project.ProjectFile}. {@code withFile(path, text)} gives the inputs
 * after one file changed; a change to dbt_project.yml, profiles or packages needs a full load.
 *
 * <ul>
 *   <li>Files are read only through a {@link dev.dbtls.project.FileSource}: the disk for the
 *       command line, the editor's buffers over it for the language server.
 *   <li>YAML keeps the line and column of every key and value ({@code yaml}), with anchors and
 *       merge keys resolved and plain scalars typed as YAML 1.1 (PyYAML, which dbt uses).
 *   <li>{@link dev.dbtls.project.YamlJinja} renders the small Jinja subset of dbt_project.yml and
 *       profiles.yml before any macro exists; config trees keep their Jinja for the index.
 *   <li>{@link dev.dbtls.project.ConfigTree} and {@link dev.dbtls.project.Configs} are dbt's config
 *       inheritance: folder-level {@code +key}s, {@code tags} unioned, meta-like dicts merged,
 *       hooks appended. {@link dev.dbtls.project.Adapter} and {@link
 *       dev.dbtls.project.AdapterTypes} hold each adapter's facts from its dbt adapter's defaults.
 *   <li>Problems are {@link dev.dbtls.project.Problem}s with a stable {@link
 *       dev.dbtls.project.ProblemCode} (docs/diagnostics.md); nothing here throws on bad input.
 * </ul>
 */
package dev.dbtls.project;
