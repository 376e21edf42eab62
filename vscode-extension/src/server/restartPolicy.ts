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
    const how = c.code !== null ? `exit code ${c.code}` : `signal ${c.signal ?? 'unknown'}`;
    const words = c.lastWords.trim()
      ? ` Its last words: ${c.lastWords.trim().split(/\r?\n/).slice(-3).join(' ')}`
      : '';
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
