package dev.dbtls.ide;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Problem;
import dev.dbtls.project.Span;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Every editor feature of one project snapshot, reached through one door (rust-analyzer's {@code
 * Analysis}, lemminx's {@code XMLLanguageService}). Callers — the language server, the command
 * line's {@code query}, the tests — hand it a {@link Cursor} (the buffer as the editor has it and a
 * position) and get plain data back.
 *
 * <p>This is the one place that decides what a feature's failure looks like: a bug in a feature is
 * logged with the feature, file and offset, and the request gets the feature's empty answer; in
 * {@linkplain #strict strict} mode (tests) it is rethrown. Cancellation always goes through, so the
 * editor's {@code $/cancelRequest} reaches the LSP layer as such. Data derived from the snapshot
 * that features share ({@link SnapshotData}: catalog, described names, symbol index) belongs to it
 * and goes with the snapshot; what the project's owner knows beside it (the warehouse's columns,
 * the inferred columns) comes in {@link ProjectFacts}.
 */
public final class Analysis {
  /**
   * A buffer and a position in it: {@code displayPath} relative to the project folder ('/'
   * separators), {@code text} as the editor has it, {@code offset} a UTF-16 offset into it (0 for
   * whole-document features).
   */
  public record Cursor(String displayPath, String text, int offset) {
    /** A whole document (outline, links, lenses): no position. */
    public static Cursor document(String displayPath, String text) {
      return new Cursor(displayPath, text, 0);
    }
  }

  private final ProjectSnapshot snapshot;
  private final boolean strict;
  private final SnapshotData data;

  /** The project's described names, kept in its facts from one snapshot's analysis to the next. */
  private final DescribedNames described;

  private Analysis(
      ProjectSnapshot snapshot, boolean strict, Analysis previous, ProjectFacts facts) {
    this.snapshot = snapshot;
    this.strict = strict;
    this.data =
        snapshot == null
            ? null
            : facts == null && previous == null
                ? SnapshotData.of(snapshot)
                : SnapshotData.of(
                    snapshot,
                    previous == null ? null : previous.data,
                    facts != null ? facts : previous.data.facts());
    this.described = data == null ? new DescribedNames() : data.facts().describedNames();
  }

  /** The analysis of a snapshot; features that fail are logged and answer empty. */
  public static Analysis of(ProjectSnapshot snapshot) {
    return new Analysis(snapshot, false, null, null);
  }

  /**
   * The analysis of a snapshot of a project whose owner keeps {@code facts} (catalog, inferred
   * columns).
   */
  public static Analysis of(ProjectSnapshot snapshot, ProjectFacts facts) {
    return new Analysis(snapshot, false, null, facts);
  }

  /**
   * The analysis of the next snapshot of the same project: derived data that did not change (the
   * symbol index when no name or place changed) is taken over from {@code previous}, and so are the
   * project's facts.
   */
  public static Analysis next(Analysis previous, ProjectSnapshot snapshot) {
    return new Analysis(snapshot, false, previous, null);
  }

  /** For tests: a failing feature throws instead of answering empty. */
  public static Analysis strict(ProjectSnapshot snapshot) {
    return new Analysis(snapshot, true, null, null);
  }

  public ProjectSnapshot snapshot() {
    return snapshot;
  }

  /** What the project's owner knows beside the snapshot; its inferred columns are set there. */
  public ProjectFacts facts() {
    return data == null ? new ProjectFacts() : data.facts();
  }

  /**
   * The catalog of this snapshot, read through {@code files} (once; the owner does it after a
   * build).
   */
  public dev.dbtls.index.Catalog catalog(dev.dbtls.project.FileSource files) {
    return ProjectCatalog.load(snapshot, files);
  }

  /** The newest complete table of inferred columns, or null. */
  ColumnsTable columns() {
    return data == null ? null : data.facts().completeColumns();
  }

  /** The compiled SQL of the node {@code file} defines (models first), when it has one. */
  public Optional<dev.dbtls.index.compile.CompiledNode> compiledFile(java.nio.file.Path file) {
    return CompileFile.compile(snapshot, file);
  }

  /** The node {@code file} defines that compiles to SQL (models first), if any. */
  public Optional<dev.dbtls.index.Node> compilableNode(java.nio.file.Path file) {
    return CompileFile.compilableNode(snapshot, file);
  }

