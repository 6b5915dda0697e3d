/**
 * The reader's link to its annotation server. It signs in (or takes a token
 * given by hand), syncs the reader's own notes with a container (their own,
 * or a chosen group's), sends each new note with the audience chosen, shows
 * the other members' notes of a group as layers of their own, and syncs by
 * itself (`AutoSync`): shortly after each own change, when the browser comes
 * back online, and periodically, backing off while the server is away.
 *
 * Local first: a note is saved in the browser's database by the session, then
 * queued here; the queue (outbox) lives in IndexedDB (`IdbSyncDatabase`), so a
 * push not yet sent survives a reload, a crash or a sign-out. The settings
 * (server, name, token, group, audience) are kept in Web Storage.
 * `status` is one sentence for the panel; `phase` says the same for styling.
 */
import type { Agent, Annotation } from '../annotations/model.ts';
import { displayLabel } from '../annotations/sanitize.ts';
import { SyncClient, SyncError, type NoteOutbox, type RemoteChange, type SyncReport } from './sync-client.ts';
import { WebStorageSyncStorage, type Audience, type SyncConflict, type SyncStorage } from './sync-state.ts';
import { IdbSyncDatabase } from './idb-sync-storage.ts';
import { AccountClient, AccountError, type Account, type GroupInfo } from './account-client.ts';
import { AutoSync, type AutoSyncOptions } from './auto-sync.ts';
import { reviewedIdOf } from '../app/workspace.ts';

const SETTINGS_KEY = 'annotated-reader.server';
const STATE_KEY_PREFIX = 'annotated-reader.sync:';
const SYNC_DB_PREFIX = 'annotated-reader-sync';

export interface ServerSettings {
  /** The container to sync with, e.g. `http://127.0.0.1:8787/annotations/`. */
  readonly container: string;
  readonly token: string;
}

/** What is remembered between visits. */
interface StoredSettings extends ServerSettings {
  /** Present when signed in with a name and password (absent with a token given by hand). */
  readonly account?: Omit<Account, 'token'>;
  /** The group chosen, or absent for the person's own container. */
  readonly group?: GroupInfo;
  /** Groups the reader has used on this server, to choose among. */
  readonly groups?: readonly GroupInfo[];
  readonly audience?: Audience;
}

/** What of the session the link needs: applying pulled changes, the notes to send when first connected, others' layers. */
export interface OwnNotes {
  applyRemoteChanges(changes: readonly RemoteChange[]): Promise<string[]>;
  ownAnnotations(): readonly Annotation[];
  setOutbox(outbox: NoteOutbox | null): void;
  setSharedLayers?(layers: readonly { id: string; label: string; annotations: readonly Annotation[] }[]): void;
}

/** Where the link stands, for the panel's styling: one word. */
export type SyncPhase = 'signed-out' | 'syncing' | 'synced' | 'waiting' | 'offline' | 'problem';

type WebStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface ReaderSyncOptions {
  /** Sync by itself (default: in a browser page); options of the scheduler, or false for "Sync now" only. */
  readonly auto?: AutoSyncOptions | false;
  /** Keep the outbox in IndexedDB (default: when the browser has it); Web Storage otherwise. */
  readonly indexedDb?: boolean;
}

export class ReaderSync implements NoteOutbox {
  private client: SyncClient | null = null;
  private listeners = new Set<() => void>();
  private readonly accounts: AccountClient;
  private auto: AutoSync | null = null;
  private database: Promise<IdbSyncDatabase | null> | null = null;
  /** One sentence on the last thing done, for the panel's status line. */
  status = 'Not signed in: your notes stay in this browser. Sign in to share them with a group.';
  phase: SyncPhase = 'signed-out';
  busy = false;
  /** How many syncs (by hand or automatic) have finished (each ends with its outcome in `status`). */
  finishedSyncs = 0;

  private readonly settingsKey: string;
  private readonly statePrefix: string;
  private readonly namespace: string;

  /** `namespace` keeps readers over different stores (tests) apart in one Web Storage and IndexedDB. */
  constructor(
    private readonly notes: OwnNotes,
    private readonly storage: WebStorage,
    private readonly fetchImpl?: typeof fetch,
    namespace = '',
    private readonly options: ReaderSyncOptions = {},
  ) {
    this.namespace = namespace;
    this.settingsKey = `${SETTINGS_KEY}${namespace ? `:${namespace}` : ''}`;
    this.statePrefix = `${STATE_KEY_PREFIX}${namespace ? `${namespace}:` : ''}`;
    this.accounts = new AccountClient(fetchImpl);
  }

