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
    await new Promise((r) => setTimeout(r, 100));
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
    expect(comment.textContent!.length).to.be.at.most(CARD_TEXT_LENGTH + 1);
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
