/**
 * dbt's Jinja, rendered in Java: {@link dev.dbtls.jinja.DbtJinja} (set up by {@link
 * dev.dbtls.jinja.JinjaSetup}, asked with a {@link dev.dbtls.jinja.RenderRequest}, answering {@link
 * dev.dbtls.jinja.Rendered}) on Jinjava extended for dbt ({@code jinjava}: macro namespaces per
 * package, {@code adapter.dispatch} with the project's search order, {@code return()}, Python's
 * operators, values and methods, {@code modules.datetime/pytz/re/itertools}). Macro files are
 * parsed once per engine; each render gets a fresh interpreter over a shared read-only project
 * scope, so renders run in parallel without locks.
 *
 * <p>Macro and docs files are read as dbt's block extractor reads them ({@code
 * scan.TopLevelBlocks}): only their top-level blocks are Jinja, the rest is blanked at the same
 * offsets before scanner and engine see it. {@code scan} is the editor's view of a template, the
 * tolerant scanner (docs/jinja-scanner.md). {@link dev.dbtls.jinja.Introspector} and {@link
 * dev.dbtls.jinja.KnownColumns} are what a render asks about relations and columns; without a
 * warehouse they answer what the project's files say (see {@code index.compile}). {@code
 * ParseCheck} (the hidden {@code dbtls parse-check}) is what the parse differential test compares
 * with Python's Jinja2.
 */
package dev.dbtls.jinja;
