package dev.dbtls.workspace;

import dev.dbtls.columns.ColumnInference;
import dev.dbtls.columns.QueryColumns;
import dev.dbtls.columns.RelationColumns;
import dev.dbtls.ide.ColumnsTable;
import dev.dbtls.ide.NodeColumns;
import dev.dbtls.index.Catalog;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.project.FileSource;
import dev.dbtls.sql.SqlDialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run's inference of one node's columns, for {@link ProjectColumns}: a seed's from its header,
 * a source's from what is known of it, a model's from the last session's result when every input of
 * its template is as it was then, else from an earlier result with the same key ({@link
 * ColumnsKey}: its compiled SQL and its parents' columns), else parsed now. The results and counts
 * go to the table the run fills.
 */
final class NodeInference {
  private final ProjectColumns table;
  private final Catalog catalog;
  private final String adapterType;
  private final NodeCompiler compiler;
  private final Optional<SqlDialect> dialect;
  private final FileSource files;
  private final Manifest manifest;
  private final Map<String, ColumnsCache.Memo> oldMemos;
  private final ColumnsCache disk;
  private final dev.dbtls.index.compile.RenderInputs restoreInputs;

  /**
   * {@code oldMemos}: earlier runs' results by node; {@code disk} (maybe null): earlier sessions';
   * {@code restoreInputs}: what each model's render reads when this run may take the last session's
   * results without rendering, else null.
   */
  NodeInference(
      ProjectColumns table,
      Catalog catalog,
      NodeCompiler compiler,
      Manifest manifest,
      Optional<SqlDialect> dialect,
      FileSource files,
      Map<String, ColumnsCache.Memo> oldMemos,
      ColumnsCache disk,
      dev.dbtls.index.compile.RenderInputs restoreInputs) {
    this.table = table;
    this.catalog = catalog;
    this.adapterType = table.adapterType();
    this.compiler = compiler;
    this.dialect = dialect;
    this.files = files;
    this.manifest = manifest;
    this.oldMemos = oldMemos;
    this.disk = disk;
    this.restoreInputs = restoreInputs;
  }

  /** The entry of {@code n}: from the last session, from an earlier run's result, or parsed. */
  ColumnsTable.Entry infer(Node n) {
    if (n.type() == ResourceType.SEED) {
      return new ColumnsTable.Entry(
          n, null, NodeColumns.known(catalog, n, null, dev.dbtls.index.SeedCsv.header(n, files)));
    }
    if (n.type() == ResourceType.SOURCE) {
      return new ColumnsTable.Entry(n, null, NodeColumns.known(catalog, n, null, null));
    }
    QueryColumns q;
    if (dialect.isEmpty()) {
      q =
          new QueryColumns(
              RelationColumns.partial(
                  List.of(), "the adapter " + adapterType + " has no SQL dialect here"),
              List.of(),
              false);
    } else {
      List<ColumnsKey.Parent> parents =
          parents(n, manifest, catalog, table.entries(), table.digests());
      ColumnsTable.Entry restored = restoreInputs == null ? null : restored(n, parents);
      if (restored != null) {
        return restored;
      }
      CompiledNode c = compiler.compile(n);
      table.ran(n.uniqueId(), c.reads());
      table.countRendered();
      if (c.failed()) {
        q =
            new QueryColumns(
                RelationColumns.partial(List.of(), "the model does not compile"), List.of(), false);
      } else {
        String key = ColumnsKey.of(dialect.get().adapterType(), c.sql(), parents);
        ColumnsCache.Memo memo = earlier(n.uniqueId(), key, oldMemos, disk);
        boolean lasting = true;
        if (memo == null) {
          ColumnInference.Inferred inferred =
              ColumnInference.inferred(c.sql(), dialect.get(), ModelParents.relations(parents));
          memo = new ColumnsCache.Memo(key, inferred.columns());
          lasting = inferred.lasting();
          table.countParsed();
        }
        if (lasting) {
          table.memos().put(n.uniqueId(), memo); // a parse out of time is not kept: tried again
        }
        q = TemplateOrigins.inTemplate(memo.columns(), c.sourceMap());
      }
    }
    return new ColumnsTable.Entry(n, q, NodeColumns.known(catalog, n, q, null));
  }

  /**
   * The last session's result for {@code n} when what its render and inference read is as it was
   * then (its restore key: {@link ColumnsKey#restoreKey}, of the macros its render ran then), else
   * null.
   */
  private ColumnsTable.Entry restored(Node n, List<ColumnsKey.Parent> parents) {
    ColumnsCache.Restorable r = disk.restorable(n.uniqueId());
    String inputs = r == null ? null : restoreInputs.of(n, r.macros(), r.envNames());
    if (inputs == null) {
      return null;
    }
    ColumnsCache.Restored got =
        disk.restored(
            n.uniqueId(), ColumnsKey.restoreKey(dialect.get().adapterType(), inputs, n, parents));
    QueryColumns placed =
        got == null ? null : TemplatePlaces.apply(got.memo().columns(), got.places());
    if (placed == null) {
      return null;
    }
    table.memos().put(n.uniqueId(), got.memo());
    dev.dbtls.jinja.RenderReads reads = r.reads(); // what its render read then
    table.ran(n.uniqueId(), reads);
    table.countRestored(n.uniqueId(), reads);
    return new ColumnsTable.Entry(n, placed, NodeColumns.known(catalog, n, placed, null));
  }

  /**
   * The results of the newest complete table, with those of a run a newer build stopped over them;
   * a copy only then: the usual edit reads the complete table's as they are.
   */
  static Map<String, ColumnsCache.Memo> earlierMemos(ProjectColumns complete, ProjectColumns last) {
    Map<String, ColumnsCache.Memo> memos = complete == null ? Map.of() : complete.memos();
    if (last == null || last == complete || last.finished()) {
      return memos;
    }
    Map<String, ColumnsCache.Memo> merged = new HashMap<>(memos);
    merged.putAll(last.memos());
    return merged;
  }

  /**
   * The result an earlier run (this session's, else the last session's) had for this key, or null.
   */
  private static ColumnsCache.Memo earlier(
      String id, String key, Map<String, ColumnsCache.Memo> oldMemos, ColumnsCache disk) {
    ColumnsCache.Memo memo = oldMemos.get(id);
    if (memo != null && memo.key().equals(key)) {
      return memo;
    }
    return disk == null ? null : disk.get(id, key);
  }

  /**
   * The parents of {@code n} the inference may resolve a name to, with their columns as known;
   * {@code digests} keeps each parent's digest for the others.
   */
  static List<ColumnsKey.Parent> parents(
      Node n,
      Manifest m,
      Catalog catalog,
      Map<String, ColumnsTable.Entry> entries,
      Map<String, byte[]> digests) {
    List<Node> ps = new ArrayList<>();
    ModelParents.collectParents(n, m, ps, new java.util.HashSet<>());
    List<ColumnsKey.Parent> out = new ArrayList<>(ps.size());
    for (Node p : ps) {
      ColumnsTable.Entry e = entries.get(p.uniqueId());
      RelationColumns known = e != null ? e.known() : NodeColumns.known(catalog, p, null, null);
      // the parents' entries are final before their children run: one digest each per run
      byte[] digest =
          e != null
              ? digests.computeIfAbsent(p.uniqueId(), id -> ColumnsKey.digest(known))
              : ColumnsKey.digest(known);
      out.add(new ColumnsKey.Parent(p, known, digest));
    }
    return out;
  }
}
