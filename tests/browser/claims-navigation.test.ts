import { expect } from '@esm-bundle/chai';
import '../../src/components/reader-view.ts';
import type { ReaderView } from '../../src/components/reader-view.ts';
import { decodeDocument } from '../../src/document/load.ts';
import type { DocumentEntry } from '../../src/document/manifest.ts';
import { adoptDocumentStyles } from '../../src/components/styles/adopt.ts';
import { themeStyles } from '../../src/components/styles/theme.ts';
import { readerStyles } from '../../src/components/styles/reader.ts';
import { describingBody, tagBody, textTarget, type Annotation } from '../../src/annotations/model.ts';
import { claimLinksFromAnnotations } from '../../src/components/claims/from-annotations.ts';
import { ClaimNavigator } from '../../src/components/claims/navigator.ts';
import { claimAmong, claimSpans, followToPartner, goBack, showClaim } from '../../src/components/claims/activate.ts';
import type { ClaimLink } from '../../src/components/claims/link.ts';

// Two small texts of our own: the shared claim sits near the top of one and near the bottom of the other,
// so following it must scroll the other text.
const filler = (what: string, n: number) =>
  Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} of the ${what} describes the roads, the markets and the weather of the valley.`);
const LEFT_CLAIM = 'The harbour of Velmar opened on 4 May 1851 with twelve piers.';
const RIGHT_CLAIM = 'Velmar opened its harbour on 5 May 1851, with twelve piers.';
const LEFT_SECOND = 'The mayor Odile Brandt signed the charter of the guild.';
const RIGHT_SECOND = 'Odile Brandt, the mayor, signed the guild charter.';
const LEFT = ['Left chronicle', '', LEFT_CLAIM, '', ...filler('chronicle', 50).flatMap((p) => [p, '']), LEFT_SECOND, ''].join('\n');
const RIGHT = ['Right memoir', '', RIGHT_SECOND, '', ...filler('memoir', 50).flatMap((p) => [p, '']), RIGHT_CLAIM, ''].join('\n');

function entry(id: string, title: string): DocumentEntry {
  return { id, file: `${id}.txt`, iri: `https://texts.example.org/${id}.txt`, kind: 'test-text', language: 'en', title, author: null, missing: [], label: title };
}
const ENTRIES = { left: entry('left', 'Left chronicle'), right: entry('right', 'Right memoir') };
const SOURCES: Record<string, string> = { left: LEFT, right: RIGHT };

function claimAnnotation(id: string, relation: 'agrees' | 'conflicts', left: string, right: string, description: string): Annotation {
  const target = (docId: 'left' | 'right', quote: string) => {
    const from = SOURCES[docId]!.indexOf(quote);
    return textTarget(ENTRIES[docId].iri, SOURCES[docId]!, from, from + quote.length);
  };
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'Annotation',
    motivation: 'linking',
    target: [target('left', left), target('right', right)],
    body: [tagBody('claim'), tagBody(relation), describingBody(description)],
    generator: { type: 'Software', name: 'test' },
    created: '2026-01-01T00:00:00Z',
    'reader:confidence': 0.8,
  };
}

const ANNOTATIONS = [
  claimAnnotation('urn:uuid:00000000-0000-4000-8000-000000000001', 'conflicts', LEFT_CLAIM, RIGHT_CLAIM, 'The texts tell the same event differently: 4 May 1851 vs 5 May 1851.'),
  claimAnnotation('urn:uuid:00000000-0000-4000-8000-000000000002', 'agrees', LEFT_SECOND, RIGHT_SECOND, 'Both texts make this claim.'),
];

let host: HTMLElement;
let views: Record<string, ReaderView>;
let links: readonly ClaimLink[];
const viewFor = (docId: string): ReaderView | null => views[docId] ?? null;

function scroller(view: ReaderView): HTMLElement {
  return view.querySelector<HTMLElement>('.reader-scroll')!;
}

/** The text marked current in a view (the `is-current` decoration), or ''. */
function currentText(view: ReaderView): string {
  return [...view.querySelectorAll('.is-current')].map((e) => e.textContent).join('');
}

/** Whether the current mark lies inside the visible part of the view's scroller. */
function currentIsVisible(view: ReaderView): boolean {
  const mark = view.querySelector('.is-current');
  if (!mark) return false;
  const r = mark.getBoundingClientRect();
  const s = scroller(view).getBoundingClientRect();
  return r.top >= s.top - 1 && r.bottom <= s.bottom + 1;
}

