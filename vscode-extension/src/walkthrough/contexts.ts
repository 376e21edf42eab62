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

/** The context a view's panel sets once shown (by its webview type, dbtls.<view>). */
export const VIEW_CONTEXTS: Record<string, string> = {
  results: 'dbtls.previewed',
  plan: 'dbtls.explained',
  lineage: 'dbtls.lineageShown',
};

/**
 * Keeps the contexts in step with the server and the views shown. A context once true for the
 * walkthrough stays true for the session (a restart does not uncheck "Java found").
 *
 * Why the walkthrough's steps also complete on "<context> && activeEditor == gettingStartedPage":
 * VS Code (1.100) registers a walkthrough when its page is first needed, and a step whose
 * context is already true then, or whose command already ran, is never checked. The page
 * becoming the active editor is a change after that registration, so the step checks then.
 */
export function registerContexts(context: vscode.ExtensionContext, server: ServerEvents): void {
  const reached = new Set<string>();
  const set = (key: string, value: boolean, sticky: boolean) => {
    if (sticky && reached.has(key)) return;
    if (sticky && value) reached.add(key);
    void vscode.commands.executeCommand('setContext', key, value);
  };
  const update = () => {
    for (const [key, value] of Object.entries(contextsOf(server.running, server.projects)))
      set(key, value, key !== 'dbtls.running');
  };
  const viewsShown = () => {
    for (const group of vscode.window.tabGroups.all)
      for (const tab of group.tabs) {
        const type =
          tab.input instanceof vscode.TabInputWebview
            ? /dbtls\.(\w+)$/.exec(tab.input.viewType)?.[1]
            : undefined;
        if (type && VIEW_CONTEXTS[type]) set(VIEW_CONTEXTS[type], true, true);
      }
  };
  context.subscriptions.push(
    server.onDidChangeState(update),
    server.onDidChangeProjects(update),
    vscode.window.tabGroups.onDidChangeTabs(viewsShown),
  );
  update();
}
