package dev.dbtls.mcp;

import dev.dbtls.ide.Analysis;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.store.Store;
import dev.dbtls.warehouse.Warehouses;
import dev.dbtls.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one dbt project an MCP server answers about, kept by the language server's {@link Workspace}
 * (the same build, columns and caches). Agents edit files behind its back: before each call the
 * project's files are compared with the last call's ({@link ProjectChanges}) and a change rebuilds.
 */
final class McpProject implements AutoCloseable {
  /** How long a call waits for the project's first build. */
  private static final long LOAD_SECONDS = 120;

  private final Path root;
  private final Workspace workspace;
  private final Warehouses warehouses = new Warehouses();
  private final CompletableFuture<Store> store = new CompletableFuture<>();
  private final ProjectChanges changes;
  private final boolean allowBuild;
  private final List<String> launch;
  private final List<String> projectArguments;

  /**
   * @param launch the command that starts {@code dbtls} (build and test run it again)
   * @param projectArguments the flags naming this project, profile and target for that command
   */
  McpProject(
      Path root,
      ProjectInputs.Options options,
      boolean allowBuild,
      List<String> launch,
      List<String> projectArguments) {
    this.root = root.toAbsolutePath().normalize();
    this.allowBuild = allowBuild;
    this.launch = List.copyOf(launch);
    this.projectArguments = List.copyOf(projectArguments);
    this.workspace =
        new Workspace(
            FileSource.DISK, options, List.of(), Workspace.ADAPTIVE, (dir, snapshot) -> {}, store);
    this.changes = new ProjectChanges(this.root);
    CompletableFuture.runAsync(
        () -> {
          Store opened = Store.open();
          opened.notices().forEach(n -> System.err.println("dbtls: " + n));
          store.complete(opened);
        });
    workspace.addFolders(List.of(this.root));
  }

  Path root() {
    return root;
  }

  boolean allowBuild() {
    return allowBuild;
  }

  /** The command line that started this server, less its own arguments (build runs it again). */
  List<String> launch() {
    return launch;
  }

  List<String> projectArguments() {
    return projectArguments;
  }

  Warehouses warehouses() {
    return warehouses;
  }

  /** The local store (query history), or null when it could not be opened in time. */
  Store store() {
    try {
      return store.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return null;
    }
  }

  /** The last snapshot built, or null before the first. */
  ProjectSnapshot current() {
    return workspace.current(root).orElse(null);
  }

  /** The snapshot with every change on disk so far, once built. */
  ProjectSnapshot snapshot() {
    if (changes.changed()) {
      workspace.reload(root);
    }
    ProjectSnapshot s = wait(workspace.upToDate(root));
    if (s == null) {
      throw new IllegalStateException(
          "no dbt project could be loaded from " + root + " (is dbt_project.yml there?)");
    }
    return s;
  }

  /** The analysis of that snapshot, for what needs no inferred columns (names, the graph). */
  Analysis graph() {
    snapshot();
    Analysis a = wait(workspace.upToDateAnalysis(root));
    if (a == null) {
      throw new IllegalStateException("the dbt project in " + root + " could not be loaded");
    }
    return a;
  }

  /** The analysis of that snapshot, with its columns inferred (columns, impact, problems). */
  Analysis analysis() {
    ProjectSnapshot s = snapshot();
    Analysis a = wait(workspace.inferred(root, 5));
    return a != null && a.snapshot() == s ? a : a != null ? a : Analysis.of(s);
  }

  private static <T> T wait(CompletableFuture<T> f) {
    try {
      return f.get(LOAD_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the dbt project is still loading: try again in a moment");
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("the dbt project could not be loaded: " + e.getCause());
    }
  }

  /**
   * A file of the project from a path relative to its folder (or absolute inside it); never a file
   * outside the project.
   */
  Path file(String path) {
    Path p = root.resolve(path).normalize();
    if (!p.startsWith(root)) {
      throw new Arguments.ToolInputException(path + " is outside the dbt project " + root);
    }
    if (!Files.isRegularFile(p)) {
      throw new Arguments.ToolInputException("no file " + path + " in the dbt project");
    }
    return p;
  }

  /** A node by unique id, by name (models first), as source_name.table_name, or by its file. */
  static Optional<Node> node(ProjectSnapshot s, Path root, String name) {
    var nodes = s.manifest().nodes();
    if (nodes.containsKey(name)) {
      return Optional.of(nodes.get(name));
    }
    List<ResourceType> order =
        List.of(
            ResourceType.MODEL,
            ResourceType.SEED,
            ResourceType.SNAPSHOT,
            ResourceType.SOURCE,
            ResourceType.ANALYSIS,
            ResourceType.TEST);
    for (ResourceType t : order) {
      Optional<Node> found =
          nodes.values().stream()
              .filter(n -> n.type() == t)
              .filter(
                  n ->
                      n.name().equalsIgnoreCase(name)
                          || (t == ResourceType.SOURCE && sourceName(n).equalsIgnoreCase(name)))
              .sorted(
                  (a, b) ->
                      Boolean.compare(
                          !a.packageName().equals(s.inputs().root().name()),
                          !b.packageName().equals(s.inputs().root().name())))
              .findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    String path = name.replace('\\', '/');
    Path abs = root.resolve(path).normalize();
    String display =
        abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : path;
    return s.manifest().nodesInFile(display).stream().findFirst();
  }

  /** {@code source_name.table_name} of a source node. */
  static String sourceName(Node n) {
    List<String> fqn = n.fqn();
    return fqn.size() >= 2 ? fqn.get(fqn.size() - 2) + "." + n.name() : n.name();
  }

  /** The node named, or a message that says what to ask instead. */
  Node required(ProjectSnapshot s, String name) {
    return node(s, root, name)
        .orElseThrow(
            () ->
                new Arguments.ToolInputException(
                    "no node '" + name + "' in the project: search_nodes finds names"));
  }

  @Override
  public void close() {
    workspace.close();
    warehouses.close();
    Store s = store.getNow(null);
    if (s != null) {
      s.close();
    }
  }
}
