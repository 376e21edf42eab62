/**
 * The LSP wiring: the only package that knows LSP4J's services. Handlers are a few lines: find
 * the project and its snapshot, call the {@code ide} feature, convert to LSP.
 */
package dev.dbtls.lsp;
