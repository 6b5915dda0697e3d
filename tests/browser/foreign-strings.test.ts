/**
 * Foreign strings (anything an imported file or another person wrote) shown
 * by the reader's components: as text, without bidi controls, cut when long,
 * never looked up on a plain object, never made into a class name.
 */
import { expect } from '@esm-bundle/chai';
import '../../src/components/annotation-card.ts';
import { CARD_TEXT_LENGTH, type AnnotationCard } from '../../src/components/annotation-card.ts';
import { ANNO_CONTEXT, textTarget, type Annotation, type Body } from '../../src/annotations/model.ts';
import type { Entry } from '../../src/app/workspace.ts';
import { settle } from './support/wait.ts';
import { BIDI_CONTROLS, CLASS_INJECTION, HOSTILE_STRINGS, PROTOTYPE_KEYS, hugeString } from '../fixtures/hostile-strings.ts';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const SOURCE = 'A plain source text composed for these tests, long enough to hold a passage.';

function note(body: Body[], name = 'A reader', id = 'urn:uuid:00000000-0000-4000-8000-000000000001'): Annotation {
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'Annotation',
    motivation: 'commenting',
    target: textTarget('file:///documents/a.txt', SOURCE, 2, 7),
    body,
    creator: { type: 'Person', name },
    created: '2025-01-01T00:00:00Z',
  };
}

function entryOf(annotation: Annotation, tags: string[] = []): Entry {
  const comment = annotation.body.find((b) => b.type === 'TextualBody' && b.purpose !== 'tagging' && b.purpose !== 'describing');
  return {
    annotation,
    layerId: 'own',
    kind: 'note',
    tags,
    subtype: null,
    description: null,
    comment: comment && comment.type === 'TextualBody' ? comment.value : null,
    placed: [{ docId: 'a', targetIndex: 0, from: 2, to: 7, method: 'position' }],
    status: 'proposed',
  };
}

const tagBodies = (tags: string[]): Body[] => tags.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value }));

async function mountCard(entries: Entry[]): Promise<AnnotationCard> {
  const card = document.createElement('annotation-card');
  card.entries = entries;
  document.body.append(card);
  await card.updateComplete;
  return card;
}

/** Every class on every element under `root`, shadow roots included. */
function allClasses(root: ParentNode): string[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [...el.classList]);
}

describe('annotation card with foreign strings', () => {
  afterEach(() => document.querySelectorAll('annotation-card').forEach((c) => c.remove()));

  it('shows prototype-named tags as their own text, not Object.prototype members', async () => {
    const card = await mountCard([entryOf(note(tagBodies(PROTOTYPE_KEYS)), PROTOTYPE_KEYS)]);
    const chips = [...card.shadowRoot!.querySelectorAll('.tag')].map((t) => t.textContent);
    expect(chips).to.deep.equal(PROTOTYPE_KEYS);
    expect(card.shadowRoot!.textContent).not.to.match(/native code|\[object Object\]/);
  });

  it('gives each tag chip exactly one fixed class, whatever the tag text', async () => {
    const tags = [...CLASS_INJECTION, 'conflicts', 'truncated'];
    const card = await mountCard([entryOf(note(tagBodies(tags)), tags)]);
    const chips = [...card.shadowRoot!.querySelectorAll('span.tag')];
    expect(chips).to.have.length(tags.length);
    expect(chips.map((c) => [...c.classList])).to.deep.equal([
      ...CLASS_INJECTION.map(() => ['tag', 'tag-other']),
      ['tag', 'tag-conflicts'],
      ['tag', 'tag-truncated'],
    ]);
    for (const cls of allClasses(card.shadowRoot!)) expect(['hl-note', 'hl-flag', 'conflicts']).not.to.include(cls);
  });

  it('shows hostile comments, tags and names as text without bidi controls', async () => {
    delete window.__pwned;
    const entries = HOSTILE_STRINGS.map((s, i) =>
      entryOf(note([{ type: 'TextualBody', purpose: 'commenting', value: s }, ...tagBodies([s])], s, `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`), [s]),
    );
    const card = await mountCard(entries);
    await settle();
    expect(window.__pwned).to.equal(undefined);
    const root = card.shadowRoot!;
    expect(root.querySelectorAll('script, img, svg, iframe, a')).to.have.length(0);
    expect(root.textContent).not.to.match(BIDI_CONTROLS);
    expect(root.textContent).to.include('<script>window.__pwned=1</script>');
    expect(root.querySelectorAll('article')).to.have.length(HOSTILE_STRINGS.length);
  });

  it('shows the start of a huge comment, says how long it is, and offers the whole', async () => {
    const value = hugeString(15_000_000);
    const card = await mountCard([entryOf(note([{ type: 'TextualBody', purpose: 'commenting', value }]))]);
    const comment = card.shadowRoot!.querySelector('.comment')!;
    expect(comment.textContent.length).to.be.at.most(CARD_TEXT_LENGTH + 1);
    expect(card.shadowRoot!.querySelector('.cut')!.textContent).to.include('15,000,000 characters');
    const saved: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      saved.push(blob as Blob);
      return original.call(URL, new Blob(['']));
    };
    try {
      card.shadowRoot!.querySelector<HTMLButtonElement>('button.whole')!.click();
    } finally {
      URL.createObjectURL = original;
    }
    expect(saved).to.have.length(1);
    expect(saved[0]!.size).to.equal(value.length);
  });
});

