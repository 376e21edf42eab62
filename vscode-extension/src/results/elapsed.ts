// How the results view says how long something took (plain: used by the extension and the view).

/** 840 ms, 3.2 s, 4 min 05 s. */
export function elapsedText(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** The status line of a run that ended without rows. */
export function endedText(state: 'error' | 'cancelled', ms: number): string {
  return state === 'cancelled' ? `Cancelled after ${elapsedText(ms)}` : `Failed after ${elapsedText(ms)}`;
}

/** The final duration of a run: the server's `millis` when it measured one, else the time waited. */
export function finalMillis(serverMillis: number | undefined, waitedMs: number): number {
  return serverMillis !== undefined && serverMillis > 0 ? serverMillis : waitedMs;
}
