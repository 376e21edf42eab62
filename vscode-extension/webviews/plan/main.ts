// The Query plan view: the tree of dbt/explain with each step's share of the time (or of the
// planner's cost when only estimated), rows actual vs estimated, and the findings with their
// evidence and suggested SQL. Every value goes into the DOM as text.
//
// Stable hooks for tests (data-testid):
//   plan-toolbar      the toolbar; plan-title the model's name
//   plan-status       one line: "Explaining… 1.2 s", "Analyzed in 12 ms · 9 steps", "Failed after 2.0 s"
//   plan-elapsed      the live timer while waiting (stops on answer, error or cancel)
//   plan-cancel       Cancel (shown only while waiting; posts {type:'cancel'})
//   plan-explain      Explain again (estimates) · plan-analyze Explain Analyze (runs the query)
//   plan-expand-all / plan-collapse-all
//   plan-estimates    the note that the plan is estimate-only (shares are of the planner's cost)
//   plan-error        an error or cancel message (the server's text); plan-problem a compile problem
//   plan-raw          the warehouse's plan as text when dbtls does not read it into a tree
//   plan-tree         the indented tree; plan-step one row per step with attributes
//                       data-step-id (PlanNode.id), data-depth, data-hot="true" on hot steps,
//                       data-heat="high|warm", data-misestimate="true" when rows are >= 10x off,
//                       data-has-source="true" when clicking opens the model;
//                     inside a row: plan-toggle, plan-operator, plan-detail, plan-source,
//                       plan-share (text "42 %"), plan-bar, plan-rows, plan-misestimate, plan-time
//   plan-findings     the findings panel; plan-finding one per finding (data-severity =
//                       confidence, data-step-id), inside: plan-finding-title, plan-evidence,
//                       plan-confidence, plan-suggested-sql, plan-copy, plan-rollback-sql
//   plan-step-detail  the selected step's properties
import '../shared/base.css';
import './plan.css';
import { count, el } from '../shared/dom';
import { listen, post } from '../shared/host';
import type { FromPlanView, ToPlanView } from '../../src/plan/messages';
import type { CompileProblem, ExplainResult, PlanFinding, PlanNode } from '../../src/protocol.generated';
import {
  ancestors,
  locationText,
  misestimateText,
  planSteps,
  PlanStep,
  PlanSteps,
  shareText,
} from '../../src/plan/planSteps';

const send = (m: FromPlanView) => post<FromPlanView>(m);

// ---- layout --------------------------------------------------------------------------------

const title = el('span', { class: 'plan-title', 'data-testid': 'plan-title' }, 'Query plan');
const status = el('span', { class: 'plan-status', 'data-testid': 'plan-status' });
const elapsed = el('span', { class: 'plan-elapsed', 'data-testid': 'plan-elapsed' });
const cancelButton = el(
  'button',
  { class: 'secondary', 'data-testid': 'plan-cancel', title: 'Cancel the query on the warehouse' },
  'Cancel',
);
const explainButton = el(
  'button',
  {
    class: 'secondary',
    'data-testid': 'plan-explain',
    title: "The planner's estimates; the query is not run",
  },
  'Explain',
);
const analyzeButton = el(
  'button',
  { 'data-testid': 'plan-analyze', title: 'Runs the query to measure actual rows and time per step' },
  'Explain Analyze',
);
const sqlButton = el(
  'button',
  { class: 'secondary', 'data-testid': 'plan-open-sql', title: 'Open the SQL the warehouse explained' },
  'SQL',
);
const expandAll = el(
  'button',
  { class: 'icon', 'data-testid': 'plan-expand-all', title: 'Expand all steps' },
  '⊞',
);
const collapseAll = el(
  'button',
  { class: 'icon', 'data-testid': 'plan-collapse-all', title: 'Collapse all steps' },
  '⊟',
);
const toolbar = el(
  'div',
  { class: 'toolbar', 'data-testid': 'plan-toolbar' },
  title,
  status,
  elapsed,
  cancelButton,
  el('span', { class: 'spacer' }),
  expandAll,
  collapseAll,
  sqlButton,
  explainButton,
  analyzeButton,
);

const notes = el('div', { class: 'plan-notes' });
const treePane = el('div', { class: 'plan-tree-pane' });
const sidePane = el('div', { class: 'plan-side-pane' });
const main = el('div', { class: 'plan-main' }, treePane, sidePane);
document.body.append(toolbar, notes, main);