  /** The saved address and token, or null. */
  get settings(): ServerSettings | null {
    const s = this.stored();
    return s ? { container: s.container, token: s.token } : null;
  }

  /** The signed-in person (null when signed out, or connected with a bare token). */
  get account(): Omit<Account, 'token'> | null {
    return this.stored()?.account ?? null;
  }

  get group(): GroupInfo | null {
    return this.stored()?.group ?? null;
  }

  get groups(): readonly GroupInfo[] {
    return this.stored()?.groups ?? [];
  }

  /** The audience new notes are sent with: private by default, so nothing is shared until the reader says so. */
  get audience(): Audience {
    return this.stored()?.audience ?? 'private';
  }

  get connected(): boolean {
    return this.client !== null;
  }

  get conflicts(): readonly SyncConflict[] {
    return this.client?.conflicts ?? [];
  }

  /** Own changes not yet acknowledged by the server. */
  get pending(): number {
    return this.client?.pending.length ?? 0;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reconnects with the saved settings, if any (at start). Never throws. */
  async resume(): Promise<void> {
    const settings = this.stored();
    if (settings) await this.open(settings);
  }

  /**
   * Connects with a container address and a token given by hand, saving
   * them. The first time a container is used, every own note is queued for
   * it. Never throws: a bad address is said in `status`.
   */
  async connect(settings: ServerSettings): Promise<void> {
    const container = settings.container.trim();
    await this.open({ container, token: settings.token.trim() });
  }

  /** Signs in (making the account first when `create`), then syncs with the own container or the group chosen before. */
  async signIn(server: string, name: string, password: string, create = false): Promise<boolean> {
    this.tell(create ? 'Making the account…' : 'Signing in…', 'syncing');
    try {
      if (create) await this.accounts.createAccount(server, name, password);
      const { token, ...account } = await this.accounts.signIn(server, name, password);
      const before = this.stored();
      const sameServer = before?.account?.server === account.server && before.account.name === account.name;
      const group = sameServer ? before?.group : undefined;
      await this.open({
        container: group?.annotations ?? account.container,
        token,
        account,
        ...(group ? { group } : {}),
        groups: sameServer ? (before?.groups ?? []) : [],
        audience: sameServer ? (before?.audience ?? 'private') : 'private',
      });
      return this.client !== null;
    } catch (error) {
      this.tell(error instanceof AccountError ? `Not signed in: ${error.message}` : `Not signed in: ${(error as Error).message}`, 'signed-out');
      return false;
    }
  }

  /**
   * Signs out: the token is revoked on the server (when it answers) and
   * forgotten here; others' notes are no longer shown. Own notes and changes
   * not yet sent stay in this browser and go at the next sign-in.
   */
  async signOut(): Promise<void> {
    const settings = this.stored();
    this.disconnect();
    this.notes.setSharedLayers?.([]);
    let problem = '';
    if (settings?.account) {
      try {
        await this.accounts.signOut({ server: settings.account.server, token: settings.token });
      } catch (error) {
        problem = ` The server could not be told (${(error as Error).message}); the token stays valid there until it expires.`;
      }
    }
    if (settings) this.save({ ...settings, token: '' });
    this.tell(`Signed out. Your notes stay in this browser; changes not yet sent go at your next sign-in.${problem}`, 'signed-out');
  }

  /** Syncs with the group at `address` (its address or id; the reader must be a member), or with the own container for null. */
  async chooseGroup(address: string | null): Promise<void> {
    const settings = this.stored();
    if (!settings?.account || !settings.token) return this.tell('Sign in first to choose a group.', 'signed-out');
    const auth = { server: settings.account.server, token: settings.token };
    try {
      if (address === null) {
        const { group: _group, ...rest } = settings;
        await this.open({ ...rest, container: settings.account.container, audience: 'private' });
        return;
      }
      const group = await this.accounts.group(auth, address);
      await this.useGroup(settings, group);
    } catch (error) {
      this.tell(`The group was not chosen: ${(error as Error).message}`, this.phase);
    }
  }

  /** Makes a group owned by the reader and syncs with it. */
  async createGroup(name: string): Promise<void> {
    const settings = this.stored();
    if (!settings?.account || !settings.token) return this.tell('Sign in first to make a group.', 'signed-out');
    try {
      const group = await this.accounts.createGroup({ server: settings.account.server, token: settings.token }, name);
      await this.useGroup(settings, group);
    } catch (error) {
      this.tell(`The group was not made: ${(error as Error).message}`, this.phase);
    }
  }

  /** Adds the person `name` to the chosen group (its owner only). */
  async addMember(name: string): Promise<void> {
    const settings = this.stored();
    if (!settings?.account || !settings.group) return this.tell('Choose a group first.', this.phase);
    const auth = { server: settings.account.server, token: settings.token };
    try {
      await this.accounts.addMember(auth, settings.group.id, name);
      const group = await this.accounts.group(auth, settings.group.id);
      this.save({ ...settings, group, groups: withGroup(settings.groups ?? [], group) });
      this.tell(`${displayLabel(name)} is now a member of ${displayLabel(group.name)}.`, this.phase);
    } catch (error) {
      this.tell(`${displayLabel(name)} was not added: ${(error as Error).message}`, this.phase);
    }
  }

  /** The audience new notes are sent with from now on (notes already sent keep theirs). */
  setAudience(audience: Audience): void {
    const settings = this.stored();
    if (settings) this.save({ ...settings, audience });
    this.tell(`New notes are sent as ${AUDIENCE_WORDS[audience]}.`, this.phase);
  }

  async recordSave(annotation: Annotation): Promise<void> {
    // A note the server has not seen yet goes with the audience chosen now; an edit keeps the one it has there.
    const client = this.client;
    await this.queue(() => client?.recordSave(annotation, client.knows(annotation.id) ? undefined : this.audience));
    this.auto?.changed();
  }

  /** The reader's own notes (to choose who sees each). */
  ownNotes(): readonly Annotation[] {
    return this.notes.ownAnnotations();
  }

  /** Who may read own note `id` on the server, as far as known (null: not sent yet, or not known). */
  audienceOf(id: string): Audience | null {
    return this.client?.audienceOf(id) ?? null;
  }

  /** Changes who may read own note `id` on the server (sent at the next sync). */
  async setNoteAudience(id: string, audience: Audience): Promise<void> {
    const note = this.notes.ownAnnotations().find((a) => a.id === id);
    const client = this.client;
    if (!note || !client) return;
    await this.queue(() => client.recordSave(note, audience));
    this.tell(`That note is now ${AUDIENCE_WORDS[audience]}; sent at the next sync.`, this.phase);
    this.auto?.changed();
  }

  async recordDelete(id: string): Promise<void> {
    await this.queue(() => this.client?.recordDelete(id));
    this.auto?.changed();
  }

  /**
   * Pushes, pulls and applies what was pulled; the outcome is in `status`.
   * Never throws; resolves whether the server was reached. An automatic sync
   * (`byHand` false) does not say "Syncing…" first: the status line is a live
   * region, and a periodic sync that changes nothing should not be read out.
   */
  async syncNow(byHand = true): Promise<boolean> {
    const client = this.client;
    if (!client) {
      this.tell('Not connected: sign in (or give the server address and token) first.', 'signed-out');
      return false;
    }
    this.busy = true;
    if (byHand) this.tell('Syncing…', 'syncing');
    else this.emit();
    let reached = false;
    try {
      const report = await client.sync();
      // Own changes pulled are applied even when the reader signed out meanwhile: the cursor has passed them.
      const problems = await this.notes.applyRemoteChanges(report.pulled);
      reached = report.error === null;
      if (this.client !== client) return reached; // signed out or switched meanwhile: that now says where things stand
      if (report.sharedChanged || report.pulled.length) this.showShared();
      if (report.tokenRefused) {
        // Retrying cannot help: the reader signs in again (the form is shown), and what is queued goes then.
        const settings = this.stored();
        this.disconnect();
        if (settings) this.save({ ...settings, token: '' });
        this.tell(report.error ?? 'Sign in again.', 'signed-out');
        return false;
      }
      this.tell(describe(report, problems, client.conflicts.length), reached ? (client.conflicts.length || report.pending ? 'waiting' : 'synced') : offline() ? 'offline' : 'problem');
    } catch (error) {
      this.tell(`Not synced: ${(error as Error).message}`, 'problem');
    } finally {
      this.busy = false;
      this.finishedSyncs++;
      this.emit();
    }
    if (!reached && this.auto && this.client === client) {
      const wait = Math.round(this.auto.backoff(this.auto.failures + 1) / 1000);
      this.tell(`${this.status}\nTrying again in ${wait} s.`, this.phase);
    }
    return reached;
  }

  /** Settles conflict `id` with the reader's choice; 'theirs' applies the server's version locally. */
  async resolve(id: string, choice: 'mine' | 'theirs'): Promise<void> {
    if (!this.client) return;
    const change = await this.client.resolve(id, choice);
    if (change) await this.notes.applyRemoteChanges([change]);
    this.tell(choice === 'mine' ? 'Your version is kept; it is sent at the next sync.' : "The server's version is kept.", this.phase);
    this.auto?.changed();
  }

  /** Stops syncing (the page is closing, or the reader signed out); what is queued stays queued. */
  disconnect(): void {
    this.auto?.stop();
    this.auto = null;
    globalThis.removeEventListener?.('online', this.onOnline);
    globalThis.removeEventListener?.('offline', this.onOffline);
    this.client = null;
    this.notes.setOutbox(null);
  }

  private async useGroup(settings: StoredSettings, group: GroupInfo): Promise<void> {
    // Sharing is what choosing a group is for: new notes go to its members, unless the reader says otherwise.
    await this.open({ ...settings, container: group.annotations, group, groups: withGroup(settings.groups ?? [], group), audience: 'group' });
  }

  /** Opens the container `settings` name, saves the settings, and starts syncing. */
  private async open(settings: StoredSettings): Promise<void> {
    this.disconnect();
    if (!settings.token) {
      this.save(settings);
      return this.tell('Signed out. Sign in to share your notes.', 'signed-out');
    }
    let storage: SyncStorage;
    let firstTime: boolean;
    try {
      ({ storage, firstTime } = await this.stateStorage(settings.container));
      const account = settings.account;
      const userIri = account ? account.container.replace(/\/annotations\/$/, '') : null;
      const creator: Agent | undefined = account && userIri ? { id: userIri, type: 'Person', name: account.name } : undefined;
      this.client = await SyncClient.open({
        container: settings.container,
        token: settings.token,
        storage,
        ...(this.fetchImpl ? { fetch: this.fetchImpl } : {}),
        ...(creator ? { creator } : {}),
        // In a group's container, the notes the server says this person wrote are theirs; the rest are others'.
        // The server sets every creator to the account that wrote the note, so it can be trusted; a note with a
        // generator (a layer published by command) stays a shared layer, as before the server named its creator.
        ...(settings.group && userIri
          ? { isOwn: (doc: Record<string, unknown>) => (doc.creator as { id?: unknown } | undefined)?.id === userIri && doc.generator === undefined }
          : {}),
      });
    } catch (error) {
      this.client = null;
      this.notes.setOutbox(null);
      return this.tell(error instanceof SyncError ? error.message : `Not connected: ${(error as Error).message}`, 'problem');
    }
    this.save(settings);
    this.notes.setOutbox(this);
    // Notes written before this container was used go private: choosing a group shares what is written from now on.
    if (firstTime) await this.queue(() => this.client?.recordSaves(this.notes.ownAnnotations(), settings.group ? 'private' : undefined));
    this.showShared();
    const where = settings.group ? `the group ${displayLabel(settings.group.name)}` : settings.container;
    const who = settings.account ? `Signed in as ${displayLabel(settings.account.name)}; syncing with ${where}.` : `Connected to ${settings.container}.`;
    this.tell(`${who} ${this.client.pending.length} changes wait to be sent.`, 'waiting');
    this.startAuto();
  }

  private startAuto(): void {
    const wanted = this.options.auto ?? (typeof window !== 'undefined' ? {} : false);
    if (wanted === false || !this.client) return;
    this.auto = new AutoSync(() => this.syncNow(false), wanted);
    globalThis.addEventListener?.('online', this.onOnline);
    globalThis.addEventListener?.('offline', this.onOffline);
    this.auto.start();
  }

  private readonly onOnline = (): void => {
    this.auto?.now();
  };

  private readonly onOffline = (): void => {
    this.tell(`Offline: your notes are saved in this browser; ${this.pending} changes are sent when the connection is back.`, 'offline');
  };

  /** The state storage of `container`: IndexedDB (adopting a localStorage state of an older reader), else Web Storage. */
  private async stateStorage(container: string): Promise<{ storage: SyncStorage; firstTime: boolean }> {
    const key = `${this.statePrefix}${container}`;
    const database = await this.openDatabase();
    if (!database) return { storage: new WebStorageSyncStorage(this.storage, key), firstTime: this.storage.getItem(key) === null };
    const storage = await database.storage(container, { storage: this.storage, key });
    return { storage, firstTime: (await storage.load()) === null };
  }

  private openDatabase(): Promise<IdbSyncDatabase | null> {
    const wanted = this.options.indexedDb ?? typeof indexedDB !== 'undefined';
    if (!wanted) return Promise.resolve(null);
    // When the browser refuses IndexedDB, the outbox falls back to Web Storage (still durable across reloads).
    this.database ??= IdbSyncDatabase.open(`${SYNC_DB_PREFIX}${this.namespace ? `-${this.namespace}` : ''}`).catch(() => null);
    return this.database;
  }

  /** Others' notes, one layer per person, named after them. */
  private showShared(): void {
    const shared = this.client?.shared ?? [];
    const group = this.group;
    const byPerson = new Map<string, { label: string; annotations: Annotation[] }>();
    for (const a of shared) {
      // Another member's accept or dismiss decides for them, not for this reader.
      if (reviewedIdOf(a) !== null) continue;
      const who = a.creator ?? a.generator;
      const key = who?.id ?? who?.name ?? 'unknown';
      const name = displayLabel(who?.name ?? 'someone unnamed', 60);
      const layer = byPerson.get(key) ?? { label: `${name}'s notes${group ? ` (${displayLabel(group.name, 60)})` : ''}`, annotations: [] };
      layer.annotations.push(a);
      byPerson.set(key, layer);
    }
    this.notes.setSharedLayers?.([...byPerson.entries()].map(([key, l]) => ({ id: `shared:${key}`, ...l })));
  }

  private async queue(record: () => Promise<void> | undefined): Promise<void> {
    try {
      await record();
    } catch (error) {
      // The note itself is saved in the browser; only its trip to the server is in doubt.
      this.tell(`A change could not be queued for the server (${(error as Error).message}); it is saved in this browser.`, 'problem');
    }
  }

  private stored(): StoredSettings | null {
    try {
      const value = JSON.parse(this.storage.getItem(this.settingsKey) ?? 'null') as Partial<StoredSettings> | null;
      return value && typeof value.container === 'string' && typeof value.token === 'string' ? (value as StoredSettings) : null;
    } catch {
      return null;
    }
  }

  private save(settings: StoredSettings): void {
    this.storage.setItem(this.settingsKey, JSON.stringify(settings));
  }

  private tell(status: string, phase: SyncPhase): void {
    this.status = status;
    this.phase = phase;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export const AUDIENCE_WORDS: Record<Audience, string> = {
  private: 'private (only you)',
  group: "group (the group's members)",
  public: 'public (anyone)',
};

function withGroup(groups: readonly GroupInfo[], group: GroupInfo): GroupInfo[] {
  return [...groups.filter((g) => g.id !== group.id), group];
}

function offline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

function describe(report: SyncReport, problems: readonly string[], openConflicts: number): string {
  const parts = [
    report.error ?? `Synced: ${report.pushed} sent, ${report.pulled.length} received.`,
    ...(report.error ? [`${report.pushed} sent, ${report.pending} wait for the next sync.`] : []),
    ...(openConflicts ? [`${openConflicts} notes changed on the server and here: choose which version to keep.`] : []),
    ...report.refused.map((r) => `The server refused a note: ${r.reason}`),
    ...(report.sharedRefused ? [`${report.sharedRefused} notes of others were left out: they are not valid annotations.`] : []),
    ...problems,
  ];
  return parts.join('\n');
}
