import * as vscode from 'vscode';
import type { ProjectInfo } from '../protocol.generated';
import type { ServerClient } from './client';
import { messageOf } from './dbtServer';
import { describeProject } from './status';

/**
 * dbt: Switch Target — pick one of the targets of the project's profile. The choice is written
 * to the setting dbtls.target of the project's workspace folder; the server reloads with it.
 */
export function registerTargets(context: vscode.ExtensionContext, server: ServerClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('dbtls.switchTarget', () => switchTarget(server)),
  );
}

async function switchTarget(server: ServerClient): Promise<void> {
  let projects: ProjectInfo[];
  try {
    projects = (await server.request('dbt/projects', {}))?.projects ?? [];
  } catch (e) {
    void vscode.window.showErrorMessage(`dbt: cannot switch target: ${messageOf(e)}`);
    return;
  }
  const project = projects.length <= 1 ? projects[0] : await pickProject(projects);
  if (!project) {
    if (projects.length === 0) void vscode.window.showWarningMessage('dbt: no dbt project is loaded.');
    return;
  }
  const targets = project.targets ?? [];
  if (targets.length === 0) {
    void vscode.window.showWarningMessage(
      `dbt: the profile ${project.profile ?? ''} of ${project.name} has no targets (see the log for why it did not load).`,
    );
    return;
  }
  const picked = await vscode.window.showQuickPick(
    targets.map((t) => ({
      label: t,
      description: t === project.target ? 'current' : undefined,
      picked: t === project.target,
    })),
    {
      title: `Target of ${project.name} (profile ${project.profile ?? '?'})`,
      placeHolder: 'The target previews, explains and benchmarks run on',
    },
  );
  if (!picked || picked.label === project.target) return;
  const uri = project.uri ? vscode.Uri.parse(project.uri) : undefined;
  const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
  const where =
    folder && (vscode.workspace.workspaceFolders?.length ?? 0) > 1
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : vscode.ConfigurationTarget.Workspace;
  await vscode.workspace.getConfiguration('dbtls', folder?.uri).update('target', picked.label, where);
  // the server reloads the project with the new setting: follow it in the status item
  for (let i = 0; i < 40; i++) {
    const now = (await server.refreshProjects()).find((p) => p.uri === project.uri);
    if (now?.target === picked.label) {
      void vscode.window.setStatusBarMessage(`dbt: ${project.name} now uses target ${picked.label}`, 4000);
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  void vscode.window.showWarningMessage(
    `dbt: ${project.name} did not switch to target ${picked.label}; see dbt: Show Server Log.`,
  );
}

async function pickProject(projects: ProjectInfo[]): Promise<ProjectInfo | undefined> {
  const p = await vscode.window.showQuickPick(
    projects.map((x) => ({ label: x.name ?? '?', description: describeProject(x), project: x })),
    { title: 'Switch the target of which project?' },
  );
  return p?.project;
}
