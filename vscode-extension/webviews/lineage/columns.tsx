// The Lineage view's column mode: one column's lineage (dbt/columnLineage) as cards of column
// rows, one card per node, edges between rows coloured by kind (labelled, but for the plain and
// the dashed ones), a legend, the server's notes.
// Test hooks are listed in main.tsx.
import { createContext, memo, useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import { Background, Edge, Handle, Node, NodeProps, Position, ReactFlow, useReactFlow } from '@xyflow/react';
import {
  cardEdges,
  cardHeight,
  ColumnCard,
  ColumnGraph,
  ColumnRow,
  EDGE_KINDS,
  FILTER_ROW,
} from '../../src/lineage/columnGraph';
import { typeClass } from '../../src/lineage/lineageGraph';
import { layout } from '../../src/lineage/layout';
import type { FromLineageView } from '../../src/lineage/messages';
import { EdgeLegend } from './edgeLegend';

type CardNode = Node<{ card: ColumnCard; root: boolean }, 'columns'>;

interface ColumnActions {
  send(m: FromLineageView): void;
}
export const ColumnActionsContext = createContext<ColumnActions>({ send: () => undefined });

function rowTitle(r: ColumnRow): string {
  if (r.key === FILTER_ROW)
    return 'The node reads these columns only to filter, join, group or order its rows';
  return [
    r.name,
    r.type ? `type ${r.type}${r.typeOrigin ? ` (from ${r.typeOrigin})` : ''}` : 'type unknown',
    r.description,
    'Click: open where the node produces it',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A node with a row per column of the answer; a row click opens where the node produces it. */
const Card = memo(function Card({ data }: NodeProps<CardNode>) {
  const { send } = useContext(ColumnActionsContext);
  const k = data.card;
  const open = (uri?: string, range?: ColumnRow['range']) => {
    if (uri) send({ type: 'open', uri, range });
  };
  return (
    <div
      className={`lin-node col-card lin-type-${typeClass(k.resourceType)}${data.root ? ' lin-root' : ''}`}
      style={{ height: cardHeight(k) }}
      data-testid="column-card"
      data-id={k.id}
      data-type={k.resourceType}
      data-root={data.root ? 'true' : undefined}
      data-complete={k.complete ? 'true' : 'false'}
    >
      <div className="col-head" title={`${k.id}\nClick: open its file`} onClick={() => open(k.uri)}>
        <div className="lin-kind">
          {k.resourceType}
          {!k.complete && (
            <span
              className="col-partial"
              data-testid="column-partial"
              title="Not every column of this node is known (a * over columns that are not known, or SQL that could not be read): some may be missing here"
            >
              ⚠ partial
            </span>
          )}
        </div>
        <div className="lin-name">{k.name}</div>
        <button
          className="col-models nodrag nopan"
          data-testid="column-models"
          title={`The lineage of ${k.name}'s node`}
          onClick={(e) => {
            e.stopPropagation();
            send({ type: 'models', nodeId: k.id });
          }}
        >
          nodes
        </button>
      </div>
      {k.rows.map((r) => (
        <div
          key={r.key}
          className={`col-row${r.root ? ' col-row-root' : ''}${r.key === FILTER_ROW ? ' col-row-filter' : ''}`}
          data-testid="column-row"
          data-column={r.name ?? ''}
          data-root={r.root ? 'true' : undefined}
          title={rowTitle(r)}
          onClick={(e) => {
            e.stopPropagation();
            open(r.uri ?? k.uri, r.range);
          }}
        >
          <Handle type="target" position={Position.Left} id={`in:${r.key}`} isConnectable={false} />
          <span className="col-name">{r.key === FILTER_ROW ? '(rows: filter / join)' : r.name}</span>
          {r.type && <span className="col-type">{r.type}</span>}
          {r.name && !r.root && (
            <button
              className="col-focus nodrag nopan"
              data-testid="column-focus"
              title={`The lineage of ${k.name}.${r.name}`}
              onClick={(e) => {
                e.stopPropagation();
                send({ type: 'column', nodeId: k.id, column: r.name! });
              }}
            >
              ⤷
            </button>
          )}
          <Handle type="source" position={Position.Right} id={`out:${r.key}`} isConnectable={false} />
        </div>
      ))}
    </div>
  );
});

const nodeTypes = { columns: Card };
const FIT = { padding: 0.08, maxZoom: 1.1 };
/** Closer than the nodes' lineage: the edges' labels are short. */
const RANKSEP = 80;

const LEGEND = EDGE_KINDS.map((k) => ({
  key: k.kind,
  label: k.label,
  title: k.title,
  lineClass: `col-edge-${k.kind}`,
}));

/** The notes the server gave (why some columns are not known), shown in full. */
export function ColumnNotes({ g }: { g: ColumnGraph }) {
  if (!g.notes.length) return null;
  return (
    <div className="warning-box col-notes" data-testid="column-notes">
      <b>
        {g.notes.length === 1 ? 'Note' : `${g.notes.length} notes`}: some columns on the way are not known
      </b>
      <ul>
        {g.notes.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </div>
  );
}

export function ColumnGraphView({ g, generation }: { g: ColumnGraph; generation: number }) {
  const positions = useMemo(
    () =>
      layout(
        g.cards.map((k) => ({ id: k.id, height: cardHeight(k) })),
        cardEdges(g),
        RANKSEP,
      ),
    [g],
  );
  const nodes = useMemo<CardNode[]>(
    () =>
      g.cards.map((k) => ({
        id: k.id,
        type: 'columns',
        position: positions.get(k.id) ?? { x: 0, y: 0 },
        data: { card: k, root: k.id === g.root },
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
        className: `col-edge col-edge-${e.kind}`,
        label:
          e.kind === 'passed_through' || e.kind === 'filter_join'
            ? undefined
            : (EDGE_KINDS.find((k) => k.kind === e.kind)?.label ?? e.kind),
        labelShowBg: true,
        labelBgPadding: [3, 1] as [number, number],
        labelBgBorderRadius: 3,
        data: { kind: e.kind },
      })),
    [g],
  );
  const ignore = useCallback(() => undefined, []);
  // an answer that came while the panel was hidden (no size) is fitted once it is shown or resized
  const rf = useReactFlow();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let last = '';
    const observer = new ResizeObserver(() => {
      const size = `${el.clientWidth}x${el.clientHeight}`;
      if (size !== last && el.clientWidth > 0 && el.clientHeight > 0) void rf.fitView(FIT);
      last = size;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [rf, generation]);
  return (
    <div className="lin-graph" data-testid="column-graph" ref={box}>
      <ReactFlow
        key={generation}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={ignore}
        nodesDraggable={false}
        nodesConnectable={false}
        fitView
        fitViewOptions={FIT}
        minZoom={0.05}
        maxZoom={2}
      >
        <Background gap={24} size={1} />
        <EdgeLegend items={LEGEND} position="bottom-left" testId="column-legend" />
      </ReactFlow>
    </div>
  );
}