  public List<CompletionItem> completion(Cursor c) {
    return run(
        "completion",
        c,
        List.of(),
        () -> Completion.find(snapshot, described, c.displayPath(), c.text(), c.offset()));
  }

  public Optional<HoverInfo> hover(Cursor c) {
    return run(
        "hover",
        c,
        Optional.empty(),
        () -> Hover.find(snapshot, c.displayPath(), c.text(), c.offset()));
  }

  public List<Location> definition(Cursor c) {
    return run(
        "definition",
        c,
        List.of(),
        () -> Definition.find(snapshot, c.displayPath(), c.text(), c.offset()));
  }

  public List<Location> references(Cursor c, boolean includeDeclaration) {
    return run(
        "references",
        c,
        List.of(),
        () -> References.find(snapshot, c.displayPath(), c.text(), c.offset(), includeDeclaration));
  }

  public List<DocumentHighlights.Highlight> highlights(Cursor c) {
    return run(
        "highlights",
        c,
        List.of(),
        () -> DocumentHighlights.find(snapshot, c.displayPath(), c.text(), c.offset()));
  }

  public Rename.Prepared prepareRename(Cursor c) {
    return run(
        "prepareRename",
        c,
        new Rename.Prepared(null, null, "this cannot be renamed (see the server log)"),
        () -> Rename.prepareAt(snapshot, c.displayPath(), c.text(), c.offset()));
  }

  public RenameResult rename(Cursor c, String newName) {
    return run(
        "rename",
        c,
        RenameResult.failed("the rename failed (see the server log)"),
        () -> Rename.renameAt(snapshot, c.displayPath(), c.text(), c.offset(), newName));
  }

  /**
   * Quick fixes for {@code problems} (the editor's diagnostics in {@code range}) and rewrites
   * there.
   */
  public List<CodeAction> codeActions(Cursor c, Span range, List<Problem> problems) {
    return run(
        "codeActions",
        c,
        List.of(),
        () -> CodeActions.find(snapshot, c.displayPath(), c.text(), range, problems));
  }

  public List<DocumentLink> documentLinks(Cursor c) {
    return run(
        "documentLinks",
        c,
        List.of(),
        () -> DocumentLinks.find(snapshot, c.displayPath(), c.text()));
  }

  public List<CodeLens> codeLenses(Cursor c) {
    return run(
        "codeLenses", c, List.of(), () -> CodeLenses.find(snapshot, c.displayPath(), c.text()));
  }

  /**
   * The lineage of the node {@code nodeId} (dbt's unique id), or else of the node the file at
   * {@code displayPath} defines (models first): parents and children breadth-first within {@code
   * options}.
   */
  public Lineage lineage(String displayPath, String nodeId, Lineage.Options options) {
    return run(
        "lineage",
        new Cursor(displayPath == null ? "" : displayPath, "", 0),
        Lineage.empty("the lineage failed (see the server log)"),
        () -> LineageWalk.find(snapshot, displayPath, nodeId, options));
  }

  /**
   * The lineage of column {@code column} of node {@code nodeId} (else of the node the file at
   * {@code displayPath} defines), from the newest complete table of inferred columns.
   */
  public ColumnLineage columnLineage(
      String displayPath, String nodeId, String column, ColumnLineage.Options options) {
    return run(
        "columnLineage",
        new Cursor(displayPath == null ? "" : displayPath, "", 0),
        ColumnLineage.empty("the column lineage failed (see the server log)"),
        () ->
            ColumnLineageWalk.find(
                columns(),
                ProjectCatalog.of(snapshot),
                snapshot.manifest(),
                displayPath,
                nodeId,
                column,
                options));
  }

  /**
   * The columns of node {@code nodeId} (else of the node the file at {@code displayPath} defines).
   */
  public ColumnsOfNode.Answer columnsOf(String displayPath, String nodeId) {
    return run(
        "columns",
        new Cursor(displayPath == null ? "" : displayPath, "", 0),
        ColumnsOfNode.Answer.empty("listing the columns failed (see the server log)"),
        () ->
            ColumnsOfNode.find(
                columns(), ProjectCatalog.of(snapshot), snapshot.manifest(), displayPath, nodeId));
  }