/** Whether a current mark showing exactly `quote` lies inside the visible part of the view's scroller. */
function markVisible(view: ReaderView, quote: string): boolean {
  const s = scroller(view).getBoundingClientRect();
  return [...view.querySelectorAll('.is-current')].some((mark) => {
    const range = document.createRange();
    range.selectNodeContents(mark);
    const r = range.getBoundingClientRect();
    return quote.includes(mark.textContent ?? '') && (mark.textContent ?? '').length > quote.length / 2 && r.top >= s.top - 1 && r.bottom <= s.bottom + 1;
  });
}

async function settle(): Promise<void> {
  await Promise.all(Object.values(views).map((v) => v.updateComplete));
  await new Promise((r) => requestAnimationFrame(() => r(null)));
}

/** Two fresh views side by side, with the links drawn: every test starts from unscrolled texts with nothing marked. */
async function mountViews(): Promise<void> {
  adoptDocumentStyles(themeStyles, readerStyles);
  host = document.createElement('div');
  host.style.display = 'grid';
  host.style.gridTemplateColumns = '1fr 1fr';
  host.style.height = '360px';
  document.body.append(host);
  views = {};
  for (const id of ['left', 'right'] as const) {
    const view = document.createElement('reader-view');
    view.dataset.doc = id;
    view.style.height = '360px';
    view.load = decodeDocument(ENTRIES[id], new TextEncoder().encode(SOURCES[id]).buffer);
    host.append(view);
    views[id] = view;
  }
  await settle();
  for (const id of ['left', 'right']) views[id]!.spans = claimSpans(links, id);
  await settle();
}

