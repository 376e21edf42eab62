package dev.dbtls.lsp;

import dev.dbtls.workspace.Workspace;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Workspace events: files changed outside the editor, folders added, settings changed. */
final class DbtWorkspaceService implements WorkspaceService {
  private final Workspace workspace;
  private final Uris uris;
  private final Consumer<Object> settings;
  private final LspFeatures features;

  DbtWorkspaceService(
      Workspace workspace, Uris uris, Consumer<Object> settings, LspFeatures features) {
    this.workspace = workspace;
    this.uris = uris;
    this.settings = settings;
    this.features = features;
  }

  /** Items per workspace/symbol answer: the editor asks again as the query grows. */
  static final int MAX_WORKSPACE_SYMBOLS = 200;

  @Override
  public java.util.concurrent.CompletableFuture<
          org.eclipse.lsp4j.jsonrpc.messages.Either<
              java.util.List<? extends org.eclipse.lsp4j.SymbolInformation>,
              java.util.List<? extends org.eclipse.lsp4j.WorkspaceSymbol>>>
      symbol(org.eclipse.lsp4j.WorkspaceSymbolParams p) {
    return features.workspaceSymbols(p.getQuery(), MAX_WORKSPACE_SYMBOLS);
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    settings.accept(params.getSettings());
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    for (FileEvent e : params.getChanges()) {
      Path file = uris.path(e.getUri());
      // an open buffer stays the truth whatever happens on disk
      if (file == null || workspace.files().isOpen(file)) {
        continue;
      }
      if (e.getType() == FileChangeType.Deleted && !file.getFileName().toString().contains(".")) {
        workspace.deleted(file); // a folder: its files are not reported one by one
      } else {
        workspace.changed(file);
      }
    }
  }

  @Override
  public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
    workspace.addFolders(
        params.getEvent().getAdded().stream()
            .map(WorkspaceFolder::getUri)
            .map(uris::path)
            .filter(Objects::nonNull)
            .toList());
  }
}
