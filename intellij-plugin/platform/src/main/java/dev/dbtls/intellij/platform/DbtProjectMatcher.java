package dev.dbtls.intellij.platform;

import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;
import com.redhat.devtools.lsp4ij.AbstractDocumentMatcher;
import org.jetbrains.annotations.NotNull;

/**
 * Only SQL and YAML files of a dbt project go to dbtls: a folder above them holds
 * {@code dbt_project.yml}, and they are not in an installed package ({@code dbt_packages/}), as
 * the VS Code client decides.
 */
public final class DbtProjectMatcher extends AbstractDocumentMatcher {
  @Override
  public boolean match(@NotNull VirtualFile file, @NotNull Project project) {
    boolean inProject = false;
    for (VirtualFile dir = file.getParent(); dir != null; dir = dir.getParent()) {
      if (dir.getName().equals("dbt_packages")) {
        return false; // a package has its own dbt_project.yml: checked all the way up
      }
      inProject |= dir.findChild("dbt_project.yml") != null;
    }
    return inProject;
  }
}