cancelButton.addEventListener('click', () => {
  send({ type: 'cancel' });
  status.textContent = 'Cancelling…';
});
explainButton.addEventListener('click', () => send({ type: 'rerun', analyze: false }));
analyzeButton.addEventListener('click', () => send({ type: 'rerun', analyze: true }));
sqlButton.addEventListener('click', () => send({ type: 'openSql' }));
expandAll.addEventListener('click', () => setAllCollapsed(false));
collapseAll.addEventListener('click', () => setAllCollapsed(true));

// ---- state ---------------------------------------------------------------------------------

let timer: number | undefined;
let plan: PlanSteps | undefined;
const collapsed = new Set<string>();
const rowsById = new Map<string, HTMLElement>();
let selected: string | undefined;

function setRunning(running: boolean): void {
  cancelButton.hidden = !running;
  explainButton.disabled = running;
  analyzeButton.disabled = running;
  document.body.dataset.state = running ? 'running' : 'done';
}

function stopTimer(): void {
  if (timer !== undefined) window.clearInterval(timer);
  timer = undefined;
}

function seconds(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

function ms(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '';
  if (n < 0.01) return n === 0 ? '0 ms' : '< 0.01 ms';
  if (n < 1) return `${n.toFixed(2)} ms`;
  if (n < 1000) return `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
  return seconds(n);
}

// ---- messages ------------------------------------------------------------------------------

listen<ToPlanView>((m) => {
  switch (m.type) {
    case 'running':
      running(m.title, m.analyze, m.startedAt);
      break;
    case 'result':
      showResult(m.title, m.analyze, m.result, m.elapsedMs);
      break;
    case 'failed':
      failed(m.state, m.message, m.elapsedMs, m.problems);
      break;
  }
  arrangePanes();
});

/** One column when there is nothing beside the tree; the tree buttons only with a tree. */
function arrangePanes(): void {
  main.classList.toggle('single', sidePane.childElementCount === 0);
  const hasTree = treePane.querySelector('[data-testid="plan-tree"]') !== null;
  expandAll.hidden = !hasTree;
  collapseAll.hidden = !hasTree;
}

function running(name: string, analyze: boolean, startedAt: number): void {
  stopTimer();
  title.textContent = name;
  setRunning(true);
  status.textContent = analyze ? 'Running the query to analyze…' : 'Explaining…';
  const tick = () => (elapsed.textContent = seconds(Date.now() - startedAt));
  tick();
  timer = window.setInterval(tick, 100);
  notes.replaceChildren();
  treePane.replaceChildren(
    el(
      'div',
      { class: 'muted plan-waiting', 'data-testid': 'plan-waiting' },
      analyze
        ? 'Waiting for the warehouse to run and measure the query…'
        : "Waiting for the warehouse's plan…",
    ),
  );
  sidePane.replaceChildren();
  sqlButton.hidden = true;
}

function failed(
  state: 'error' | 'cancelled',
  message: string,
  elapsedMs: number,
  problems?: CompileProblem[],
): void {
  stopTimer();
  setRunning(false);
  elapsed.textContent = seconds(elapsedMs);
  status.textContent = state === 'cancelled' ? 'Cancelled' : 'Failed';
  notes.replaceChildren();
  treePane.replaceChildren(
    errorBox(
      state === 'cancelled' ? 'Cancelled: no plan. Explain again from the toolbar.' : message,
      problems,
    ),
  );
  sidePane.replaceChildren();
}

function errorBox(message: string, problems?: CompileProblem[]): HTMLElement {
  const box = el('div', { class: 'error-box', 'data-testid': 'plan-error' }, message);
  for (const p of problems ?? []) {
    const where = p.range?.start ? `line ${p.range.start.line + 1}` : '';
    const item = el(
      'div',
      { class: 'plan-problem', 'data-testid': 'plan-problem' },
      el('span', { class: 'plan-problem-severity' }, p.severity ?? 'error'),
      ' ',
      p.message ?? p.code ?? '',
      where ? ` (${where})` : '',
    );
    if (p.uri) {
      item.classList.add('clickable');
      item.title = 'Open the problem in the model';
      item.addEventListener('click', () => send({ type: 'open', uri: p.uri!, range: p.range }));
    }
    box.append(item);
  }
  return box;
}

function showResult(name: string, analyze: boolean, r: ExplainResult, elapsedMs: number): void {
  stopTimer();
  setRunning(false);
  title.textContent = name;
  const took = r.millis > 0 ? r.millis : elapsedMs;
  elapsed.textContent = seconds(took);
  sqlButton.hidden = !(r.sql || r.compiledSql);
  notes.replaceChildren();
  sidePane.replaceChildren();
  collapsed.clear();
  selected = undefined;

  plan = undefined;
  if (r.error) {
    status.textContent = 'Failed';
    const code = r.error.code ? ` (${r.error.code})` : '';
    treePane.replaceChildren(
      errorBox(
        `${r.error.message ?? 'The warehouse gave no plan.'}${code}`,
        (r.problems ?? []).filter((p) => p.severity !== 'warning' || r.error?.code === 'compile-failed'),
      ),
    );
    return;
  }
  if (!r.plan) {
    status.textContent = `Explained in ${seconds(took)}`;
    treePane.replaceChildren(
      el(
        'div',
        { class: 'warning-box' },
        `dbtls does not read this warehouse's plan${r.target ? ` (target ${r.target})` : ''}: here it is as the warehouse returned it.`,
      ),
      el(
        'pre',
        { class: 'plan-raw', 'data-testid': 'plan-raw' },
        r.raw ?? '(the warehouse returned no plan)',
      ),
    );
    showFindings(r.findings ?? []);
    return;
  }

  plan = planSteps(r.plan, r.shareBasis, r.findings ?? []);
  const n = plan.steps.length;
  status.textContent = `${r.analyzed ? 'Analyzed' : 'Explained'} in ${seconds(took)} · ${n} step${n === 1 ? '' : 's'}${r.target ? ` · target ${r.target}` : ''}`;
  if (!r.analyzed) {
    notes.append(
      el(
        'div',
        { class: 'plan-note', 'data-testid': 'plan-estimates' },
        plan.basis === 'cost'
          ? "Estimates only: the query was not run. Bars show each step's share of the planner's cost; rows are the planner's estimates. Explain Analyze runs the query to measure time and actual rows."
          : "Estimates only: the query was not run, and this warehouse gives no cost per step. Rows are the planner's estimates. Explain Analyze runs the query to measure time and actual rows.",
      ),
    );
  } else if (analyze === false) {
    // an analyzed answer to a plain explain: nothing to say
  }
  if (r.inlined?.length) {
    notes.append(
      el(
        'div',
        { class: 'plan-note muted', 'data-testid': 'plan-inlined' },
        `Not built, inlined as CTEs: ${r.inlined.join(', ')}`,
      ),
    );
  }
  const warnings = (r.problems ?? []).filter((p) => p.message);
  if (warnings.length)
    notes.append(
      el(
        'div',
        { class: 'plan-note muted' },
        `${warnings.length} compile problem${warnings.length === 1 ? '' : 's'}: ${warnings.map((p) => p.message).join('; ')}`,
      ),
    );

  // estimates without costs: no share and no cost to show, the step names get that room
  treePane.classList.toggle('rows-only', !r.analyzed && plan.basis === 'none');
  treePane.replaceChildren(treeHeader(r.analyzed, plan.basis), tree(plan, r.analyzed));
  requestAnimationFrame(titleCutNames);
  showFindings(r.findings ?? []);
  const hot = plan.steps.find((s) => s.heat === 'high') ?? plan.steps.find((s) => s.heat);
  select(hot?.id ?? plan.steps[0]?.id);
}

