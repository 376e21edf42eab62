// The messages between the results panel (resultsPanel.ts) and its view (webviews/results).
// Plain data only: the view puts every value into the DOM as text.
import type { PreviewPage, PreviewResult, ProfileResult } from '../protocol.generated';

/** Where a tab stands: running until a result, an error or a cancel ends it. */
export type RunState = 'running' | 'done' | 'error' | 'cancelled';

/** What the view needs to draw a tab's label before any result arrives. */
export interface TabHeader {
  id: number;
  /** The model's name, or `Query N` for ad-hoc SQL. */
  title: string;
  /** A longer description for the tooltip: the node id, the file or the first line of the SQL. */
  detail: string;
  /** When the run started (epoch ms), for the live elapsed timer. */
  startedAt: number;
  /** Profiling is possible (not for one CTE of a model). */
  canProfile: boolean;
}

export type ToView =
  /** A new tab, already running; it becomes the selected tab. */
  | { type: 'open'; tab: TabHeader }
  /** The tab runs again (Re-run): its rows are cleared and its timer starts anew. */
  | { type: 'running'; id: number; startedAt: number }
  /** The answer of dbt/preview; `elapsedMs` as measured by the extension (shown when `millis` is 0). */
  | { type: 'result'; id: number; result: PreviewResult; elapsedMs: number }
  /** The run ended without an answer: a failed request, or cancelled by the user. */
  | { type: 'failed'; id: number; state: 'error' | 'cancelled'; message: string; elapsedMs: number }
  /** The next page of rows (dbt/previewPage). */
  | { type: 'page'; id: number; page: PreviewPage }
  /** Fetching the next page failed; the rows loaded so far stay. */
  | { type: 'pageFailed'; id: number; message: string }
  | { type: 'profileRunning'; id: number; startedAt: number }
  | { type: 'profile'; id: number; profile: ProfileResult }
  | { type: 'profileFailed'; id: number; message: string }
  /** Show this tab. */
  | { type: 'select'; id: number }
  /** The extension closed this tab (more than the tabs kept). */
  | { type: 'closed'; id: number };

export type FromView =
  | { type: 'cancel'; id: number }
  | { type: 'close'; id: number }
  | { type: 'select'; id: number }
  | { type: 'loadMore'; id: number }
  | { type: 'rerun'; id: number }
  | { type: 'export'; id: number }
  | { type: 'profile'; id: number }
  | { type: 'cancelProfile'; id: number }
  /** Ctrl/Cmd+C in the grid: the selected cells as tab-separated text; `what` says e.g. "3 cells". */
  | { type: 'copy'; text: string; what: string }
  /** A compile problem's location was clicked. */
  | { type: 'openProblem'; uri: string; line: number; character: number }
  /** Open the tab's compiled SQL in an editor. */
  | { type: 'openSql'; id: number };
