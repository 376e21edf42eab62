package dev.dbtls.workspace;

import dev.dbtls.columns.InferredColumn;
import dev.dbtls.columns.Origin;
import dev.dbtls.columns.QueryColumns;
import dev.dbtls.columns.RelationColumns;
import dev.dbtls.jinja.scan.SourceMap;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's inference with its SQL origins moved from offsets in the compiled SQL to offsets in its
 * template file, through the render's {@link SourceMap}: what hover and lineage point at.
 */
final class TemplateOrigins {
  private TemplateOrigins() {}

  /** SQL origins moved from compiled-SQL offsets to offsets in the node's template file. */
  static QueryColumns inTemplate(QueryColumns q, SourceMap map) {
    List<InferredColumn> cols = new ArrayList<>();
    for (InferredColumn c : q.output().columns()) {
      cols.add(
          new InferredColumn(
              c.name(),
              c.type(),
              mapped(c.nameOrigin(), map),
              mapped(c.typeOrigin(), map),
              c.upstream()));
    }
    List<QueryColumns.MissingColumn> missing = new ArrayList<>();
    for (QueryColumns.MissingColumn mc : q.missing()) {
      Origin o = mapped(Origin.sql(mc.start(), mc.end()), map);
      missing.add(new QueryColumns.MissingColumn(mc.relation(), mc.column(), o.start(), o.end()));
    }
    return new QueryColumns(
        new RelationColumns(cols, q.output().complete(), q.output().gaps()),
        q.filters(),
        q.parsed(),
        missing);
  }

  private static Origin mapped(Origin o, SourceMap map) {
    if (o == null || o.kind() != Origin.Kind.SQL || o.start() < 0) {
      return o;
    }
    if (map == null) {
      return Origin.sql(-1, -1);
    }
    int s = map.templateOffsetFor(o.start());
    int e = o.end() > o.start() ? map.templateOffsetFor(o.end() - 1) : s;
    return s < 0 ? Origin.sql(-1, -1) : Origin.sql(s, Math.max(s, e < 0 ? s : e + 1));
  }
}
