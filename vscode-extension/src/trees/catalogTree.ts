/**
 * The database explorer's rows, from each project's `dbt/catalog` answer (docs/protocol.md):
 * "Project" — its models, seeds, snapshots and sources by folder, marked "not built" when the
 * warehouse has no relation for them — and "Warehouse" — database → schema → table/view →
 * columns. Plain data (no `vscode`); src/trees/explorerView.ts shows it.
 */
import type {
  CatalogColumn,
  CatalogNode,
  CatalogRelation,
  CatalogResult,
  Range,
} from '../protocol.generated';
import { columnText, nodeLabel, refText, sourceText } from './insertText';
import { messageItem, type ViewItem } from './viewItem';
import { naturalCompare } from './naturalOrder';

/** One project and what its `dbt/catalog` request gave. */
export interface ProjectCatalog {
  /** `name` and folder `uri` of dbt/projects. */
  project: { name: string; uri: string };
  /** The answer (null: the server knows no such project). */
  result?: CatalogResult | null;
  /** Why the request failed (server not running, …). */
  error?: string;
}

/** A row of the explorer: what clicking opens and what the insert actions put at the cursor. */
export interface ExplorerItem extends ViewItem {
  children?: ExplorerItem[];
  /** The file (and range) defining the node. */
  open?: { uri: string; range?: Range };
  insert?: { ref?: string; source?: string; column?: string };
}

export const OPEN_COMMAND = 'dbtls.explorer.open';

const TYPE_ICONS: Record<string, string> = {
  model: 'symbol-structure',
  seed: 'symbol-file',
  snapshot: 'history',
  source: 'plug',
};
const KIND_ICONS: Record<string, string> = { table: 'table', view: 'eye' };
const RESOURCE_TYPES = new Set(['model', 'seed', 'snapshot', 'source']);

/** Every project's rows: its two groups directly when there is one project, else one row per project. */
export function explorerItems(catalogs: ProjectCatalog[]): ExplorerItem[] {
  if (catalogs.length === 0)
    return [messageItem('explorer/none', 'No dbt project is loaded in this window.')];
  if (catalogs.length === 1) return projectItems(catalogs[0]);
  return catalogs.map((c) => ({
    id: `${c.project.uri}#`,
    label: c.project.name,
    description: c.result?.target ? `target ${c.result.target}` : undefined,
    tooltip: c.project.uri,
    icon: 'project',
    contextValue: 'project',
    expanded: true,
    children: projectItems(c),
  }));
}

/** The "Project" and "Warehouse" groups of one project, or one row saying why there are none. */
export function projectItems(c: ProjectCatalog): ExplorerItem[] {
  const prefix = c.project.uri;
  if (c.error !== undefined) return [messageItem(`${prefix}#error`, c.error, { error: true })];
  const r = c.result;
  if (!r)
    return [
      messageItem(`${prefix}#error`, `The server has no dbt project at ${c.project.uri}.`, { error: true }),
    ];
  const relations = r.relations ?? [];
  const notBuilt = r.notBuilt ?? [];
  const error = r.error ? catalogError(r) : undefined;
  if (error && relations.length === 0 && notBuilt.length === 0) {
    return [
      messageItem(`${prefix}#error`, error, {
        error: true,
        tooltip: `${error}${r.error?.code ? `\n(${r.error.code})` : ''}`,
      }),
    ];
  }
  return [projectGroup(c.project, relations, notBuilt), warehouseGroup(prefix, c.project.name, r, error)];
}

function catalogError(r: CatalogResult): string {
  const target = r.target ? ` (target ${r.target})` : '';
  return `Cannot read the warehouse${target}: ${r.error?.message ?? r.error?.code ?? 'unknown error'}`;
}

// ---- Project: nodes by folder ----------------------------------------------------------------

/** A project node as the explorer shows it, built or not. */
interface ProjectNode {
  nodeId: string;
  resourceType: string;
  label: string;
  uri?: string;
  range?: Range;
  relation: string;
  built: boolean;
  kind?: string;
  columns: CatalogColumn[];
}

function projectNodes(relations: CatalogRelation[], notBuilt: CatalogNode[]): ProjectNode[] {
  const byId = new Map<string, ProjectNode>();
  for (const rel of relations) {
    if (!rel.nodeId || byId.has(rel.nodeId)) continue;
    byId.set(rel.nodeId, {
      nodeId: rel.nodeId,
      resourceType: rel.resourceType ?? rel.nodeId.split('.')[0],
      label: nodeLabel(rel.nodeId, rel.name),
      uri: rel.uri,
      range: rel.range,
      relation: qualified(rel.database, rel.schema, rel.name),
      built: true,
      kind: rel.kind,
      columns: rel.columns ?? [],
    });
  }
  for (const n of notBuilt) {
    if (!n.nodeId || byId.has(n.nodeId)) continue;
    byId.set(n.nodeId, {
      nodeId: n.nodeId,
      resourceType: n.resourceType ?? n.nodeId.split('.')[0],
      label: nodeLabel(n.nodeId, n.name),
      uri: n.uri,
      range: n.range,
      relation: qualified(n.database, n.schema, n.identifier),
      built: false,
      columns: [],
    });
  }
  return [...byId.values()].filter((n) => RESOURCE_TYPES.has(n.resourceType));
}

