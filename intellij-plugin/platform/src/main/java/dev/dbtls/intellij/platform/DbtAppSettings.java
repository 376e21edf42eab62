package dev.dbtls.intellij.platform;

import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.components.PersistentStateComponent;
import com.intellij.openapi.components.Service;
import com.intellij.openapi.components.State;
import com.intellij.openapi.components.Storage;
import org.jetbrains.annotations.NotNull;

/**
 * How the server starts (docs/configuration.md's client settings): the IDE's own, never a
 * project's, so opening a project cannot make the IDE run a program it names.
 */
@Service(Service.Level.APP)
@State(name = "DbtlsServer", storages = @Storage("dbtls.xml"))
public final class DbtAppSettings implements PersistentStateComponent<DbtAppSettings.State> {
  /** The saved values; blank means the default. */
  public static final class State {
    /** {@code dbtls.java.home}: a JDK or JRE 17+ folder; blank: the IDE's Java, JAVA_HOME, JDK_HOME, PATH. */
    public String javaHome = "";
    /** {@code dbtls.server.maxHeap}: the server's -Xmx. */
    public String maxHeap = "2g";
    /** {@code dbtls.server.vmargs}: more JVM options, separated by spaces. */
    public String vmArgs = "";
    /** Another dbtls.jar than the bundled one (a build of your own). */
    public String serverJar = "";
  }

  private State state = new State();

  public static DbtAppSettings getInstance() {
    return ApplicationManager.getApplication().getService(DbtAppSettings.class);
  }

  @Override
  public @NotNull State getState() {
    return state;
  }

  @Override
  public void loadState(@NotNull State loaded) {
    state = loaded;
  }
}
