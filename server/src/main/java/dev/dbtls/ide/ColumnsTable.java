package dev.dbtls.ide;

import dev.dbtls.columns.QueryColumns;
import dev.dbtls.columns.RelationColumns;
import dev.dbtls.index.Node;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of a project's nodes as far as they are inferred: what editor features read. The
 * owner of the project (the workspace's {@code ProjectSession}, or a command) infers them and hands
 * them over through {@link ProjectFacts}; {@code ide} only reads.
 */
public interface ColumnsTable {
  /**
   * One node: its SQL's inference (null for seeds and sources; SQL origins are offsets in its
   * template file, -1 where no piece of it produced the expression) and its columns as known.
   */
  record Entry(Node node, QueryColumns inferred, RelationColumns known) {}

  Map<String, Entry> entries();

  default Optional<Entry> entry(String uniqueId) {
    return Optional.ofNullable(entries().get(uniqueId));
  }

  /** A finished table of these entries. */
  static ColumnsTable of(Map<String, Entry> entries) {
    Map<String, Entry> copy = Map.copyOf(entries);
    return () -> copy;
  }
}
