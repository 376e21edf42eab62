import * as vscode from 'vscode';

/** The scheme of the compiled SQL documents (src/compiled/register.ts). */
export const COMPILED_SCHEME = 'dbtls-compiled';

/** An editor group as the placement sees it: its column and whether it holds one of our views. */
export interface Group {
  column: number;
  hasViews: boolean;
}

/** Where a view goes: a column (or beside the active group), after moving the source out of the views' group. */
export interface Placement {
  column: number | 'beside';
  /** The source is in the views' group: move it to the group on its left first (created if none). */
  moveSourceLeft: boolean;
}

/**
 * dbtls' views (results, plan, lineage, ERD, benchmark, compiled SQL) share one column beside the
 * editor: the first group already showing one of them, else a new one beside the source. The
 * source never shares that column (it would be hidden by the view, or opened twice): when it is
 * there, it moves to the left of it.
 */
export function placeView(groups: Group[], sourceColumn: number | undefined): Placement {
  const views = groups.find((g) => g.hasViews);
  if (!views) return { column: 'beside', moveSourceLeft: false };
  return { column: views.column, moveSourceLeft: sourceColumn === views.column };
}

/** Whether a tab shows one of our views: a dbtls webview panel or a compiled SQL document. */
export function isViewTab(tab: vscode.Tab): boolean {
  const input = tab.input;
  // (an extension's panel shows in the tab as "mainThreadWebview-<viewType>")
  if (input instanceof vscode.TabInputWebview) return /(^|-)dbtls\.\w+$/.test(input.viewType);
  if (input instanceof vscode.TabInputText) return input.uri.scheme === COMPILED_SCHEME;
  return false;
}

/**
 * Before a view shows for the active editor's model: the editor leaves the views' column when it
 * is in it (to the group on its left, made if there is none), so the view does not hide it.
 */
export async function makeRoomForViews(): Promise<void> {
  const column = vscode.window.activeTextEditor?.viewColumn;
  if (placeView(groups(), column).moveSourceLeft)
    await vscode.commands.executeCommand('workbench.action.moveEditorToLeftGroup');
}

/** The column a view opens or is revealed in now: the views' column, else beside the active group. */
export function viewColumnNow(): vscode.ViewColumn {
  const place = placeView(groups(), undefined);
  return place.column === 'beside' ? vscode.ViewColumn.Beside : place.column;
}

function groups(): Group[] {
  return vscode.window.tabGroups.all.map((g) => ({ column: g.viewColumn, hasViews: g.tabs.some(isViewTab) }));
}

/**
 * Where a view opens a file (a card's model, a plan step's ref): the group outside the views'
 * column already showing it, else the first group outside it; never a second copy beside the view.
 */
export function sourceColumnFor(uri?: vscode.Uri): vscode.ViewColumn {
  const others = vscode.window.tabGroups.all.filter((g) => !g.tabs.some(isViewTab));
  const showing = uri
    ? others.find((g) =>
        g.tabs.some(
          (t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString(),
        ),
      )
    : undefined;
  const group = showing ?? others[0];
  if (group) return group.viewColumn;
  const views = vscode.window.tabGroups.all.find((g) => g.tabs.some(isViewTab));
  return views && views.viewColumn > vscode.ViewColumn.One ? vscode.ViewColumn.One : vscode.ViewColumn.Beside;
}
