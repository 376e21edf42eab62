package dev.dbtls.lsp;

import dev.dbtls.workspace.Settings;
import dev.dbtls.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The {@code dbtls.*} settings as the editor sends them: in {@code initializationOptions}, in
 * {@code workspace/didChangeConfiguration} (pushed), or asked for with {@code
 * workspace/configuration} when the client supports it (pulled). A change of the settings that
 * shape a project (target, vars, ...) reloads every project; severities only re-publish. Bad values
 * are shown to the user once per change, and the rest still apply.
 */
final class Configuration {
  private final Workspace workspace;
  private final Consumer<Settings> onSeverityChange;
  private volatile Settings current = Settings.defaults();
  private volatile Path base;

  private final java.util.concurrent.CompletableFuture<dev.dbtls.store.Store> store;
  private final dev.dbtls.warehouse.Warehouses warehouses;

  Configuration(
      Workspace workspace,
      Consumer<Settings> onSeverityChange,
      java.util.concurrent.CompletableFuture<dev.dbtls.store.Store> store,
      dev.dbtls.warehouse.Warehouses warehouses) {
    this.workspace = workspace;
    this.warehouses = warehouses;
    this.onSeverityChange = onSeverityChange;
    this.store = store;
  }

  Settings current() {
    return current;
  }

  /** Relative paths in settings start at the first workspace folder. */
  void base(Path folder) {
    this.base = folder;
  }

  /** Settings from plain or Gson JSON; null or an empty object keeps the current ones. */
  void apply(Object json, LanguageClient client) {
    Object plain = Json.plain(json);
    if (plain == null || plain instanceof java.util.Map<?, ?> m && m.isEmpty()) {
      return;
    }
    Settings next = Settings.parse(plain, base);
    Settings before = current;
    current = next;
    workspace.rebuildDelay(next.rebuildDelayMillis());
    warehouses.allowFileReads(next.allowFileReads());
    warehouses.maxBytesScanned(next.maxBytesScanned());
    if (next.historyMaxEntries() != null) {
      // the newest cap when the store opens: what waits for it runs newest first
      store.thenAccept(
          st -> {
            Integer cap = current.historyMaxEntries();
            if (cap != null) {
              st.history().setMaxEntries(cap);
            }
          });
    }
    if (!next.errors().isEmpty() && client != null) {
      String text = "dbtls settings: " + String.join("; ", next.errors());
      System.err.println(text);
      client.showMessage(new MessageParams(MessageType.Warning, text));
    }
    if (!next.sameProjectOptions(before)) {
      workspace.configure(next.options(System.getenv()), next.builtinMacroDirs());
    } else if (!next.severities().equals(before.severities()) || next.strict() != before.strict()) {
      onSeverityChange.accept(next);
    }
  }

  /** Pulls the {@code dbtls} section from a client that answers {@code workspace/configuration}. */
  void pull(LanguageClient client) {
    ConfigurationItem item = new ConfigurationItem();
    item.setSection("dbtls");
    client
        .configuration(new ConfigurationParams(List.of(item)))
        .thenAccept(
            values -> {
              if (values != null && !values.isEmpty()) {
                apply(values.get(0), client);
              }
            })
        .exceptionally(
            e -> {
              System.err.println("dbtls: workspace/configuration failed: " + e);
              return null;
            });
  }
}
