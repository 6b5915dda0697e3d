/**
 * The claims panel: every claim link between the two texts, grouped by
 * relation with conflicts first, each with both passages, what differs, the
 * generator's confidence and the scholar's decision; and a form to link two
 * selections by hand.
 *
 * The panel holds no links of its own: the app sets `links`, `documents`,
 * `selections` and `current`, and answers the events below.
 *
 * Keyboard: the list is one tab stop (roving tabindex); ArrowUp/ArrowDown,
 * Home/End move between links; Enter or Space shows the focused link in both
 * texts; `]`/`j` and `[`/`k` step to the next or previous link and show it.
 *
 * @fires claim-activate - `{ id }` (ClaimActivateDetail): show this link in both texts
 * @fires claim-review - `{ id, decision }` (ClaimReviewDetail): `accepted` or `dismissed`; `proposed` withdraws the decision
 * @fires claim-remove - `{ id }` (ClaimActivateDetail): delete this hand-made link
 * @fires claim-manual - ManualLinkRequest `{ ends, relation, note }`: link the two selections by hand
 * @fires claim-back - no detail: return to where the reader was before following a link
 * @fires claim-filter - `{ showDismissed }` after the reader switched the dismissed filter
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { RELATION_TAGS, type RelationTag } from '../annotations/model.ts';
import type { ClaimStatus } from '../analysis/claims/review.ts';
import { RELATION_ORDER, orderLinks, type ClaimEnd, type ClaimLink } from './claims/link.ts';
import { stepForKey } from './claims/keys.ts';
import type { ManualLinkRequest, SelectedPassage } from './claims/manual.ts';
import { clip, displayLabel } from '../annotations/sanitize.ts';
import { emit } from './events.ts';
import { panelStyles, plainListStyles } from './styles/panel.ts';

/** Longest description, difference or note drawn on a link: the list is no place for a book. */
const LINK_TEXT_LENGTH = 600;

/** A text the panel names: its id and a reader-facing label. */
export interface PanelDocument {
  readonly id: string;
  readonly label: string;
}

