package dev.dbtls.intellij.client;

import dev.dbtls.protocol.DbtProtocol;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The server as the plugin sees it: standard LSP plus the {@code dbt/*} requests. LSP4IJ's {@code
 * LanguageServerFactory#getServerInterface} returns this, so the tool window's requests go through
 * the same connection as completion and hover.
 */
public interface DbtLanguageServerApi extends LanguageServer, DbtProtocol {}
