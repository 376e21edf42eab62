package dev.dbtls.ide;

import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;

/** The compiled SQL of the node a file defines (a model first), as the snapshot has the file. */
public final class CompileFile {
  private CompileFile() {}

  public static Optional<CompiledNode> compile(ProjectSnapshot snapshot, Path file) {
    return compilableNode(snapshot, file).map(n -> new NodeCompiler(snapshot).compile(n));
  }

  public static Optional<Node> compilableNode(ProjectSnapshot snapshot, Path file) {
    Path root = snapshot.inputs().root().dir();
    Path f = file.toAbsolutePath().normalize();
    if (!f.startsWith(root)) {
      return Optional.empty();
    }
    return snapshot.manifest().nodesInFile(root.relativize(f).toString()).stream()
        .filter(n -> n.type().compiles())
        .min(Comparator.comparing((Node n) -> n.type() != ResourceType.MODEL));
  }
}