function qualified(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => !!p).join('.');
}

/**
 * The folders of a file inside the project folder, e.g. `['models', 'staging']` for
 * `file:///w/shop/models/staging/stg_orders.sql` in `file:///w/shop`; empty when outside it.
 */
export function folderOf(fileUri: string | undefined, projectUri: string): string[] {
  if (!fileUri) return [];
  const root = projectUri.endsWith('/') ? projectUri : `${projectUri}/`;
  if (!fileUri.startsWith(root)) return [];
  const segments = fileUri
    .slice(root.length)
    .split('/')
    .filter((s) => s.length > 0);
  segments.pop(); // the file itself
  return segments.map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}

interface Folder {
  folders: Map<string, Folder>;
  nodes: ProjectNode[];
}

function projectGroup(
  project: ProjectCatalog['project'],
  relations: CatalogRelation[],
  notBuilt: CatalogNode[],
): ExplorerItem {
  const nodes = projectNodes(relations, notBuilt);
  const root: Folder = { folders: new Map(), nodes: [] };
  for (const n of nodes) {
    let f = root;
    for (const segment of folderOf(n.uri, project.uri)) {
      let next = f.folders.get(segment);
      if (!next) f.folders.set(segment, (next = { folders: new Map(), nodes: [] }));
      f = next;
    }
    f.nodes.push(n);
  }
  const id = `${project.uri}#project`;
  const missing = nodes.filter((n) => !n.built).length;
  const children = folderChildren(root, id, project.name);
  return {
    id,
    label: 'Project',
    description: `${count(nodes.length, 'node')}${missing ? ` · ${missing} not built` : ''}`,
    tooltip: `${project.name}: its models, seeds, snapshots and sources by folder`,
    icon: 'folder-library',
    contextValue: 'group',
    expanded: true,
    children: children.length
      ? children
      : [
          messageItem(`${id}/empty`, 'No models, seeds, snapshots or sources matched the warehouse.', {
            tooltip:
              "The catalog lists a project node when the warehouse has its relation, or when it read the node's database and the relation is missing there. " +
              'An empty or new warehouse tells neither: build the project (dbt build), then refresh.',
          }),
        ],
  };
}

function folderChildren(f: Folder, id: string, projectName: string): ExplorerItem[] {
  const folders = [...f.folders.entries()]
    .sort(([a], [b]) => naturalCompare(a, b))
    .map(([name, sub]): ExplorerItem => {
      const folderId = `${id}/${encodeURIComponent(name)}`;
      return {
        id: folderId,
        label: name,
        icon: 'folder',
        contextValue: 'folder',
        children: folderChildren(sub, folderId, projectName),
      };
    });
  const nodes = [...f.nodes]
    .sort((a, b) => naturalCompare(a.label, b.label))
    .map((n) => nodeItem(n, `${id}/${n.nodeId}`, projectName));
  return [...folders, ...nodes];
}

function nodeItem(n: ProjectNode, id: string, projectName: string): ExplorerItem {
  const isSource = n.resourceType === 'source';
  const ref = isSource ? undefined : refText(n.nodeId, projectName);
  const source = isSource ? sourceText(n.nodeId) : undefined;
  const tooltip = [
    `${n.resourceType} ${n.label}`,
    n.nodeId,
    n.built
      ? `${n.kind ?? 'relation'} ${n.relation}`
      : `Not built: the warehouse has no relation ${n.relation}`,
    n.built ? count(n.columns.length, 'column') : undefined,
  ]
    .filter((l) => l !== undefined)
    .join('\n');
  return {
    id,
    label: n.label,
    description: n.built ? n.kind : 'not built',
    tooltip,
    icon: TYPE_ICONS[n.resourceType] ?? 'symbol-misc',
    iconColor: n.built ? undefined : 'disabledForeground',
    contextValue: `${n.resourceType} ${isSource ? 'source' : 'ref'}${n.built ? '' : ' notBuilt'}`,
    open: n.uri ? { uri: n.uri, range: n.range } : undefined,
    click: n.uri ? OPEN_COMMAND : undefined,
    insert: { ref, source },
    children: n.columns.length ? columnItems(n.columns, id) : undefined,
  };
}

