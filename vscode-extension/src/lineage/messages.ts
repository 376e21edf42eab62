// The messages between the Lineage view (webviews/lineage) and the extension (lineagePanel.ts).
import type { ColumnLineageResult, LineageResult, Range } from '../protocol.generated';

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
  /** One column's lineage (dbt/columnLineage): the view switches to column cards. */
  | { type: 'columnGraph'; result: ColumnLineageResult; includeFilters: boolean }
  | { type: 'error'; message: string };

/** View → extension. */
export type FromLineageView =
  | { type: 'open'; uri: string; range?: Range }
  | { type: 'expand'; id: string; direction: 'up' | 'down' }
  | { type: 'options'; options: LineageOptions }
  /** Show the lineage of this column of this node. */
  | { type: 'column'; nodeId: string; column: string }
  /** Pick a column of this node (a card's "Columns" button), then show its lineage. */
  | { type: 'pickColumn'; nodeId: string; name: string }
  /** Column lineage again, with or without the columns read only to filter or join rows. */
  | { type: 'columnFilters'; includeFilters: boolean }
  /** Back to the nodes' lineage, rooted at this node. */
  | { type: 'models'; nodeId: string };
