/**
 * Candidate retrieval: lunr's BM25 over the units of each text, queried with
 * the units of the other, so that each side's best partner is a candidate;
 * plus every pair that dates something to the same month or states the same
 * figure, which word-based retrieval can miss when the wording differs.
 * (Names and rare words are terms, so lunr already retrieves by them.)
 */
import lunr from 'lunr';
import type { ClaimUnit } from './units.ts';

/** Candidates taken from lunr per unit before scoring. */
const CANDIDATES = 12;
/** A slot key stated in more units of a text than this does not pair sentences by itself. */
const MAX_SLOT_POSTINGS = 20;

/** A candidate pair: indexes into the two unit lists, and the BM25 score relative to the query's best hit (0…1). */
export interface Retrieved {
  readonly a: number;
  readonly b: number;
  readonly bm25: number;
}

/** Candidate pairs between `unitsA` and `unitsB`, each once, retrieved both ways. */
export function retrieveCandidates(unitsA: readonly ClaimUnit[], unitsB: readonly ClaimUnit[]): Retrieved[] {
  const relative = new Map<string, number>();
  const run = (queries: readonly ClaimUnit[], documents: readonly ClaimUnit[], keyOf: (q: number, d: number) => string) => {
    if (documents.length === 0) return;
    const index = buildIndex(documents);
    queries.forEach((query, qi) => {
      // Queries are built from our own tokens, never parsed from text: lunr's query syntax cannot throw here.
      const hits = index.query((q) => {
        for (const term of query.terms) q.term(term, { presence: lunr.Query.presence.OPTIONAL, usePipeline: false });
      }).slice(0, CANDIDATES);
      const best = hits[0]?.score ?? 0;
      for (const hit of hits) {
        const key = keyOf(qi, Number(hit.ref));
        relative.set(key, Math.max(relative.get(key) ?? 0, best > 0 ? hit.score / best : 0));
      }
    });
  };
  run(unitsA, unitsB, (q, d) => `${q} ${d}`);
  run(unitsB, unitsA, (q, d) => `${d} ${q}`);
  const slotIndex = new Map<string, number[]>();
  unitsB.forEach((u, i) => {
    for (const k of slotKeys(u)) slotIndex.set(k, [...(slotIndex.get(k) ?? []), i]);
  });
  unitsA.forEach((u, i) => {
    for (const k of slotKeys(u)) {
      const postings = slotIndex.get(k) ?? [];
      // A date or figure in many sentences is the texts' topic, not a clue; lunr still sees the words around it.
      if (postings.length > MAX_SLOT_POSTINGS) continue;
      for (const j of postings) {
        const key = `${i} ${j}`;
        if (!relative.has(key)) relative.set(key, 0);
      }
    }
  });
  return [...relative].map(([key, bm25]) => {
    const [a, b] = key.split(' ').map(Number) as [number, number];
    return { a, b, bm25 };
  });
}

/** Keys of the dates (to the month) and figures (with their unit) a unit states. */
function slotKeys(u: ClaimUnit): Set<string> {
  const keys = new Set<string>();
  for (const d of u.slots.dates) if (d.year !== null && d.month !== null) keys.add(`date ${d.year}-${d.month}`);
  for (const n of u.slots.numbers) if (n.unit !== '') keys.add(`figure ${n.unit} ${n.value}`);
  return keys;
}

/**
 * lunr over pre-folded terms: the whitespace-joined keys are the document,
 * so lunr's own pipeline (an ASCII trimmer, an English stemmer applied twice)
 * is emptied.
 */
function buildIndex(units: readonly ClaimUnit[]): lunr.Index {
  return lunr(function build() {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    this.field('terms');
    units.forEach((u, i) => this.add({ id: String(i), terms: [...u.terms].join(' ') }));
  });
}
