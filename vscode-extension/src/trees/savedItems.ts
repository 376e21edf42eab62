/**
 * The saved queries' rows, from `dbt/savedQueries` (docs/protocol.md): by folder (`a/b` nests
 * b in a), tags in the description. Plus what the "Save Query" inputs turn into. Plain data (no
 * `vscode`); src/trees/savedView.ts shows it.
 */
import type { SavedQuery } from '../protocol.generated';
import { messageItem, oneLine, type ViewItem } from './viewItem';
import { naturalCompare } from './naturalOrder';

export interface SavedItem extends ViewItem {
  children?: SavedItem[];
  query?: SavedQuery;
}

export const OPEN_COMMAND = 'dbtls.saved.open';

export interface SavedState {
  queries?: SavedQuery[];
  error?: string;
}

interface Folder {
  folders: Map<string, Folder>;
  queries: SavedQuery[];
}

export function savedItems(s: SavedState): SavedItem[] {
  if (s.error !== undefined) return [messageItem('saved/error', s.error, { error: true })];
  const queries = s.queries ?? [];
  if (queries.length === 0) {
    return [messageItem('saved/empty', 'No saved queries: select some SQL and run “dbt: Save Query”.')];
  }
  const root: Folder = { folders: new Map(), queries: [] };
  for (const q of queries) {
    let f = root;
    for (const segment of folderPath(q.folder)) {
      let next = f.folders.get(segment);
      if (!next) f.folders.set(segment, (next = { folders: new Map(), queries: [] }));
      f = next;
    }
    f.queries.push(q);
  }
  return folderChildren(root, 'saved');
}

/** A folder's segments: `a/b` → `['a', 'b']`; blank → `[]`. */
export function folderPath(folder: string | undefined | null): string[] {
  return (folder ?? '')
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** What the user typed as a folder, normalized (`/a//b/ ` → `a/b`); blank → undefined (none). */
export function normalizeFolder(input: string | undefined): string | undefined {
  const path = folderPath(input);
  return path.length ? path.join('/') : undefined;
}

/** Tags typed as `a, b c #d` → `['a', 'b', 'c', 'd']` (no duplicates). */
export function parseTags(input: string | undefined): string[] {
  const tags = (input ?? '')
    .split(/[\s,;]+/)
    .map((t) => t.replace(/^#+/, '').trim())
    .filter((t) => t.length > 0);
  return [...new Set(tags)];
}

function folderChildren(f: Folder, id: string): SavedItem[] {
  const folders = [...f.folders.entries()]
    .sort(([a], [b]) => naturalCompare(a, b))
    .map(([name, sub]): SavedItem => {
      const folderId = `${id}/${encodeURIComponent(name)}`;
      return {
        id: folderId,
        label: name,
        icon: 'folder',
        contextValue: 'folder',
        expanded: true,
        children: folderChildren(sub, folderId),
      };
    });
  const queries = [...f.queries].sort((a, b) => naturalCompare(a.name ?? '', b.name ?? '')).map(savedItem);
  return [...folders, ...queries];
}

export function savedItem(q: SavedQuery): SavedItem {
  const tags = (q.tags ?? []).map((t) => `#${t}`).join(' ');
  return {
    id: `saved/${q.id ?? q.name}`,
    label: q.name ?? '(unnamed)',
    description: tags || (q.description ? oneLine(q.description, 60) : undefined),
    tooltip: savedTooltip(q),
    icon: 'bookmark',
    contextValue: 'saved',
    click: OPEN_COMMAND,
    query: q,
  };
}

function savedTooltip(q: SavedQuery): string {
  const sql = q.sql ?? '';
  const lines = [q.name ?? ''];
  if (q.description) lines.push(q.description);
  const facts = [
    q.folder ? `folder ${q.folder}` : undefined,
    q.tags?.length ? q.tags.map((t) => `#${t}`).join(' ') : undefined,
    q.updatedAt ? `saved ${new Date(q.updatedAt).toLocaleString()}` : undefined,
  ].filter(Boolean);
  if (facts.length) lines.push(facts.join(' · '));
  lines.push('', sql.length > 2000 ? `${sql.slice(0, 2000)}\n…` : sql);
  return lines.join('\n');
}
