/*
 * The Lineage view: a node's parents and children as a left-to-right graph (@xyflow/react, laid
 * out by dagre), from dbt/lineage answers the extension posts (src/lineage/lineagePanel.ts).
 *
 * Stable hooks for end-to-end tests:
 *   [data-testid=lineage-graph]        the graph (React Flow's .react-flow__node/.react-flow__edge inside)
 *   [data-testid=lineage-node]         one node card; data-id = unique id, data-type = resource type,
 *                                      data-root="true" on the root
 *   [data-testid=lineage-expand-up]    "+N" on a card's left: N parents not drawn (click: expand)
 *   [data-testid=lineage-expand-down]  "+N" on a card's right: N children not drawn
 *   [data-testid=lineage-up] / [data-testid=lineage-down]  the depth shown (buttons beside: -/+,
 *                                      data-testid lineage-up-less/-more, lineage-down-less/-more)
 *   [data-testid=lineage-tests]        the "Tests" checkbox
 *   [data-testid=lineage-fit]          "Fit view"
 *   [data-testid=lineage-status]       "N nodes · M edges", and lineage-truncated when cut
 *   [data-testid=lineage-message]      why there is nothing to draw (or the error), and lineage-loading
 *   [data-testid=lineage-columns]      "columns" on a model, seed, snapshot or source card: pick a column
 *
 * Column mode (one column's lineage from dbt/columnLineage):
 *   [data-testid=column-graph]         the graph of column cards
 *   [data-testid=column-card]          one node; data-id = unique id, data-type, data-root="true" on the
 *                                      root's node, data-complete="false" (and column-partial) when not
 *                                      every column of the node is known; column-models: its node lineage
 *   [data-testid=column-row]           one column of a card; data-column = its name ("" for the row that
 *                                      stands for filter/join reads), data-root="true" on the root
 *                                      column; click: open where the node produces it; column-focus:
 *                                      this column's lineage
 *   .react-flow__edge.col-edge-<kind>  an edge, kind passed_through, renamed, computed, aggregated, filter_join
 *   [data-testid=column-legend]        the legend of the edge kinds
 *   [data-testid=column-notes]         the server's notes (columns not known on the way)
 *   [data-testid=column-status]        "N columns · M edges"; column-truncated when cut
 *   [data-testid=column-filters]       the "Filters / joins" checkbox
 */
import '@xyflow/react/dist/style.css';
import '../shared/base.css';
import './lineage.css';
import { createContext, memo, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
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
  useStore,
} from '@xyflow/react';
import { listen, post } from '../shared/host';
import {
  fromResult,
  GraphNode,
  LineageGraph,
  lastRunWord,
  merge,
  typeClass,
} from '../../src/lineage/lineageGraph';
import { ColumnGraph, columnCount, columnGraph } from '../../src/lineage/columnGraph';
import { ColumnActionsContext, ColumnGraphView, ColumnNotes } from './columns';
import { layout, Positioned } from '../../src/lineage/layout';
import { firstView } from '../../src/lineage/firstView';
import {
  DEFAULT_OPTIONS,
  FromLineageView,
  LineageOptions,
  MAX_DEPTH,
  ToLineageView,
} from '../../src/lineage/messages';

type CardNode = Node<{ node: GraphNode; root: boolean; expanding: boolean }, 'dbt'>;

interface Actions {
  expand(id: string, direction: 'up' | 'down'): void;
}
const ActionsContext = createContext<Actions>({ expand: () => undefined });

function send(m: FromLineageView): void {
  post(m);
}