describe('claim links between two reader views', () => {
  before(() => {
    const result = claimLinksFromAnnotations(ANNOTATIONS, (iri) => {
      const id = Object.values(ENTRIES).find((e) => e.iri === iri)?.id;
      return id ? { docId: id, source: SOURCES[id]! } : null;
    });
    expect(result.problems).to.deep.equal([]);
    links = result.links;
  });
  beforeEach(mountViews);
  afterEach(() => host.remove());

  it('builds each end from the annotation, with the conflict\'s difference', () => {
    const conflict = links.find((l) => l.relation === 'conflicts')!;
    expect(conflict.ends.map((e) => [e.docId, e.quote])).to.deep.equal([
      ['left', LEFT_CLAIM],
      ['right', RIGHT_CLAIM],
    ]);
    expect(conflict.difference).to.equal('4 May 1851 vs 5 May 1851');
    expect(conflict.confidence).to.equal(0.8);
  });

  it('draws a marker on each linked claim in both texts', () => {
    const leftMarks = views.left!.querySelectorAll('.hl-claim.hl-conflicts');
    const rightMarks = views.right!.querySelectorAll('.hl-claim.hl-conflicts');
    expect([...leftMarks].map((m) => m.textContent).join('')).to.equal(LEFT_CLAIM);
    expect([...rightMarks].map((m) => m.textContent).join('')).to.equal(RIGHT_CLAIM);
    expect(views.left!.querySelectorAll('.hl-claim.hl-agrees').length).to.be.greaterThan(0);
  });

  it('follows a link to its partner in the other text, marks both, focuses the partner, and comes back', async () => {
    const navigator = new ClaimNavigator(links, { firstDocId: 'left' });
    const conflict = links.find((l) => l.relation === 'conflicts')!;
    expect(scroller(views.right!).scrollTop).to.equal(0);
    const partner = followToPartner(conflict, 'left', viewFor, navigator);
    await settle();
    expect(partner?.docId).to.equal('right');
    expect(scroller(views.right!).scrollTop).to.be.greaterThan(0);
    expect(currentText(views.right!)).to.equal(RIGHT_CLAIM);
    expect(currentIsVisible(views.right!)).to.equal(true);
    expect(currentText(views.left!)).to.equal(LEFT_CLAIM);
    expect(views.right!.contains(document.activeElement)).to.equal(true);
    expect(navigator.current?.id).to.equal(conflict.id);
    expect(navigator.canGoBack).to.equal(true);

    // The reader wanders off in the left text, then asks to go back.
    scroller(views.left!).scrollTop = scroller(views.left!).scrollHeight;
    views.left!.clearCurrent();
    await settle();
    expect(currentIsVisible(views.left!)).to.equal(false);
    const place = goBack(viewFor, navigator);
    await settle();
    expect(place).to.include({ docId: 'left', linkId: conflict.id });
    expect(currentText(views.left!)).to.equal(LEFT_CLAIM);
    expect(currentIsVisible(views.left!)).to.equal(true);
    expect(views.left!.contains(document.activeElement)).to.equal(true);
    expect(navigator.canGoBack).to.equal(false);
    expect(goBack(viewFor, navigator)).to.equal(null);
  });

  it('follows a link the other way, from the second text to the first', async () => {
    const navigator = new ClaimNavigator(links, { firstDocId: 'left' });
    const agreement = links.find((l) => l.relation === 'agrees')!;
    scroller(views.left!).scrollTop = scroller(views.left!).scrollHeight;
    await settle();
    const partner = followToPartner(agreement, 'right', viewFor, navigator);
    await settle();
    expect(partner?.quote).to.equal(LEFT_SECOND);
    expect(currentText(views.left!)).to.equal(LEFT_SECOND);
    expect(currentIsVisible(views.left!)).to.equal(true);
    expect(views.left!.contains(document.activeElement)).to.equal(true);
  });

  it('goes from a click on a claim marker to its partner, as the app wires it', async () => {
    const navigator = new ClaimNavigator(links, { firstDocId: 'left' });
    let followed: string | null = null;
    const onActivate = (e: Event) => {
      const { docId, ids } = (e as CustomEvent<{ docId: string; ids: string[] }>).detail;
      const link = claimAmong(ids, navigator);
      if (link && followToPartner(link, docId, viewFor, navigator)) followed = link.id;
    };
    host.addEventListener('annotation-activate', onActivate);
    try {
      const mark = views.left!.querySelector('.hl-claim.hl-conflicts')!;
      const r = mark.getBoundingClientRect();
      mark.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: r.left + 3, clientY: r.top + r.height / 2 }));
      await settle();
      expect(followed).to.equal(links.find((l) => l.relation === 'conflicts')!.id);
      expect(currentText(views.right!)).to.equal(RIGHT_CLAIM);
      expect(currentIsVisible(views.right!)).to.equal(true);
    } finally {
      host.removeEventListener('annotation-activate', onActivate);
    }
  });

  it('shows a link in both texts without moving focus', async () => {
    const conflict = links.find((l) => l.relation === 'conflicts')!;
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    try {
      expect(showClaim(conflict, viewFor)).to.deep.equal(['left', 'right']);
      await settle();
      expect(currentText(views.left!)).to.equal(LEFT_CLAIM);
      expect(currentText(views.right!)).to.equal(RIGHT_CLAIM);
      expect(currentIsVisible(views.right!)).to.equal(true);
      expect(document.activeElement).to.equal(button);
    } finally {
      button.remove();
    }
  });

  it('does nothing, and remembers nothing, when the partner\'s text is not shown', async () => {
    const navigator = new ClaimNavigator(links, { firstDocId: 'left' });
    const conflict = links.find((l) => l.relation === 'conflicts')!;
    const onlyLeft = (docId: string) => (docId === 'left' ? views.left! : null);
    expect(followToPartner(conflict, 'left', onlyLeft, navigator)).to.equal(null);
    expect(navigator.canGoBack).to.equal(false);
    expect(followToPartner(conflict, 'elsewhere', viewFor, navigator)).to.equal(null);
    expect(showClaim(conflict, onlyLeft)).to.deep.equal(['left']);
  });

  it('steps through links with the navigator and shows each in both texts', async () => {
    const navigator = new ClaimNavigator(links, { firstDocId: 'left' });
    const first = navigator.next()!;
    expect(first.relation).to.equal('conflicts');
    showClaim(first, viewFor);
    await settle();
    expect(currentText(views.right!)).to.equal(RIGHT_CLAIM);
    const second = navigator.next()!;
    expect(second.relation).to.equal('agrees');
    showClaim(second, viewFor);
    await settle();
    // Only the newly shown passages stay marked.
    expect(currentText(views.right!)).to.equal(RIGHT_SECOND);
    expect(currentText(views.left!)).to.equal(LEFT_SECOND);
    expect(markVisible(views.right!, RIGHT_SECOND)).to.equal(true);
    expect(markVisible(views.left!, LEFT_SECOND)).to.equal(true);
    expect(navigator.next()!.id).to.equal(first.id);
  });
});
