package dev.dbtls.workspace;

import dev.dbtls.columns.InferredColumn;
import dev.dbtls.columns.Origin;
import dev.dbtls.columns.RelationColumns;
import dev.dbtls.columns.Upstream;
import dev.dbtls.index.Node;
import dev.dbtls.project.KeyDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What one model's column inference reads, as a digest: the dialect, the compiled SQL and, for each
 * parent it may resolve a name to, the parent's identity, relation name, materialization and
 * columns as known. The inference is a function of these alone, so an equal key means an equal
 * result: a model whose key did not change is not parsed again (after a macro edit that left its
 * SQL as it was, or in the next session, {@link ColumnsCache}).
 */
final class ColumnsKey {
  /** Changes when the inference gives other results for the same inputs. */
  private static final String VERSION = "columns-key 2"; // 2: KeyDigest, not SHA-256

  private ColumnsKey() {}

  /**
   * One parent as the inference sees it; {@code digest} is {@link #digest(RelationColumns)} of its
   * columns.
   */
  record Parent(Node node, RelationColumns columns, byte[] digest) {}

  /** A digest of every component of {@code columns}, computed once per parent and run. */
  static byte[] digest(RelationColumns columns) {
    StringBuilder b = new StringBuilder(64 + 48 * columns.columns().size());
    put(b, Boolean.toString(columns.complete()));
    columns.gaps().forEach(g -> put(b, g));
    for (InferredColumn c : columns.columns()) {
      put(b, c.name());
      put(b, c.type());
      put(b, c.nameOrigin());
      put(b, c.typeOrigin());
      for (Upstream u : c.upstream()) {
        put(b, u.relation());
        put(b, u.column());
        put(b, u.kind().name());
      }
      b.append('|');
    }
    return new KeyDigest().put(b.toString().getBytes(StandardCharsets.UTF_8)).bytes();
  }

  static String of(String dialect, String sql, List<Parent> parents) {
    KeyDigest d = new KeyDigest().put(VERSION).put(dialect).put(sql);
    putParents(d, parents);
    return d.hex();
  }

  /**
   * What one model's inference read, without its compiled SQL: the digest of what its render reads
   * ({@code modelInputs}: {@code RenderInputs.of}, with what every render reads), the model, and
   * its parents as in {@link #of}. A later session whose key is equal would render the same SQL and
   * infer the same columns, so it may take the stored result without rendering ({@link
   * ColumnsCache}).
   */
  static String restoreKey(String dialect, String modelInputs, Node model, List<Parent> parents) {
    KeyDigest d =
        new KeyDigest()
            .put(VERSION)
            .put("restore")
            .put(dialect)
            .put(modelInputs)
            .put(model.uniqueId());
    putParents(d, parents);
    return d.hex();
  }

  private static void putParents(KeyDigest d, List<Parent> parents) {
    for (Parent p : parents) {
      Node n = p.node();
      d.put(n.uniqueId()).put(n.name());
      if (n.relation() == null) {
        d.put("no relation");
      } else {
        d.put("relation")
            .put(n.relation().database())
            .put(n.relation().schema())
            .put(n.relation().identifier());
      }
      d.put(String.valueOf(n.materialized())).put(p.digest());
    }
  }

  private static void put(StringBuilder b, Origin o) {
    if (o == null) {
      b.append('-');
    } else {
      b.append(o.kind().ordinal())
          .append(',')
          .append(o.start())
          .append(',')
          .append(o.end())
          .append(',');
      put(b, o.relation());
    }
  }

  /** Length-prefixed, so that no two different sequences of values read the same. */
  private static void put(StringBuilder b, String s) {
    if (s == null) {
      b.append('~');
    } else {
      b.append(s.length()).append(':').append(s);
    }
  }
}
