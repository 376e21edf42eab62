package dev.dbtls.intellij.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the server process starts: {@code java [vm options] -jar dbtls.jar lsp}, with a heap cap
 * and stopping on out-of-memory (a half-dead server is worse than one that says it stopped), in
 * {@code workDir}, with extra environment variables (e.g. {@code DBTLS_STORE}).
 */
public record ServerLaunch(Path java, Path jar, String maxHeap, List<String> vmArgs, Path workDir,
    Map<String, String> env) {
  /** The default heap cap, as the VS Code extension's {@code dbtls.server.maxHeap}. */
  public static final String DEFAULT_MAX_HEAP = "2g";

  /** The command line, as LSP4IJ's {@code JavaProcessCommandBuilder} or a plain process runs it. */
  public List<String> command() {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.add("-Xmx" + (maxHeap == null || maxHeap.isBlank() ? DEFAULT_MAX_HEAP : maxHeap.trim()));
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.addAll(vmArgs == null ? List.of() : vmArgs);
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.add("lsp");
    return cmd;
  }
}
