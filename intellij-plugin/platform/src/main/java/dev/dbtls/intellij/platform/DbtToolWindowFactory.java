package dev.dbtls.intellij.platform;

import com.intellij.openapi.project.DumbAware;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.wm.ToolWindow;
import com.intellij.openapi.wm.ToolWindowFactory;
import com.intellij.ui.content.ContentFactory;
import com.intellij.ui.content.ContentManagerEvent;
import com.intellij.ui.content.ContentManagerListener;
import org.jetbrains.annotations.NotNull;

/** The "dbt" tool window: one tab per view of the views module, filled by {@link DbtToolWindow}. */
public final class DbtToolWindowFactory implements ToolWindowFactory, DumbAware {
  @Override
  public void createToolWindowContent(@NotNull Project project, @NotNull ToolWindow toolWindow) {
    DbtToolWindow window = DbtToolWindow.getInstance(project);
    window.createViews();
    ContentFactory contents = ContentFactory.getInstance();
    for (DbtToolWindow.Tab tab : DbtToolWindow.Tab.values()) {
      toolWindow.getContentManager().addContent(contents.createContent(window.view(tab), tab.title, false));
    }
    toolWindow.getContentManager().addContentManagerListener(new ContentManagerListener() {
      @Override
      public void selectionChanged(@NotNull ContentManagerEvent event) {
        if (event.getOperation() == ContentManagerEvent.ContentOperation.add) {
          for (DbtToolWindow.Tab tab : DbtToolWindow.Tab.values()) {
            if (tab.title.equals(event.getContent().getDisplayName())) {
              window.selected(tab);
            }
          }
        }
      }
    });
  }
}
