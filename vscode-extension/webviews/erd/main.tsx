/*
 * The ERD view: the entities of a dbt/erd answer as table cards (name, kind, columns with their
 * types) and the relationships as edges from column to column, labelled by where they are declared
 * (relationships test or foreign key constraint); laid out left to right by dagre, drawn by
 * @xyflow/react. The extension posts the answers (src/erd/erdPanel.ts).
 *
 * Stable hooks for end-to-end tests:
 *   [data-testid=erd-graph]     the diagram (React Flow's .react-flow__node/.react-flow__edge inside)
 *   [data-testid=erd-card]      one entity; data-id = unique id, data-type = resource type,
 *                               data-selected="false" when only a relationship reaches it
 *   [data-testid=erd-card-head] its title: click opens the entity's file
 *   [data-testid=erd-row]       one column; data-column = its name, data-related="true" on a key
 *   .react-flow__edge.erd-edge-<source>  a relationship by its first source: relationships_test,
 *                                        foreign_key_constraint or warehouse_foreign_key; erd-also-<source>
 *                                        for each other source that declares it too
 *   [data-testid=erd-legend]    the legend of the sources
 *   [data-testid=erd-status]    "N entities · M relationships"; erd-truncated when cut
 *   [data-testid=erd-message]   the server's message, why there is nothing, the error, or loading
 *   [data-testid=erd-select]    "Select…": another dbt selector
 *   [data-testid=erd-fit]       "Fit view"
 */
