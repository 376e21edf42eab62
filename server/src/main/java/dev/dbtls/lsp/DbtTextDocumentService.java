package dev.dbtls.lsp;

import dev.dbtls.ide.TextEdit;
import dev.dbtls.project.Span;
import dev.dbtls.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Document sync (open buffers go into the workspace's overlay; each change schedules a rebuild) and
 * the document requests, each a line that hands over to {@link LspFeatures}. LSP4J calls these in
 * the order the client sent them, on its message thread: a change is in the overlay before the next
 * request reads the buffer.
 */
final class DbtTextDocumentService implements TextDocumentService {
  private final Workspace workspace;
  private final Uris uris;
  private final LspFeatures features;
  private volatile boolean clientRenamesFiles;

  /** Tells the editor (and the log) about a notification that was not applied, and why. */
  private final java.util.function.Consumer<String> refused;

  DbtTextDocumentService(
      Workspace workspace,
      Uris uris,
      Requests requests,
      java.util.function.Consumer<String> refused) {
    this.workspace = workspace;
    this.uris = uris;
    this.refused = refused;
    this.features = new LspFeatures(workspace, uris, requests);
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
      CompletionParams p) {
    return features.completion(p.getTextDocument().getUri(), p.getPosition());
  }

  @Override
  public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
    return CompletableFuture.completedFuture(features.resolve(item));
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams p) {
    return features.hover(p.getTextDocument().getUri(), p.getPosition());
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>>
      definition(DefinitionParams p) {
    return features.definition(p.getTextDocument().getUri(), p.getPosition());
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams p) {
    return features.references(
        p.getTextDocument().getUri(),
        p.getPosition(),
        p.getContext() == null || p.getContext().isIncludeDeclaration());
  }

  @Override
  public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>>
      prepareRename(PrepareRenameParams p) {
    return features.prepareRename(p.getTextDocument().getUri(), p.getPosition());
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams p) {
    return features.rename(
        p.getTextDocument().getUri(), p.getPosition(), p.getNewName(), clientRenamesFiles);
  }

  @Override
  public CompletableFuture<List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>>>
      codeAction(org.eclipse.lsp4j.CodeActionParams p) {
    return features.codeActions(
        p.getTextDocument().getUri(),
        p.getRange(),
        p.getContext() == null ? List.of() : p.getContext().getDiagnostics());
  }

  @Override
  public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(
      DocumentHighlightParams p) {
    return features.highlights(p.getTextDocument().getUri(), p.getPosition());
  }

  @Override
  public CompletableFuture<
          List<Either<org.eclipse.lsp4j.SymbolInformation, org.eclipse.lsp4j.DocumentSymbol>>>
      documentSymbol(org.eclipse.lsp4j.DocumentSymbolParams p) {
    return features.documentSymbols(p.getTextDocument().getUri());
  }

  @Override
  public CompletableFuture<List<org.eclipse.lsp4j.FoldingRange>> foldingRange(
      org.eclipse.lsp4j.FoldingRangeRequestParams p) {
    return features.foldingRanges(p.getTextDocument().getUri());
  }

  @Override
  public CompletableFuture<org.eclipse.lsp4j.SemanticTokens> semanticTokensFull(
      org.eclipse.lsp4j.SemanticTokensParams p) {
    return features.semanticTokens(p.getTextDocument().getUri());
  }

  @Override
  public CompletableFuture<List<org.eclipse.lsp4j.DocumentLink>> documentLink(
      org.eclipse.lsp4j.DocumentLinkParams p) {
    return features.documentLinks(p.getTextDocument().getUri());
  }

  @Override
  public CompletableFuture<List<? extends org.eclipse.lsp4j.CodeLens>> codeLens(
      org.eclipse.lsp4j.CodeLensParams p) {
    return features.codeLenses(p.getTextDocument().getUri());
  }

  LspFeatures features() {
    return features;
  }

  /** Whether the editor applies file renames in a WorkspaceEdit (set at initialize). */
  void clientRenamesFiles(boolean yes) {
    this.clientRenamesFiles = yes;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    Path file =
        params == null || params.getTextDocument() == null
            ? null
            : uris.path(params.getTextDocument().getUri());
    if (file != null && params.getTextDocument().getText() == null) {
      refused.accept("didOpen of " + file.getFileName() + " without text: not opened");
    } else if (file != null) {
      workspace
          .files()
          .open(file, params.getTextDocument().getText(), params.getTextDocument().getVersion());
      workspace.changed(file);
    }
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    Path file =
        params == null || params.getTextDocument() == null
            ? null
            : uris.path(params.getTextDocument().getUri());
    if (file == null || params.getContentChanges() == null) {
      return;
    }
    try {
      if (workspace
          .files()
          .change(
              file,
              params.getTextDocument().getVersion(),
              params.getContentChanges().stream().map(DbtTextDocumentService::edit).toList())) {
        workspace.changed(file);
      }
    } catch (IllegalArgumentException e) {
      refused.accept(
          "didChange of "
              + file.getFileName()
              + " (version "
              + params.getTextDocument().getVersion()
              + ") not applied: "
              + e.getMessage()
              + "; close and reopen the file to sync it again");
    }
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    Path file =
        params == null || params.getTextDocument() == null
            ? null
            : uris.path(params.getTextDocument().getUri());
    if (file != null) {
      // the disk is the truth again, and compile problems of a closed file are no longer shown
      workspace.files().close(file);
      workspace.changed(file);
    }
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // the buffer was already the truth: saving changes nothing we know
  }

  private static TextEdit edit(TextDocumentContentChangeEvent e) {
    if (e == null) {
      return new TextEdit(new Span(-1, -1, -1, -1), null); // refused by TextEdit.apply
    }
    if (e.getRange() == null) {
      return new TextEdit(null, e.getText());
    }
    var r = e.getRange();
    if (r.getStart() == null || r.getEnd() == null) {
      return new TextEdit(new Span(-1, -1, -1, -1), e.getText()); // refused by TextEdit.apply
    }
    return new TextEdit(
        new Span(
            r.getStart().getLine(),
            r.getStart().getCharacter(),
            r.getEnd().getLine(),
            r.getEnd().getCharacter()),
        e.getText());
  }
}
