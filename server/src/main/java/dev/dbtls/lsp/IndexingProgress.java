package dev.dbtls.lsp;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * {@code $/progress} for full loads of a project (start-up, settings, dbt_project.yml): the editor
 * shows "dbtls: indexing shop" with a percentage and the phase until the snapshot is built.
 * Rebuilds after a keystroke take milliseconds and report nothing. Only for clients that declare
 * {@code window.workDoneProgress}.
 */
final class IndexingProgress {
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Path, String> open = new ConcurrentHashMap<>();

  /** The last percentage sent per token. */
  private final Map<String, Integer> sent = new ConcurrentHashMap<>();

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
    // the client must know the token before progress flows: wait for its answer (on the build
    // thread)
    try {
      client
          .createProgress(new WorkDoneProgressCreateParams(Either.forLeft(token)))
          .get(2, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      open.remove(projectDir);
      return;
    }
    WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
    begin.setTitle("dbtls: indexing " + projectDir.getFileName());
    begin.setMessage(projectDir.toString());
    begin.setCancellable(false);
    begin.setPercentage(0);
    client.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(begin)));
  }

  /**
   * A percentage, sent when it moved up by 5 or more. Loads report from several threads at once:
   * one at a time here, so the editor never sees the bar go back.
   */
  synchronized void report(LanguageClient client, Path projectDir, int percent, String phase) {
    String token = open.get(projectDir);
    if (token == null || client == null) {
      return;
    }
    Integer before = sent.get(token);
    if (before != null && percent < before + 5) {
      return;
    }
    sent.put(token, percent);
    WorkDoneProgressReport report = new WorkDoneProgressReport();
    report.setPercentage(Math.min(100, Math.max(0, percent)));
    report.setMessage(phase);
    client.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(report)));
  }

  void finished(LanguageClient client, Path projectDir, String summary) {
    String token = open.remove(projectDir);
    if (token == null || client == null) {
      return;
    }
    sent.remove(token);
    WorkDoneProgressEnd end = new WorkDoneProgressEnd();
    end.setMessage(summary);
    client.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(end)));
  }
}
