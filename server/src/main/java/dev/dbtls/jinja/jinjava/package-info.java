/**
 * dbt's Jinja on Jinjava, extended only through Jinjava's own extension points.
 *
 * <ul>
 *   <li>Expressions: {@link dev.dbtls.jinja.jinjava.PyParser} (an {@code ExtendedParser}) and
 *       {@link dev.dbtls.jinja.jinjava.PyScanner} give Python's call chains, keyword and splat
 *       arguments, slices, tuples, conditional expressions, operators and string escapes; calls and
 *       method calls are our own AST nodes so names resolve at run time in dbt's namespaces.
 *   <li>Template text: Jinjava's {@code TokenScanner} has no extension point, so {@link
 *       dev.dbtls.jinja.jinjava.DelimiterGuard} rewrites the two things it cuts differently from
 *       Jinja2 (a {@code }}} closing a dict inside {@code {{ }}}, non-ASCII spaces in tags) before
 *       parsing, keeping the text's length so every offset and line stays.
 *   <li>Tags: macro, for, if, set, call, filter, with, break/continue and dbt's block tags replace
 *       or join Jinjava's; macros live in a {@link dev.dbtls.jinja.jinjava.MacroRegistry} per
 *       package, never in Jinjava's global macro map.
 *   <li>Values: None is null, undefined is {@link dev.dbtls.jinja.jinjava.Undefined}; output,
 *       filters and tests follow Jinja2 ({@link dev.dbtls.jinja.jinjava.PyValues}, {@link
 *       dev.dbtls.jinja.jinjava.DbtFilters}).
 *   <li>Control flow that must cross Jinjava's {@code catch (Exception)} ({@code return()},
 *       compiler errors, loop control) travels as {@link dev.dbtls.jinja.jinjava.Signals}.
 *   <li>Per render: a fresh interpreter over a small {@link dev.dbtls.jinja.jinjava.RenderContext}
 *       whose parent, the project scope with the builtins, is shared and never written.
 * </ul>
 *
 * <p>Checked against Python's Jinja2 by {@code JinjaDifferentialTest} (rendering) and {@code
 * JinjaParseDifferentialTest} (parsing).
 */
package dev.dbtls.jinja.jinjava;