// ---- Lists and panels

import '../../src/components/notes-panel.ts';
import '../../src/components/search-panel.ts';
import '../../src/components/flags-panel.ts';
import '../../src/components/claims-panel.ts';
import '../../src/components/layers-panel.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import type { FlagItem } from '../../src/components/flags-panel.ts';
import type { ClaimLink } from '../../src/components/claims/link.ts';
import type { OrphanTarget } from '../../src/app/workspace.ts';

/** A 1 MB+ string and a 15 MB one, for the length caps. */
const MEGA = hugeString(1_200_000, 'megaword ');
const HUGE = hugeString(15_000_000);
const ALL = [...HOSTILE_STRINGS, MEGA, HUGE];

/** Text of `el` and its shadow root, for checks that cover both. */
function textOf(el: Element): string {
  return (el.shadowRoot?.textContent ?? '') + el.textContent;
}

/** What every panel must show of foreign strings: text only, no bidi controls, no injected element, bounded size. */
async function expectInert(el: Element, bound: number): Promise<void> {
  await settle();
  expect(window.__pwned).to.equal(undefined);
  const root = el.shadowRoot ?? el;
  expect(root.querySelectorAll('script, img, iframe, svg, foreignObject, a[href^="javascript"]')).to.have.length(0);
  const text = textOf(el);
  expect(BIDI_CONTROLS.test(text), 'no bidi control is shown').to.equal(false);
  expect(text).not.to.match(/native code|\[object Object\]/);
  expect(text.length, 'drawn text stays bounded').to.be.below(bound);
  for (const n of root.querySelectorAll('[class]')) {
    for (const s of CLASS_INJECTION) expect(n.getAttribute('class')!, 'no class made of a foreign string').not.to.include(s);
  }
}