/** A user's selection in one text, as `ReaderView.selectedSourceRange()` gives it. */
export interface PanelSelection {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/** Detail of `claim-activate` and `claim-remove`. */
export interface ClaimActivateDetail {
  readonly id: string;
}

/** Detail of `claim-review`: `proposed` means "withdraw my decision" (delete the review annotation). */
export interface ClaimReviewDetail {
  readonly id: string;
  readonly decision: ClaimStatus;
}

/** Quotes longer than this (code units) are shortened in the list; the texts show them whole. */
export const QUOTE_PREVIEW_LENGTH = 160;

const GROUP_TITLE: Readonly<Record<RelationTag, string>> = { conflicts: 'Conflicts', agrees: 'Agreements', related: 'Related' };
const COUNT_NOUN: Readonly<Record<RelationTag, readonly [string, string]>> = {
  conflicts: ['conflict', 'conflicts'],
  agrees: ['agreement', 'agreements'],
  related: ['related', 'related'],
};
const BADGE: Readonly<Record<RelationTag, readonly [string, string]>> = { conflicts: ['≠', 'Conflict'], agrees: ['=', 'Agrees'], related: ['~', 'Related'] };
const RELATION_CHOICE: Readonly<Record<RelationTag, string>> = {
  agrees: 'They agree',
  conflicts: 'They conflict',
  related: 'They are related',
};

@customElement('claims-panel')
export class ClaimsPanel extends LitElement {
  static override styles = [
    panelStyles,
    plainListStyles,
    css`
    :host {
      display: block;
      font-size: 0.9rem;
    }
    h2 {
      font-size: 1rem;
      margin: 0 0 0.25rem;
    }
    h3 {
      font-size: 0.9rem;
      margin: 0.75rem 0 0.35rem;
    }
    .summary,
    .hint,
    .empty {
      color: var(--muted, #6b6b66);
      margin: 0.2rem 0;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      margin: 0.35rem 0;
    }
    li.claim {
      border: 1px solid var(--border, #d8d6cf);
      border-left: 4px solid var(--claim-related, #7d7a70);
      border-radius: 4px;
      padding: 0.45rem 0.6rem;
      margin: 0 0 0.45rem;
      background: var(--surface, #fff);
    }
    li.claim.rel-agrees {
      border-left-color: var(--claim-agrees, #1f7a3d);
    }
    li.claim.rel-conflicts {
      border-left-color: var(--claim-conflicts, #c2261b);
      background: var(--claim-conflicts-bg, rgba(194, 38, 27, 0.12));
    }
    li.claim.st-dismissed {
      opacity: 0.7;
    }
    li.claim.st-dismissed .quote {
      text-decoration: line-through;
    }
    li.claim[aria-current='true'] {
      outline: 2px solid var(--accent, #2456a6);
    }
    li.claim:focus-visible,
    button:focus-visible,
    select:focus-visible,
    input:focus-visible,
    textarea:focus-visible {
      outline: 3px solid var(--focus, #2456a6);
      outline-offset: 2px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.6rem;
      align-items: baseline;
    }
    .badge {
      font-weight: 600;
      font-size: 0.8rem;
      padding: 0 0.35rem;
      border-radius: 3px;
      border: 1px solid currentColor;
    }
    .badge.rel-conflicts {
      color: var(--claim-conflicts, #c2261b);
      border-width: 2px;
    }
    .badge.rel-agrees {
      color: var(--claim-agrees, #1f7a3d);
    }
    .badge.rel-related {
      color: var(--claim-related, #7d7a70);
    }
    .meta {
      color: var(--muted, #6b6b66);
      font-size: 0.8rem;
    }
    .difference {
      font-weight: 600;
      color: var(--claim-conflicts, #c2261b);
      margin: 0.3rem 0;
    }
    .description,
    .note {
      margin: 0.3rem 0;
    }
    .ends {
      margin: 0.3rem 0;
      display: grid;
      gap: 0.25rem;
    }
    .end {
      margin: 0;
    }
    .doc {
      display: block;
      font-size: 0.75rem;
      color: var(--muted, #6b6b66);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
      margin-top: 0.35rem;
    }
    button {
      font: inherit;
      font-size: 0.8rem;
      border: 1px solid var(--border, #d8d6cf);
      background: var(--surface, #fff);
      color: var(--text, #1d1d1b);
      border-radius: 3px;
      padding: 0.15rem 0.5rem;
      cursor: pointer;
    }
    button:disabled {
      cursor: not-allowed;
      opacity: 0.6;
    }
    form {
      border-top: 1px solid var(--border, #d8d6cf);
      margin-top: 0.75rem;
      padding-top: 0.25rem;
    }
    fieldset {
      padding: 0;
      display: grid;
      gap: 0.4rem;
    }
    .picked {
      display: grid;
      gap: 0.2rem;
    }
    label.field {
      display: grid;
      gap: 0.15rem;
    }
    select,
    textarea {
      font: inherit;
    }
  `,
  ];

  /** The claim links to list (any order: the panel orders them). */
  @property({ attribute: false }) links: readonly ClaimLink[] = [];

  /** The texts, in reading order (the first one orders links within a relation); labels name each end. */
  @property({ attribute: false }) documents: readonly PanelDocument[] = [];

  /** The user's current selection in each text, by document id; the hand-made link form needs two. */
  @property({ attribute: false }) selections: Partial<Record<string, PanelSelection | null>> = {};

  /** The id of the link shown last, marked `aria-current`; the panel also sets it when it steps. */
  @property({ attribute: false }) current: string | null = null;

  /** Whether a "Back" button is offered (the app's ClaimNavigator has a place to return to). */
  @property({ type: Boolean, attribute: 'can-go-back' }) canGoBack = false;

  /** Whether dismissed proposals are listed (the panel's own filter sets it too). */
  @property({ type: Boolean, attribute: 'show-dismissed' }) showDismissed = false;

  /** The link holding the list's one tab stop. */
  @state() private focusedId: string | null = null;
  @state() private relation: RelationTag = 'agrees';
  @state() private note = '';

  /** After "Dismiss" from inside the list: the link dismissed, and the one to take focus once it leaves the list. */
  private focusAfterDismiss: { gone: string; next: string | null } | null = null;
  /** A link to focus once rendered (set while updating, so that focusing schedules no second update). */
  private focusWhenRendered: string | null = null;

