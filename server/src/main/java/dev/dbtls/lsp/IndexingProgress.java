package dev.dbtls.lsp;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * {@code $/progress} for full loads of a project (start-up, settings, dbt_project.yml): the
 * editor shows "Indexing shop" until the snapshot is built. Rebuilds after a keystroke take
 * milliseconds and report nothing. Only for clients that declare
 * {@code window.workDoneProgress}.
 */
final class IndexingProgress {
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Path, String> open = new ConcurrentHashMap<>();
  private volatile boolean supported;

  void supported(boolean yes) {
    this.supported = yes;
  }

  void started(LanguageClient client, Path projectDir, boolean full) {
    if (!supported || client == null || !full || open.containsKey(projectDir)) {
      return;
    }
    String token = "dbtls-index-" + ids.incrementAndGet();
    open.put(projectDir, token);
    // the client must know the token before progress flows: wait for its answer (on the build thread)
    try {
      client.createProgress(new WorkDoneProgressCreateParams(Either.forLeft(token))).get(2,
          java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      open.remove(projectDir);
      return;
    }
    WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
    begin.setTitle("dbtls: indexing " + projectDir.getFileName());
    begin.setMessage(projectDir.toString());
    begin.setCancellable(false);
    client.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(begin)));
  }

  void finished(LanguageClient client, Path projectDir, String summary) {
    String token = open.remove(projectDir);
    if (token == null || client == null) {
      return;
    }
    WorkDoneProgressEnd end = new WorkDoneProgressEnd();
    end.setMessage(summary);
    client.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(end)));
  }
}