/** One node: type colour, name, materialization, the root marked, "+N" for what is not drawn. */
const Card = memo(function Card({ data }: NodeProps<CardNode>) {
  const { expand } = useContext(ActionsContext);
  const n = data.node;
  const kind =
    n.materialization && n.materialization !== n.resourceType
      ? `${n.resourceType} · ${n.materialization}`
      : n.resourceType;
  const more = (direction: 'up' | 'down', count: number) =>
    count > 0 && (
      <button
        className={`lin-more lin-more-${direction} nodrag nopan`}
        data-testid={`lineage-expand-${direction}`}
        title={`${count} ${direction === 'up' ? (count === 1 ? 'parent' : 'parents') : count === 1 ? 'child' : 'children'} not shown: click to add`}
        disabled={data.expanding}
        onClick={(e) => {
          e.stopPropagation();
          expand(n.id, direction);
        }}
      >
        +{count}
      </button>
    );
  const hasColumns = ['model', 'seed', 'snapshot', 'source'].includes(n.resourceType);
  return (
    <div
      className={`lin-node lin-type-${typeClass(n.resourceType)}${data.root ? ' lin-root' : ''}${n.lastRun ? ` lin-last-${n.lastRun.status}` : ''}`}
      data-testid="lineage-node"
      data-id={n.id}
      data-type={n.resourceType}
      data-root={data.root ? 'true' : undefined}
      title={[n.id, n.description].filter(Boolean).join('\n\n')}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {more('up', n.hiddenUp)}
      <div className="lin-kind">
        {kind}
        {data.root ? <span className="lin-root-badge">root</span> : null}
      </div>
      {hasColumns && (
        <button
          className="lin-columns nodrag nopan"
          data-testid="lineage-columns"
          title={`The lineage of a column of ${n.name}`}
          onClick={(e) => {
            e.stopPropagation();
            send({ type: 'pickColumn', nodeId: n.id, name: n.name });
          }}
        >
          columns
        </button>
      )}
      <div className="lin-name">
        {n.name}
        {n.lastRun ? (
          <span
            className={`lin-run lin-run-${n.lastRun.status}`}
            data-testid="lineage-last-run"
            title={[
              `last run: ${lastRunWord(n.lastRun.status)}`,
              n.lastRun.at ? new Date(n.lastRun.at).toLocaleString() : '',
              n.lastRun.message ?? '',
            ]
              .filter(Boolean)
              .join('\n')}
          >
            {lastRunWord(n.lastRun.status)}
          </span>
        ) : null}
      </div>
      {more('down', n.hiddenDown)}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});

const nodeTypes = { dbt: Card };

interface State {
  status: 'loading' | 'ready' | 'error';
  title: string;
  /** Which graph is drawn: the nodes' lineage, or one column's. */
  mode: 'nodes' | 'columns';
  graph?: LineageGraph;
  columns?: ColumnGraph;
  includeFilters: boolean;
  options: LineageOptions;
  /** A new answer (not an expansion): the graph is drawn afresh and fitted. */
  generation: number;
  error?: string;
  expanding: Set<string>;
}

function ColumnToolbar({ state, setIncludeFilters }: { state: State; setIncludeFilters(on: boolean): void }) {
  const rf = useReactFlow();
  const g = state.columns;
  const rootName = g?.cards.find((k) => k.id === g.root)?.name;
  return (
    <div className="toolbar lin-toolbar">
      <span className="lin-title">
        {g?.root ? (
          <>
            Column lineage of{' '}
            <b>
              {rootName}.{g.rootColumn}
            </b>
          </>
        ) : (
          `Column lineage${state.title ? ` of ${state.title}` : ''}`
        )}
      </span>
      <label className="lin-tests" title="Also the columns read only to filter, join, group or order rows">
        <input
          type="checkbox"
          data-testid="column-filters"
          checked={state.includeFilters}
          onChange={(e) => setIncludeFilters(e.currentTarget.checked)}
        />
        Filters / joins
      </label>
      <button data-testid="lineage-fit" onClick={() => void rf.fitView({ padding: 0.08, duration: 200 })}>
        Fit view
      </button>
      <span className="spacer" />
      {state.status === 'loading' && (
        <span className="muted" data-testid="lineage-loading">
          Loading…
        </span>
      )}
      {g?.root && (
        <span className="muted" data-testid="column-status">
          {columnCount(g)} {columnCount(g) === 1 ? 'column' : 'columns'} · {g.edges.length}{' '}
          {g.edges.length === 1 ? 'edge' : 'edges'}
        </span>
      )}
      {g?.truncated && (
        <span
          className="lin-truncated"
          data-testid="column-truncated"
          title="The server stopped at its column limit: some columns on the way are left out"
        >
          cut at the column limit
        </span>
      )}
    </div>
  );
}

function Toolbar({ state, setOptions }: { state: State; setOptions(o: LineageOptions): void }) {
  const rf = useReactFlow();
  const o = state.options;
  const g = state.graph;
  const rootName = g?.nodes.find((n) => n.id === g.root)?.name ?? state.title;
  const depth = (label: string, key: 'up' | 'down') => (
    <span className="lin-depth">
      <span className="muted">{label}</span>
      <button
        data-testid={`lineage-${key}-less`}
        title={`Fewer generations ${key}stream`}
        disabled={o[key] <= 0}
        onClick={() => setOptions({ ...o, [key]: o[key] - 1 })}
      >
        −
      </button>
      <span data-testid={`lineage-${key}`} className="lin-depth-value">
        {o[key]}
      </span>
      <button
        data-testid={`lineage-${key}-more`}
        title={`More generations ${key}stream`}
        disabled={o[key] >= MAX_DEPTH}
        onClick={() => setOptions({ ...o, [key]: o[key] + 1 })}
      >
        +
      </button>
    </span>
  );
  return (
    <div className="toolbar lin-toolbar">
      <span className="lin-title">
        {rootName ? (
          <>
            Lineage of <b>{rootName}</b>
          </>
        ) : (
          'Lineage'
        )}
      </span>
      {depth('Upstream', 'up')}
      {depth('Downstream', 'down')}
      <label className="lin-tests">
        <input
          type="checkbox"
          data-testid="lineage-tests"
          checked={o.tests}
          onChange={(e) => setOptions({ ...o, tests: e.currentTarget.checked })}
        />
        Tests
      </label>
      <button data-testid="lineage-fit" onClick={() => void rf.fitView({ padding: 0.15, duration: 200 })}>
        Fit view
      </button>
      <span className="spacer" />
      {state.status === 'loading' && (
        <span className="muted" data-testid="lineage-loading">
          Loading…
        </span>
      )}
      {g && g.root && (
        <span className="muted" data-testid="lineage-status">
          {g.nodes.length} {g.nodes.length === 1 ? 'node' : 'nodes'} · {g.edges.length}{' '}
          {g.edges.length === 1 ? 'edge' : 'edges'}
        </span>
      )}
      {g?.truncated && (
        <span
          className="lin-truncated"
          data-testid="lineage-truncated"
          title="The server stopped at its node limit: expand nodes (+N) to see more"
        >
          cut at the node limit
        </span>
      )}
    </div>
  );
}

/**
 * Sets the first view of a newly drawn graph once the panel's size is known: the shown
 * neighbourhood fitted when it is readable, else the root in the middle (src/lineage/firstView.ts).
 */
function FirstView({ g, positions }: { g: LineageGraph; positions: Map<string, Positioned> }) {
  const rf = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const done = useRef(false);
  useEffect(() => {
    if (done.current || width <= 0 || height <= 0) return;
    done.current = true;
    void rf.setViewport(firstView(positions, g.edges, g.root, width, height));
  }, [rf, g, positions, width, height]);
  return null;
}

function Graph({ state }: { state: State }) {
  const g = state.graph!;
  // layout once per graph: panning, zooming and hovering never lay out again
  // generations 72 px apart: three of them fit a half-window panel at a readable zoom
  const positions = useMemo(() => layout(g.nodes, g.edges, 72), [g]);
  const nodes = useMemo<CardNode[]>(
    () =>
      g.nodes.map((n) => ({
        id: n.id,
        type: 'dbt',
        position: positions.get(n.id) ?? { x: 0, y: 0 },
        data: { node: n, root: n.id === g.root, expanding: state.expanding.has(n.id) },
        draggable: false,
        connectable: false,
      })),
    [g, positions, state.expanding],
  );
  const edges = useMemo<Edge[]>(
    () =>
      g.edges.map((e) => ({
        id: e.id,
        source: e.from,
        target: e.to,
        className: e.from === g.root || e.to === g.root ? 'lin-edge-root' : undefined,
      })),
    [g],
  );
  const open = useCallback((_: unknown, n: CardNode) => {
    if (n.data.node.uri) send({ type: 'open', uri: n.data.node.uri, range: n.data.node.range });
  }, []);
  return (
    <div className="lin-graph" data-testid="lineage-graph">
      <ReactFlow
        key={state.generation}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={open}
        nodesDraggable={false}
        nodesConnectable={false}
        minZoom={0.05}
        maxZoom={2}
        onlyRenderVisibleElements={g.nodes.length > 300}
      >
        <Background gap={24} size={1} />
        <FirstView g={g} positions={positions} />
      </ReactFlow>
    </div>
  );
}

function App() {
  const [state, setState] = useState<State>({
    status: 'loading',
    title: '',
    mode: 'nodes',
    includeFilters: true,
    options: DEFAULT_OPTIONS,
    generation: 0,
    expanding: new Set(),
  });

  useEffect(() => {
    listen<ToLineageView>((m) => {
      setState((s) => {
        switch (m.type) {
          case 'loading':
            return { ...s, status: 'loading', title: m.title, error: undefined };
          case 'columnGraph':
            return {
              ...s,
              status: 'ready',
              mode: 'columns',
              columns: columnGraph(m.result),
              includeFilters: m.includeFilters,
              generation: s.generation + 1,
              error: undefined,
              expanding: new Set(),
            };
          case 'graph':
            return {
              ...s,
              status: 'ready',
              mode: 'nodes',
              graph: fromResult(m.result),
              options: m.options,
              generation: s.generation + 1,
              error: undefined,
              expanding: new Set(),
            };
          case 'merge': {
            const expanding = new Set(s.expanding);
            expanding.delete(m.around);
            return s.graph
              ? { ...s, graph: merge(s.graph, m.around, m.result), expanding }
              : { ...s, expanding };
          }
          case 'error':
            return { ...s, status: 'error', error: m.message, expanding: new Set() };
          default:
            return s;
        }
      });
    });
  }, []);

  const actions = useMemo<Actions>(
    () => ({
      expand: (id, direction) => {
        setState((s) => ({ ...s, expanding: new Set(s.expanding).add(id) }));
        send({ type: 'expand', id, direction });
      },
    }),
    [],
  );

  const setOptions = useCallback((options: LineageOptions) => {
    setState((s) => ({ ...s, options, status: 'loading' }));
    send({ type: 'options', options });
  }, []);

  const columnActions = useMemo(() => ({ send }), []);
  const setIncludeFilters = useCallback((includeFilters: boolean) => {
    setState((s) => ({ ...s, includeFilters, status: 'loading' }));
    send({ type: 'columnFilters', includeFilters });
  }, []);

  const g = state.graph;
  const c = state.columns;
  let body;
  if (state.mode === 'columns') {
    if (c?.root) {
      body = (
        <>
          <ColumnNotes g={c} />
          <ColumnGraphView g={c} generation={state.generation} />
        </>
      );
    } else if (state.status === 'error') {
      body = null;
    } else if (c && state.status === 'ready') {
      body = (
        <div className="warning-box lin-message" data-testid="lineage-message">
          {c.message ?? 'No lineage for this column.'}
        </div>
      );
    } else {
      body = (
        <div className="muted lin-message" data-testid="lineage-message">
          Loading the lineage{state.title ? ` of ${state.title}` : ''}…
        </div>
      );
    }
  } else if (g?.root) {
    body = <Graph state={state} />;
  } else if (state.status === 'error') {
    body = null;
  } else if (g && !g.root) {
    body = (
      <div className="warning-box lin-message" data-testid="lineage-message">
        {g.message ?? 'No lineage for this node.'}
      </div>
    );
  } else {
    body = (
      <div className="muted lin-message" data-testid="lineage-message">
        Loading the lineage{state.title ? ` of ${state.title}` : ''}…
      </div>
    );
  }
  return (
    <ActionsContext.Provider value={actions}>
      <ColumnActionsContext.Provider value={columnActions}>
        <ReactFlowProvider>
          <div className="lin-app">
            {state.mode === 'columns' ? (
              <ColumnToolbar state={state} setIncludeFilters={setIncludeFilters} />
            ) : (
              <Toolbar state={state} setOptions={setOptions} />
            )}
            {state.error && (
              <div className="error-box lin-message" data-testid="lineage-message">
                {state.error}
              </div>
            )}
            {body}
          </div>
        </ReactFlowProvider>
      </ColumnActionsContext.Provider>
    </ActionsContext.Provider>
  );
}

createRoot(
  document.getElementById('root') ?? document.body.appendChild(document.createElement('div')),
).render(<App />);
