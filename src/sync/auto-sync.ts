/**
 * When to sync without the reader asking: shortly after an own change (a
 * burst of edits makes one sync), at once when the browser comes back online,
 * and every `periodMs` to pull what others wrote. A sync that fails (offline,
 * server down) is retried after a delay that doubles each time, up to
 * `maxBackoffMs`, so a server that is down is not hammered; a success or an
 * `online` event starts over. One sync at a time: a change during a sync
 * makes another one after it. Timers are passed in, so tests drive the clock.
 */

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface AutoSyncOptions {
  /** Wait after a change before syncing, so that a burst of changes is one sync (default 1 s). */
  readonly debounceMs?: number;
  /** Between two syncs when all is well (default 30 s). */
  readonly periodMs?: number;
  /** The first retry after a failure (default 5 s), doubled at each further failure... */
  readonly backoffMs?: number;
  /** ...up to this (default 5 min). */
  readonly maxBackoffMs?: number;
  readonly timers?: Timers;
}

const BROWSER_TIMERS: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export class AutoSync {
  /** Failed syncs in a row. */
  failures = 0;
  /** When the next sync is due (ms since the epoch, by `timers.now`), or null when stopped. */
  dueAt: number | null = null;
  running = false;

  private handle: unknown = null;
  private again = false;
  private readonly debounceMs: number;
  private readonly periodMs: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly timers: Timers;

  /** `sync` resolves true when the sync reached the server, false when it should be retried later. */
  constructor(
    private readonly sync: () => Promise<boolean>,
    options: AutoSyncOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 1000;
    this.periodMs = options.periodMs ?? 30_000;
    this.backoffMs = options.backoffMs ?? 5000;
    this.maxBackoffMs = options.maxBackoffMs ?? 300_000;
    this.timers = options.timers ?? BROWSER_TIMERS;
  }

  get started(): boolean {
    return this.dueAt !== null || this.running;
  }

  /** Starts with a sync now. */
  start(): void {
    this.schedule(0);
  }

  stop(): void {
    this.clear();
    this.dueAt = null;
    this.again = false;
  }

  /** An own change was queued: sync soon, unless failures say the server is away (then the retry takes it). */
  changed(): void {
    if (!this.started) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.failures === 0) this.scheduleBy(this.debounceMs);
  }

  /** The browser is online again (or the reader asked): the backoff starts over and a sync runs now. */
  now(): void {
    if (!this.started) return;
    this.failures = 0;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** The delay before the retry after `failures` failures in a row. */
  backoff(failures: number): number {
    return Math.min(this.maxBackoffMs, this.backoffMs * 2 ** Math.max(0, failures - 1));
  }

  /** Schedules a sync in `ms`, or keeps the one already due sooner. */
  private scheduleBy(ms: number): void {
    const at = this.timers.now() + ms;
    if (this.dueAt !== null && this.dueAt <= at && this.handle !== null) return;
    this.schedule(ms);
  }

  private schedule(ms: number): void {
    this.clear();
    this.dueAt = this.timers.now() + ms;
    this.handle = this.timers.setTimeout(() => void this.fire(), ms);
  }

  private clear(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  private async fire(): Promise<void> {
    this.handle = null;
    this.running = true;
    this.again = false;
    let ok: boolean;
    try {
      ok = await this.sync();
    } catch {
      ok = false;
    } finally {
      this.running = false;
    }
    if (this.dueAt === null) return; // stopped meanwhile
    this.failures = ok ? 0 : this.failures + 1;
    if (!ok) this.schedule(this.backoff(this.failures));
    else this.schedule(this.again ? this.debounceMs : this.periodMs);
  }
}
