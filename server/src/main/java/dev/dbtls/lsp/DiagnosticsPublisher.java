package dev.dbtls.lsp;

import dev.dbtls.project.Problem;
import dev.dbtls.workspace.Settings;
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
 * Publishes a project's problems after each build: every file whose problems changed, and an empty
 * list for files that no longer have any, with the severities of the user's settings. Called on the
 * build thread, on the columns thread when a build's columns are inferred, and when severities
 * change. Only the project's newest analysis is published, checked under the same lock as the
 * publishing: an older build's late columns must not overwrite a newer build's problems (the editor
 * kept the stale ones until the next edit).
 */
final class DiagnosticsPublisher {
  static final String SOURCE = "dbtls";

  private final Uris uris;

  /** The analysis of the last snapshot a project built (the workspace's). */
  private final java.util.function.Function<Path, java.util.Optional<dev.dbtls.ide.Analysis>>
      newest;

  private final Map<Path, Map<Path, List<Problem>>> published = new ConcurrentHashMap<>();

  /** Per project, the data tests the last runs found failing, by unique id (run.TestFailures). */
  private final Map<Path, Map<String, Problem>> failedTests = new ConcurrentHashMap<>();

  /**
   * A run ended: its tests' problems replace those of their earlier runs (null clears one); the
   * caller publishes again.
   */
  void runEnded(Path projectDir, Map<String, Problem> tests) {
    Map<String, Problem> now =
        failedTests.computeIfAbsent(projectDir, k -> new ConcurrentHashMap<>());
    tests.forEach(
        (id, p) -> {
          if (p == null) {
            now.remove(id);
          } else {
            now.put(id, p);
          }
        });
  }

  DiagnosticsPublisher(
      Uris uris,
      java.util.function.Function<Path, java.util.Optional<dev.dbtls.ide.Analysis>> newest) {
    this.uris = uris;
    this.newest = newest;
  }

  /** The problems of {@code analysis}, unless a newer build of the project replaced it. */
  synchronized void publish(
      LanguageClient client,
      Path projectDir,
      dev.dbtls.ide.Analysis analysis,
      List<Path> openFiles,
      Settings settings) {
    if (newest.apply(projectDir).orElse(null) != analysis) {
      return; // the newer build publishes its own
    }
    Map<Path, List<Problem>> found = new java.util.LinkedHashMap<>();
    analysis.diagnostics(openFiles).forEach((f, ps) -> found.put(f, new java.util.ArrayList<>(ps)));
    failedTests
        .getOrDefault(projectDir, Map.of())
        .values()
        .forEach(
            p ->
                found
                    .computeIfAbsent(
                        projectDir.resolve(p.file()).normalize(), k -> new java.util.ArrayList<>())
                    .add(p));
    Map<Path, List<Problem>> now = new java.util.LinkedHashMap<>();
    found.forEach(
        (f, ps) -> {
          List<Problem> shown = settings.adjust(ps);
          if (!shown.isEmpty()) {
            now.put(f, shown);
          }
        });
    Map<Path, List<Problem>> before = published.getOrDefault(projectDir, Map.of());
    for (Path f : dev.dbtls.ide.Analysis.clearedFiles(before.keySet(), now)) {
      client.publishDiagnostics(new PublishDiagnosticsParams(uris.uri(f), List.of()));
    }
    now.forEach(
        (f, problems) -> {
          if (!problems.equals(before.get(f))) {
            client.publishDiagnostics(
                new PublishDiagnosticsParams(
                    uris.uri(f), problems.stream().map(DiagnosticsPublisher::diagnostic).toList()));
          }
        });
    published.put(projectDir, now);
  }

  /** Clears every file shown for a project that is gone. */
  synchronized void forget(LanguageClient client, Path projectDir) {
    failedTests.remove(projectDir);
    Map<Path, List<Problem>> before = published.remove(projectDir);
    if (before != null) {
      before
          .keySet()
          .forEach(
              f -> client.publishDiagnostics(new PublishDiagnosticsParams(uris.uri(f), List.of())));
    }
  }

  static Diagnostic diagnostic(Problem p) {
    Position start = new Position(p.line(), p.column());
    boolean endBeforeStart =
        p.endLine() < p.line() || p.endLine() == p.line() && p.endColumn() < p.column();
    Position end = endBeforeStart ? start : new Position(p.endLine(), p.endColumn());
    return new Diagnostic(
        new Range(start, end), p.message(), severity(p.severity()), SOURCE, p.code().id());
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