function columnItems(columns: CatalogColumn[], id: string): ExplorerItem[] {
  return columns.map((c, i) => {
    const name = c.name ?? '?';
    const type = c.databaseType ?? c.type;
    return {
      id: `${id}/c${i}:${name}`,
      label: name,
      description: type,
      tooltip: `${name}: ${type ?? 'unknown type'}${c.type && c.type !== c.databaseType ? ` (${c.type})` : ''}`,
      icon: 'symbol-field',
      contextValue: 'column',
      insert: { column: columnText(name) },
    };
  });
}

// ---- Warehouse: database → schema → relation → columns ---------------------------------------

function warehouseGroup(
  prefix: string,
  projectName: string,
  r: CatalogResult,
  error: string | undefined,
): ExplorerItem {
  const id = `${prefix}#warehouse`;
  const relations = r.relations ?? [];
  const byDatabase = new Map<string, Map<string, CatalogRelation[]>>();
  for (const rel of relations) {
    const db = rel.database ?? '';
    const schema = rel.schema ?? '';
    let schemas = byDatabase.get(db);
    if (!schemas) byDatabase.set(db, (schemas = new Map()));
    const list = schemas.get(schema);
    if (list) list.push(rel);
    else schemas.set(schema, [rel]);
  }
  const children: ExplorerItem[] = [];
  if (error) children.push(messageItem(`${id}/error`, error, { error: true }));
  if (r.cut)
    children.push({
      ...messageItem(`${id}/cut`, 'More than 20,000 relations: the rest is left out.'),
      icon: 'warning',
    });
  for (const [db, schemas] of [...byDatabase.entries()].sort(([a], [b]) => naturalCompare(a, b))) {
    const dbId = `${id}/${encodeURIComponent(db)}`;
    children.push({
      id: dbId,
      label: db || '(default database)',
      icon: 'database',
      contextValue: 'database',
      description: count(schemas.size, 'schema'),
      children: [...schemas.entries()]
        .sort(([a], [b]) => naturalCompare(a, b))
        .map(([schema, rels]) => {
          const schemaId = `${dbId}/${encodeURIComponent(schema)}`;
          return {
            id: schemaId,
            label: schema || '(default schema)',
            icon: 'symbol-namespace',
            contextValue: 'schema',
            description: count(rels.length, 'relation'),
            children: [...rels]
              .sort((a, b) => naturalCompare(a.name ?? '', b.name ?? ''))
              .map((rel) => relationItem(rel, schemaId, projectName)),
          };
        }),
    });
  }
  if (relations.length === 0 && !error) {
    children.push(
      messageItem(
        `${id}/empty`,
        `The warehouse has no tables or views${r.target ? ` (target ${r.target})` : ''}.`,
      ),
    );
  }
  return {
    id,
    label: 'Warehouse',
    description: [
      r.target ? `target ${r.target}` : undefined,
      count(relations.length, 'relation'),
      `${r.millis} ms`,
    ]
      .filter(Boolean)
      .join(' · '),
    tooltip: `The warehouse's databases, schemas, tables and views${r.target ? ` (target ${r.target})` : ''}`,
    icon: 'server',
    contextValue: 'group',
    expanded: true,
    children,
  };
}

function relationItem(rel: CatalogRelation, parentId: string, projectName: string): ExplorerItem {
  const name = rel.name ?? '?';
  const id = `${parentId}/${encodeURIComponent(name)}`;
  const type = rel.resourceType ?? rel.nodeId?.split('.')[0];
  const isSource = type === 'source';
  const known = rel.nodeId && type && RESOURCE_TYPES.has(type);
  const by = known ? `${type} ${nodeLabel(rel.nodeId!)}` : undefined;
  return {
    id,
    label: name,
    description: [rel.kind, by].filter(Boolean).join(' · '),
    tooltip: [
      `${rel.kind ?? 'relation'} ${qualified(rel.database, rel.schema, rel.name)}`,
      known ? `${isSource ? 'read by' : 'built by'} ${rel.nodeId}` : 'unknown to the project',
      count(rel.columns?.length ?? 0, 'column'),
    ].join('\n'),
    icon: KIND_ICONS[rel.kind ?? ''] ?? 'symbol-misc',
    contextValue: known ? `relation ${isSource ? 'source' : 'ref'}` : 'relation',
    open: known && rel.uri ? { uri: rel.uri, range: rel.range } : undefined,
    click: known && rel.uri ? OPEN_COMMAND : undefined,
    insert: known
      ? {
          ref: isSource ? undefined : refText(rel.nodeId!, projectName),
          source: isSource ? sourceText(rel.nodeId!) : undefined,
        }
      : undefined,
    children: rel.columns?.length ? columnItems(rel.columns, id) : undefined,
  };
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
