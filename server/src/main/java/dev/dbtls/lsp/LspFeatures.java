package dev.dbtls.lsp;

import dev.dbtls.ide.Analysis;
import dev.dbtls.ide.Analysis.Cursor;
import dev.dbtls.ide.Rename;
import dev.dbtls.ide.RenameResult;
import dev.dbtls.ide.WorkspaceChange;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Span;
import dev.dbtls.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameFile;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Editor requests on a file: reads the buffer on LSP4J's message thread (so a {@code didChange}
 * sent before a request is in the text it answers for), then, on a feature thread, calls the
 * project's {@link Analysis} and turns its plain data into LSP4J types. Features that need the
 * project wait for its first load (bounded, cancellable, holding no thread) and never for a rebuild
 * after that; syntax-only features (outline, folding, semantic tokens) answer at once.
 */
final class LspFeatures {
  private final Workspace workspace;
  private final Uris uris;
  private final Requests requests;

  LspFeatures(Workspace workspace, Uris uris, Requests requests) {
    this.workspace = workspace;
    this.uris = uris;
    this.requests = requests;
  }

  /** The document a request is about, as the editor had it when it sent the request. */
  private record Doc(String uri, Path root, String displayPath, String text, Integer version) {
    Cursor at(Position p) {
      return new Cursor(
          displayPath, text, new LineIndex(text).offset(p.getLine(), p.getCharacter()));
    }

    Cursor whole() {
      return Cursor.document(displayPath, text);
    }
  }

  /** Reads the document now, on the message thread: empty when it is in no dbt project. */
  private Optional<Doc> doc(String uri) {
    Path file = uri == null ? null : uris.path(uri);
    if (file == null) {
      return Optional.empty();
    }
    return workspace
        .projectOf(file)
        .filter(file::startsWith)
        .flatMap(
            root -> {
              var buffer = workspace.files().buffer(file);
              Optional<String> text =
                  buffer.isPresent()
                      ? Optional.of(buffer.get().text())
                      : workspace.files().read(file);
              return text.map(
                  t ->
                      new Doc(
                          uri,
                          root,
                          root.relativize(file).toString().replace('\\', '/'),
                          t,
                          buffer.map(b -> b.version()).orElse(null)));
            });
  }

  /** {@code work} with the document and its project's analysis, once the project has loaded. */
  private <T> CompletableFuture<T> onProject(
      String uri, T empty, BiFunction<Doc, Analysis, T> work) {
    Optional<Doc> d = doc(uri);
    if (d.isEmpty()) {
      return CompletableFuture.completedFuture(empty);
    }
    return requests.after(
        workspace.analysis(d.get().root()), a -> a == null ? empty : work.apply(d.get(), a));
  }

  /** {@code work} with the document alone, at once: it needs no project. */
  private <T> CompletableFuture<T> onText(String uri, T empty, Function<Doc, T> work) {
    Optional<Doc> d = doc(uri);
    return d.isEmpty()
        ? CompletableFuture.completedFuture(empty)
        : requests.now(() -> work.apply(d.get()));
  }

  /**
   * Items sent per request; the list is marked incomplete when cut, so the editor asks again as the
   * user types.
   */
  static final int MAX_COMPLETION_ITEMS = 200;

  /**
   * Whether documentation is sent on {@code completionItem/resolve} (clients that declare it), not
   * with every item: it is most of a list's bytes, and the editor shows one at a time.
   */
  private volatile boolean lazyDocumentation;

  /** Documentation of the items of the last completion list, by item key. */
  private volatile Map<String, String> lastDocumentation = Map.of();

  void lazyDocumentation(boolean yes) {
    this.lazyDocumentation = yes;
  }

  CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
      String uri, Position position) {
    Optional<Doc> found = doc(uri);
    if (found.isEmpty()) {
      return CompletableFuture.completedFuture(NO_ITEMS);
    }
    Doc d = found.get();
    // during the first load a ref(' is answered from the project's file names once they are listed
    return duringFirstLoad(
        d,
        NO_ITEMS,
        inputs -> fromFiles(d, position, inputs),
        loaded -> loadedCompletion(d, loaded, position));
  }

  /**
   * An answer while the project's first load may still run: once the load has ended, {@code full}
   * of it; before, {@code early} of the project's listed files as soon as they are (seconds before
   * the load ends on a large project) when it answers (non-null), else {@code full} once the load
   * ends; {@code none} when the wait is longer than a request waits for a first load. Cancelling
   * the request cancels both parts.
   */
  private <T> CompletableFuture<T> duringFirstLoad(
      Doc d,
      T none,
      Function<dev.dbtls.project.ProjectInputs, T> early,
      Function<CompletableFuture<Analysis>, CompletableFuture<T>> full) {
    CompletableFuture<Analysis> loaded = workspace.analysis(d.root());
    if (loaded.isDone()) {
      return full.apply(loaded);
    }
    CompletableFuture<dev.dbtls.project.ProjectInputs> listed =
        workspace.listedBeforeFirstLoad(d.root());
    CompletableFuture<T> first =
        requests.after(
            CompletableFuture.anyOf(loaded, listed),
            ignored ->
                !loaded.isDone() && !listed.isDone()
                    ? none // waited as long as a request waits for a first load
                    : loaded.isDone() || listed.getNow(null) == null
                        ? null
                        : early.apply(listed.getNow(null)));
    CompletableFuture<T> answer = new CompletableFuture<>();
    java.util.concurrent.atomic.AtomicReference<CompletableFuture<?>> afterLoad =
        new java.util.concurrent.atomic.AtomicReference<>();
    first.whenComplete(
        (value, failure) -> {
          if (failure != null || value != null) {
            relay(value, failure, answer);
            return;
          }
          CompletableFuture<T> rest = full.apply(loaded);
          afterLoad.set(rest);
          rest.whenComplete((v, f) -> relay(v, f, answer));
          if (answer.isCancelled()) {
            rest.cancel(true);
          }
        });
    answer.whenComplete( // the editor cancelled: neither part is worked out any more
        (value, failure) -> {
          if (answer.isCancelled()) {
            first.cancel(true);
            CompletableFuture<?> rest = afterLoad.get();
            if (rest != null) {
              rest.cancel(true);
            }
          }
        });
    return answer;
  }

  private static final Either<List<CompletionItem>, CompletionList> NO_ITEMS =
      Either.forRight(new CompletionList(false, List.of()));

  private static <T> void relay(T value, Throwable failure, CompletableFuture<T> to) {
    if (failure != null) {
      to.completeExceptionally(failure);
    } else {
      to.complete(value);
    }
  }

  /** A {@code ref('}'s names from the listed files, said to be incomplete; null elsewhere. */
  private Either<List<CompletionItem>, CompletionList> fromFiles(
      Doc d, Position position, dev.dbtls.project.ProjectInputs inputs) {
    try {
      Cursor at = d.at(position);
      return dev.dbtls.ide.RefCompletionFromFiles.find(
              inputs, at.displayPath(), at.text(), at.offset())
          .map(all -> list(new LineIndex(d.text()), all, true))
          .orElse(null);
    } catch (RuntimeException | StackOverflowError e) { // then the loaded project answers
      System.err.println("dbtls: completion from file names: " + e);
      return null;
    }
  }

  /**
   * The loaded project's completion for the document as it was when the request came (read on the
   * message thread, even when the answer waited for the first load).
   */
  private CompletableFuture<Either<List<CompletionItem>, CompletionList>> loadedCompletion(
      Doc d, CompletableFuture<Analysis> loaded, Position position) {
    return requests.after(
        loaded,
        analysis ->
            analysis == null
                ? NO_ITEMS
                : list(new LineIndex(d.text()), analysis.completion(d.at(position)), false));
  }

  /**
   * The first {@link #MAX_COMPLETION_ITEMS} of {@code all} as the editor takes them; the list says
   * it is incomplete when cut or when {@code incomplete}.
   */
  private Either<List<CompletionItem>, CompletionList> list(
      LineIndex lines, List<dev.dbtls.ide.CompletionItem> all, boolean incomplete) {
    List<dev.dbtls.ide.CompletionItem> sent = all.stream().limit(MAX_COMPLETION_ITEMS).toList();
    boolean lazy = lazyDocumentation;
    String generation = Integer.toString(generations.incrementAndGet(), 36);
    if (lazy) {
      Map<String, String> docs = new java.util.HashMap<>();
      for (int n = 0; n < sent.size(); n++) {
        if (sent.get(n).documentation() != null) {
          docs.put(generation + "." + n, sent.get(n).documentation());
        }
      }
      lastDocumentation = docs;
    }
    // one replaced range for all (the usual case): said once, in the list's item defaults
    boolean shared =
        defaultEditRange
            && !sent.isEmpty()
            && sent.stream()
                .allMatch(
                    i ->
                        i.replaceStart() == sent.get(0).replaceStart()
                            && i.replaceEnd() == sent.get(0).replaceEnd());
    List<CompletionItem> items = new java.util.ArrayList<>(sent.size());
    for (int n = 0; n < sent.size(); n++) {
      items.add(item(lines, sent.get(n), lazy ? generation + "." + n : null, shared));
    }
    CompletionList list =
        new CompletionList(incomplete || all.size() > MAX_COMPLETION_ITEMS, items);
    if (shared) {
      org.eclipse.lsp4j.CompletionItemDefaults defaults =
          new org.eclipse.lsp4j.CompletionItemDefaults();
      defaults.setEditRange(
          Either.forLeft(range(lines, sent.get(0).replaceStart(), sent.get(0).replaceEnd())));
      list.setItemDefaults(defaults);
    }
    return Either.<List<CompletionItem>, CompletionList>forRight(list);
  }

  private final java.util.concurrent.atomic.AtomicInteger generations =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Whether the client takes {@code itemDefaults.editRange} (LSP 3.17). */
  private volatile boolean defaultEditRange;

  void defaultEditRange(boolean yes) {
    this.defaultEditRange = yes;
  }

  /** The item with its documentation, when it was left out of the list. */
  CompletionItem resolve(CompletionItem item) {
    Object data = item.getData();
    String key =
        data instanceof com.google.gson.JsonPrimitive p
            ? p.getAsString()
            : data instanceof String s ? s : null;
    String docs = key == null ? null : lastDocumentation.get(key);
    if (docs != null) {
      item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, docs));
    }
    return item;
  }

  /**
   * {@code documentationKey}: where resolve finds the documentation (null: sent now); {@code
   * sharedRange}: the replaced range is the list's default. Clients filter on the label against
   * what was typed in the replaced range (the label is the default filter text).
   */
  private static CompletionItem item(
      LineIndex lines,
      dev.dbtls.ide.CompletionItem i,
      String documentationKey,
      boolean sharedRange) {
    CompletionItem c = new CompletionItem(i.label());
    c.setKind(kind(i.kind()));
    c.setDetail(i.detail());
    if (i.documentation() != null && documentationKey != null) {
      c.setData(documentationKey);
    } else if (i.documentation() != null) {
      c.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, i.documentation()));
    }
    if (sharedRange) {
      if (!i.insertText().equals(i.label())) {
        c.setTextEditText(i.insertText());
      }
    } else {
      c.setTextEdit(
          Either.forLeft(
              new TextEdit(range(lines, i.replaceStart(), i.replaceEnd()), i.insertText())));
    }
    if (i.snippet()) {
      c.setInsertTextFormat(InsertTextFormat.Snippet); // plain text is the default
    }
    c.setSortText(i.sortText());
    return c;
  }

  private static CompletionItemKind kind(dev.dbtls.ide.CompletionKind k) {
    return switch (k) {
      case MODEL, SEED, SNAPSHOT -> CompletionItemKind.File;
      case SOURCE, SOURCE_TABLE -> CompletionItemKind.Struct;
      case MACRO, FUNCTION -> CompletionItemKind.Function;
      case VAR -> CompletionItemKind.Variable;
      case CONFIG_KEY -> CompletionItemKind.Property;
      case CONFIG_VALUE -> CompletionItemKind.EnumMember;
      case DOC -> CompletionItemKind.Text;
      case COLUMN -> CompletionItemKind.Field;
      case KEYWORD -> CompletionItemKind.Keyword;
      case PACKAGE -> CompletionItemKind.Module;
    };
  }

  CompletableFuture<org.eclipse.lsp4j.Hover> hover(String uri, Position position) {
    return onProject(
        uri,
        null,
        (d, a) ->
            a.hover(d.at(position))
                .map(
                    h ->
                        new org.eclipse.lsp4j.Hover(
                            new MarkupContent(MarkupKind.MARKDOWN, h.markdown()),
                            range(new LineIndex(d.text()), h.start(), h.end())))
                .orElse(null));
  }

  CompletableFuture<
          Either<List<? extends Location>, List<? extends org.eclipse.lsp4j.LocationLink>>>
      definition(String uri, Position position) {
    Optional<Doc> found = doc(uri);
    if (found.isEmpty()) {
      return CompletableFuture.completedFuture(Either.forLeft(List.of()));
    }
    Doc d = found.get();
    // during the first load a ref's model is found from the project's file names when they leave
    // no doubt
    return duringFirstLoad(
        d,
        Either.forLeft(List.of()),
        inputs -> refFromFiles(d, position, inputs),
        loaded ->
            requests.after(
                loaded,
                a ->
                    Either.forLeft(
                        a == null ? List.of() : locations(d, a.definition(d.at(position))))));
  }

  /** A {@code ref}'s model or seed from the listed files; null when they leave a doubt. */
  private Either<List<? extends Location>, List<? extends org.eclipse.lsp4j.LocationLink>>
      refFromFiles(Doc d, Position position, dev.dbtls.project.ProjectInputs inputs) {
    try {
      Cursor at = d.at(position);
      return dev.dbtls.ide.RefDefinitionFromFiles.find(
              inputs, at.displayPath(), at.text(), at.offset())
          .<Either<List<? extends Location>, List<? extends org.eclipse.lsp4j.LocationLink>>>map(
              found -> Either.forLeft(locations(d, found)))
          .orElse(null);
    } catch (RuntimeException | StackOverflowError e) { // then the loaded project answers
      System.err.println("dbtls: definition from file names: " + e);
      return null;
    }
  }

  CompletableFuture<List<? extends Location>> references(
      String uri, Position position, boolean includeDeclaration) {
    return onProject(
        uri, List.of(), (d, a) -> locations(d, a.references(d.at(position), includeDeclaration)));
  }

  /** What F2 would rename at the cursor, or an error the editor shows (why not). */
  CompletableFuture<
          org.eclipse.lsp4j.jsonrpc.messages.Either3<
              Range,
              org.eclipse.lsp4j.PrepareRenameResult,
              org.eclipse.lsp4j.PrepareRenameDefaultBehavior>>
      prepareRename(String uri, Position position) {
    return onProject(
        uri,
        null,
        (d, a) -> {
          Rename.Prepared p = a.prepareRename(d.at(position));
          if (!p.ok()) {
            throw new ResponseErrorException(
                new ResponseError(ResponseErrorCode.InvalidRequest, p.error(), null));
          }
          return org.eclipse.lsp4j.jsonrpc.messages.Either3.forSecond(
              new org.eclipse.lsp4j.PrepareRenameResult(range(p.range()), p.name()));
        });
  }

  /**
   * The edits of a rename; file renames go last (a renamed file's own edits are made on its old
   * path first) and need a client that can rename files. Computed on the snapshot of every edit
   * sent so far, and each edited buffer is stamped with the version whose text the edits were
   * computed from; a buffer edited meanwhile fails the rename (ContentModified) rather than letting
   * the editor apply edits at offsets of another text.
   */
  CompletableFuture<WorkspaceEdit> rename(
      String uri, Position position, String newName, boolean clientRenamesFiles) {
    Optional<Doc> doc = doc(uri);
    if (doc.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    Doc d = doc.get();
    return requests.after(
        workspace.upToDateAnalysis(d.root()),
        a -> a == null ? null : renameEdit(d, a, position, newName, clientRenamesFiles));
  }

  private WorkspaceEdit renameEdit(
      Doc d, Analysis a, Position position, String newName, boolean clientRenamesFiles) {
    RenameResult r = a.rename(d.at(position), newName);
    if (!r.ok()) {
      throw new ResponseErrorException(
          new ResponseError(ResponseErrorCode.InvalidRequest, r.error(), null));
    }
    WorkspaceChange c = r.change();
    if (!c.renames().isEmpty() && !clientRenamesFiles) {
      throw new ResponseErrorException(
          new ResponseError(
              ResponseErrorCode.InvalidRequest,
              "this rename also renames "
                  + c.renames().get(0).from()
                  + ", and this editor does not "
                  + "support renaming files (workspace.workspaceEdit.resourceOperations)",
              null));
    }
    Map<Path, String> used = new java.util.HashMap<>();
    a.snapshot().inputs().files().forEach(f -> used.put(f.absolutePath().normalize(), f.text()));
    used.put(d.root().resolve(d.displayPath()).normalize(), d.text());
    List<Either<TextDocumentEdit, ResourceOperation>> changes = new java.util.ArrayList<>();
    c.edits()
        .forEach(
            (path, edits) -> {
              Path file = d.root().resolve(path).normalize();
              changes.add(
                  Either.forLeft(
                      new TextDocumentEdit(
                          new VersionedTextDocumentIdentifier(
                              uris.uri(file), versionOf(file, used.get(file))),
                          edits.stream()
                              .<Either<TextEdit, org.eclipse.lsp4j.SnippetTextEdit>>map(
                                  e -> Either.forLeft(new TextEdit(range(e.range()), e.text())))
                              .toList())));
            });
    for (WorkspaceChange.FileRename fr : c.renames()) {
      changes.add(
          Either.forRight(
              new RenameFile(
                  uris.uri(d.root().resolve(fr.from()).normalize()),
                  uris.uri(d.root().resolve(fr.to()).normalize()))));
    }
    return new WorkspaceEdit(changes);
  }

  /**
   * The version of the open buffer whose text is {@code used} (null: a file on disk); an open
   * buffer that no longer has that text was edited while the rename was computed.
   */
  private Integer versionOf(Path file, String used) {
    var buffer = workspace.files().buffer(file);
    if (buffer.isEmpty()) {
      return null;
    }
    if (used != null && !buffer.get().text().equals(used)) {
      throw new ResponseErrorException(
          new ResponseError(
              ResponseErrorCode.ContentModified,
              file.getFileName() + " changed while the rename was computed: rename again",
              null));
    }
    return buffer.get().version();
  }

  /**
   * Quick fixes for the editor's diagnostics in the range (ours, told by their code) and rewrites
   * at the cursor; each fix names the client's own diagnostic it fixes.
   */
  CompletableFuture<List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>>>
      codeActions(String uri, Range range, List<org.eclipse.lsp4j.Diagnostic> diagnostics) {
    if (range == null) {
      return CompletableFuture.completedFuture(List.of());
    }
    return onProject(
        uri,
        List.of(),
        (d, a) -> {
          Map<dev.dbtls.project.Problem, org.eclipse.lsp4j.Diagnostic> ours =
              new java.util.LinkedHashMap<>();
          for (org.eclipse.lsp4j.Diagnostic g :
              diagnostics == null ? List.<org.eclipse.lsp4j.Diagnostic>of() : diagnostics) {
            String code =
                g.getCode() == null ? null : g.getCode().isLeft() ? g.getCode().getLeft() : null;
            java.util.Arrays.stream(dev.dbtls.project.ProblemCode.values())
                .filter(c -> c.id().equals(code))
                .findFirst()
                .ifPresent(
                    c ->
                        ours.put(
                            new dev.dbtls.project.Problem(
                                d.displayPath(),
                                g.getRange().getStart().getLine(),
                                g.getRange().getStart().getCharacter(),
                                g.getRange().getEnd().getLine(),
                                g.getRange().getEnd().getCharacter(),
                                null,
                                c,
                                g.getMessage() == null
                                    ? ""
                                    : g.getMessage().isLeft()
                                        ? g.getMessage().getLeft()
                                        : g.getMessage().getRight().getValue()),
                            g));
          }
          Span span =
              new Span(
                  range.getStart().getLine(),
                  range.getStart().getCharacter(),
                  range.getEnd().getLine(),
                  range.getEnd().getCharacter());
          return a.codeActions(d.at(range.getStart()), span, List.copyOf(ours.keySet())).stream()
              .<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>>map(
                  c -> {
                    org.eclipse.lsp4j.CodeAction action =
                        new org.eclipse.lsp4j.CodeAction(c.title());
                    action.setKind(c.kind());
                    action.setIsPreferred(c.preferred() ? Boolean.TRUE : null);
                    String target =
                        c.file() == null
                            ? d.uri()
                            : uris.uri(d.root().resolve(c.file()).normalize());
                    action.setEdit(
                        new WorkspaceEdit(
                            Map.of(
                                target,
                                c.edits().stream()
                                    .map(e -> new TextEdit(range(e.range()), e.text()))
                                    .toList())));
                    if (!c.fixes().isEmpty()) {
                      action.setDiagnostics(
                          c.fixes().stream()
                              .map(ours::get)
                              .filter(java.util.Objects::nonNull)
                              .toList());
                    }
                    return Either.forRight(action);
                  })
              .toList();
        });
  }

  CompletableFuture<List<? extends DocumentHighlight>> highlights(String uri, Position position) {
    return onProject(
        uri,
        List.of(),
        (d, a) ->
            a.highlights(d.at(position)).stream()
                .map(
                    h ->
                        new DocumentHighlight(
                            range(h.range()),
                            switch (h.kind()) {
                              case TEXT -> DocumentHighlightKind.Text;
                              case READ -> DocumentHighlightKind.Read;
                              case WRITE -> DocumentHighlightKind.Write;
                            }))
                .toList());
  }

  // ---------------------------------------------------------------- whole documents

  CompletableFuture<
          List<Either<org.eclipse.lsp4j.SymbolInformation, org.eclipse.lsp4j.DocumentSymbol>>>
      documentSymbols(String uri) {
    return onText(
        uri,
        List.of(),
        d ->
            Analysis.documentSymbols(d.whole()).stream()
                .<Either<org.eclipse.lsp4j.SymbolInformation, org.eclipse.lsp4j.DocumentSymbol>>map(
                    s -> Either.forRight(symbol(s)))
                .toList());
  }

  private static org.eclipse.lsp4j.DocumentSymbol symbol(dev.dbtls.ide.DocumentSymbol d) {
    org.eclipse.lsp4j.DocumentSymbol out =
        new org.eclipse.lsp4j.DocumentSymbol(
            d.name(),
            org.eclipse.lsp4j.SymbolKind.forValue(d.kind().lspSymbolKind()),
            range(d.range()),
            range(d.selectionRange()),
            d.detail());
    out.setChildren(d.children().stream().map(LspFeatures::symbol).toList());
    return out;
  }

  /** Workspace symbols of every project: the data catalog search (each project once loaded). */
  CompletableFuture<
          Either<
              List<? extends org.eclipse.lsp4j.SymbolInformation>,
              List<? extends org.eclipse.lsp4j.WorkspaceSymbol>>>
      workspaceSymbols(String query, int limit) {
    CompletableFuture<List<Analysis>> all =
        workspace
            .found()
            .thenCompose(
                found -> {
                  CompletableFuture<List<Analysis>> each =
                      CompletableFuture.completedFuture(new java.util.ArrayList<>());
                  for (Path dir : workspace.projectDirs().stream().sorted().toList()) {
                    each =
                        each.thenCombine(
                            workspace.analysis(dir),
                            (list, a) -> {
                              if (a != null) {
                                list.add(a);
                              }
                              return list;
                            });
                  }
                  return each;
                });
    return requests.after(
        all,
        analyses -> {
          List<org.eclipse.lsp4j.WorkspaceSymbol> out = new java.util.ArrayList<>();
          for (Analysis a : analyses == null ? List.<Analysis>of() : analyses) {
            Path root = a.snapshot().inputs().root().dir();
            for (var w : a.workspaceSymbols(query == null ? "" : query, limit)) {
              Location loc =
                  new Location(
                      uris.uri(root.resolve(w.location().displayPath()).normalize()),
                      range(w.location().span()));
              org.eclipse.lsp4j.WorkspaceSymbol sym =
                  new org.eclipse.lsp4j.WorkspaceSymbol(
                      w.name(),
                      org.eclipse.lsp4j.SymbolKind.forValue(w.kind().lspSymbolKind()),
                      Either.forLeft(loc));
              sym.setContainerName(w.containerName());
              out.add(sym);
            }
          }
          return Either
              .<List<? extends org.eclipse.lsp4j.SymbolInformation>,
                  List<? extends org.eclipse.lsp4j.WorkspaceSymbol>>
                  forRight(out.size() > limit ? out.subList(0, limit) : out);
        });
  }

  CompletableFuture<List<org.eclipse.lsp4j.FoldingRange>> foldingRanges(String uri) {
    return onText(
        uri,
        List.of(),
        d ->
            Analysis.foldingRanges(d.whole()).stream()
                .map(
                    f -> {
                      org.eclipse.lsp4j.FoldingRange r =
                          new org.eclipse.lsp4j.FoldingRange(f.startLine(), f.endLine());
                      r.setKind(f.kind().lspName());
                      return r;
                    })
                .toList());
  }

  CompletableFuture<org.eclipse.lsp4j.SemanticTokens> semanticTokens(String uri) {
    return onText(
        uri,
        new org.eclipse.lsp4j.SemanticTokens(List.of()),
        d ->
            new org.eclipse.lsp4j.SemanticTokens(
                dev.dbtls.ide.SemanticTokens.encode(Analysis.semanticTokens(d.whole()))));
  }

  /** A link to the file of a ref or source; a line other than the first rides in the fragment. */
  CompletableFuture<List<org.eclipse.lsp4j.DocumentLink>> documentLinks(String uri) {
    return onProject(
        uri,
        List.of(),
        (d, a) ->
            a.documentLinks(d.whole()).stream()
                .map(
                    l -> {
                      Span t = l.target().span();
                      String target =
                          uris.uri(d.root().resolve(l.target().displayPath()).normalize())
                              + (t.startLine() == 0
                                  ? ""
                                  : "#L" + (t.startLine() + 1) + "," + (t.startColumn() + 1));
                      return new org.eclipse.lsp4j.DocumentLink(range(l.range()), target);
                    })
                .toList());
  }

  /**
   * Preview, Explain, Benchmark, Compiled SQL, Lineage: commands the clients bind to dbt/*
   * requests.
   */
  CompletableFuture<List<? extends org.eclipse.lsp4j.CodeLens>> codeLenses(String uri) {
    return onProject(
        uri,
        List.of(),
        (d, a) ->
            a.codeLenses(d.whole()).stream()
                .map(
                    l ->
                        new org.eclipse.lsp4j.CodeLens(
                            range(l.range()),
                            new org.eclipse.lsp4j.Command(
                                l.title(),
                                l.command(),
                                List.of(
                                    Map.of(
                                        "uri",
                                        uri,
                                        "uniqueId",
                                        l.argument().getOrDefault("uniqueId", "")))),
                            null))
                .toList());
  }

  private List<Location> locations(Doc d, List<dev.dbtls.ide.Location> found) {
    return found.stream()
        .map(
            l ->
                new Location(
                    uris.uri(d.root().resolve(l.displayPath()).normalize()), range(l.span())))
        .toList();
  }

  private static Range range(LineIndex lines, int start, int end) {
    return range(lines.span(start, Math.max(start, end)));
  }

  private static Range range(Span s) {
    return new Range(
        new Position(s.startLine(), s.startColumn()), new Position(s.endLine(), s.endColumn()));
  }
}