  override render() {
    const visible = this.visibleLinks();
    const dismissed = this.links.filter((l) => l.status === 'dismissed').length;
    const stop = this.tabStop(visible);
    const counts = RELATION_ORDER.map((r) => [r, visible.filter((l) => l.relation === r).length] as const);
    return html`<section class="claims" aria-labelledby="claims-title">
      <h2 id="claims-title">Claim links</h2>
      <p class="summary" aria-live="polite">
        ${visible.length === 0
          ? 'No claim links to show.'
          : counts.map(([r, n], i) => html`${i ? ' · ' : ''}${n} ${COUNT_NOUN[r][n === 1 ? 0 : 1]}`)}
      </p>
      <div class="tools">
        <label
          ><input type="checkbox" class="show-dismissed" .checked=${this.showDismissed} @change=${this.onFilter} /> Show dismissed
          (${dismissed})</label
        >
        ${this.canGoBack ? html`<button type="button" class="back" @click=${this.onBack}>← Back to where you were</button>` : nothing}
      </div>
      <p class="hint" id="claims-keys">Keys: ] or j next link, [ or k previous; arrows move in the list, Enter shows a link.</p>
      <div class="groups" @keydown=${this.onKey} @focusin=${this.onFocusIn}>
        ${RELATION_ORDER.map((r) => this.renderGroup(r, visible.filter((l) => l.relation === r), visible, stop))}
      </div>
      ${this.renderManualForm()}
    </section>`;
  }

  private renderGroup(relation: RelationTag, links: readonly ClaimLink[], visible: readonly ClaimLink[], stop: string | null) {
    const headingId = `group-${relation}`;
    return html`<section class="group group-${relation}" aria-labelledby=${headingId} data-relation=${relation}>
      <h3 id=${headingId}>${GROUP_TITLE[relation]} <span class="count">(${links.length})</span></h3>
      ${links.length
        ? html`<ul role="list" aria-labelledby=${headingId} aria-describedby="claims-keys">
            ${links.map((l) => this.renderLink(l, visible.indexOf(l), l.id === stop))}
          </ul>`
        : html`<p class="empty">None.</p>`}
    </section>`;
  }

  private renderLink(link: ClaimLink, index: number, isStop: boolean): TemplateResult {
    const id = `claim-${index}`;
    const tab = isStop ? 0 : -1;
    const differs = link.relation === 'conflicts' && !!link.difference;
    // Named by badge, status and what differs (or the description); the quotes describe it.
    const name = `${id}-badge ${id}-status ${differs ? `${id}-difference` : `${id}-description`}`;
    return html`<li
      class="claim rel-${link.relation} st-${link.status}"
      data-id=${link.id}
      tabindex=${tab}
      aria-current=${link.id === this.current ? 'true' : nothing}
      aria-labelledby=${name}
      aria-describedby=${`${id}-ends`}
      @click=${() => (this.focusedId = link.id)}
    >
      <div class="head">
        <span class="badge rel-${link.relation}" id=${`${id}-badge`}><span aria-hidden="true">${BADGE[link.relation][0]}</span> ${BADGE[link.relation][1]}</span>
        <span class="meta status" id=${`${id}-status`}>${link.manual ? 'made by hand' : link.status}</span>
        ${typeof link.confidence === 'number' && Number.isFinite(link.confidence) ? html`<span class="meta confidence">confidence ${Math.round(link.confidence * 100)}%</span>` : nothing}
      </div>
      ${differs ? html`<p class="difference" id=${`${id}-difference`}>Differs: <span class="difference-value">${displayLabel(link.difference, LINK_TEXT_LENGTH)}</span></p>` : nothing}
      <p class="description" id=${`${id}-description`}>${displayLabel(link.description, LINK_TEXT_LENGTH)}</p>
      <div class="ends" id=${`${id}-ends`}>${link.ends.map((end) => this.renderEnd(end))}</div>
      ${link.note ? html`<p class="note">Note: ${displayLabel(link.note, LINK_TEXT_LENGTH)}</p>` : nothing}
      <div class="actions" role="group" aria-label="Actions on this link">
        <button type="button" class="show" tabindex=${tab} @click=${() => this.activate(link.id)}>Show in both texts</button>
        ${this.renderDecisions(link, tab)}
      </div>
    </li>`;
  }

  private renderEnd(end: ClaimEnd) {
    const label = this.documents.find((d) => d.id === end.docId)?.label ?? end.docId;
    return html`<p class="end" data-doc=${end.docId}>
      <span class="doc">${displayLabel(label)}</span>
      <q class="quote" title=${end.quote.length > QUOTE_PREVIEW_LENGTH ? displayLabel(end.quote, LINK_TEXT_LENGTH) : nothing}>${preview(end.quote)}</q>
    </p>`;
  }

