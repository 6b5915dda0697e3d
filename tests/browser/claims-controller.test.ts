import { expect } from '@esm-bundle/chai';
import { LitElement, css, html } from 'lit';
import '../../src/components/reader-view.ts';
import '../../src/components/claims-panel.ts';
import type { ReaderView } from '../../src/components/reader-view.ts';
import type { ClaimsPanel } from '../../src/components/claims-panel.ts';
import { decodeDocument, type DocumentLoad } from '../../src/document/load.ts';
import type { DocumentEntry } from '../../src/document/manifest.ts';
import { adoptDocumentStyles } from '../../src/components/styles/adopt.ts';
import { themeStyles } from '../../src/components/styles/theme.ts';
import { readerStyles } from '../../src/components/styles/reader.ts';
import { ClaimsController } from '../../src/components/claims/controller.ts';
import { claimSpans } from '../../src/components/claims/activate.ts';
import type { ClaimLink } from '../../src/components/claims/link.ts';

// Two texts of our own; each linked passage of one text sits far from its partner in the other.
const filler = (what: string, n: number) => Array.from({ length: n }, (_, i) => `Line ${i + 1} of the ${what} lists the wells, orchards and mills of the plain.`);
const A1 = 'The canal at Dorne was dug in 1790 by four hundred workers.';
const B1 = 'Four hundred labourers dug the Dorne canal in 1791.';
const A2 = 'Its locks were built of grey stone from the north quarry.';
const B2 = 'Grey stone from the north quarry went into its locks.';
const SOURCES: Record<string, string> = {
  east: ['East register', '', A1, '', ...filler('register', 40).flatMap((p) => [p, '']), A2, ''].join('\n'),
  west: ['West diary', '', B2, '', ...filler('diary', 40).flatMap((p) => [p, '']), B1, ''].join('\n'),
};
const DOCUMENTS = [
  { id: 'east', label: 'East register' },
  { id: 'west', label: 'West diary' },
];

function entry(id: string, title: string): DocumentEntry {
  return { id, file: `${id}.txt`, iri: `https://texts.example.org/${id}.txt`, kind: 'test-text', language: 'en', title, author: null, missing: [], label: title };
}
const LOADS: Record<string, DocumentLoad> = Object.fromEntries(
  DOCUMENTS.map((d) => [d.id, decodeDocument(entry(d.id, d.label), new TextEncoder().encode(SOURCES[d.id]).buffer)]),
);

function end(docId: string, quote: string) {
  const from = SOURCES[docId]!.indexOf(quote);
  return { docId, from, to: from + quote.length, quote };
}
const LINKS: readonly ClaimLink[] = [
  { id: 'urn:x:locks', relation: 'agrees', status: 'proposed', description: 'Both texts say so.', ends: [end('east', A2), end('west', B2)] },
  { id: 'urn:x:canal', relation: 'conflicts', status: 'proposed', description: 'Differently: 1790 vs 1791.', difference: '1790 vs 1791', ends: [end('east', A1), end('west', B1)] },
];

/** A minimal app: two views, the panel, and the controller wiring them. */
class ClaimsTestApp extends LitElement {
  static override properties = { links: { attribute: false } };
  links: readonly ClaimLink[] = [];
  readonly claims = new ClaimsController(this, { viewFor: (id) => this.view(id), firstDocId: 'east' });

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  view(id: string): ReaderView | null {
    return this.querySelector<ReaderView>(`reader-view[data-doc="${id}"]`);
  }

  override render() {
    return html`<div class="views">
        ${DOCUMENTS.map((d) => html`<reader-view data-doc=${d.id} .load=${LOADS[d.id]!} .spans=${claimSpans(this.links, d.id)}></reader-view>`)}
      </div>
      <claims-panel .links=${this.links} .documents=${DOCUMENTS} .current=${this.claims.current} .canGoBack=${this.claims.canGoBack}></claims-panel>`;
  }
}
customElements.define('claims-test-app', ClaimsTestApp);

const layout = css`
  claims-test-app .views {
    display: grid;
    grid-template-columns: 1fr 1fr;
  }
  claims-test-app reader-view {
    height: 320px;
  }
`;

let app: ClaimsTestApp;

function panel(): ClaimsPanel {
  return app.querySelector('claims-panel')!;
}

function marked(docId: string): string {
  return [...app.view(docId)!.querySelectorAll('.is-current')].map((e) => e.textContent).join('');
}

function inSight(docId: string, quote: string): boolean {
  const view = app.view(docId)!;
  const s = view.querySelector('.reader-scroll')!.getBoundingClientRect();
  return [...view.querySelectorAll('.is-current')].some((m) => {
    const r = m.getBoundingClientRect();
    return quote.includes(m.textContent ?? '') && r.top >= s.top - 1 && r.bottom <= s.bottom + 1;
  });
}

