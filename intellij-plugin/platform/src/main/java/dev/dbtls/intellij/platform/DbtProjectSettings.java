package dev.dbtls.intellij.platform;

import com.google.gson.JsonObject;
import com.intellij.openapi.components.PersistentStateComponent;
import com.intellij.openapi.components.Service;
import com.intellij.openapi.components.State;
import com.intellij.openapi.components.Storage;
import com.intellij.openapi.project.Project;
import org.jetbrains.annotations.NotNull;

/** The project's {@code dbtls.*} settings the settings page offers, and the preview's row limit. */
@Service(Service.Level.PROJECT)
@State(name = "DbtlsProject", storages = @Storage("dbtls.xml"))
public final class DbtProjectSettings implements PersistentStateComponent<DbtProjectSettings.State> {
  /** The saved values; blank means the server's default. */
  public static final class State {
    /** {@code dbtls.target}; blank: the profile's target. */
    public String target = "";
    /** {@code dbtls.vars} as YAML, e.g. {@code {start_date: '2024-01-01'}}; blank: none. */
    public String vars = "";
    /** {@code dbtls.profilesDir}; blank: where dbt looks. */
    public String profilesDir = "";
    /** Rows a preview may return at most ({@code dbt/preview}'s limit; 0: no limit). */
    public int previewLimit = 500;
  }

  private State state = new State();

  public static DbtProjectSettings getInstance(Project project) {
    return project.getService(DbtProjectSettings.class);
  }

  @Override
  public @NotNull State getState() {
    return state;
  }

  @Override
  public void loadState(@NotNull State loaded) {
    state = loaded;
  }

  /** The {@code dbtls} section the server reads; blank values are left out (the server's default). */
  JsonObject serverSettings() {
    JsonObject s = new JsonObject();
    put(s, "target", state.target);
    put(s, "vars", state.vars); // a YAML string, as `dbt --vars` takes it
    put(s, "profilesDir", state.profilesDir);
    return s;
  }

  private static void put(JsonObject s, String key, String value) {
    if (value != null && !value.isBlank()) {
      s.addProperty(key, value.trim());
    }
  }
}