import '@xyflow/react/dist/style.css';
import '../shared/base.css';
import '../lineage/lineage.css';
import './erd.css';
import { memo, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  Background,
  Edge,
  Handle,
  Node,
  NodeProps,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import { listen, post } from '../shared/host';
import { typeClass } from '../../src/lineage/lineageGraph';
import {
  cardHeight,
  ErdCard,
  ErdGraph,
  erdGraph,
  RELATIONSHIP_SOURCES,
  TABLE_ROW,
} from '../../src/erd/erdGraph';
import { erdLayout } from '../../src/erd/erdLayout';
import { NODE_WIDTH } from '../../src/lineage/layout';
import type { FromErdView, ToErdView } from '../../src/erd/messages';
import { EdgeLegend } from '../lineage/edgeLegend';

type CardNode = Node<{ card: ErdCard }, 'table'>;

function send(m: FromErdView): void {
  post(m);
}

/** One entity: kind, name (click: open its file), a row per column with its type. */
const Card = memo(function Card({ data }: NodeProps<CardNode>) {
  const k = data.card;
  return (
    <div
      className={`lin-node col-card erd-card lin-type-${typeClass(k.resourceType)}${k.selected ? '' : ' erd-outside'}`}
      style={{ height: cardHeight(k) }}
      data-testid="erd-card"
      data-id={k.id}
      data-type={k.resourceType}
      data-selected={k.selected ? 'true' : 'false'}
    >
      <div
        className="col-head"
        data-testid="erd-card-head"
        title={`${k.id}${k.uri ? '\nClick: open its file' : ''}`}
        onClick={() => k.uri && send({ type: 'open', uri: k.uri })}
      >
        <Handle type="target" position={Position.Left} id={`in:${TABLE_ROW}`} isConnectable={false} />
        <div className="lin-kind">
          {k.resourceType}
          {!k.selected && (
            <span
              className="erd-note"
              title="Outside the selection: reached by a relationship (only its related columns are listed)"
            >
              outside the selection
            </span>
          )}
        </div>
        <div className="lin-name">{k.name}</div>
      </div>
      {k.rows.length === 0 && <div className="erd-none muted">columns not known</div>}
      {k.rows.map((r) => (
        <div
          key={r.key}
          className={`col-row${r.related ? ' erd-related' : ''}`}
          data-testid="erd-row"
          data-column={r.name}
          data-related={r.related ? 'true' : undefined}
          title={[r.name, r.type ? `type ${r.type}` : 'type unknown', r.description]
            .filter(Boolean)
            .join('\n')}
        >
          <Handle type="target" position={Position.Left} id={`in:${r.key}`} isConnectable={false} />
          <span className="col-name">{r.name}</span>
          {r.type && <span className="col-type">{r.type}</span>}
          <Handle type="source" position={Position.Right} id={`out:${r.key}`} isConnectable={false} />
        </div>
      ))}
    </div>
  );
});

const nodeTypes = { table: Card };
const FIT = { padding: 0.08, maxZoom: 1.1 };

const LEGEND = RELATIONSHIP_SOURCES.map((s) => ({
  key: s.source,
  label: s.label,
  title: s.title,
  lineClass: `erd-edge-${s.source}`,
}));

/** How many cards of NODE_WIDTH fit side by side in the panel at about the zoom they are read at. */
function perRowFor(width: number): number {
  return Math.max(1, Math.min(6, Math.floor((width - 20) / (NODE_WIDTH + 24))));
}

function usePerRow(): number {
  const [n, setN] = useState(() => perRowFor(window.innerWidth));
  useEffect(() => {
    const resized = () => setN(perRowFor(window.innerWidth));
    window.addEventListener('resize', resized);
    return () => window.removeEventListener('resize', resized);
  }, []);
  return n;
}

function Diagram({ g, generation }: { g: ErdGraph; generation: number }) {
  // the tables no relationship joins fill rows as wide as the panel (re-laid out when it resizes)
  const perRow = usePerRow();
  const positions = useMemo(() => erdLayout(g, perRow), [g, perRow]);
  const nodes = useMemo<CardNode[]>(
    () =>
      g.cards.map((k) => ({
        id: k.id,
        type: 'table',
        position: positions.get(k.id) ?? { x: 0, y: 0 },
        data: { card: k },
        draggable: false,
        connectable: false,
      })),
    [g, positions],
  );
  const edges = useMemo<Edge[]>(
    () =>
      g.edges.map((e) => ({
        id: e.id,
        source: e.from,
        target: e.to,
        sourceHandle: `out:${e.fromRow}`,
        targetHandle: `in:${e.toRow}`,
        // styled by its first source; `erd-also-<source>` marks the others (a test the warehouse confirms)
        className: [
          'erd-edge',
          `erd-edge-${e.source}`,
          ...e.sources.filter((x) => x !== e.source).map((x) => `erd-also-${x}`),
        ].join(' '),
        label: e.label,
        labelShowBg: true,
        labelBgPadding: [3, 1] as [number, number],
        labelBgBorderRadius: 3,
      })),
    [g],
  );
  return (
    <div className="lin-graph" data-testid="erd-graph">
      <ReactFlow
        key={generation}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        fitView
        fitViewOptions={FIT}
        minZoom={0.05}
        maxZoom={2}
        onlyRenderVisibleElements={g.cards.length > 300}
      >
        <Background gap={24} size={1} />
        <EdgeLegend items={LEGEND} position="top-right" testId="erd-legend" />
      </ReactFlow>
    </div>
  );
}

interface State {
  status: 'loading' | 'ready' | 'error';
  select: string[];
  graph?: ErdGraph;
  error?: string;
  generation: number;
}

function Toolbar({ state }: { state: State }) {
  const rf = useReactFlow();
  // an error replaces the diagram: its counts go with it
  const g = state.status === 'error' ? undefined : state.graph;
  const what = state.select.length ? state.select.join(' ') : 'every model of the project';
  return (
    <div className="toolbar lin-toolbar">
      <span className="lin-title">
        ERD of <b>{what}</b>
      </span>
      <button data-testid="erd-select" title="Another dbt selector" onClick={() => send({ type: 'select' })}>
        Select…
      </button>
      <button data-testid="erd-fit" onClick={() => void rf.fitView({ ...FIT, duration: 200 })}>
        Fit view
      </button>
      <span className="spacer" />
      {state.status === 'loading' && (
        <span className="muted" data-testid="erd-loading">
          Loading…
        </span>
      )}
      {g && g.cards.length > 0 && (
        <span className="muted" data-testid="erd-status">
          {g.cards.length} {g.cards.length === 1 ? 'entity' : 'entities'} · {g.edges.length}{' '}
          {g.edges.length === 1 ? 'relationship' : 'relationships'}
        </span>
      )}
      {g?.truncated && (
        <span
          className="lin-truncated"
          data-testid="erd-truncated"
          title="More nodes are selected than the diagram shows: narrow the selector"
        >
          cut at the node limit
        </span>
      )}
    </div>
  );
}

/** Why there is nothing to draw, or what the server said besides the diagram. */
function emptyMessage(g: ErdGraph, select: string[]): string {
  if (g.message) return g.message;
  return select.length
    ? `No model, seed, snapshot or source matches ${select.join(' ')}.`
    : 'The project has no models.';
}

function App() {
  const [state, setState] = useState<State>({ status: 'loading', select: [], generation: 0 });
  useEffect(() => {
    listen<ToErdView>((m) => {
      setState((s) => {
        switch (m.type) {
          case 'loading':
            return { ...s, status: 'loading', select: m.select, error: undefined };
          case 'erd':
            return {
              status: 'ready',
              select: m.select,
              graph: erdGraph(m.result),
              generation: s.generation + 1,
            };
          case 'error':
            return { ...s, status: 'error', error: m.message };
          default:
            return s;
        }
      });
    });
  }, []);
  const g = state.graph;
  let body;
  if (state.status === 'error') {
    body = (
      <div className="error-box lin-message" data-testid="erd-message">
        {state.error}
      </div>
    );
  } else if (g && g.cards.length > 0) {
    body = (
      <>
        {g.message && (
          <div className="warning-box lin-message" data-testid="erd-message">
            {g.message}
          </div>
        )}
        {g.edges.length === 0 && (
          <div className="muted lin-message" data-testid="erd-no-relationships">
            No relationships between these entities: declare relationships tests or foreign_key constraints,
            or foreign keys in the warehouse.
          </div>
        )}
        <Diagram g={g} generation={state.generation} />
      </>
    );
  } else if (g && state.status === 'ready') {
    body = (
      <div className="warning-box lin-message" data-testid="erd-message">
        {emptyMessage(g, state.select)}
      </div>
    );
  } else {
    body = (
      <div className="muted lin-message" data-testid="erd-message">
        Loading the diagram…
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <div className="lin-app">
        <Toolbar state={state} />
        {body}
      </div>
    </ReactFlowProvider>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
