/**
 * The folder the browser benchmarks are served from: a copy of the production
 * build (`dist/`), the static baselines beside it, and the generated corpus
 * with its layer and a page of the app pointed at them.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { positionSelectorOf, targetsOf, type Annotation } from '../src/annotations/model.ts';
import { collectionOf } from './corpus.ts';
import { paragraphsHtml, staticPage } from './static-html.ts';

/** The IRI of the generated corpus document (targets' `source`). */
export const CORPUS_IRI = 'https://reader.example.org/bench/corpus.txt';
export const CORPUS_FILE = 'corpus.txt';
export const CORPUS_LAYER = 'bench-layer.jsonld';

/** Paths (under the site's origin) of the pages the benchmarks open. */
export const PAGES = {
  app: '/index.html',
  staticTwo: '/static-two.html',
  corpusApp: '/corpus.html',
  corpusStatic: '/corpus-static.html',
  largeApp: '/large.html',
  largeStatic: '/large-static.html',
} as const;

/** One text of the large corpus: under the reader's limit per text, so the 10 MB come as several texts. */
export interface LargeText {
  readonly id: string;
  readonly iri: string;
  readonly source: string;
}

/** What the site is built from. */
export interface SiteInput {
  readonly dist: string;
  readonly texts: readonly { readonly title: string; readonly source: string }[];
  readonly corpus: string;
  readonly annotations: readonly Annotation[];
  readonly seed: number;
  /** The large corpus (its texts and one layer on them), served as `large.html` and `large-static.html`. */
  readonly large?: { readonly texts: readonly LargeText[]; readonly annotations: readonly Annotation[] };
}

/** Builds the site in `dir` (emptied first). Throws when `dist/index.html` is missing. */
export async function buildSite(dir: string, input: SiteInput): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp(input.dist, dir, { recursive: true });
  const index = await readFile(join(input.dist, 'index.html'), 'utf8');
  if (!index.includes('documents-base="documents/"')) throw new Error(`${input.dist}/index.html has no <reader-app documents-base="documents/">.`);
  await writeFile(
    join(dir, 'static-two.html'),
    staticPage('Static floor: both texts', input.texts.map((t) => ({ title: t.title, body: paragraphsHtml(t.source) }))),
  );
  const docs = join(dir, 'corpus', 'documents');
  const layers = join(dir, 'corpus', 'annotations');
  await mkdir(docs, { recursive: true });
  await mkdir(layers, { recursive: true });
  await writeFile(join(docs, CORPUS_FILE), input.corpus);
  const manifest = {
    documents: [
      {
        id: 'bench-corpus',
        file: CORPUS_FILE,
        iri: CORPUS_IRI,
        kind: 'journal-article',
        language: 'en',
        title: 'Generated benchmark corpus',
        author: null,
        missing: ['author'],
        publisher: null,
        label: 'Generated benchmark corpus',
      },
    ],
    layers: [CORPUS_LAYER],
  };
  await writeFile(join(docs, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(layers, CORPUS_LAYER), JSON.stringify(collectionOf(input.annotations, 'Benchmark: 10,000 generated annotations', input.seed)));
  await writeFile(
    join(dir, 'corpus.html'),
    index.replace('documents-base="documents/"', 'documents-base="corpus/documents/" annotations-base="corpus/annotations/" store-name="bench-corpus"'),
  );
  await writeFile(join(dir, 'corpus-static.html'), staticPage('Static floor: corpus', [{ title: 'Generated benchmark corpus', body: paragraphsHtml(input.corpus, spansOf(input.corpus, input.annotations)) }]));
  if (input.large) await writeLarge(dir, index, input.large, input.seed);
}

async function writeLarge(dir: string, index: string, large: NonNullable<SiteInput['large']>, seed: number): Promise<void> {
  const docs = join(dir, 'large', 'documents');
  const layers = join(dir, 'large', 'annotations');
  await mkdir(docs, { recursive: true });
  await mkdir(layers, { recursive: true });
  const documents = large.texts.map((t, i) => {
    const label = `Generated large corpus, part ${i + 1}`;
    return { id: t.id, file: `${t.id}.txt`, iri: t.iri, kind: 'journal-article', language: 'en', title: label, author: null, missing: ['author'], publisher: null, label };
  });
  for (const t of large.texts) await writeFile(join(docs, `${t.id}.txt`), t.source);
  await writeFile(join(docs, 'manifest.json'), JSON.stringify({ documents, layers: [CORPUS_LAYER] }, null, 2));
  await writeFile(join(layers, CORPUS_LAYER), JSON.stringify(collectionOf(large.annotations, `Benchmark: ${large.annotations.length} generated annotations on the large corpus`, seed)));
  await writeFile(
    join(dir, 'large.html'),
    index.replace('documents-base="documents/"', 'documents-base="large/documents/" annotations-base="large/annotations/" store-name="bench-large"'),
  );
  const byIri = (iri: string) => large.annotations.filter((a) => targetsOf(a)[0]?.source === iri);
  await writeFile(
    join(dir, 'large-static.html'),
    staticPage(
      'Static floor: large corpus',
      large.texts.map((t, i) => ({ title: `Generated large corpus, part ${i + 1}`, body: paragraphsHtml(t.source, spansOf(t.source, byIri(t.iri))) })),
    ),
  );
}

/** The annotated spans in code units, from the position selectors (the corpus is ASCII-safe only in part, so convert). */
function spansOf(text: string, annotations: readonly Annotation[]): { from: number; to: number }[] {
  const cuOf = codePointToUnit(text);
  const out: { from: number; to: number }[] = [];
  for (const a of annotations) {
    const t = targetsOf(a)[0];
    const p = t && positionSelectorOf(t);
    if (p) out.push({ from: cuOf(p.start), to: cuOf(p.end) });
  }
  return out.sort((x, y) => x.from - y.from);
}

function codePointToUnit(text: string): (cp: number) => number {
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) {
    units.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  units.push(text.length);
  return (cp) => units[cp] ?? text.length;
}
