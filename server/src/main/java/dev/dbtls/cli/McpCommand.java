package dev.dbtls.cli;

import dev.dbtls.mcp.DbtMcpServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dbtls mcp}: the project as a Model Context Protocol server for coding agents. */
@Command(
    name = "mcp",
    description =
        "Serve the project to coding agents over the Model Context Protocol (stdio; read-only"
            + " unless --allow-build).")
final class McpCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Option(
      names = "--port",
      description = "Serve streamable HTTP on 127.0.0.1:N/mcp instead of stdio (0: any free port)")
  Integer port;

  @Option(
      names = "--allow-build",
      description = "Add the build and test tools, which write to the target warehouse")
  boolean allowBuild;

  @Override
  public Integer call() throws Exception {
    List<String> errors = new ArrayList<>();
    var options = project.inputOptions(errors);
    errors.forEach(e -> System.err.println("error: " + e));
    Path root = project.projectDir.toAbsolutePath().normalize();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> launch =
        List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
    List<String> args = new ArrayList<>(List.of("--project-dir", root.toString()));
    if (project.profilesDir != null) {
      args.addAll(List.of("--profiles-dir", project.profilesDir.toAbsolutePath().toString()));
    }
    if (project.profile != null) {
      args.addAll(List.of("--profile", project.profile));
    }
    if (project.target != null) {
      args.addAll(List.of("--target", project.target));
    }
    if (project.vars != null) {
      args.addAll(List.of("--vars", project.vars));
    }
    return port == null
        ? DbtMcpServer.runStdio(root, options, allowBuild, launch, args)
        : DbtMcpServer.runOnPort(port, root, options, allowBuild, launch, args);
  }
}
