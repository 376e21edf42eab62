/**
 * One row of a dbtls tree view as plain data, built without `vscode` so the trees' logic can be
 * unit-tested; src/trees/itemTree.ts turns it into a vscode.TreeItem.
 */
export interface ViewItem {
  /** Stable id (TreeItem.id): the same row keeps it across refreshes. */
  id: string;
  label: string;
  description?: string;
  /** Plain text. */
  tooltip?: string;
  /** A codicon id, e.g. `table`. */
  icon?: string;
  /** A theme color id for the icon, e.g. `errorForeground`. */
  iconColor?: string;
  /** TreeItem.contextValue: what the view/item/context menus of package.json match. */
  contextValue?: string;
  /** Rows under this one; absent: a leaf. */
  children?: ViewItem[];
  /** Shown expanded at first (default: collapsed). */
  expanded?: boolean;
  /** The command a click runs, with this item as its argument. */
  click?: string;
}

/** A single row telling why a view has nothing else to show (an error, nothing found). */
export function messageItem(
  id: string,
  message: string,
  opts: { error?: boolean; tooltip?: string; click?: string } = {},
): ViewItem {
  return {
    id,
    label: oneLine(message),
    tooltip: opts.tooltip ?? message,
    icon: opts.error ? 'error' : 'info',
    iconColor: opts.error ? 'errorForeground' : undefined,
    contextValue: 'message',
    click: opts.click,
  };
}

/** The first line of a text, cut to `max` characters with an ellipsis. */
export function oneLine(text: string, max = 120): string {
  const line =
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