// ---- the tree ------------------------------------------------------------------------------

function treeHeader(analyzed: boolean, basis: PlanSteps['basis']): HTMLElement {
  return el(
    'div',
    { class: 'plan-row plan-header' },
    el('span', {}, 'Step'),
    el('span', {}, basis === 'cost' ? 'Share of cost' : basis === 'time' ? 'Share of time' : ''),
    el('span', { class: 'num' }, analyzed ? 'Rows (actual / est.)' : 'Rows (est.)'),
    el('span', { class: 'num' }, analyzed ? 'Time' : basis === 'cost' ? 'Cost' : ''),
  );
}

function tree(p: PlanSteps, analyzed: boolean): HTMLElement {
  const box = el('div', { class: 'plan-tree', 'data-testid': 'plan-tree', role: 'tree' });
  rowsById.clear();
  for (const s of p.steps) {
    const row = stepRow(s, analyzed);
    rowsById.set(s.id, row);
    box.append(row);
  }
  return box;
}

function stepRow(s: PlanStep, analyzed: boolean): HTMLElement {
  const n = s.node;
  const toggle = el('span', { class: 'plan-toggle', 'data-testid': 'plan-toggle' }, s.hasChildren ? '▾' : '');
  if (s.hasChildren) {
    toggle.title = 'Collapse or expand the steps feeding this one';
    toggle.addEventListener('click', (e) => {
      e.stopPropagation();
      setCollapsed(s.id, !collapsed.has(s.id));
    });
  }
  const stepCell = el(
    'span',
    { class: 'plan-step-cell' },
    el(
      'span',
      { class: 'plan-step-line' },
      toggle,
      el('span', { class: 'plan-operator', 'data-testid': 'plan-operator' }, ...breakable(n.operator ?? '?')),
      n.source
        ? el(
            'span',
            { class: 'plan-source', 'data-testid': 'plan-source', title: 'Open the model here' },
            locationText(n.source.kind, n.source.name),
          )
        : null,
      s.findings.length
        ? el(
            'span',
            { class: 'plan-finding-badge', title: s.findings.map((f) => f.title ?? '').join('\n') },
            `⚠ ${s.findings.length}`,
          )
        : null,
    ),
    s.detail ? el('span', { class: 'plan-detail', 'data-testid': 'plan-detail' }, s.detail) : null,
  );
  stepCell.style.setProperty('--depth', String(s.depth)); // indented by the stylesheet: less in a narrow panel

  const bar = el('span', { class: 'plan-bar-fill', 'data-testid': 'plan-bar' });
  bar.style.width = `${Math.max(0, Math.min(100, (s.share ?? 0) * 100))}%`;
  const shareCell = el(
    'span',
    { class: 'plan-share-cell' },
    s.share === undefined ? null : el('span', { class: 'plan-bar' }, bar),
    el('span', { class: 'plan-share', 'data-testid': 'plan-share' }, shareText(s.share)),
  );

  const rowsCell = el('span', { class: 'plan-rows-cell num', 'data-testid': 'plan-rows' });
  if (analyzed && n.actualRows !== undefined) {
    rowsCell.append(
      el('span', { class: 'plan-actual' }, count(n.actualRows)),
      el('span', { class: 'muted' }, ` / ${count(n.estimatedRows) || '?'}`),
    );
  } else {
    rowsCell.append(el('span', {}, count(n.estimatedRows)));
  }
  if (s.misestimate?.flagged) {
    rowsCell.append(
      el(
        'span',
        {
          class: 'plan-misestimate',
          'data-testid': 'plan-misestimate',
          title: misestimateText(s.misestimate),
        },
        ` ${s.misestimate.direction === 'under' ? '▲' : '▼'}${Math.round(s.misestimate.factor) >= 1000 ? '1000+' : Math.round(s.misestimate.factor)}×`,
      ),
    );
  }
  if (n.loops !== undefined && n.loops > 1)
    rowsCell.append(el('span', { class: 'muted', title: 'rows per loop' }, ` ×${count(n.loops)} loops`));

  const timeCell = el(
    'span',
    { class: 'plan-time num', 'data-testid': 'plan-time' },
    analyzed
      ? ms(n.selfTimeMs ?? n.actualTimeMs)
      : n.estimatedCost !== undefined
        ? count(n.estimatedCost)
        : '',
  );
  if (analyzed && n.selfTimeMs !== undefined)
    timeCell.title = `${ms(n.selfTimeMs)} in this step alone${n.actualTimeMs !== undefined ? `; ${ms(n.actualTimeMs)} as the warehouse reports it` : ''}`;

  const row = el(
    'div',
    {
      class: 'plan-row plan-step',
      'data-testid': 'plan-step',
      role: 'treeitem',
      tabindex: '0',
      'data-step-id': s.id,
      'data-depth': String(s.depth),
      'data-hot': s.heat ? 'true' : undefined,
      'data-heat': s.heat,
      'data-misestimate': s.misestimate?.flagged ? 'true' : undefined,
      'data-has-source': n.source?.uri ? 'true' : undefined,
    },
    stepCell,
    shareCell,
    rowsCell,
    timeCell,
  );
  if (s.heat) row.classList.add('hot', `heat-${s.heat}`);
  if (s.hasChildren) row.setAttribute('aria-expanded', 'true');
  row.title = rowTitle(s);
  row.addEventListener('click', () => {
    select(s.id);
    openSource(n);
  });
  row.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') openSource(n);
    else if (e.key === 'ArrowLeft' && s.hasChildren) setCollapsed(s.id, true);
    else if (e.key === 'ArrowRight' && s.hasChildren) setCollapsed(s.id, false);
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const visible = [...rowsById.values()].filter((r) => !r.hidden);
      const next = visible[visible.indexOf(row) + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) {
        next.focus();
        select(next.dataset.stepId);
      }
    }
  });
  return row;
}

