package dev.dbtls.lsp;

import java.util.Optional;

/** Ends the server when the editor that started it dies, so no orphan JVM stays behind. */
final class ParentProcessWatcher {
  private ParentProcessWatcher() {}

  static void watch(long pid, Runnable onExit) {
    Optional<ProcessHandle> parent = ProcessHandle.of(pid);
    if (parent.isEmpty()) {
      // another pid namespace (a container) or already gone: we cannot tell which, so keep running
      System.err.println("dbtls: editor process " + pid + " not found; not watching it");
      return;
    }
    parent
        .get()
        .onExit()
        .thenRun(
            () -> {
              System.err.println("dbtls: editor process " + pid + " ended; exiting");
              onExit.run();
            });
  }
}
