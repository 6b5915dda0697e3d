/**
 * Texts of our own composing, served to the reader from a manifest of any
 * length through a stubbed `fetch`: `/fixture-<name>/manifest.json`, its texts
 * and layers. No foreign text is used.
 */

const WORDS = [
  'river', 'council', 'harbour', 'letter', 'winter', 'ministry', 'treaty', 'delegation', 'archive', 'copper',
  'railway', 'province', 'envoy', 'journal', 'harvest', 'mountain', 'assembly', 'telegram', 'market', 'bridge',
  'museum', 'festival', 'lantern', 'garden', 'compass', 'orchard', 'quarry', 'meadow', 'forest', 'village',
];

/** A deterministic sentence of `words` words, varied by `seed`. */
export function composeSentence(seed: number, words = 12): string {
  const out: string[] = [];
  let s = seed * 7919 + 13;
  for (let i = 0; i < words; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[s % WORDS.length]!);
  }
  const first = out[0]!;
  out[0] = first[0]!.toUpperCase() + first.slice(1);
  return `${out.join(' ')}.`;
}

/** A paragraph of `sentences` composed sentences. */
export function composeParagraph(seed: number, sentences = 5): string {
  return Array.from({ length: sentences }, (_, i) => composeSentence(seed * 100 + i)).join(' ');
}

/** A text of a few sections with paragraphs (blank lines between blocks). */
export function composeText(seed: number, options: { sections?: number; paragraphs?: number; sentences?: number } = {}): string {
  const { sections = 3, paragraphs = 4, sentences = 5 } = options;
  const blocks: string[] = [];
  for (let s = 0; s < sections; s++) {
    blocks.push(`Section ${s + 1} of text ${seed}`);
    for (let p = 0; p < paragraphs; p++) blocks.push(composeParagraph(seed * 1000 + s * 50 + p, sentences));
  }
  return `${blocks.join('\n\n')}\n`;
}

export interface FixtureText {
  readonly id: string;
  readonly source: string;
  readonly title?: string | null;
  readonly label?: string;
  /** When set, the text is served as this response instead (a missing file, a web page, …). */
  readonly response?: () => Response;
}

/** A manifest entry for a fixture text. */
export function entryFor(t: FixtureText) {
  return {
    id: t.id,
    file: `${t.id}.txt`,
    iri: `https://fixture.example.org/${t.id}.txt`,
    kind: 'encyclopedia-article',
    language: 'en',
    title: t.title === undefined ? `Composed text ${t.id}` : t.title,
    author: null,
    missing: t.title === null ? ['title'] : [],
    label: t.label ?? `Label of ${t.id}`,
  };
}

/** `count` composed texts `t1`…`tN`, all of one kind (so labels, not kinds, must tell them apart). */
export function composedTexts(count: number, options: Parameters<typeof composeText>[1] = {}): FixtureText[] {
  return Array.from({ length: count }, (_, i) => ({ id: `t${i + 1}`, source: composeText(i + 1, options) }));
}

export interface Fixture {
  /** The documents base to give the app (`documents-base`). */
  readonly base: string;
  /** Files fetched under the base, in order (to see what the app asked for). */
  readonly fetched: string[];
  restore(): void;
}

/**
 * Serves `texts` (and the given layer collections) under `/fixture-<name>/`
 * by stubbing `window.fetch`; every other request goes to the real fetch.
 */
export function serveFixture(name: string, texts: readonly FixtureText[], layers: Record<string, unknown> = {}): Fixture {
  const base = `/fixture-${name}/`;
  const manifest = { documents: texts.map(entryFor), layers: Object.keys(layers) };
  const fetched: string[] = [];
  const realFetch = window.fetch;
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input instanceof Request ? input.url : input), location.href);
    if (!url.pathname.startsWith(base)) return realFetch(input, init);
    const file = decodeURIComponent(url.pathname.slice(base.length));
    fetched.push(file);
    if (file === 'manifest.json') return Promise.resolve(json(manifest));
    if (file in layers) return Promise.resolve(json(layers[file]));
    const text = texts.find((t) => `${t.id}.txt` === file);
    if (!text) return Promise.resolve(new Response('Not found', { status: 404 }));
    if (text.response) return Promise.resolve(text.response());
    return Promise.resolve(new Response(text.source, { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }));
  });
  return { base, fetched, restore: () => (window.fetch = realFetch) };
}

function json(value: unknown): Response {
  return new Response(JSON.stringify(value), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

/** A W3C comment on `[from, to)` of a fixture text, with both selectors. */
export function commentOn(t: FixtureText, from: number, to: number, id: string, comment: string) {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'Annotation',
    motivation: 'commenting',
    created: '2026-01-01T00:00:00Z',
    creator: { id: 'urn:x-reader:person:fixture', type: 'Person', name: 'Fixture' },
    target: {
      type: 'SpecificResource',
      source: entryFor(t).iri,
      selector: [
        { type: 'TextQuoteSelector', exact: t.source.slice(from, to), prefix: t.source.slice(Math.max(0, from - 32), from), suffix: t.source.slice(to, to + 32) },
        { type: 'TextPositionSelector', start: from, end: to },
      ],
    },
    body: [{ type: 'TextualBody', purpose: 'commenting', value: comment }],
  };
}

/** An AnnotationCollection of `items`. */
export function collectionOf(label: string, items: readonly unknown[]) {
  return { '@context': 'http://www.w3.org/ns/anno.jsonld', id: `urn:uuid:${crypto.randomUUID()}`, type: 'AnnotationCollection', label, total: items.length, items };
}
