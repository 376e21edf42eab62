package dev.dbtls.intellij.platform;

import com.intellij.openapi.options.Configurable;
import com.intellij.openapi.project.Project;
import com.intellij.util.ui.FormBuilder;
import com.redhat.devtools.lsp4ij.LanguageServerManager;
import java.util.Objects;
import javax.swing.JComponent;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import org.jetbrains.annotations.Nls;

/**
 * Settings | Tools | dbt: the server's Java, heap and JVM options (the IDE's), and the project's
 * target, vars, profiles folder and preview row limit. A change of how the server starts restarts
 * it; a change of target, vars or profiles folder is sent to it (it reloads its projects).
 */
public final class DbtSettingsConfigurable implements Configurable {
  private final Project project;
  private final JTextField javaHome = new JTextField();
  private final JTextField maxHeap = new JTextField();
  private final JTextField vmArgs = new JTextField();
  private final JTextField serverJar = new JTextField();
  private final JTextField target = new JTextField();
  private final JTextField vars = new JTextField();
  private final JTextField profilesDir = new JTextField();
  private final JSpinner previewLimit = new JSpinner(new SpinnerNumberModel(500, 0, 10_000_000, 100));

  public DbtSettingsConfigurable(Project project) {
    this.project = project;
  }

  @Override
  public @Nls String getDisplayName() {
    return "dbt";
  }

  @Override
  public JComponent createComponent() {
    return FormBuilder.createFormBuilder()
        .addLabeledComponent("Java home (17+; blank: the IDE's Java, JAVA_HOME, JDK_HOME, PATH):", javaHome)
        .addLabeledComponent("Server heap (-Xmx):", maxHeap)
        .addLabeledComponent("More JVM options:", vmArgs)
        .addLabeledComponent("Server jar (blank: the bundled one):", serverJar)
        .addSeparator()
        .addLabeledComponent("Target (blank: the profile's):", target)
        .addLabeledComponent("Vars (YAML, e.g. {days: 3}):", vars)
        .addLabeledComponent("Profiles folder (blank: where dbt looks):", profilesDir)
        .addLabeledComponent("Preview row limit (0: none):", previewLimit)
        .addComponentFillVertically(new javax.swing.JPanel(), 0)
        .getPanel();
  }

  @Override
  public boolean isModified() {
    return launchChanged() || projectChanged()
        || (int) previewLimit.getValue() != DbtProjectSettings.getInstance(project).getState().previewLimit;
  }

  @Override
  public void apply() {
    boolean restart = launchChanged();
    boolean resend = projectChanged();
    DbtAppSettings.State app = DbtAppSettings.getInstance().getState();
    app.javaHome = javaHome.getText().trim();
    app.maxHeap = maxHeap.getText().trim();
    app.vmArgs = vmArgs.getText().trim();
    app.serverJar = serverJar.getText().trim();
    DbtProjectSettings.State p = DbtProjectSettings.getInstance(project).getState();
    p.target = target.getText().trim();
    p.vars = vars.getText().trim();
    p.profilesDir = profilesDir.getText().trim();
    p.previewLimit = (int) previewLimit.getValue();
    if (restart) {
      LanguageServerManager.getInstance(project).start(DbtServerFactory.SERVER_ID,
          new LanguageServerManager.StartOptions().setForceRestart(true));
    } else if (resend) {
      DbtSession.getInstance(project).settingsChanged();
    }
  }

  @Override
  public void reset() {
    DbtAppSettings.State app = DbtAppSettings.getInstance().getState();
    javaHome.setText(app.javaHome);
    maxHeap.setText(app.maxHeap);
    vmArgs.setText(app.vmArgs);
    serverJar.setText(app.serverJar);
    DbtProjectSettings.State p = DbtProjectSettings.getInstance(project).getState();
    target.setText(p.target);
    vars.setText(p.vars);
    profilesDir.setText(p.profilesDir);
    previewLimit.setValue(p.previewLimit);
  }

  private boolean launchChanged() {
    DbtAppSettings.State app = DbtAppSettings.getInstance().getState();
    return !Objects.equals(javaHome.getText().trim(), app.javaHome)
        || !Objects.equals(maxHeap.getText().trim(), app.maxHeap)
        || !Objects.equals(vmArgs.getText().trim(), app.vmArgs)
        || !Objects.equals(serverJar.getText().trim(), app.serverJar);
  }

  private boolean projectChanged() {
    DbtProjectSettings.State p = DbtProjectSettings.getInstance(project).getState();
    return !Objects.equals(target.getText().trim(), p.target)
        || !Objects.equals(vars.getText().trim(), p.vars)
        || !Objects.equals(profilesDir.getText().trim(), p.profilesDir);
  }
}
