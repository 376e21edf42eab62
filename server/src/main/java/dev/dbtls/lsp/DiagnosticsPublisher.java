package dev.dbtls.lsp;

import dev.dbtls.ide.ProjectDiagnostics;
import dev.dbtls.workspace.Settings;
import dev.dbtls.project.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Publishes a project's problems after each build: every file whose problems changed, and an
 * empty list for files that no longer have any, with the severities of the user's settings.
 * Called on the build thread, and when severities change.
 */
final class DiagnosticsPublisher {
  static final String SOURCE = "dbtls";

  private final Uris uris;
  private final Map<Path, Map<Path, List<Problem>>> published = new ConcurrentHashMap<>();

  DiagnosticsPublisher(Uris uris) {
    this.uris = uris;
  }

  synchronized void publish(LanguageClient client, Path projectDir, dev.dbtls.ide.Analysis analysis,
      List<Path> openFiles, Settings settings) {
    Map<Path, List<Problem>> now = new java.util.LinkedHashMap<>();
    analysis.diagnostics(openFiles).forEach((f, ps) -> {
      List<Problem> shown = settings.adjust(ps);
      if (!shown.isEmpty()) {
        now.put(f, shown);
      }
    });
    Map<Path, List<Problem>> before = published.getOrDefault(projectDir, Map.of());
    for (Path f : ProjectDiagnostics.cleared(before.keySet(), now)) {
      client.publishDiagnostics(new PublishDiagnosticsParams(uris.uri(f), List.of()));
    }
    now.forEach((f, problems) -> {
      if (!problems.equals(before.get(f))) {
        client.publishDiagnostics(new PublishDiagnosticsParams(uris.uri(f),
            problems.stream().map(DiagnosticsPublisher::diagnostic).toList()));
      }
    });
    published.put(projectDir, now);
  }

  /** Clears every file shown for a project that is gone. */
  synchronized void forget(LanguageClient client, Path projectDir) {
    Map<Path, List<Problem>> before = published.remove(projectDir);
    if (before != null) {
      before.keySet().forEach(f -> client.publishDiagnostics(new PublishDiagnosticsParams(uris.uri(f), List.of())));
    }
  }

  static Diagnostic diagnostic(Problem p) {
    Position start = new Position(p.line(), p.column());
    boolean endBeforeStart = p.endLine() < p.line() || p.endLine() == p.line() && p.endColumn() < p.column();
    Position end = endBeforeStart ? start : new Position(p.endLine(), p.endColumn());
    return new Diagnostic(new Range(start, end), p.message(), severity(p.severity()), SOURCE, p.code().id());
  }

  static DiagnosticSeverity severity(dev.dbtls.project.Severity s) {
    return switch (s) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFO -> DiagnosticSeverity.Information;
      case HINT -> DiagnosticSeverity.Hint;
    };
  }
}
