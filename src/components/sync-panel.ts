/**
 * Sharing notes through the annotation server: sign in (or make an account),
 * sign out, choose the group to share with (or make one, add members), the
 * audience of new notes, "Sync now", and the conflicts waiting for a choice.
 * The status line (role=status) says where syncing stands. Everything the
 * server or other people wrote (names, group names, messages, notes) is shown
 * neutralised and cut, through text bindings only.
 *
 * It drives a `ReaderSync` directly (`link`) and redraws when it changes.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { displayLabel } from '../annotations/sanitize.ts';
import { formText } from './form-text.ts';
import { noteWords } from '../app/own-annotations.ts';
import type { Annotation } from '../annotations/model.ts';
import { AUDIENCE_WORDS, type ReaderSync } from '../sync/reader-sync.ts';
import { AUDIENCES } from '../sync/sync-state.ts';

/** Longest status line shown; messages carry names and addresses, which can be anything. */
const MESSAGE_LENGTH = 600;
/** Where the server usually runs (`npm run server`), offered when the reader has given none. */
const DEFAULT_SERVER = 'http://127.0.0.1:8787/';

@customElement('sync-panel')
export class SyncPanel extends LitElement {
  // Light DOM: the panel shares the side panel's form styles.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The reader's server link; nothing is drawn without one. */
  @property({ attribute: false }) link: ReaderSync | null = null;
  /** Bumped when the link changes, to redraw. */
  @state() private revision = 0;