  private renderDecisions(link: ClaimLink, tab: number) {
    if (link.manual) {
      return html`<button type="button" class="remove" tabindex=${tab} @click=${() => emit(this, 'claim-remove', { id: link.id })}>Remove</button>`;
    }
    const button = (cls: string, text: string, decision: ClaimStatus) =>
      html`<button type="button" class=${cls} tabindex=${tab} @click=${() => this.review(link.id, decision)}>${text}</button>`;
    if (link.status === 'proposed') return [button('accept', 'Accept', 'accepted'), button('dismiss', 'Dismiss', 'dismissed')];
    if (link.status === 'accepted') return [button('dismiss', 'Dismiss', 'dismissed'), button('undo', 'Undo accept', 'proposed')];
    return button('restore', 'Restore', 'proposed');
  }

  private renderManualForm() {
    const picked = this.pickedEnds();
    const ready = picked.length === 2;
    const docs = this.formDocuments();
    return html`<form class="manual" aria-labelledby="manual-title" @submit=${this.onManualSubmit}>
      <h3 id="manual-title">Link selections by hand</h3>
      <p class="hint" id="manual-hint">
        ${ready ? 'Choose how the two selected passages relate, then link them.' : 'Select a passage in each text to link them.'}
      </p>
      <div class="picked">
        ${docs.map((d) => {
          const s = this.selectionIn(d.id);
          return html`<p class="end" data-doc=${d.id}>
            <span class="doc">${displayLabel(d.label)}</span>
            ${s ? html`<q class="quote">${preview(s.text)}</q>` : html`<span class="meta">no selection</span>`}
          </p>`;
        })}
      </div>
      <fieldset ?disabled=${!ready}>
        <label class="field"
          >Relation
          <select class="relation" .value=${this.relation} @change=${this.onRelation}>
            ${RELATION_TAGS.map((r) => html`<option value=${r} ?selected=${r === this.relation}>${RELATION_CHOICE[r]}</option>`)}
          </select></label
        >
        <label class="field"
          >Note (optional)
          <textarea class="note-input" rows="2" maxlength="2000" .value=${this.note} @input=${this.onNote}></textarea
        ></label>
        <button type="submit" class="link" aria-describedby="manual-hint">Link these passages</button>
      </fieldset>
    </form>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The app's `current` moves the tab stop with it, so keyboard focus follows links shown from the texts.
    if (changed.has('current') && this.current !== null) this.focusedId = this.current;
    const pending = this.focusAfterDismiss;
    if (changed.has('links') && pending) {
      this.focusAfterDismiss = null;
      // The dismissed link leaves the list and takes focus with it: its neighbour gets the tab stop and focus.
      if (pending.next && !this.visibleLinks().some((l) => l.id === pending.gone)) {
        this.focusedId = pending.next;
        this.focusWhenRendered = pending.next;
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('current') && this.current !== null) {
      // Keep the link shown from the texts in sight in the list, without taking focus from the texts.
      this.itemFor(this.current)?.scrollIntoView?.({ block: 'nearest' });
    }
    const focus = this.focusWhenRendered;
    this.focusWhenRendered = null;
    if (focus && !this.shadowRoot?.activeElement) this.itemFor(focus)?.focus();
  }

  /** The listed links in list order: reading order, dismissed ones only when asked for. */
  visibleLinks(): ClaimLink[] {
    const shown = this.showDismissed ? this.links : this.links.filter((l) => l.status !== 'dismissed');
    return orderLinks(shown, this.documents[0]?.id);
  }

  /** Shows the next (direction 1) or previous (-1) listed link, wrapping; returns its id, or null when none is listed. */
  step(direction: 1 | -1): string | null {
    const visible = this.visibleLinks();
    if (!visible.length) return null;
    const from = this.current ?? this.focusedId;
    const at = visible.findIndex((l) => l.id === from);
    const index = at < 0 ? (direction === 1 ? 0 : visible.length - 1) : (at + direction + visible.length) % visible.length;
    const id = visible[index]!.id;
    this.activate(id);
    void this.focusLink(id);
    return id;
  }

  private tabStop(visible: readonly ClaimLink[]): string | null {
    if (this.focusedId !== null && visible.some((l) => l.id === this.focusedId)) return this.focusedId;
    if (this.current !== null && visible.some((l) => l.id === this.current)) return this.current;
    return visible[0]?.id ?? null;
  }

  private formDocuments(): PanelDocument[] {
    const known = new Set(this.documents.map((d) => d.id));
    const extra = Object.keys(this.selections)
      .filter((id) => !known.has(id))
      .map((id) => ({ id, label: id }));
    return [...this.documents, ...extra];
  }

  private selectionIn(docId: string): PanelSelection | null {
    const s = Object.hasOwn(this.selections, docId) ? this.selections[docId] : undefined;
    return s && s.to > s.from && s.text ? s : null;
  }

  /** The first two texts (in document order) that have a selection. */
  private pickedEnds(): SelectedPassage[] {
    const ends: SelectedPassage[] = [];
    for (const d of this.formDocuments()) {
      const s = this.selectionIn(d.id);
      if (s && ends.length < 2) ends.push({ docId: d.id, from: s.from, to: s.to, text: s.text });
    }
    return ends;
  }

  private itemFor(id: string): HTMLElement | null {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('li.claim')].find((el) => el.dataset.id === id) ?? null;
  }

  private async focusLink(id: string): Promise<void> {
    this.focusedId = id;
    await this.updateComplete;
    const item = this.itemFor(id);
    item?.focus();
    item?.scrollIntoView?.({ block: 'nearest' });
  }

  private activate(id: string): void {
    this.current = id;
    this.focusedId = id;
    emit(this, 'claim-activate', { id } satisfies ClaimActivateDetail);
  }

  private review(id: string, decision: ClaimStatus): void {
    if (decision === 'dismissed' && !this.showDismissed) {
      const ids = this.visibleLinks().map((l) => l.id);
      const at = ids.indexOf(id);
      this.focusAfterDismiss = { gone: id, next: ids[at + 1] ?? ids[at - 1] ?? null };
      if (this.focusedId === id) this.focusedId = this.focusAfterDismiss.next;
    }
    emit(this, 'claim-review', { id, decision } satisfies ClaimReviewDetail);
  }


  private onFilter(event: Event): void {
    this.showDismissed = (event.target as HTMLInputElement).checked;
    emit(this, 'claim-filter', { showDismissed: this.showDismissed });
  }

  private onBack(): void {
    emit(this, 'claim-back', null);
  }

  private onFocusIn(event: FocusEvent): void {
    const item = (event.target as HTMLElement).closest?.<HTMLElement>('li.claim') ?? null;
    if (item?.dataset.id) this.focusedId = item.dataset.id;
  }

  private onKey(event: KeyboardEvent): void {
    const direction = stepForKey(event);
    if (direction !== 0) {
      event.preventDefault();
      this.step(direction);
      return;
    }
    const item = event.target as HTMLElement;
    if (!(item instanceof HTMLLIElement) || !item.dataset.id) return;
    const ids = this.visibleLinks().map((l) => l.id);
    const at = ids.indexOf(item.dataset.id);
    let next: number;
    if (event.key === 'ArrowDown') next = Math.min(ids.length - 1, at + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, at - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = ids.length - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.activate(item.dataset.id);
      return;
    } else return;
    event.preventDefault();
    void this.focusLink(ids[next]!);
  }

  private onRelation(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.relation = (RELATION_TAGS as readonly string[]).includes(value) ? (value as RelationTag) : 'related';
  }

  private onNote(event: Event): void {
    this.note = (event.target as HTMLTextAreaElement).value;
  }

  private onManualSubmit(event: Event): void {
    event.preventDefault();
    const ends = this.pickedEnds();
    if (ends.length !== 2) return;
    const request: ManualLinkRequest = { ends: [ends[0]!, ends[1]!], relation: this.relation, note: this.note.trim() };
    emit(this, 'claim-manual', request);
    this.note = '';
  }
}

/** A quote shortened for the list: whitespace runs as one space, cut at a word near QUOTE_PREVIEW_LENGTH with "…". */
export function preview(quote: string): string {
  // Only the start is looked at (neutralised): a huge quote costs what a short one does.
  const start = clip(quote, QUOTE_PREVIEW_LENGTH * 4);
  const flat = start.text.replace(/\s+/g, ' ').trim();
  if (flat.length <= QUOTE_PREVIEW_LENGTH) return start.cut ? `${flat}…` : flat;
  let cut = flat.lastIndexOf(' ', QUOTE_PREVIEW_LENGTH);
  if (cut < QUOTE_PREVIEW_LENGTH / 2) cut = QUOTE_PREVIEW_LENGTH;
  // Never split a surrogate pair.
  const c = flat.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${flat.slice(0, cut)}…`;
}

declare global {
  interface HTMLElementTagNameMap {
    'claims-panel': ClaimsPanel;
  }
}