describe('panels with foreign strings', () => {
  beforeEach(() => delete window.__pwned);
  afterEach(() => document.querySelectorAll('notes-panel, search-panel, flags-panel, claims-panel, layers-panel').forEach((p) => p.remove()));

  it('notes panel: comments, tags, quotes and reasons as text, cut, with the length said', async () => {
    const panel = document.createElement('notes-panel');
    panel.notes = ALL.map((s, i) =>
      entryOf(note([{ type: 'TextualBody', purpose: 'commenting', value: s }, ...tagBodies([s])], s, `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`), [s]),
    );
    panel.orphans = ALL.map((s, i): OrphanTarget => ({ annotationId: `urn:x:${i}`, layerId: 'own', docId: null, targetIndex: 0, quote: s, code: 'not-found', reason: `It points into ${s}.` }));
    panel.docLabels = { a: 'Text \u202Eexe.txt' };
    document.body.append(panel);
    await panel.updateComplete;
    await expectInert(panel, 200_000);
    const tags = [...panel.shadowRoot!.querySelectorAll('.tag')].map((t) => t.textContent);
    for (const key of PROTOTYPE_KEYS) expect(tags).to.include(key);
    expect(panel.shadowRoot!.textContent).to.include('15,000,000 characters in all');
    expect(panel.shadowRoot!.textContent).to.include('<script>window.__pwned=1</script>');
  });

  it('notes panel: a document id named after an Object.prototype member shows as itself', async () => {
    const panel = document.createElement('notes-panel');
    const e = entryOf(note([{ type: 'TextualBody', purpose: 'commenting', value: 'x' }]));
    panel.notes = [{ ...e, placed: [{ ...e.placed[0]!, docId: 'constructor' }] }];
    panel.docLabels = {};
    document.body.append(panel);
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal('Show note in constructor');
  });

  it('search panel: annotation hits and document labels as text without bidi controls', async () => {
    const engine = SearchEngine.build([{ id: 'a', source: 'A short source text about harbours.' }]);
    engine.addAnnotations(
      HOSTILE_STRINGS.map((s, i) => ({ id: `urn:x:${i}`, docId: 'a', from: 2, to: 7, text: `harbour ${s} harbour`, kind: 'comment' as const })),
    );
    const panel = document.createElement('search-panel');
    panel.engine = engine;
    panel.documents = [{ id: 'a', label: 'Label \u202Eexe.txt' }];
    panel.query = 'harbour';
    document.body.append(panel);
    await panel.updateComplete;
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelectorAll('[role=option]').length).to.be.greaterThan(HOSTILE_STRINGS.length / 2);
    await expectInert(panel, 100_000);
    expect(panel.shadowRoot!.textContent).to.include('<script>window.__pwned=1</script>');
  });

  it('flags panel: unknown kinds, labels, descriptions and quotes as text, cut; heading ids numbered', async () => {
    const panel = document.createElement('flags-panel');
    panel.items = ALL.map((s, i): FlagItem => ({ id: `urn:x:${i}`, docId: s.slice(0, 40), docLabel: s, tag: i % 2 ? s : 'garbled', description: s, quote: s, from: i, to: i + 1 }));
    document.body.append(panel);
    await panel.updateComplete;
    await expectInert(panel, 200_000);
    for (const h of panel.shadowRoot!.querySelectorAll('h3[id]')) expect(h.id).to.match(/^group-\d+$/);
  });

  it('claims panel: descriptions, notes, differences, labels and quotes as text, cut', async () => {
    const panel = document.createElement('claims-panel');
    panel.documents = [
      { id: 'a', label: 'Left \u202Eexe.txt' },
      { id: 'b', label: 'Right' },
    ];
    panel.links = ALL.map((s, i): ClaimLink => ({
      id: `urn:x:${i}`,
      relation: 'conflicts',
      status: 'proposed',
      description: s,
      difference: s,
      note: s,
      manual: true,
      ends: [
        { docId: 'a', from: 0, to: 5, quote: s },
        { docId: 'b', from: 0, to: 5, quote: s },
      ],
    }));
    document.body.append(panel);
    await panel.updateComplete;
    await expectInert(panel, 400_000);
    for (const q of panel.shadowRoot!.querySelectorAll('q[title]')) expect(q.getAttribute('title')!.length).to.be.at.most(601);
  });

  it('layers panel: labels, problems and status as text, cut', async () => {
    const panel = document.createElement('layers-panel');
    panel.layers = ALL.map((s, i) => ({ id: `layer-${i}`, label: s, origin: 'imported', count: 1, visible: true }));
    panel.problems = ALL;
    panel.status = ALL.join('\n');
    document.body.append(panel);
    await panel.updateComplete;
    await expectInert(panel, 200_000);
  });
});
