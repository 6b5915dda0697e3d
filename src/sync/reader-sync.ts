/**
 * The reader's link to its annotation server: the address and token the
 * reader gave (kept in Web Storage), a `SyncClient` whose queue is kept there
 * too, the outbox the session queues own changes into, and one "Sync now"
 * that pushes, pulls and applies what was pulled. Its `status` is one
 * sentence for the panel. No DOM beyond a `Storage`.
 */
import type { Annotation } from '../annotations/model.ts';
import { SyncClient, SyncError, type NoteOutbox, type RemoteChange, type SyncReport } from './sync-client.ts';
import { WebStorageSyncStorage, type SyncConflict } from './sync-state.ts';

const SETTINGS_KEY = 'annotated-reader.server';
const STATE_KEY_PREFIX = 'annotated-reader.sync:';

export interface ServerSettings {
  /** The own container, e.g. `http://127.0.0.1:8787/annotations/`. */
  readonly container: string;
  readonly token: string;
}

/** What of the session the link needs: applying pulled changes, and the notes to send when first connected. */
export interface OwnNotes {
  applyRemoteChanges(changes: readonly RemoteChange[]): Promise<string[]>;
  ownAnnotations(): readonly Annotation[];
  setOutbox(outbox: NoteOutbox | null): void;
}

type WebStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export class ReaderSync implements NoteOutbox {
  private client: SyncClient | null = null;
  private listeners = new Set<() => void>();
  /** One sentence on the last thing done, for the panel's status line. */
  status = '';
  busy = false;
  /** How many "Sync now" runs have finished (each ends with its outcome in `status`). */
  finishedSyncs = 0;

  private readonly settingsKey: string;
  private readonly statePrefix: string;

  /** `namespace` keeps readers over different stores (tests) apart in one Web Storage. */
  constructor(
    private readonly notes: OwnNotes,
    private readonly storage: WebStorage,
    private readonly fetchImpl?: typeof fetch,
    namespace = '',
  ) {
    this.settingsKey = `${SETTINGS_KEY}${namespace ? `:${namespace}` : ''}`;
    this.statePrefix = `${STATE_KEY_PREFIX}${namespace ? `${namespace}:` : ''}`;
  }

  /** The saved address and token, or null. */
  get settings(): ServerSettings | null {
    try {
      const value = JSON.parse(this.storage.getItem(this.settingsKey) ?? 'null') as Partial<ServerSettings> | null;
      return value && typeof value.container === 'string' && typeof value.token === 'string' ? { container: value.container, token: value.token } : null;
    } catch {
      return null;
    }
  }

  get connected(): boolean {
    return this.client !== null;
  }

  get conflicts(): readonly SyncConflict[] {
    return this.client?.conflicts ?? [];
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reconnects with the saved settings, if any (at start). Never throws. */
  async resume(): Promise<void> {
    const settings = this.settings;
    if (settings) await this.connect(settings);
  }

  /**
   * Saves the settings and starts queueing own changes. The first time this
   * server is used, every own note is queued so that the server gets them
   * all. Never throws: a bad address is said in `status`.
   */
  async connect(settings: ServerSettings): Promise<void> {
    const container = settings.container.trim();
    const stateKey = `${this.statePrefix}${container}`;
    const firstTime = this.storage.getItem(stateKey) === null;
    try {
      this.client = await SyncClient.open({ container, token: settings.token.trim(), storage: new WebStorageSyncStorage(this.storage, stateKey), ...(this.fetchImpl ? { fetch: this.fetchImpl } : {}) });
    } catch (error) {
      this.client = null;
      this.notes.setOutbox(null);
      return this.tell(error instanceof SyncError ? error.message : `Not connected: ${(error as Error).message}`);
    }
    this.storage.setItem(this.settingsKey, JSON.stringify({ container, token: settings.token.trim() }));
    this.notes.setOutbox(this);
    if (firstTime) await this.queue(() => this.client?.recordSaves(this.notes.ownAnnotations()));
    this.tell(`Connected to ${container}; ${this.client.pending.length} changes wait to be sent. Press Sync now.`);
  }

  async recordSave(annotation: Annotation): Promise<void> {
    await this.queue(() => this.client?.recordSave(annotation));
  }

  async recordDelete(id: string): Promise<void> {
    await this.queue(() => this.client?.recordDelete(id));
  }

  /** Pushes, pulls and applies what was pulled; the outcome is in `status`. Never throws. */
  async syncNow(): Promise<void> {
    if (!this.client) return this.tell('Not connected: give the server address and token first.');
    this.busy = true;
    this.tell('Syncing…');
    try {
      const report = await this.client.sync();
      const problems = await this.notes.applyRemoteChanges(report.pulled);
      this.tell(describe(report, problems, this.client.conflicts.length));
    } catch (error) {
      this.tell(`Not synced: ${(error as Error).message}`);
    } finally {
      this.busy = false;
      this.finishedSyncs++;
      this.emit();
    }
  }

  /** Settles conflict `id` with the reader's choice; 'theirs' applies the server's version locally. */
  async resolve(id: string, choice: 'mine' | 'theirs'): Promise<void> {
    if (!this.client) return;
    const change = await this.client.resolve(id, choice);
    if (change) await this.notes.applyRemoteChanges([change]);
    this.tell(choice === 'mine' ? 'Your version is kept; it is sent at the next sync.' : "The server's version is kept.");
  }

  private async queue(record: () => Promise<void> | undefined): Promise<void> {
    try {
      await record();
    } catch (error) {
      // The note itself is saved in the browser; only its trip to the server is in doubt.
      this.tell(`A change could not be queued for the server (${(error as Error).message}); it is saved in this browser.`);
    }
  }

  private tell(status: string): void {
    this.status = status;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function describe(report: SyncReport, problems: readonly string[], openConflicts: number): string {
  const parts = [
    report.error ?? `Synced: ${report.pushed} sent, ${report.pulled.length} received.`,
    ...(report.error ? [`${report.pushed} sent, ${report.pending} wait for the next sync.`] : []),
    ...(openConflicts ? [`${openConflicts} notes changed on the server and here: choose which version to keep.`] : []),
    ...report.refused.map((r) => `The server refused a note: ${r.reason}`),
    ...problems,
  ];
  return parts.join('\n');
}
