package dev.dbtls.intellij.platform;

import com.google.gson.JsonObject;
import com.intellij.openapi.actionSystem.ActionUpdateThread;
import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.actionSystem.CommonDataKeys;
import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;
import com.redhat.devtools.lsp4ij.LSPIJUtils;
import com.redhat.devtools.lsp4ij.commands.CommandExecutor;
import com.redhat.devtools.lsp4ij.commands.LSPCommand;
import java.util.function.BiConsumer;
import org.jetbrains.annotations.NotNull;

/**
 * The five commands, from the editor's context menu and from the server's code lenses. Each
 * action's id in plugin.xml is the lens's command ({@code dbtls.preview}…): LSP4IJ runs a lens's
 * client command as the action of that id, with the command in the data context
 * ({@link CommandExecutor#LSP_COMMAND}; its argument is {@code {uri, uniqueId}},
 * docs/protocol.md). From the menu, the document is the editor's file.
 */
public abstract class DbtActions extends AnAction {
  private final BiConsumer<DbtToolWindow, String> command;

  DbtActions(BiConsumer<DbtToolWindow, String> command) {
    this.command = command;
  }

  @Override
  public void actionPerformed(@NotNull AnActionEvent e) {
    Project project = e.getProject();
    String uri = uri(e);
    if (project != null && uri != null) {
      ApplicationManager.getApplication().invokeLater(() -> command.accept(DbtToolWindow.getInstance(project), uri));
    }
  }

  @Override
  public void update(@NotNull AnActionEvent e) {
    VirtualFile file = e.getData(CommonDataKeys.VIRTUAL_FILE);
    e.getPresentation().setEnabledAndVisible(e.getProject() != null
        && (e.getData(CommandExecutor.LSP_COMMAND) != null || file != null && file.getName().endsWith(".sql")));
  }

  @Override
  public @NotNull ActionUpdateThread getActionUpdateThread() {
    return ActionUpdateThread.BGT;
  }

  /** The lens's {@code uri} argument, else the editor's file. */
  private static String uri(AnActionEvent e) {
    LSPCommand lens = e.getData(CommandExecutor.LSP_COMMAND);
    if (lens != null && lens.getArgumentAt(0) instanceof JsonObject arg && arg.has("uri")) {
      return arg.get("uri").getAsString();
    }
    VirtualFile file = e.getData(CommonDataKeys.VIRTUAL_FILE);
    return file == null ? null : LSPIJUtils.toUriAsString(file);
  }

  /** {@code dbtls.preview}: run the model, rows in Results. */
  public static final class Preview extends DbtActions {
    public Preview() {
      super(DbtToolWindow::preview);
    }
  }

  /** {@code dbtls.explain}: the warehouse's plan in Query Plan. */
  public static final class Explain extends DbtActions {
    public Explain() {
      super(DbtToolWindow::explain);
    }
  }

  /** {@code dbtls.benchmark}: time the model, alone or against the saved file or git HEAD. */
  public static final class Benchmark extends DbtActions {
    public Benchmark() {
      super(DbtToolWindow::benchmark);
    }
  }

  /** {@code dbtls.showCompiledSql}: the compiled SQL beside the source. */
  public static final class CompiledSql extends DbtActions {
    public CompiledSql() {
      super(DbtToolWindow::compiledSql);
    }
  }

  /** {@code dbtls.lineage}: parents and children in Lineage. */
  public static final class Lineage extends DbtActions {
    public Lineage() {
      super(DbtToolWindow::lineage);
    }
  }

  /** {@code dbtls.buildModel}: dbt build of the model (and its tests) in the Run tab. */
  public static final class BuildModel extends DbtActions {
    public BuildModel() {
      super((w, uri) -> w.run(uri, "build", null, "dbt build " + name(uri)));
    }
  }

  /** {@code dbtls.buildModelChildren}: dbt build of the model and what is downstream of it. */
  public static final class BuildModelChildren extends DbtActions {
    public BuildModelChildren() {
      super((w, uri) -> w.run(uri, "build", java.util.List.of(name(uri) + "+"), "dbt build " + name(uri) + "+"));
    }
  }

  /** {@code dbtls.buildModelParents}: dbt build of the model and what it is built from. */
  public static final class BuildModelParents extends DbtActions {
    public BuildModelParents() {
      super((w, uri) -> w.run(uri, "build", java.util.List.of("+" + name(uri)), "dbt build +" + name(uri)));
    }
  }

  /** {@code dbtls.runModel}: dbt run of the model in the Run tab. */
  public static final class RunModel extends DbtActions {
    public RunModel() {
      super((w, uri) -> w.run(uri, "run", null, "dbt run " + name(uri)));
    }
  }

  /** {@code dbtls.testModel}: dbt test of the model's data tests in the Run tab. */
  public static final class TestModel extends DbtActions {
    public TestModel() {
      super((w, uri) -> w.run(uri, "test", null, "dbt test " + name(uri)));
    }
  }

  /** {@code dbtls.buildProject}: dbt build of the whole project in the Run tab. */
  public static final class BuildProject extends DbtActions {
    public BuildProject() {
      super((w, uri) -> w.run(uri, "build", java.util.List.of("*"), "dbt build the project"));
    }
  }

  /** The model's name: its file's name without the extension. */
  static String name(String uri) {
    String file = uri.substring(uri.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }
}
