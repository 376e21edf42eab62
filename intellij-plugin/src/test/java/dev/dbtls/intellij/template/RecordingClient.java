package dev.dbtls.intellij.template;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The editor's side as LSP4IJ plays it for a user-defined server: it answers {@code
 * workspace/configuration} from the Configuration tab's JSON (settings.json) and records what the
 * server shows and publishes.
 */
final class RecordingClient implements LanguageClient {
  final List<String> shown = new CopyOnWriteArrayList<>();
  final List<String> logged = new CopyOnWriteArrayList<>();
  private final JsonObject settings;
  private final List<Waiter> waiters = new ArrayList<>();

  private record Waiter(
      Predicate<PublishDiagnosticsParams> wanted,
      CompletableFuture<PublishDiagnosticsParams> found) {}

  RecordingClient(JsonObject settings) {
    this.settings = settings;
  }

  /** The first diagnostics published from now on that {@code wanted} accepts. */
  synchronized CompletableFuture<PublishDiagnosticsParams> diagnostics(
      Predicate<PublishDiagnosticsParams> wanted) {
    Waiter w = new Waiter(wanted, new CompletableFuture<>());
    waiters.add(w);
    return w.found();
  }

  @Override
  public synchronized void publishDiagnostics(PublishDiagnosticsParams p) {
    waiters.removeIf(w -> w.wanted().test(p) && w.found().complete(p));
  }

  @Override
  public void showMessage(MessageParams p) {
    shown.add(p.getMessage());
  }

  @Override
  public void logMessage(MessageParams p) {
    logged.add(p.getMessage());
  }

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
    shown.add(p.getMessage());
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void telemetryEvent(Object o) {}

  /**
   * Each section as LSP4IJ's SettingsHelper.findSettings finds it in a settings object with dotted
   * keys: the keys that start with the section's parts ({@code dbtls.*} for "dbtls").
   */
  @Override
  public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
    List<Object> out = new ArrayList<>();
    params
        .getItems()
        .forEach(
            item -> {
              String section = item.getSection();
              if (section == null || section.isEmpty()) {
                out.add(settings);
                return;
              }
              JsonObject found = new JsonObject();
              for (var e : settings.entrySet()) {
                if (e.getKey().equals(section) || e.getKey().startsWith(section + ".")) {
                  found.add(e.getKey(), e.getValue());
                }
              }
              out.add(found.size() == 0 ? null : (JsonElement) found);
            });
    return CompletableFuture.completedFuture(out);
  }
}
