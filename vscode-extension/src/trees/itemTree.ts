import * as vscode from 'vscode';
import { messageOf } from '../server/dbtServer';
import { messageItem, type ViewItem } from './viewItem';

/**
 * A TreeDataProvider over plain {@link ViewItem}s: the roots come from `load` (asked again after
 * {@link refresh}), the rest from each item's `children`. A load that throws shows its message
 * as the one row of the view.
 */
export class ItemTree<T extends ViewItem> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private roots: Promise<T[]> | undefined;
  private parents = new Map<string, T>();
  private readonly changed = new vscode.EventEmitter<T | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly load: () => Promise<T[]>) {}

  /** Forgets the rows: the view asks for them again (at once if visible, else when shown). */
  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  /** The rows now, loading them if needed. */
  rows(): Promise<T[]> {
    if (!this.roots) {
      const loading: Promise<T[]> = this.load()
        .catch((e) => [messageItem('error', messageOf(e), { error: true }) as T])
        .then((roots) => {
          if (this.roots === loading) this.indexParents(roots);
          return roots;
        });
      this.roots = loading;
    }
    return this.roots;
  }

  getTreeItem(item: T): vscode.TreeItem {
    return treeItem(item);
  }

  async getChildren(item?: T): Promise<T[]> {
    if (item) return (item.children ?? []) as T[];
    return this.rows();
  }

  getParent(item: T): T | undefined {
    return this.parents.get(item.id);
  }

  private indexParents(roots: T[]): void {
    const parents = new Map<string, T>();
    const walk = (item: T) => {
      for (const c of (item.children ?? []) as T[]) {
        parents.set(c.id, item);
        walk(c);
      }
    };
    roots.forEach(walk);
    this.parents = parents;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function treeItem(item: ViewItem): vscode.TreeItem {
  const state =
    item.children === undefined
      ? vscode.TreeItemCollapsibleState.None
      : item.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
  const t = new vscode.TreeItem(item.label, state);
  t.id = item.id;
  t.description = item.description;
  t.tooltip = item.tooltip;
  t.contextValue = item.contextValue;
  if (item.icon)
    t.iconPath = new vscode.ThemeIcon(
      item.icon,
      item.iconColor ? new vscode.ThemeColor(item.iconColor) : undefined,
    );
  if (item.click) t.command = { command: item.click, title: item.label, arguments: [item] };
  return t;
}
