package dev.dbtls.index.compile;

import dev.dbtls.index.Node;
import dev.dbtls.project.Problem;
import java.util.List;

/** A node's compiled SQL (ephemeral parents injected as CTEs), or why it could not be compiled. */
public record CompiledNode(Node node, String sql, List<Problem> problems, boolean failed) {}
