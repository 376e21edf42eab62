/**
 * The "dbt" tool window's tabs as plain Swing components over protocol-ext records, so they build
 * and are tested without the IntelliJ Platform: {@link dev.dbtls.intellij.views.ResultsView}
 * (dbt/preview), {@link dev.dbtls.intellij.views.PlanView} (dbt/explain), {@link
 * dev.dbtls.intellij.views.BenchmarkView} (dbt/benchmark), {@link
 * dev.dbtls.intellij.views.LineageView} (dbt/lineage), {@link dev.dbtls.intellij.views.CatalogView}
 * (dbt/catalog) and {@link dev.dbtls.intellij.views.HistoryView} (dbt/history). Each takes an
 * answer with {@code show(...)} and reports what the user asks for through callbacks ({@code
 * onLoadMore}, {@code onCancel}, {@code onExport}, {@code onJump}, {@code onOpen}, {@code
 * onExpand}, {@code onSearch}); the platform glue sends the requests, on a pooled thread, and hands
 * the answers back on the event dispatch thread. Colours come from the look and feel ({@link
 * dev.dbtls.intellij.views.Palette}); only semantic highlights are fixed hues.
 */
package dev.dbtls.intellij.views;
