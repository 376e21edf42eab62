// The plan of dbt/explain as the rows of an indented tree: each step's share of the work, the
// hot steps, and where the planner's row estimate is far off. Plain (no `vscode`): used by the
// view and unit-tested with Node.
import type { PlanFinding, PlanNode } from '../protocol.generated';

/** What a step's share is of: measured time (analyzed), the planner's cost, or nothing known. */
export type ShareBasis = 'time' | 'cost' | 'none';

/** How hot a step is: `high` (red), `warm` (orange), or not hot. */
export type Heat = 'high' | 'warm' | undefined;

export interface Misestimate {
  /** How many times off the estimate is (>= 1). */
  factor: number;
  /** `under`: more rows came than expected; `over`: fewer. */
  direction: 'under' | 'over';
  /** The factor is at least MISESTIMATE_FACTOR, on at least MISESTIMATE_MIN_ROWS rows. */
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

/** A step at or above this share is always hot. */
export const HOT_SHARE = 0.2;
/** A hot step at or above this share is drawn red, below it orange (the hottest step is red from HOT_SHARE). */
export const HIGH_SHARE = 0.4;
/** The top steps together making this much of the time are hot (when each is at least MIN_HOT_SHARE). */
export const MOST_OF_TIME = 0.6;
export const MIN_HOT_SHARE = 0.08;
/** Actual rows this many times off the estimate are flagged... */
export const MISESTIMATE_FACTOR = 10;
/** ...when the larger of the two is at least this many rows (73 expected, 0 came is no news). */
export const MISESTIMATE_MIN_ROWS = 100;

/** The plan as tree rows, depth first (parents before children), with shares, heat and misestimates. */
export function planSteps(root: PlanNode | undefined | null, analyzed: boolean, findings: PlanFinding[] = []): PlanSteps {
  if (!root) return { steps: [], basis: 'none' };
  const steps: PlanStep[] = [];
  const walk = (node: PlanNode, path: string, parentId: string | undefined, depth: number) => {
    const id = node.id ?? path;
    const children = node.children ?? [];
    steps.push({ id, parentId, depth, hasChildren: children.length > 0, node, detail: stepDetail(node),
      heat: undefined, misestimate: analyzed ? misestimate(node.actualRows, node.estimatedRows) : undefined,
      findings: findings.filter((f) => f.planNodeId === id) });
    children.forEach((c, i) => walk(c, `${path}.${i}`, id, depth + 1));
  };
  walk(root, '0', undefined, 0);
  const { shares, basis } = stepShares(root, analyzed);
  steps.forEach((s, i) => (s.share = shares[i]));
  const heat = hotSteps(shares);
  steps.forEach((s, i) => (s.heat = heat[i]));
  return { steps, basis };
}

/**
 * Each step's share (depth-first order, as planSteps): the server's `timeShare` when analyzed,
 * else shares of `selfTimeMs`; without timings, the planner's cost of the step alone (PostgreSQL's
 * cost includes the children's, which is taken off); undefined when nothing is known.
 */
export function stepShares(root: PlanNode, analyzed: boolean): { shares: Array<number | undefined>; basis: ShareBasis } {
  const nodes = depthFirst(root);
  if (analyzed) {
    if (nodes.some((n) => isNum(n.timeShare))) {
      return { shares: nodes.map((n) => (isNum(n.timeShare) ? clamp01(n.timeShare) : undefined)), basis: 'time' };
    }
    const total = sum(nodes.map((n) => n.selfTimeMs));
    if (total > 0) return { shares: nodes.map((n) => (isNum(n.selfTimeMs) ? clamp01(n.selfTimeMs / total) : undefined)), basis: 'time' };
  }
  if (!nodes.some((n) => isNum(n.estimatedCost))) return { shares: nodes.map(() => undefined), basis: 'none' };
  const cumulative = nodes.every((n) => {
    const childCosts = (n.children ?? []).map((c) => c.estimatedCost).filter(isNum);
    return !isNum(n.estimatedCost) || childCosts.length === 0 || n.estimatedCost + 1e-9 >= sum(childCosts);
  });
  const self = nodes.map((n) => {
    if (!isNum(n.estimatedCost)) return undefined;
    if (!cumulative) return Math.max(0, n.estimatedCost);
    return Math.max(0, n.estimatedCost - sum((n.children ?? []).map((c) => c.estimatedCost)));
  });
  const total = sum(self);
  if (!(total > 0)) return { shares: nodes.map(() => undefined), basis: 'none' };
  return { shares: self.map((c) => (c === undefined ? undefined : c / total)), basis: 'cost' };
}

/**
 * The hot steps: any step of at least HOT_SHARE, and the top steps that together make
 * MOST_OF_TIME of the whole (each at least MIN_HOT_SHARE, so many small steps are never hot).
 */
export function hotSteps(shares: Array<number | undefined>): Heat[] {
  const heat: Heat[] = shares.map(() => undefined);
  const order = shares.map((s, i) => ({ s: s ?? 0, i })).filter((x) => x.s > 0).sort((a, b) => b.s - a.s);
  let acc = 0;
  for (const { s, i } of order) {
    const inTop = acc < MOST_OF_TIME && s >= MIN_HOT_SHARE;
    const hottest = acc === 0 && s >= HOT_SHARE;
    if (s >= HOT_SHARE || inTop) heat[i] = s >= HIGH_SHARE || hottest ? 'high' : 'warm';
    else break;
    acc += s;
  }
  return heat;
}

/** How far actual rows are from the estimate; undefined unless both are known. */
export function misestimate(actual: number | undefined, estimated: number | undefined): Misestimate | undefined {
  if (!isNum(actual) || !isNum(estimated)) return undefined;
  const a = Math.max(actual, 1);
  const e = Math.max(estimated, 1);
  const factor = a >= e ? a / e : e / a;
  return { factor, direction: a >= e ? 'under' : 'over',
    flagged: factor >= MISESTIMATE_FACTOR && Math.max(a, e) >= MISESTIMATE_MIN_ROWS };
}

/** `×12 more rows than estimated` / `×40 fewer`. */
export function misestimateText(m: Misestimate): string {
  const f = m.factor >= 100 ? Math.round(m.factor).toLocaleString('en-US') : m.factor.toFixed(m.factor < 10 ? 1 : 0);
  return `${f}× ${m.direction === 'under' ? 'more' : 'fewer'} rows than estimated`;
}

/** What a step reads and how: `shop.orders as o · index ix · (a = b) · filter (x > 1)`. */
export function stepDetail(n: PlanNode): string {
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
  const k = kind === 'cte' ? 'CTE' : kind ?? '';
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

function depthFirst(root: PlanNode): PlanNode[] {
  const out: PlanNode[] = [];
  const walk = (n: PlanNode) => {
    out.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  walk(root);
  return out;
}

function isNum(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function sum(xs: Array<number | undefined>): number {
  return xs.reduce<number>((a, x) => a + (isNum(x) ? x : 0), 0);
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