/** A step name that may wrap after each underscore (READ_CSV_AUTO), never inside a word. */
function breakable(name: string): Array<string | HTMLElement> {
  return name.split(/(?<=_)/).flatMap((part, i) => (i === 0 ? [part] : [el('wbr'), part]));
}

/** A step name cut after all (a word wider than its cell) says itself on hover; a whole one does not. */
function titleCutNames(): void {
  for (const name of document.querySelectorAll<HTMLElement>('[data-testid="plan-operator"]')) {
    if (name.scrollWidth > name.clientWidth + 1) name.title = name.textContent ?? '';
    else name.removeAttribute('title');
  }
}
new ResizeObserver(() => titleCutNames()).observe(document.body);

function rowTitle(s: PlanStep): string {
  const lines = [`${s.node.operator ?? ''}${s.detail ? ` — ${s.detail}` : ''}`];
  if (s.misestimate?.flagged) lines.push(misestimateText(s.misestimate));
  if (s.node.source?.uri)
    lines.push(`Click to open ${locationText(s.node.source.kind, s.node.source.name)} in the model`);
  return lines.join('\n');
}

function openSource(n: PlanNode): void {
  const src = n.source;
  if (src?.uri) send({ type: 'open', uri: src.uri, range: src.range });
}

function setCollapsed(id: string, value: boolean): void {
  if (value) collapsed.add(id);
  else collapsed.delete(id);
  refreshVisibility();
}

