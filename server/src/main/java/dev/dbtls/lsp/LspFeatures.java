package dev.dbtls.lsp;

import dev.dbtls.ide.CodeActions;
import dev.dbtls.ide.Completion;
import dev.dbtls.ide.DocumentHighlights;
import dev.dbtls.ide.Rename;
import dev.dbtls.ide.RenameResult;
import dev.dbtls.ide.WorkspaceChange;
import dev.dbtls.ide.Definition;
import dev.dbtls.ide.Hover;
import dev.dbtls.ide.References;
import dev.dbtls.ide.Workspace;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.RenameFile;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Editor requests on a position: finds the file's project, its last good snapshot (features never
 * wait for a rebuild) and the buffer's current text, calls the {@code ide} feature and turns its
 * plain data into LSP4J types. Before the project is loaded, requests answer empty.
 */
final class LspFeatures {
  private final Workspace workspace;
  private final Uris uris;

  LspFeatures(Workspace workspace, Uris uris) {
    this.workspace = workspace;
    this.uris = uris;
  }

  /** What a request at a position works on. */
  private record At(ProjectSnapshot snapshot, Path root, String displayPath, String text,
      LineIndex lines, int offset) {}

  private Optional<At> at(String uri, Position position) {
    Path file = uri == null ? null : uris.path(uri);
    if (file == null || position == null) {
      return Optional.empty();
    }
    return workspace.projectOf(file).flatMap(workspace::current).flatMap(s -> {
      Path root = s.inputs().root().dir();
      Optional<String> text = workspace.files().read(file);
      if (text.isEmpty() || !file.startsWith(root)) {
        return Optional.empty();
      }
      LineIndex lines = new LineIndex(text.get());
      return Optional.of(new At(s, root, root.relativize(file).toString().replace('\\', '/'),
          text.get(), lines, lines.offset(position.getLine(), position.getCharacter())));
    });
  }

  /** Items sent per request; the list is marked incomplete when cut, so the editor asks again as the user types. */
  static final int MAX_COMPLETION_ITEMS = 200;

  /**
   * Whether documentation is sent on {@code completionItem/resolve} (clients that declare it),
   * not with every item: it is most of a list's bytes, and the editor shows one at a time.
   */
  private volatile boolean lazyDocumentation;
  /** Documentation of the items of the last completion list, by item key. */
  private volatile Map<String, String> lastDocumentation = Map.of();

  void lazyDocumentation(boolean yes) {
    this.lazyDocumentation = yes;
  }

  CompletionList completion(String uri, Position position) {
    return at(uri, position).map(a -> {
      List<dev.dbtls.ide.CompletionItem> all = Completion.complete(a.snapshot(), a.displayPath(),
          a.text(), a.offset());
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
      boolean shared = defaultEditRange && !sent.isEmpty() && sent.stream().allMatch(i ->
          i.replaceStart() == sent.get(0).replaceStart() && i.replaceEnd() == sent.get(0).replaceEnd());
      List<CompletionItem> items = new java.util.ArrayList<>(sent.size());
      for (int n = 0; n < sent.size(); n++) {
        items.add(item(a, sent.get(n), lazy ? generation + "." + n : null, shared));
      }
      CompletionList list = new CompletionList(all.size() > MAX_COMPLETION_ITEMS, items);
      if (shared) {
        org.eclipse.lsp4j.CompletionItemDefaults defaults = new org.eclipse.lsp4j.CompletionItemDefaults();
        defaults.setEditRange(Either.forLeft(range(a.lines(), sent.get(0).replaceStart(), sent.get(0).replaceEnd())));
        list.setItemDefaults(defaults);
      }
      return list;
    }).orElseGet(() -> new CompletionList(false, List.of()));
  }

  private final java.util.concurrent.atomic.AtomicInteger generations = new java.util.concurrent.atomic.AtomicInteger();
  /** Whether the client takes {@code itemDefaults.editRange} (LSP 3.17). */
  private volatile boolean defaultEditRange;

  void defaultEditRange(boolean yes) {
    this.defaultEditRange = yes;
  }

