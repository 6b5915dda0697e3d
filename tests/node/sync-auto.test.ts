// When the reader syncs by itself: after a change (debounced), when back
// online, periodically, and after failures with a doubling delay. The clock
// is a fake one the test moves.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AutoSync, type Timers } from '../../src/sync/auto-sync.ts';

class FakeClock implements Timers {
  time = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  now(): number {
    return this.time;
  }
  /** Moves the clock by `ms`, firing what falls due (and letting each sync's promise settle). */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    }
    this.time = end;
  }
}

function setup(outcomes: boolean[] = []) {
  const clock = new FakeClock();
  const runs: number[] = [];
  const auto = new AutoSync(
    async () => {
      runs.push(clock.time);
      return outcomes.length ? outcomes.shift()! : true;
    },
    { debounceMs: 1000, periodMs: 30_000, backoffMs: 5000, maxBackoffMs: 60_000, timers: clock },
  );
  return { clock, runs, auto };
}

describe('automatic sync', () => {
  it('syncs at start, then every period', async () => {
    const { clock, runs, auto } = setup();
    auto.start();
    await clock.advance(65_000);
    assert.deepEqual(runs, [0, 30_000, 60_000]);
  });

  it('a burst of changes makes one sync a moment after the first', async () => {
    const { clock, runs, auto } = setup();
    auto.start();
    await clock.advance(10_000);
    auto.changed();
    await clock.advance(300);
    auto.changed();
    auto.changed();
    await clock.advance(2000);
    assert.deepEqual(runs, [0, 11_000]);
  });

  it('retries a failed sync after 5, 10, 20, 40 s, never more than the cap, and starts over after a success', async () => {
    const { clock, runs, auto } = setup([false, false, false, false, false, false, true]);
    auto.start();
    await clock.advance(0);
    await clock.advance(5000 + 10_000 + 20_000 + 40_000 + 60_000 + 60_000);
    assert.deepEqual(runs, [0, 5000, 15_000, 35_000, 75_000, 135_000, 195_000]);
    assert.equal(auto.failures, 0);
    assert.equal(auto.dueAt, 195_000 + 30_000);
  });

  it('a change while the server is away waits for the retry; coming online syncs at once', async () => {
    const { clock, runs, auto } = setup([false, false]);
    auto.start();
    await clock.advance(0);
    await clock.advance(5000); // second failure: next retry at 15 s
    auto.changed();
    await clock.advance(2000);
    assert.deepEqual(runs, [0, 5000], 'no sync hammering a server that is down');
    auto.now();
    await clock.advance(0);
    assert.deepEqual(runs, [0, 5000, 7000]);
    assert.equal(auto.failures, 0);
  });

  it('stops', async () => {
    const { clock, runs, auto } = setup();
    auto.start();
    await clock.advance(0);
    auto.stop();
    auto.changed();
    await clock.advance(100_000);
    assert.deepEqual(runs, [0]);
  });
});