function setAllCollapsed(value: boolean): void {
  collapsed.clear();
  if (value && plan) for (const s of plan.steps) if (s.hasChildren && s.depth > 0) collapsed.add(s.id);
  refreshVisibility();
}

function refreshVisibility(): void {
  if (!plan) return;
  const hiddenUnder = new Set<string>();
  for (const s of plan.steps) {
    const row = rowsById.get(s.id);
    if (!row) continue;
    const hide = s.parentId !== undefined && (hiddenUnder.has(s.parentId) || collapsed.has(s.parentId));
    row.hidden = hide;
    if (hide || collapsed.has(s.id)) hiddenUnder.add(s.id);
    if (s.hasChildren) {
      row.setAttribute('aria-expanded', String(!collapsed.has(s.id)));
      const t = row.querySelector('.plan-toggle');
      if (t) t.textContent = collapsed.has(s.id) ? '▸' : '▾';
    }
  }
}

function select(id: string | undefined): void {
  if (!plan || id === undefined) return;
  if (selected !== undefined) rowsById.get(selected)?.classList.remove('selected');
  selected = id;
  rowsById.get(id)?.classList.add('selected');
  for (const f of document.querySelectorAll<HTMLElement>('[data-testid="plan-finding"]')) {
    f.classList.toggle('selected', f.dataset.stepId === id);
  }
  showStepDetail(plan.steps.find((s) => s.id === id));
}

function reveal(id: string): void {
  if (!plan) return;
  let changed = false;
  for (const a of ancestors(plan.steps, id)) changed = collapsed.delete(a) || changed;
  if (changed) refreshVisibility();
  const row = rowsById.get(id);
  row?.scrollIntoView({ block: 'nearest' });
  row?.focus();
  select(id);
}

// ---- the side pane: findings and the selected step ------------------------------------------

const findingsBox = el('div', { class: 'plan-findings', 'data-testid': 'plan-findings' });
const detailBox = el('div', { class: 'plan-step-detail', 'data-testid': 'plan-step-detail' });

function showFindings(findings: PlanFinding[]): void {
  findingsBox.replaceChildren(el('h3', {}, findings.length ? `Findings (${findings.length})` : 'Findings'));
  if (!findings.length)
    findingsBox.append(
      el('div', { class: 'muted', 'data-testid': 'plan-no-findings' }, 'Nothing looks wrong in this plan.'),
    );
  for (const f of findings) findingsBox.append(finding(f));
  sidePane.replaceChildren(findingsBox, detailBox);
}

