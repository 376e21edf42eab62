package dev.dbtls.lsp;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 *
 * <p>A load never waits for the editor: the bar's token is asked for once the client may be sent
 * requests ({@link #clientReady}), and the bar begins when the client has taken it; what the load
 * reports before that is not shown, and its end follows the bar's beginning. (A start waited for
 * the client's answer before reading a file, and began only after {@code initialized}.)
 */
final class IndexingProgress {
  private final AtomicInteger ids = new AtomicInteger();

  /** The bar shown for each project whose full load runs. */
  private final Map<Path, Bar> open = new ConcurrentHashMap<>();

  private final CompletableFuture<Void> clientReady = new CompletableFuture<>();

  private volatile boolean supported;

  /**
   * A project's bar: its token; whether it began (the client took the token, and the beginning was
   * sent); the last percentage sent.
   */
  private static final class Bar {
    final String token;
    final CompletableFuture<Boolean> begun = new CompletableFuture<>();
    int sent = -5;

    Bar(String token) {
      this.token = token;
    }
  }

  void supported(boolean yes) {
    this.supported = yes;
  }

  /** The client has said {@code initialized}: it may be sent requests now. */
  void clientReady() {
    clientReady.complete(null);
  }

  void started(LanguageClient client, Path projectDir, boolean full) {
    if (!supported || client == null || !full || open.containsKey(projectDir)) {
      return;
    }
    Bar bar = new Bar("dbtls-index-" + ids.incrementAndGet());
    if (open.putIfAbsent(projectDir, bar) != null) {
      return;
    }
    clientReady
        .thenCompose(
            ready ->
                client.createProgress(new WorkDoneProgressCreateParams(Either.forLeft(bar.token))))
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) { // the client refused the token: no bar
                open.remove(projectDir, bar);
                bar.begun.complete(false);
                return;
              }
              WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
              begin.setTitle("dbtls: indexing " + projectDir.getFileName());
              begin.setMessage(projectDir.toString());
              begin.setCancellable(false);
              begin.setPercentage(0);
              client.notifyProgress(
                  new ProgressParams(Either.forLeft(bar.token), Either.forLeft(begin)));
              bar.begun.complete(true);
            });
  }

  /**
   * A percentage, sent when it moved up by 5 or more. Loads report from several threads at once:
   * one at a time here, so the editor never sees the bar go back.
   */
  synchronized void report(LanguageClient client, Path projectDir, int percent, String phase) {
    Bar bar = open.get(projectDir);
    if (bar == null || client == null || !Boolean.TRUE.equals(bar.begun.getNow(false))) {
      return;
    }
    if (percent < bar.sent + 5) {
      return;
    }
    bar.sent = percent;
    WorkDoneProgressReport report = new WorkDoneProgressReport();
    report.setPercentage(Math.min(100, Math.max(0, percent)));
    report.setMessage(phase);
    client.notifyProgress(new ProgressParams(Either.forLeft(bar.token), Either.forLeft(report)));
  }

  void finished(LanguageClient client, Path projectDir, String summary) {
    Bar bar = open.remove(projectDir);
    if (bar == null || client == null) {
      return;
    }
    bar.begun.thenAccept(
        begun -> {
          if (begun) {
            WorkDoneProgressEnd end = new WorkDoneProgressEnd();
            end.setMessage(summary);
            client.notifyProgress(
                new ProgressParams(Either.forLeft(bar.token), Either.forLeft(end)));
          }
        });
  }
}
