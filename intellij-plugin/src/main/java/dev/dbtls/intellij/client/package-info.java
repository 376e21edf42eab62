/**
 * How the IntelliJ plugin talks to the server: the server interface LSP4IJ is given ({@link
 * dev.dbtls.intellij.client.DbtLanguageServerApi}), the client side that receives {@code
 * dbt/benchmarkFinished} and answers the server's requests ({@link
 * dev.dbtls.intellij.client.DbtLanguageClient}), the typed {@code dbt/*} calls of the tool window
 * ({@link dev.dbtls.intellij.client.DbtCalls}, {@link dev.dbtls.intellij.client.BenchmarkJob}), and
 * how the server process starts: which Java ({@link dev.dbtls.intellij.client.JavaFinder}) and
 * which command ({@link dev.dbtls.intellij.client.ServerLaunch}). No UI and no IntelliJ classes:
 * the platform glue (intellij-plugin/platform) wraps these.
 */
package dev.dbtls.intellij.client;
