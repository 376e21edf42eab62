// The messages between the ERD view (webviews/erd) and the extension (erdPanel.ts).
import type { ErdResult } from '../protocol.generated';

/** Extension → view. */
export type ToErdView =
  | { type: 'loading'; select: string[] }
  | { type: 'erd'; select: string[]; result: ErdResult }
  | { type: 'error'; message: string };

/** View → extension. */
export type FromErdView =
  | { type: 'open'; uri: string }
  /** Ask for another selector (the toolbar's "Select…"). */
  | { type: 'select' };
