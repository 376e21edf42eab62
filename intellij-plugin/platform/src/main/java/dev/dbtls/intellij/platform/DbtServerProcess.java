package dev.dbtls.intellij.platform;

import com.google.gson.JsonObject;
import com.intellij.execution.configurations.GeneralCommandLine;
import com.intellij.ide.plugins.PluginManagerCore;
import com.intellij.openapi.extensions.PluginId;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;
import com.redhat.devtools.lsp4ij.server.CannotStartProcessException;
import com.redhat.devtools.lsp4ij.server.JavaProcessCommandBuilder;
import com.redhat.devtools.lsp4ij.server.OSProcessStreamConnectionProvider;
import dev.dbtls.intellij.client.JavaFinder;
import dev.dbtls.intellij.client.JavaSearch;
import dev.dbtls.intellij.client.LaunchFile;
import dev.dbtls.intellij.client.ServerLaunch;
import dev.dbtls.intellij.client.SharedArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server process: {@code java [vm options] -Xmx… -XX:+ExitOnOutOfMemoryError … -jar dbtls.jar
 * lsp} over stdio, as protocol-ext's launch.json says ({@link ServerLaunch}). Java is the one set on
 * the settings page, else the IDE's own runtime (17+ in every IDE this plugin supports), else
 * JAVA_HOME, JDK_HOME or PATH ({@link JavaFinder}); the jar is
 * the one bundled in the plugin's folder unless the settings name another. LSP4IJ's
 * {@link JavaProcessCommandBuilder} adds its debug port when one is set in LSP4IJ's settings.
 */
final class DbtServerProcess extends OSProcessStreamConnectionProvider {
  static final String PLUGIN_ID = "dev.dbtls.intellij";

  private final Project project;
  private final String problem;

  DbtServerProcess(Project project) {
    this.project = project;
    DbtAppSettings.State s = DbtAppSettings.getInstance().getState();
    JavaSearch java = JavaFinder.find(JavaFinder.candidates(s.javaHome, System.getenv()));
    Path jar = serverJar(s.serverJar);
    if (java.found().isEmpty()) {
      problem = java.describe();
    } else if (!Files.isRegularFile(jar)) {
      problem = "The dbtls server jar is missing: " + jar;
    } else {
      problem = null;
      List<String> command = new ArrayList<>(new JavaProcessCommandBuilder(project, DbtServerFactory.SERVER_ID)
          .setJavaPath(java.found().get().candidate().executable().toString())
          .setJar(jar.toString())
          .create());
      // the options and server arguments of protocol-ext's launch.json, as the VS Code extension's
      // and the class-data archive: recorded by the first start, mapped by every later one
      SharedArchive archive = SharedArchive.find(jar, Path.of(command.get(0)),
          java.found().get().version(), System.getenv());
      ServerLaunch launch = new ServerLaunch(Path.of(command.get(0)), jar, s.maxHeap,
          ServerLaunch.splitOptions(s.vmArgs), null, Map.of(), archive);
      command.addAll(1, launch.vmOptions());
      command.addAll(LaunchFile.SHIPPED.serverArgs());
      setCommandLine(new GeneralCommandLine(command));
    }
  }

  @Override
  public void start() throws CannotStartProcessException {
    if (problem != null) {
      throw new CannotStartProcessException(problem);
    }
    super.start();
  }

  /** The settings at initialize too, so the first load already uses the chosen target and vars. */
  @Override
  public Object getInitializationOptions(VirtualFile rootUri) {
    JsonObject options = new JsonObject();
    options.add("dbtls", DbtProjectSettings.getInstance(project).serverSettings());
    return options;
  }

  /** The configured jar, else {@code server/dbtls.jar} in the plugin's folder (build.gradle.kts puts it there). */
  private static Path serverJar(String configured) {
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured.trim());
    }
    var plugin = PluginManagerCore.getPlugin(PluginId.getId(PLUGIN_ID));
    return plugin == null ? Path.of("dbtls.jar") : plugin.getPluginPath().resolve("server").resolve("dbtls.jar");
  }
}