function finding(f: PlanFinding): HTMLElement {
  const confidence = f.confidence ?? 'low';
  const step = f.planNodeId !== undefined ? plan?.steps.find((s) => s.id === f.planNodeId) : undefined;
  const box = el(
    'div',
    {
      class: `plan-finding confidence-${confidence}`,
      'data-testid': 'plan-finding',
      'data-severity': confidence,
      'data-step-id': f.planNodeId,
      'data-kind': f.kind,
    },
    el(
      'div',
      { class: 'plan-finding-head' },
      el(
        'span',
        { class: `plan-severity confidence-${confidence}` },
        confidence === 'high' ? '●' : confidence === 'medium' ? '◐' : '○',
      ),
      el(
        'span',
        { class: 'plan-finding-title', 'data-testid': 'plan-finding-title' },
        f.title ?? f.kind ?? 'Finding',
      ),
    ),
    el(
      'ul',
      { class: 'plan-evidence', 'data-testid': 'plan-evidence' },
      ...(f.evidence ?? []).map((e) => el('li', {}, e)),
    ),
    el(
      'div',
      { class: 'plan-confidence muted', 'data-testid': 'plan-confidence' },
      `Confidence: ${confidence}${f.confidenceReason ? ` — ${f.confidenceReason}` : ''}`,
      f.status ? ` · recommendation ${f.recommendationId ?? ''} ${f.status}` : '',
    ),
  );
  if (step) {
    const link = el(
      'a',
      { class: 'plan-finding-step', 'data-testid': 'plan-finding-step', title: 'Show this step in the tree' },
      `Step ${step.node.operator ?? ''}${step.detail ? ` · ${step.detail}` : ''}`,
    );
    link.addEventListener('click', () => reveal(step.id));
    box.append(link);
  }
  const idx = f.index;
  if (idx?.createSql) {
    box.append(sqlBlock('Suggested SQL', idx.createSql, 'plan-suggested-sql', 'suggested SQL'));
    if (idx.rollbackSql)
      box.append(sqlBlock('Rollback', idx.rollbackSql, 'plan-rollback-sql', 'rollback SQL'));
  }
  return box;
}

function sqlBlock(label: string, sql: string, testid: string, what: string): HTMLElement {
  const copy = el(
    'button',
    {
      class: 'secondary small',
      'data-testid': testid === 'plan-suggested-sql' ? 'plan-copy' : 'plan-copy-rollback',
      title: `Copy the ${what}`,
    },
    'Copy',
  );
  copy.addEventListener('click', () => {
    send({ type: 'copy', text: sql, what });
    copy.textContent = 'Copied';
    window.setTimeout(() => (copy.textContent = 'Copy'), 1500);
  });
  return el(
    'div',
    { class: 'plan-sql' },
    el('div', { class: 'plan-sql-head' }, el('span', { class: 'muted' }, label), copy),
    el('pre', { 'data-testid': testid }, sql),
  );
}

function showStepDetail(s: PlanStep | undefined): void {
  detailBox.replaceChildren();
  if (!s) return;
  const n = s.node;
  const rows: Array<[string, string]> = [];
  const add = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== '') rows.push([k, String(v)]);
  };
  add('Operator', n.operator);
  add('Relation', n.relation ? (n.schema ? `${n.schema}.${n.relation}` : n.relation) : undefined);
  add('Alias', n.alias);
  add('CTE', n.cte);
  add('Join', n.joinType);
  add('Index', n.index);
  add('Condition', n.condition);
  add('Filter', n.filter);
  add('Share', shareText(s.share));
  add('Estimated rows', count(n.estimatedRows));
  add('Actual rows', count(n.actualRows));
  if (s.misestimate?.flagged) add('Misestimate', misestimateText(s.misestimate));
  add('Loops', n.loops !== undefined ? count(n.loops) : undefined);
  add('Self time', ms(n.selfTimeMs));
  add('Time (as reported)', ms(n.actualTimeMs));
  add('Estimated cost', n.estimatedCost !== undefined ? count(n.estimatedCost) : undefined);
  add('Detail', n.detail);
  for (const [k, v] of Object.entries(n.properties ?? {})) add(k, v);
  const table = el(
    'table',
    { class: 'plain' },
    ...rows.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v))),
  );
  detailBox.append(el('h3', {}, `Step ${s.id} · ${n.operator ?? ''}`), table);
  if (n.source?.uri) {
    const link = el(
      'a',
      { 'data-testid': 'plan-open-source' },
      `Open ${locationText(n.source.kind, n.source.name)} in the model`,
    );
    link.addEventListener('click', () => openSource(n));
    detailBox.append(link);
  }
}

setRunning(false);
status.textContent = 'No plan yet: run dbt: Explain Model on a model.';
sqlButton.hidden = true;
arrangePanes();