  /** The item with its documentation, when it was left out of the list. */
  CompletionItem resolve(CompletionItem item) {
    Object data = item.getData();
    String key = data instanceof com.google.gson.JsonPrimitive p ? p.getAsString()
        : data instanceof String s ? s : null;
    String docs = key == null ? null : lastDocumentation.get(key);
    if (docs != null) {
      item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, docs));
    }
    return item;
  }

  /**
   * {@code documentationKey}: where resolve finds the documentation (null: sent now);
   * {@code sharedRange}: the replaced range is the list's default. Clients filter on the label
   * against what was typed in the replaced range (the label is the default filter text).
   */
  private static CompletionItem item(At a, dev.dbtls.ide.CompletionItem i, String documentationKey,
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
      c.setTextEdit(Either.forLeft(new TextEdit(range(a.lines(), i.replaceStart(), i.replaceEnd()),
          i.insertText())));
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

  org.eclipse.lsp4j.Hover hover(String uri, Position position) {
    return at(uri, position).flatMap(a -> Hover.at(a.snapshot(), a.displayPath(), a.text(), a.offset())
        .map(h -> new org.eclipse.lsp4j.Hover(new MarkupContent(MarkupKind.MARKDOWN, h.markdown()),
            range(a.lines(), h.start(), h.end())))).orElse(null);
  }

  List<Location> definition(String uri, Position position) {
    return at(uri, position).map(a -> locations(a, Definition.at(a.snapshot(), a.displayPath(),
        a.text(), a.offset()))).orElse(List.of());
  }

  List<Location> references(String uri, Position position, boolean includeDeclaration) {
    return at(uri, position).map(a -> locations(a, References.of(a.snapshot(), a.displayPath(),
        a.text(), a.offset(), includeDeclaration))).orElse(List.of());
  }

  /** What F2 would rename at the cursor, or an error the editor shows (why not). */
  org.eclipse.lsp4j.jsonrpc.messages.Either3<Range, org.eclipse.lsp4j.PrepareRenameResult,
      org.eclipse.lsp4j.PrepareRenameDefaultBehavior> prepareRename(String uri, Position position) {
    Optional<At> at = at(uri, position);
    if (at.isEmpty()) {
      return null;
    }
    At a = at.get();
    Rename.Prepared p = Rename.prepare(a.snapshot(), a.displayPath(), a.text(), a.offset());
    if (!p.ok()) {
      throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, p.error(), null));
    }
    return org.eclipse.lsp4j.jsonrpc.messages.Either3.forSecond(
        new org.eclipse.lsp4j.PrepareRenameResult(range(p.range()), p.name()));
  }

  /**
   * The edits of a rename; file renames go last (a renamed file's own edits are made on its old
   * path first) and need a client that can rename files.
   */
  WorkspaceEdit rename(String uri, Position position, String newName, boolean clientRenamesFiles) {
    Optional<At> at = at(uri, position);
    if (at.isEmpty()) {
      return null;
    }
    At a = at.get();
    RenameResult r = Rename.rename(a.snapshot(), a.displayPath(), a.text(), a.offset(), newName);
    if (!r.ok()) {
      throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, r.error(), null));
    }
    WorkspaceChange c = r.change();
    if (!c.renames().isEmpty() && !clientRenamesFiles) {
      throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest,
          "this rename also renames " + c.renames().get(0).from() + ", and this editor does not "
              + "support renaming files (workspace.workspaceEdit.resourceOperations)", null));
    }
    List<Either<TextDocumentEdit, ResourceOperation>> changes = new java.util.ArrayList<>();
    c.edits().forEach((path, edits) -> {
      String fileUri = uris.uri(a.root().resolve(path).normalize());
      changes.add(Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(fileUri,
          workspace.files().buffer(a.root().resolve(path).normalize()).map(b -> b.version()).orElse(null)),
          edits.stream().<Either<TextEdit, org.eclipse.lsp4j.SnippetTextEdit>>map(
              e -> Either.forLeft(new TextEdit(range(e.range()), e.text()))).toList())));
    });
    for (WorkspaceChange.FileRename fr : c.renames()) {
      changes.add(Either.forRight(new RenameFile(uris.uri(a.root().resolve(fr.from()).normalize()),
          uris.uri(a.root().resolve(fr.to()).normalize()))));
    }
    return new WorkspaceEdit(changes);
  }

  /**
   * Quick fixes for the editor's diagnostics in the range (ours, told by their code) and
   * rewrites at the cursor; each fix names the client's own diagnostic it fixes.
   */
  List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>> codeActions(String uri, Range range,
      List<org.eclipse.lsp4j.Diagnostic> diagnostics) {
    if (range == null) {
      return List.of();
    }
    return at(uri, range.getStart()).map(a -> {
      Map<dev.dbtls.project.Problem, org.eclipse.lsp4j.Diagnostic> ours = new java.util.LinkedHashMap<>();
      for (org.eclipse.lsp4j.Diagnostic d : diagnostics == null ? List.<org.eclipse.lsp4j.Diagnostic>of() : diagnostics) {
        String code = d.getCode() == null ? null : d.getCode().isLeft() ? d.getCode().getLeft() : null;
        java.util.Arrays.stream(dev.dbtls.project.ProblemCode.values()).filter(c -> c.id().equals(code))
            .findFirst().ifPresent(c -> ours.put(new dev.dbtls.project.Problem(a.displayPath(),
                d.getRange().getStart().getLine(), d.getRange().getStart().getCharacter(),
                d.getRange().getEnd().getLine(), d.getRange().getEnd().getCharacter(), null, c,
                d.getMessage() == null ? "" : d.getMessage().isLeft() ? d.getMessage().getLeft()
                    : d.getMessage().getRight().getValue()), d));
      }
      Span span = new Span(range.getStart().getLine(), range.getStart().getCharacter(),
          range.getEnd().getLine(), range.getEnd().getCharacter());
      String fileUri = uris.uri(a.root().resolve(a.displayPath()).normalize());
      return CodeActions.of(a.snapshot(), a.displayPath(), a.text(), span, List.copyOf(ours.keySet()))
          .stream().<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>>map(c -> {
            org.eclipse.lsp4j.CodeAction action = new org.eclipse.lsp4j.CodeAction(c.title());
            action.setKind(c.kind());
            action.setIsPreferred(c.preferred() ? Boolean.TRUE : null);
            action.setEdit(new WorkspaceEdit(Map.of(fileUri, c.edits().stream()
                .map(e -> new TextEdit(range(e.range()), e.text())).toList())));
            if (!c.fixes().isEmpty()) {
              action.setDiagnostics(c.fixes().stream().map(ours::get).filter(java.util.Objects::nonNull).toList());
            }
            return Either.forRight(action);
          }).toList();
    }).orElse(List.of());
  }

  List<DocumentHighlight> highlights(String uri, Position position) {
    return at(uri, position).map(a -> DocumentHighlights.of(a.snapshot(), a.displayPath(), a.text(),
        a.offset()).stream().map(h -> new DocumentHighlight(range(h.range()), switch (h.kind()) {
          case TEXT -> DocumentHighlightKind.Text;
          case READ -> DocumentHighlightKind.Read;
          case WRITE -> DocumentHighlightKind.Write;
        })).toList()).orElse(List.of());
  }

  // ---------------------------------------------------------------- whole documents

  private Optional<At> file(String uri) {
    return at(uri, new Position(0, 0));
  }

  List<Either<org.eclipse.lsp4j.SymbolInformation, org.eclipse.lsp4j.DocumentSymbol>> documentSymbols(String uri) {
    return file(uri).map(a -> dev.dbtls.ide.DocumentSymbols.of(a.snapshot(), a.displayPath(), a.text())
        .stream().<Either<org.eclipse.lsp4j.SymbolInformation, org.eclipse.lsp4j.DocumentSymbol>>map(
            d -> Either.forRight(symbol(d))).toList()).orElse(List.of());
  }

  private static org.eclipse.lsp4j.DocumentSymbol symbol(dev.dbtls.ide.DocumentSymbol d) {
    org.eclipse.lsp4j.DocumentSymbol out = new org.eclipse.lsp4j.DocumentSymbol(d.name(),
        org.eclipse.lsp4j.SymbolKind.forValue(d.kind().lspSymbolKind()), range(d.range()),
        range(d.selectionRange()), d.detail());
    out.setChildren(d.children().stream().map(LspFeatures::symbol).toList());
    return out;
  }

  /** Workspace symbols of every project: the data catalog search. */
  List<org.eclipse.lsp4j.WorkspaceSymbol> workspaceSymbols(String query, int limit) {
    List<org.eclipse.lsp4j.WorkspaceSymbol> out = new java.util.ArrayList<>();
    for (Path dir : workspace.projectDirs().stream().sorted().toList()) {
      workspace.current(dir).ifPresent(s -> dev.dbtls.ide.WorkspaceSymbols.search(s, query == null ? "" : query,
          limit).forEach(w -> {
            Location loc = new Location(uris.uri(s.inputs().root().dir().resolve(w.location().displayPath()).normalize()),
                range(w.location().span()));
            org.eclipse.lsp4j.WorkspaceSymbol sym = new org.eclipse.lsp4j.WorkspaceSymbol(w.name(),
                org.eclipse.lsp4j.SymbolKind.forValue(w.kind().lspSymbolKind()), Either.forLeft(loc));
            sym.setContainerName(w.containerName());
            out.add(sym);
          }));
    }
    return out.size() > limit ? out.subList(0, limit) : out;
  }

  List<org.eclipse.lsp4j.FoldingRange> foldingRanges(String uri) {
    return file(uri).map(a -> dev.dbtls.ide.FoldingRanges.of(a.displayPath(), a.text()).stream().map(f -> {
      org.eclipse.lsp4j.FoldingRange r = new org.eclipse.lsp4j.FoldingRange(f.startLine(), f.endLine());
      r.setKind(f.kind().lspName());
      return r;
    }).toList()).orElse(List.of());
  }

  org.eclipse.lsp4j.SemanticTokens semanticTokens(String uri) {
    return new org.eclipse.lsp4j.SemanticTokens(file(uri).map(a -> dev.dbtls.ide.SemanticTokens.encode(
        dev.dbtls.ide.SemanticTokens.of(a.displayPath(), a.text()))).orElse(List.of()));
  }

  /** A link to the file of a ref or source; a line other than the first rides in the fragment. */
  List<org.eclipse.lsp4j.DocumentLink> documentLinks(String uri) {
    return file(uri).map(a -> dev.dbtls.ide.DocumentLinks.of(a.snapshot(), a.displayPath(), a.text())
        .stream().map(l -> {
          Span t = l.target().span();
          String target = uris.uri(a.root().resolve(l.target().displayPath()).normalize())
              + (t.startLine() == 0 ? "" : "#L" + (t.startLine() + 1) + "," + (t.startColumn() + 1));
          return new org.eclipse.lsp4j.DocumentLink(range(l.range()), target);
        }).toList()).orElse(List.of());
  }

  /** Preview, Explain, Benchmark, Compiled SQL, Lineage: commands the clients bind to dbt/* requests. */
  List<org.eclipse.lsp4j.CodeLens> codeLenses(String uri) {
    return file(uri).map(a -> dev.dbtls.ide.CodeLenses.of(a.snapshot(), a.displayPath(), a.text())
        .stream().map(l -> new org.eclipse.lsp4j.CodeLens(range(l.range()),
            new org.eclipse.lsp4j.Command(l.title(), l.command(), List.of(Map.of("uri", uri,
                "uniqueId", l.argument().getOrDefault("uniqueId", "")))), null)).toList())
        .orElse(List.of());
  }

  private List<Location> locations(At a, List<dev.dbtls.ide.Location> found) {
    return found.stream().map(l -> new Location(uris.uri(a.root().resolve(l.displayPath()).normalize()),
        range(l.span()))).toList();
  }

  private static Range range(LineIndex lines, int start, int end) {
    return range(lines.span(start, Math.max(start, end)));
  }

  private static Range range(Span s) {
    return new Range(new Position(s.startLine(), s.startColumn()), new Position(s.endLine(), s.endColumn()));
  }
}
