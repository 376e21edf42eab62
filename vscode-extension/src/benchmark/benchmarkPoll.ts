// Follows one running benchmark job until it ends: asks dbt/benchmarkStatus every half second,
// takes dbt/benchmarkFinished when it comes first, and cancels with dbt/benchmarkCancel. No
// `vscode` here: the server calls and the timer are given, so the states are unit-tested.
import type { BenchmarkStatus } from '../protocol.generated';

export interface PollServer {
  status(id: string): Promise<BenchmarkStatus | null | undefined>;
  cancel(id: string): Promise<BenchmarkStatus | null | undefined>;
}

export interface PollTimer {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export type PollEvent =
  /** Still running: done/total and what it does. */
  | { kind: 'progress'; status: BenchmarkStatus }
  /** Ended in any state (ok, stopped, cancelled, error); sent once. */
  | { kind: 'ended'; status: BenchmarkStatus }
  /** The job cannot be followed: the server forgot it or stopped answering. Sent once. */
  | { kind: 'lost'; message: string };

export type PollState = 'running' | 'cancelling' | 'ended';

export const POLL_MS = 500;
/** Status requests failing in a row before the job is given up. */
export const FAILURES_TO_GIVE_UP = 3;

const timers: PollTimer = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function isRunning(status: BenchmarkStatus | null | undefined): boolean {
  return !!status && (status.state === 'running' || status.state === undefined);
}

export class BenchmarkPoll {
  private current: PollState = 'running';
  private handle: unknown;
  private failures = 0;
  private inFlight = false;

  constructor(
    readonly id: string,
    private readonly server: PollServer,
    private readonly onEvent: (e: PollEvent) => void,
    private readonly timer: PollTimer = timers,
    private readonly intervalMs = POLL_MS,
  ) {}

  get state(): PollState {
    return this.current;
  }

  /** Starts asking; the first answer comes after one interval. */
  start(): void {
    this.schedule();
  }

  /** dbt/benchmarkFinished: ends the job if it is this one. */
  finished(status: BenchmarkStatus): void {
    if (status.id !== this.id) return;
    this.end(status);
  }

  /** Asks the server to cancel; the job ends with the server's answer (its runs kept). */
  async cancel(): Promise<void> {
    if (this.current !== 'running') return;
    this.current = 'cancelling';
    try {
      const status = await this.server.cancel(this.id);
      if (!status) this.lose('The server no longer knows this benchmark.');
      else if (!isRunning(status)) this.end(status);
      // else: the statement is being cancelled; the poll or the notification ends it
    } catch (e) {
      this.lose(`Cancel failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Stops following (the panel closed); nothing more is reported. */
  dispose(): void {
    this.stopTimer();
    this.current = 'ended';
  }

  private schedule(): void {
    this.stopTimer();
    if (this.ended()) return;
    this.handle = this.timer.set(() => void this.tick(), this.intervalMs);
  }

  private async tick(): Promise<void> {
    this.handle = undefined;
    if (this.ended() || this.inFlight) return;
    this.inFlight = true;
    try {
      const status = await this.server.status(this.id);
      this.failures = 0;
      if (this.ended()) return;
      if (!status) return this.lose('The server no longer knows this benchmark (did it restart?).');
      if (!isRunning(status)) return this.end(status);
      this.onEvent({ kind: 'progress', status });
    } catch (e) {
      if (this.ended()) return;
      if (++this.failures >= FAILURES_TO_GIVE_UP) {
        return this.lose(
          `The server does not answer about this benchmark: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    } finally {
      this.inFlight = false;
    }
    this.schedule();
  }

  private ended(): boolean {
    return this.current === 'ended';
  }

  private stopTimer(): void {
    if (this.handle !== undefined) this.timer.clear(this.handle);
    this.handle = undefined;
  }

  private end(status: BenchmarkStatus): void {
    if (this.ended()) return;
    this.dispose();
    this.onEvent({ kind: 'ended', status });
  }

  private lose(message: string): void {
    if (this.ended()) return;
    this.dispose();
    this.onEvent({ kind: 'lost', message });
  }
}
