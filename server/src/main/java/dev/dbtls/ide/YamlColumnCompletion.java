package dev.dbtls.ide;

import dev.dbtls.index.Catalog;
import dev.dbtls.index.Node;
import dev.dbtls.index.RefCall;
import dev.dbtls.index.ResourceType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Columns in property YAML: after {@code columns: - name: } the owner's columns (the warehouse's,
 * its SQL's select list, YAML's, then its parents'), minus those listed; after {@code data_type: }
 * the catalog's type of the column.
 */
final class YamlColumnCompletion {
  private YamlColumnCompletion() {}

  static void columnNames(CompletionContext ctx, YamlCursor c, CompletionItems items) {
    Node owner = ownerNode(ctx, c);
    if (owner == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (String name : YamlNameCompletion.listedNames(c, c.segment(1))) {
      seen.add(name.toLowerCase(Locale.ROOT));
    }
    Catalog catalog = ProjectCatalog.of(ctx.snapshot);
    List<NodeColumns.Column> known = NodeColumns.of(ctx.snapshot, catalog, owner);
    for (NodeColumns.Column col : known) {
      if (col.warehouse() != null
          || col.inferred() != null) { // what the relation has, or its SQL produces
        column(col.name(), col.type(), col.description(), 0, owner.name(), seen, items);
      }
    }
    if (owner.type() != ResourceType.SOURCE
        && owner.type() != ResourceType.SEED
        && owner.file() != null
        && !owner.file().isPython()) {
      for (String name : SelectedColumns.of(owner.file().text())) {
        Optional<NodeColumns.Column> col = NodeColumns.column(catalog, owner, name);
        column(
            name,
            col.map(NodeColumns.Column::type).orElse(null),
            col.map(NodeColumns.Column::description).orElse(null),
            0,
            "select of " + owner.name(),
            seen,
            items);
      }
    }
    // the snapshot holds this buffer: its half-typed name is a YAML column already
    seen.add(items.prefix().toLowerCase(Locale.ROOT));
    for (NodeColumns.Column col : known) {
      column(col.name(), col.type(), col.description(), 1, owner.name(), seen, items);
    }
    for (String uid : owner.dependsOn()) {
      Node parent = ctx.manifest.nodes().get(uid);
      if (parent == null) {
        continue;
      }
      for (NodeColumns.Column col : NodeColumns.of(ctx.snapshot, catalog, parent)) {
        column(col.name(), col.type(), col.description(), 3, "from " + parent.name(), seen, items);
      }
    }
  }

  static void column(
      String name,
      String type,
      String doc,
      int group,
      String where,
      Set<String> seen,
      CompletionItems items) {
    if (seen.add(name.toLowerCase(Locale.ROOT))) {
      items.add(
          name,
          CompletionKind.COLUMN,
          group,
          (type == null ? "column" : type) + " · " + where,
          doc,
          name,
          false);
    }
  }

  /** The catalog's type of the column being described, after {@code data_type: }. */
  static void dataType(CompletionContext ctx, YamlCursor c, CompletionItems items) {
    Node owner = ownerNode(ctx, c);
    String column = c.keysOf(c.segment(0)).get("name");
    if (owner == null || column == null) {
      return;
    }
    ProjectCatalog.of(ctx.snapshot)
        .column(owner.uniqueId(), column)
        .filter(k -> k.type() != null)
        .ifPresent(
            k ->
                items.add(
                    k.type().toLowerCase(Locale.ROOT),
                    CompletionKind.CONFIG_VALUE,
                    0,
                    "type in the warehouse (catalog.json)",
                    null,
                    k.type().toLowerCase(Locale.ROOT),
                    false));
  }

  /** The model, seed, snapshot, analysis or source table whose {@code columns:} hold the cursor. */
  static Node ownerNode(CompletionContext ctx, YamlCursor c) {
    List<YamlCursor.Segment> p = c.path;
    if (p.size() < 2 || !p.get(1).isItem()) {
      return null;
    }
    String name = c.keysOf(p.get(1)).get("name");
    if (name == null) {
      return null;
    }
    String pkg = ctx.packageName;
    switch (p.get(0).name()) {
      case "models" -> {
        String version = null;
        if (p.size() > 3 && p.get(2).name().equals("versions") && p.get(3).isItem()) {
          version = c.keysOf(p.get(3)).get("v");
        }
        return ctx.manifest.resolveRef(pkg, new RefCall(pkg, name, version, 0, 0)).orElse(null);
      }
      case "seeds", "snapshots", "analyses" -> {
        String type =
            switch (p.get(0).name()) {
              case "seeds" -> "seed";
              case "snapshots" -> "snapshot";
              default -> "analysis";
            };
        return ctx.manifest.nodes().get(type + "." + pkg + "." + name);
      }
      case "sources" -> {
        if (p.size() > 3 && p.get(2).name().equals("tables") && p.get(3).isItem()) {
          String table = c.keysOf(p.get(3)).get("name");
          return table == null ? null : ctx.manifest.resolveSource(pkg, name, table).orElse(null);
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }
}
