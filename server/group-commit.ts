/**
 * Group commit: writes that arrive together share one transaction, so one
 * durable commit (one fsync) acknowledges them all. A write's promise settles
 * only after that commit, so nothing is acknowledged before it is on disk.
 *
 * Each write runs in its own savepoint: one that throws is rolled back alone
 * and rejects alone; the others in the batch still commit. When the commit
 * itself fails, every write of the batch rejects (none was acknowledged).
 *
 * Writes queue while a batch commits and form the next batch; the first write
 * of an idle queue waits one turn of the event loop (setImmediate) so that the
 * requests already read from the network join it.
 */

/** What one write of a batch came to: its value, or the error it threw (its savepoint rolled back). */
export type WriteResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * How one engine runs a batch: in one transaction, each write in a savepoint,
 * returning each write's result once the transaction is durably committed;
 * throwing (after rolling back) when the transaction cannot begin or commit.
 * SQLite runs it synchronously, so no other request touches the connection
 * in the middle of a batch.
 */
export type BatchRunner<Tx> = (writes: readonly ((tx: Tx) => unknown)[]) => Promise<WriteResult[]> | WriteResult[];

interface Job<Tx> {
  readonly write: (tx: Tx) => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** Largest batch: bounds the time one transaction holds the write lock. */
const MAX_BATCH = 512;

export class GroupCommit<Tx> {
  private queue: Job<Tx>[] = [];
  private running = false;
  private scheduled = false;
  private idle: (() => void)[] = [];

  constructor(private readonly runner: BatchRunner<Tx>) {}

  /** Runs `write` in the next batch; settles with its result once the batch is committed. */
  submit<R>(write: (tx: Tx) => Promise<R> | R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /** Resolves once every write submitted so far has settled. */
  drained(): Promise<void> {
    if (!this.running && !this.queue.length) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.running) return;
    this.running = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      await this.runBatch(batch);
    }
    this.running = false;
    for (const resolve of this.idle.splice(0)) resolve();
  }

  private async runBatch(batch: readonly Job<Tx>[]): Promise<void> {
    let results: WriteResult[];
    try {
      results = await this.runner(batch.map((job) => job.write));
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const result = results[i]!;
      if (result.ok) job.resolve(result.value);
      else job.reject(result.error);
    });
  }
}
