/**
 * What the database explorer's "Insert ref()", "Insert source()" and "Insert Column Name"
 * put at the cursor, from dbt's unique ids (`model.shop.orders`, `model.shop.orders.v2`,
 * `source.shop.raw.payments`).
 */

/** The parts of a node's unique id: its resource type, package and name (and version / source name). */
export interface NodeIdParts {
  resourceType: string;
  packageName: string;
  /** The model/seed/snapshot name, or the source's table name. */
  name: string;
  /** The source's name (sources only). */
  sourceName?: string;
  /** A model version, e.g. `2` of `model.shop.orders.v2`. */
  version?: string;
}

export function parseNodeId(nodeId: string): NodeIdParts | undefined {
  const parts = nodeId.split('.');
  if (parts.length < 3) return undefined;
  const [resourceType, packageName, ...rest] = parts;
  if (resourceType === 'source') {
    if (rest.length < 2) return undefined;
    return { resourceType, packageName, sourceName: rest[0], name: rest.slice(1).join('.') };
  }
  const last = rest[rest.length - 1];
  if (resourceType === 'model' && rest.length > 1 && /^v\d+(\.\d+)?$/.test(last)) {
    return { resourceType, packageName, name: rest.slice(0, -1).join('.'), version: last.slice(1) };
  }
  return { resourceType, packageName, name: rest.join('.') };
}

function quoted(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * `{{ ref('orders') }}` for a model, seed or snapshot; `{{ ref('pkg', 'orders') }}` when it
 * belongs to another package than `project`; `{{ ref('orders', v=2) }}` for a version.
 */
export function refText(nodeId: string, project?: string): string | undefined {
  const p = parseNodeId(nodeId);
  if (!p || p.resourceType === 'source') return undefined;
  const args = [quoted(p.name)];
  if (project && p.packageName !== project) args.unshift(quoted(p.packageName));
  if (p.version) args.push(`v=${/^\d+$/.test(p.version) ? p.version : quoted(p.version)}`);
  return `{{ ref(${args.join(', ')}) }}`;
}

/** `{{ source('raw', 'payments') }}` for a source's table. */
export function sourceText(nodeId: string): string | undefined {
  const p = parseNodeId(nodeId);
  if (!p || p.resourceType !== 'source' || !p.sourceName) return undefined;
  return `{{ source(${quoted(p.sourceName)}, ${quoted(p.name)}) }}`;
}

/** A column's name as it goes into SQL: as is (the warehouse's spelling). */
export function columnText(name: string): string {
  return name;
}

/** How a node is called in the explorer: its name, or `source.table` for a source. */
export function nodeLabel(nodeId: string, fallback?: string): string {
  const p = parseNodeId(nodeId);
  if (!p) return fallback ?? nodeId;
  if (p.sourceName) return `${p.sourceName}.${p.name}`;
  return p.version ? `${p.name} v${p.version}` : p.name;
}
