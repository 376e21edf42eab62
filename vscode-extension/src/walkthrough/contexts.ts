import * as vscode from 'vscode';
import type { ProjectInfo } from '../protocol.generated';

/** What the contexts follow: the server's state and the projects it reports (dbt/projects). */
export interface ServerEvents {
  readonly running: boolean;
  readonly projects: ProjectInfo[];
  readonly onDidChangeState: vscode.Event<boolean>;
  readonly onDidChangeProjects: vscode.Event<ProjectInfo[]>;
}

/** The when-clause contexts of the server, and what each means. */
export function contextsOf(running: boolean, projects: ProjectInfo[]): Record<string, boolean> {
  return {
    // the menus and Ctrl+Enter of dbt files
    'dbtls.running': running,
    // the server runs only on a Java it accepted (17+): the walkthrough's first step
    'dbtls.javaFound': running,
    'dbtls.projectFound': projects.length > 0,
    // a project whose profile gave a target (and so an adapter) to run previews on
    'dbtls.targetFound': projects.some((p) => !!p.target && !!p.adapter),
  };
}

/**
 * Keeps the contexts in step with the server. A context once true for the walkthrough stays
 * true for the session (a restart does not uncheck "Java found").
 */
export function registerContexts(context: vscode.ExtensionContext, server: ServerEvents): void {
  const reached = new Set<string>();
  const update = () => {
    for (const [key, value] of Object.entries(contextsOf(server.running, server.projects))) {
      const sticky = key !== 'dbtls.running';
      if (sticky && reached.has(key)) continue;
      if (sticky && value) reached.add(key);
      void vscode.commands.executeCommand('setContext', key, value);
    }
  };
  context.subscriptions.push(server.onDidChangeState(update), server.onDidChangeProjects(update));
  update();
}