  /** The entity-relationship diagram of the nodes {@code select} picks (null: every root model). */
  public EntityRelationships.Erd erd(java.util.List<String> select, int maxNodes) {
    return erd(select, maxNodes, EntityRelationships.WarehouseKeys.NONE);
  }

  /** The same, with the warehouse's foreign keys (read by the caller). */
  public EntityRelationships.Erd erd(
      java.util.List<String> select,
      int maxNodes,
      EntityRelationships.WarehouseKeys warehouseKeys) {
    return run(
        "erd",
        new Cursor("", "", 0),
        new EntityRelationships.Erd(
            "the diagram failed (see the server log)", List.of(), List.of(), false),
        () -> EntityRelationships.find(snapshot, select, maxNodes, warehouseKeys));
  }

  /** The symbols of every node, column, macro and docs block matching {@code query}, best first. */
  public List<WorkspaceSymbol> workspaceSymbols(String query, int limit) {
    return run(
        "workspaceSymbols",
        new Cursor("", query, 0),
        List.of(),
        () ->
            WorkspaceSymbols.find(
                data == null ? new WorkspaceSymbols.Cache(null) : data.symbols,
                snapshot,
                query,
                limit));
  }

  /**
   * The problems an editor shows, by absolute file: the manifest's, the catalog checks', and what
   * compiling the nodes of {@code openFiles} finds (render errors, SQL syntax).
   */
  public java.util.Map<java.nio.file.Path, List<Problem>> diagnostics(
      java.util.Collection<java.nio.file.Path> openFiles) {
    return run(
        "diagnostics",
        new Cursor("", "", 0),
        java.util.Map.of(),
        () -> ProjectDiagnostics.of(snapshot, openFiles));
  }

  /**
   * The files {@code dbtls check} compiles: the root project's SQL files and the property YAML of
   * its data tests.
   */
  public java.util.Set<java.nio.file.Path> checkedFiles() {
    return ProjectDiagnostics.checkedFiles(snapshot);
  }

  /**
   * Every problem {@code dbtls check} reports, by file, line and column: what {@link #diagnostics}
   * finds in {@code files} ({@link #checkedFiles}), and what dbt v2's strict spec refuses in every
   * file of the root project (its failure is not caught: a check that could not run must not look
   * clean).
   */
  public List<Problem> check(java.util.Collection<java.nio.file.Path> files) {
    return ProjectDiagnostics.ofProject(
        snapshot,
        () ->
            run(
                "check",
                new Cursor("", "", 0),
                java.util.Map.of(),
                () -> ProjectDiagnostics.ofFiles(snapshot, files)));
  }

  // ------------------------------------------------------------ syntax only: no snapshot needed

  /** The files of {@code before} that have no problems {@code now}: their lists are emptied. */
  public static List<java.nio.file.Path> clearedFiles(
      java.util.Collection<java.nio.file.Path> before,
      java.util.Map<java.nio.file.Path, List<Problem>> now) {
    return ProjectDiagnostics.cleared(before, now);
  }

  public static List<DocumentSymbol> documentSymbols(Cursor c) {
    return runSyntax(
        "documentSymbols", c, List.of(), () -> DocumentSymbols.find(c.displayPath(), c.text()));
  }

  public static List<FoldingRange> foldingRanges(Cursor c) {
    return runSyntax(
        "foldingRanges", c, List.of(), () -> FoldingRanges.find(c.displayPath(), c.text()));
  }

  public static List<SemanticToken> semanticTokens(Cursor c) {
    return runSyntax(
        "semanticTokens", c, List.of(), () -> SemanticTokens.find(c.displayPath(), c.text()));
  }

  private <T> T run(String feature, Cursor c, T empty, Supplier<T> work) {
    return guarded(strict, feature, c, empty, work);
  }

  private static <T> T runSyntax(String feature, Cursor c, T empty, Supplier<T> work) {
    return guarded(false, feature, c, empty, work);
  }

  private static <T> T guarded(
      boolean strict, String feature, Cursor c, T empty, Supplier<T> work) {
    if (c == null) {
      return empty;
    }
    try {
      return EditorRequests.serve(work); // background inference waits meanwhile
    } catch (CancellationException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      if (strict) {
        throw e;
      }
      FeatureFailures.log(feature, c.displayPath(), c.offset(), e);
      return empty;
    }
  }
}