  private unsubscribe: (() => void) | null = null;
  private subscribed: ReaderSync | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.subscribed = null;
  }

  protected override willUpdate(): void {
    if (this.link === this.subscribed) return;
    this.unsubscribe?.();
    this.subscribed = this.link;
    this.unsubscribe = this.link?.onChange(() => this.revision++) ?? null;
  }

  override render() {
    const link = this.link;
    if (!link) return nothing;
    const account = link.account;
    const signedIn = link.connected && account !== null;
    return html`<fieldset class="server sync-panel" data-phase=${link.phase}>
      <legend>Sharing</legend>
      <p class="server-status" role="status" aria-live="polite">
        ${link.status
          .split('\n')
          .filter((line) => line.trim())
          .map((line, i) => html`${i ? html`<br />` : nothing}${displayLabel(line, MESSAGE_LENGTH)}`)}
      </p>
      ${signedIn ? this.renderSignedIn(link) : this.renderSignIn(link)}
      ${link.connected
        ? html`<div class="row buttons">
            <button type="button" class="server-sync" ?disabled=${link.busy} @click=${() => void link.syncNow()}>Sync now</button>
            <span class="pending">${link.pending ? `${link.pending} changes wait to be sent` : 'Nothing waits to be sent'}</span>
          </div>`
        : nothing}
      ${this.renderConflicts(link)}
    </fieldset>`;
  }

  private renderSignIn(link: ReaderSync) {
    const settings = link.settings;
    const account = link.account;
    return html`<form class="sync-sign-in" aria-label="Sign in to the annotation server" @submit=${(e: SubmitEvent) => this.onSignIn(e, false)}>
        <label class="row">Server <input name="server" type="url" required .value=${account?.server ?? DEFAULT_SERVER} /></label>
        <label class="row">Name <input name="name" autocomplete="username" required .value=${account?.name ?? ''} /></label>
        <label class="row">Password <input name="password" type="password" autocomplete="current-password" required minlength="8" /></label>
        <div class="row buttons">
          <button type="submit" class="sign-in">Sign in</button>
          <button type="button" class="create-account" @click=${(e: Event) => this.onSignIn(e, true)}>Create account</button>
        </div>
      </form>
      <details class="token-connect">
        <summary>Connect with a token</summary>
        <form class="server-form" @submit=${this.onTokenConnect}>
          <label class="row">Your container <input name="container" type="url" required placeholder="http://127.0.0.1:8787/annotations/" .value=${account ? '' : (settings?.container ?? '')} /></label>
          <label class="row">Token <input name="token" type="password" autocomplete="off" required /></label>
          <div class="row buttons"><button type="submit" class="server-connect">${link.connected ? 'Change server' : 'Connect'}</button></div>
        </form>
      </details>`;
  }

  private renderSignedIn(link: ReaderSync) {
    const account = link.account!;
    const group = link.group;
    const isOwner = group?.members.some((m) => m.name === account.name && m.role === 'owner') ?? false;
    const audiences = group ? AUDIENCES : AUDIENCES.filter((a) => a !== 'group');
    return html`<div class="row signed-in">
        Signed in as <strong class="account-name">${displayLabel(account.name, 64)}</strong> on ${displayLabel(account.server, 120)}
        <button type="button" class="sign-out" @click=${() => void link.signOut()}>Sign out</button>
      </div>
      <label class="row">Share with
        <select class="group-select" @change=${this.onGroupChange}>
          <option value="" ?selected=${!group}>Nobody: my own notes only</option>
          ${link.groups.map((g) => html`<option value=${g.id} ?selected=${g.id === group?.id}>Group: ${displayLabel(g.name, 80)}</option>`)}
        </select>
      </label>
      <form class="group-join row" @submit=${this.onGroupJoin}>
        <label>Group address <input name="group" required placeholder="http://127.0.0.1:8787/groups/…" /></label>
        <button type="submit">Use this group</button>
      </form>
      <form class="group-create row" @submit=${this.onGroupCreate}>
        <label>New group <input name="name" required maxlength="200" /></label>
        <button type="submit">Make group</button>
      </form>
      ${group
        ? html`<p class="group-members">
            Members of ${displayLabel(group.name, 80)}: ${group.members.map((m, i) => html`${i ? ', ' : ''}${displayLabel(m.name, 64)}${m.role === 'owner' ? ' (owner)' : ''}`)}.
            Its address, for the others: <code class="group-address">${displayLabel(group.id, 200)}</code>
          </p>`
        : nothing}
      ${isOwner
        ? html`<form class="member-add row" @submit=${this.onMemberAdd}>
            <label>Add a member by name <input name="name" required /></label>
            <button type="submit">Add</button>
          </form>`
        : nothing}
      <fieldset class="audience">
        <legend>New notes are sent as</legend>
        ${audiences.map(
          (a) => html`<label class="row"><input type="radio" name="audience" value=${a} .checked=${link.audience === a} @change=${() => link.setAudience(a)} /> ${AUDIENCE_WORDS[a]}</label>`,
        )}
      </fieldset>`;
  }

  private renderConflicts(link: ReaderSync) {
    const conflicts = link.conflicts;
    if (!conflicts.length) return nothing;
    const words = (a: Annotation | null) => (a ? noteWords(a).comment || '(no comment)' : '(deleted)');
    return html`<ul class="server-conflicts" aria-label="Notes changed both here and on the server">
      ${conflicts.map(
        (c) => html`<li data-id=${c.id}>
          <span>Yours: ${displayLabel(words(c.mine), 200)}</span> · <span>Server's: ${displayLabel(words(c.theirs), 200)}</span>
          <button type="button" class="keep-mine" @click=${() => void link.resolve(c.id, 'mine')}>Keep yours</button>
          <button type="button" class="keep-theirs" @click=${() => void link.resolve(c.id, 'theirs')}>Keep the server's</button>
        </li>`,
      )}
    </ul>`;
  }

  private onSignIn(event: Event, create: boolean): void {
    event.preventDefault();
    const form = (event.target as HTMLElement).closest('form')!;
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    const password = form.elements.namedItem('password') as HTMLInputElement;
    void this.link?.signIn(formText(data, 'server'), formText(data, 'name'), formText(data, 'password'), create);
    password.value = '';
  }

  private onTokenConnect(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    void this.link?.connect({ container: formText(data, 'container'), token: formText(data, 'token') });
    (form.elements.namedItem('token') as HTMLInputElement).value = '';
  }

  private onGroupChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    void this.link?.chooseGroup(value || null);
  }

  private onGroupJoin(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    void this.link?.chooseGroup(formText(new FormData(form), 'group'));
    form.reset();
  }

  private onGroupCreate(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    void this.link?.createGroup(formText(new FormData(form), 'name'));
    form.reset();
  }

  private onMemberAdd(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    void this.link?.addMember(formText(new FormData(form), 'name'));
    form.reset();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sync-panel': SyncPanel;
  }
}
