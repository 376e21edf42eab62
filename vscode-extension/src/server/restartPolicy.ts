/** How the server process ended. */
export interface Crash {
  code: number | null;
  signal: string | null;
  outOfMemory: boolean;
  /** The end of what the server wrote to stderr. */
  lastWords: string;
  /** The heap dump the JVM wrote when it ran out of memory, when there is one. */
  heapDump?: string;
}

export type CrashDecision = { restart: true } | { restart: false; reason: string };

/**
 * Restart a crashed server up to `max` times within `windowMs`, then stop and say why. A server
 * that ran out of memory is not restarted: it would only run out again.
 */
export class RestartPolicy {
  private readonly crashes: number[] = [];

  constructor(
    private readonly max = 5,
    private readonly windowMs = 180_000,
    private readonly now: () => number = Date.now,
    private readonly maxHeap = '2g',
  ) {}

  onCrash(c: Crash): CrashDecision {
    const how = exitOf(c);
    const words = lastWordsOf(c);
    if (c.outOfMemory) {
      return {
        restart: false,
        reason: `The dbtls server ran out of memory (${how}) and was not restarted: raise dbtls.server.maxHeap (now ${this.maxHeap}) and restart it.${words}${c.heapDump ? ` Its heap dump, for a bug report: ${c.heapDump}` : ''}`,
      };
    }
    const t = this.now();
    this.crashes.push(t);
    while (this.crashes.length && this.crashes[0] < t - this.windowMs) this.crashes.shift();
    if (this.crashes.length <= this.max) return { restart: true };
    const minutes = Math.round(this.windowMs / 60_000);
    return {
      restart: false,
      reason: `The dbtls server stopped ${this.crashes.length} times in ${minutes} minutes (last: ${how}) and is not restarted again.${words}`,
    };
  }

  /** A deliberate restart starts counting afresh. */
  reset(): void {
    this.crashes.length = 0;
  }
}

/** How a server that ended did: its exit code or signal. */
function exitOf(c: Crash): string {
  return c.code !== null ? `exit code ${c.code}` : `signal ${c.signal ?? 'unknown'}`;
}

/** The last lines a server wrote to stderr, as a sentence to append ('' when it wrote none). */
function lastWordsOf(c: Crash): string {
  const words = c.lastWords.trim();
  return words ? ` Its last words: ${words.split(/\r?\n/).slice(-3).join(' ')}` : '';
}

/**
 * Why a start failed, for the user: the client's error, and how the server ended when it did
 * (`code` and `signal` both null: it still runs, or its end was not seen in time).
 */
export function startFailure(error: string, c: Crash): string {
  const ended = c.code !== null || c.signal !== null ? ` (${exitOf(c)})` : '';
  return `The dbtls server did not start${ended}: ${error.trim().replace(/\.$/, '')}.${lastWordsOf(c)}`;
}
