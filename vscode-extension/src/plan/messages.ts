// The messages between the plan panel (planPanel.ts) and its view (webviews/plan).
// Plain data only: the view puts every value into the DOM as text.
import type { CompileProblem, ExplainResult, Range } from '../protocol.generated';

export type ToPlanView =
  /** dbt/explain was asked: the view shows the elapsed timer and Cancel. */
  | { type: 'running'; title: string; analyze: boolean; startedAt: number }
  /** The server's answer (which may carry an `error` or compile `problems`). */
  | { type: 'result'; title: string; analyze: boolean; result: ExplainResult; elapsedMs: number }
  /** No answer: the request failed (server not running...) or the user cancelled. */
  | {
      type: 'failed';
      state: 'error' | 'cancelled';
      message: string;
      elapsedMs: number;
      problems?: CompileProblem[];
    };

export type FromPlanView =
  | { type: 'cancel' }
  /** Explain again; `analyze` runs the query to measure rows and times. */
  | { type: 'rerun'; analyze: boolean }
  /** A step (or a problem) was clicked: open its document at the range. */
  | { type: 'open'; uri: string; range?: Range }
  /** The Copy button of some SQL. */
  | { type: 'copy'; text: string; what: string }
  /** Open the SQL the warehouse ran in an editor. */
  | { type: 'openSql' };
