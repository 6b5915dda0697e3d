import type { Timers } from '../../../src/components/reader/footnotes.ts';

/**
 * Timers on a clock of the test's own: nothing runs until `advance` moves the
 * clock past it, so a test of a delay cannot race a loaded machine.
 */
export class ManualClock implements Timers {
  private now = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; run: () => void }>();

  readonly set = (run: () => void, ms: number): number => {
    const id = this.nextId++;
    this.pending.set(id, { at: this.now + ms, run });
    return id;
  };

  readonly clear = (id: number): void => {
    this.pending.delete(id);
  };

  /** How many timers are set and not yet run or cleared. */
  get waiting(): number {
    return this.pending.size;
  }

  /** Moves the clock on by `ms`, running every timer that falls due, earliest first. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      let due: [number, { at: number; run: () => void }] | null = null;
      for (const entry of this.pending) if (entry[1].at <= until && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.pending.delete(due[0]);
      this.now = due[1].at;
      due[1].run();
    }
    this.now = until;
  }
}