async function settle(): Promise<void> {
  await app.updateComplete;
  await Promise.all([...app.querySelectorAll('reader-view')].map((v) => (v).updateComplete));
  await panel().updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r(null)));
}

describe('ClaimsController in an app with two views and the panel', () => {
  beforeEach(async () => {
    adoptDocumentStyles(themeStyles, readerStyles, layout);
    app = document.createElement('claims-test-app') as ClaimsTestApp;
    document.body.append(app);
    await settle();
    app.links = LINKS;
    app.claims.setLinks(LINKS);
    await settle();
  });
  afterEach(() => app.remove());

  it('shows a link in both texts from the panel and marks it current there', async () => {
    const item = panel().shadowRoot!.querySelector('li.claim[data-id="urn:x:locks"]')!;
    (item.querySelector('button.show') as HTMLButtonElement).click();
    await settle();
    expect(marked('east')).to.equal(A2);
    expect(marked('west')).to.equal(B2);
    expect(inSight('east', A2)).to.equal(true);
    expect(app.claims.current).to.equal('urn:x:locks');
    expect(item.getAttribute('aria-current')).to.equal('true');
  });

  it('steps to the next link with ] typed in a text, conflicts first', async () => {
    const text = app.view('west')!.querySelector<HTMLElement>('.reader-text')!;
    text.focus();
    text.dispatchEvent(new KeyboardEvent('keydown', { key: ']', bubbles: true, composed: true }));
    await settle();
    expect(app.claims.current).to.equal('urn:x:canal');
    expect(inSight('east', A1)).to.equal(true);
    expect(inSight('west', B1)).to.equal(true);
    expect(panel().shadowRoot!.querySelector('li.claim[aria-current="true"]')!.getAttribute('data-id')).to.equal('urn:x:canal');
    text.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true, composed: true }));
    await settle();
    expect(app.claims.current).to.equal('urn:x:locks');
    expect(marked('east')).to.equal(A2);
    expect(marked('west')).to.equal(B2);
  });

  it('does not step twice when the key is pressed in the panel', async () => {
    const list = panel().shadowRoot!.querySelector('.groups')!;
    list.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    await settle();
    expect(app.claims.current).to.equal('urn:x:canal');
  });

  it('follows a claim marker clicked in one text to its partner, and comes back with the panel\'s Back', async () => {
    expect(panel().shadowRoot!.querySelector('button.back')).to.equal(null);
    const mark = app.view('east')!.querySelector('.hl-claim.hl-conflicts')!;
    const r = mark.getBoundingClientRect();
    mark.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: r.left + 3, clientY: r.top + r.height / 2 }));
    await settle();
    expect(inSight('west', B1)).to.equal(true);
    expect(app.view('west')!.contains(document.activeElement)).to.equal(true);
    const back = panel().shadowRoot!.querySelector('button.back') as HTMLButtonElement;
    expect(back).to.not.equal(null);

    const scroller = app.view('east')!.querySelector<HTMLElement>('.reader-scroll')!;
    scroller.scrollTop = scroller.scrollHeight;
    await settle();
    back.click();
    await settle();
    expect(inSight('east', A1)).to.equal(true);
    expect(app.view('east')!.contains(document.activeElement)).to.equal(true);
    expect(panel().shadowRoot!.querySelector('button.back')).to.equal(null);
  });

  it('follows on request only when told not to follow on activation', async () => {
    const quiet = new ClaimsController(app, { viewFor: (id) => app.view(id), followOnActivate: false });
    quiet.setLinks(LINKS);
    app.claims.hostDisconnected();
    try {
      const mark = app.view('east')!.querySelector('.hl-claim.hl-conflicts')!;
      const r = mark.getBoundingClientRect();
      mark.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: r.left + 3, clientY: r.top + r.height / 2 }));
      await settle();
      expect(quiet.canGoBack).to.equal(false);
      expect(marked('west')).to.equal('');
      expect(quiet.follow('urn:x:canal', 'east')).to.equal(true);
      await settle();
      expect(inSight('west', B1)).to.equal(true);
      expect(quiet.canGoBack).to.equal(true);
      expect(quiet.follow('urn:x:nothing', 'east')).to.equal(false);
    } finally {
      quiet.hostDisconnected();
      app.removeController(quiet);
      app.claims.hostConnected();
    }
  });

  it('stops listening when the app leaves the page', async () => {
    const text = app.view('west')!.querySelector<HTMLElement>('.reader-text')!;
    app.remove();
    text.dispatchEvent(new KeyboardEvent('keydown', { key: ']', bubbles: true, composed: true }));
    expect(app.claims.current).to.equal(null);
    document.body.append(app);
    await settle();
  });
});
