// The messages between the Lineage view (webviews/lineage) and the extension (lineagePanel.ts).
import type { LineageResult, Range } from '../protocol.generated';

/** What the toolbar sets: generations up and down, and whether data tests are drawn. */
export interface LineageOptions {
  up: number;
  down: number;
  tests: boolean;
}

export const DEFAULT_OPTIONS: LineageOptions = { up: 2, down: 2, tests: false };
/** The deepest the toolbar goes. */
export const MAX_DEPTH = 10;

/** Extension → view. */
export type ToLineageView =
  | { type: 'loading'; title: string }
  | { type: 'graph'; result: LineageResult; options: LineageOptions }
  | { type: 'merge'; around: string; result: LineageResult }
  | { type: 'error'; message: string };

/** View → extension. */
export type FromLineageView =
  | { type: 'open'; uri: string; range?: Range }
  | { type: 'expand'; id: string; direction: 'up' | 'down' }
  | { type: 'options'; options: LineageOptions };
