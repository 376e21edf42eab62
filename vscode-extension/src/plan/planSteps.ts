// The plan of dbt/explain as the rows of an indented tree: each step's share of the work, the
// hot steps, and where the planner's row estimate is far off. Plain (no `vscode`): used by the
// view and unit-tested with Node.
import type { PlanFinding, PlanNode, ShareBasis } from '../protocol.generated';

export type { ShareBasis };

/** How hot a step is: `high` (red), `warm` (orange), or not hot. */
export type Heat = 'high' | 'warm' | undefined;

export interface Misestimate {
  /** How many times off the estimate is (>= 1). */
  factor: number;
  /** `under`: more rows came than expected; `over`: fewer. */
  direction: 'under' | 'over';
  /** The server flagged it (at least 10x off on at least 100 rows: docs/protocol.md). */
  flagged: boolean;
}

export interface PlanStep {
  /** The step's path from the root (`0.1.0`), as findings point at it. */
  id: string;
  /** The parent step's id; undefined for the root. */
  parentId?: string;
  depth: number;
  hasChildren: boolean;
  node: PlanNode;
  /** One line under the operator: what the step reads and on which condition. */
  detail: string;
  /** 0..1 of the whole plan's time (or cost); undefined when unknown. */
  share?: number;
  heat: Heat;
  misestimate?: Misestimate;
  /** Titles of the findings about this step. */
  findings: PlanFinding[];
}

export interface PlanSteps {
  steps: PlanStep[];
  basis: ShareBasis;
}

/**
 * The plan as tree rows, depth first (parents before children). Shares, heat and misestimates are
 * the server's (`share`, `heat`, `misestimate` of each step, `shareBasis` of the result): drawn here,
 * never decided.
 */
export function planSteps(
  root: PlanNode | undefined | null,
  basis: ShareBasis | undefined,
  findings: PlanFinding[] = [],
): PlanSteps {
  if (!root) return { steps: [], basis: 'none' };
  const steps: PlanStep[] = [];
  const walk = (node: PlanNode, path: string, parentId: string | undefined, depth: number) => {
    const id = node.id ?? path;
    const children = node.children ?? [];
    steps.push({
      id,
      parentId,
      depth,
      hasChildren: children.length > 0,
      node,
      detail: stepDetail(node),
      share: isNum(node.share) ? node.share : undefined,
      heat: node.heat === 'high' || node.heat === 'warm' ? node.heat : undefined,
      misestimate: misestimate(node),
      findings: findings.filter((f) => f.planNodeId === id),
    });
    children.forEach((c, i) => walk(c, `${path}.${i}`, id, depth + 1));
  };
  walk(root, '0', undefined, 0);
  return { steps, basis: basis ?? 'none' };
}

/** The server's misestimate of a step, with its direction; undefined when it flagged none. */
export function misestimate(node: PlanNode): Misestimate | undefined {
  if (!isNum(node.misestimate)) return undefined;
  const under = Math.max(node.actualRows ?? 0, 1) >= Math.max(node.estimatedRows ?? 0, 1);
  return { factor: node.misestimate, direction: under ? 'under' : 'over', flagged: true };
}

/** `×12 more rows than estimated` / `×40 fewer`. */
export function misestimateText(m: Misestimate): string {
  const f =
    m.factor >= 100 ? Math.round(m.factor).toLocaleString('en-US') : m.factor.toFixed(m.factor < 10 ? 1 : 0);
  return `${f}× ${m.direction === 'under' ? 'more' : 'fewer'} rows than estimated`;
}

/** What a step reads and how: `shop.orders as o · index ix · (a = b) · filter (x > 1)`. */
export function stepDetail(n: Partial<PlanNode>): string {
  const parts: string[] = [];
  if (n.relation) {
    const rel = n.schema ? `${n.schema}.${n.relation}` : n.relation;
    parts.push(n.alias && n.alias !== n.relation ? `${rel} as ${n.alias}` : rel);
  }
  if (n.cte) parts.push(`CTE ${n.cte}`);
  if (n.joinType) parts.push(`${n.joinType} join`);
  if (n.index) parts.push(`index ${n.index}`);
  if (n.condition) parts.push(n.condition);
  if (n.filter) parts.push(`filter ${n.filter}`);
  if (n.detail && !parts.length) parts.push(n.detail);
  return parts.join(' · ');
}

/** `ref orders`, `source shop.orders`, `CTE recent`: where a step's input is written in the model. */
export function locationText(kind: string | undefined, name: string | undefined): string {
  const k = kind === 'cte' ? 'CTE' : (kind ?? '');
  return [k, name ?? ''].filter(Boolean).join(' ');
}

/** A share as a percentage: `42 %`, `0.4 %`, `< 0.1 %`. */
export function shareText(share: number | undefined): string {
  if (share === undefined) return '';
  const p = share * 100;
  if (p === 0) return '0 %';
  if (p < 0.1) return '< 0.1 %';
  return `${p < 10 ? p.toFixed(1) : Math.round(p)} %`;
}

/** The ids of every step above the given one (for revealing it in a collapsed tree). */
export function ancestors(steps: PlanStep[], id: string): string[] {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const out: string[] = [];
  for (let p = byId.get(id)?.parentId; p !== undefined; p = byId.get(p)?.parentId) out.push(p);
  return out;
}

/** The model's name from the node id (`model.shop.orders` → `orders`) or the file name. */
export function planTitle(uri: string | undefined, nodeId?: string): string {
  if (nodeId) return nodeId.split('.').pop() ?? nodeId;
  const path = (uri ?? '').replace(/[?#].*$/, '');
  const file = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  return file.replace(/\.[^.]+$/, '') || 'model';
}

function isNum(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
