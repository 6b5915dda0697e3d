/**
 * The works one text cites, and every place that cites each: what the
 * reader's "Works cited" view lists and the work-link layer records.
 *
 * A text's full references are its notes-list entries that describe a work
 * (a title or an identifier) and its bibliography entries. Entries naming
 * the same work (`sameWork`: DOI, ISBN, or authors + title + year) are one
 * work. A work is cited by the note markers of its entries, by author–year
 * citations in the running text or in notes that resolve to one of its
 * entries, and by the markers of a short note (`Smith 1999, p. 4.`) that
 * resolves to it.
 */
import { footnoteIndex } from '../footnote-index.ts';
import { fold } from '../../text/fold.ts';
import type { ParsedText, SourceSpan } from '../../document/structure.ts';
import type { CslItem } from './csl.ts';
import { bibliographyReferences } from './bibliography.ts';
import { findInTextCitations, shortCitationsOfNote, type InTextCitation } from './in-text.ts';
import { citationResolver } from './resolve.ts';
import { textReferences, type TextReference } from './text-references.ts';
import { sameWork } from './works.ts';

/** A place in the text that cites a work: a note marker, or an author–year citation. UTF-16 offsets. */
export interface CitingPlace extends SourceSpan {
  readonly kind: 'marker' | 'citation';
}

/** An author–year citation (offsets in the source) and the entry it names, or null when none matches. */
export interface ResolvedCitation {
  readonly citation: InTextCitation;
  readonly ref: TextReference | null;
}

/** One work the text cites. */
export interface TextWork {
  /** `work-N`, N from 1 in the order of the work's first entry. */
  readonly id: string;
  /** The work's data: its fullest entry's reading. */
  readonly item: CslItem;
  /** The entries (notes or bibliography) naming it, in source order. */
  readonly entries: readonly TextReference[];
  /** The places citing it, in source order; empty when nothing in the text cites it. */
  readonly places: readonly CitingPlace[];
}

export interface TextCitations {
  readonly works: readonly TextWork[];
  readonly citations: readonly ResolvedCitation[];
  /**
   * Citations that name no entry, reported only where the text cites
   * author–year at all (one citation at least resolves): elsewhere a
   * bracket like `(Moscow 1976)` is a place and a year, not a citation.
   */
  readonly unresolved: readonly ResolvedCitation[];
}

/** A text built from source segments joined by one space, with a way back to source offsets. */
function joined(source: string, segments: readonly SourceSpan[]): { text: string; toSource: (i: number) => number } {
  const starts: number[] = [];
  let text = '';
  for (const s of segments) {
    if (text) text += ' ';
    starts.push(text.length);
    text += source.slice(s.from, s.to);
  }
  return {
    text,
    toSource: (i) => {
      let k = starts.length - 1;
      while (k > 0 && starts[k]! > i) k--;
      return segments[k]!.from + Math.min(i - starts[k]!, segments[k]!.to - segments[k]!.from);
    },
  };
}

function inSource(c: InTextCitation, toSource: (i: number) => number): InTextCitation {
  return { ...c, from: toSource(c.from), to: toSource(c.to) };
}

/**
 * The text's lines by their first word (folded, list bullets aside), each
 * line's first 200 characters: where an entry printed for a citation would
 * start. Built once per text, so each citation costs a few line checks.
 */
function lineHeads(foldedSource: string): Map<string, string[]> {
  const heads = new Map<string, string[]>();
  for (const line of foldedSource.split('\n')) {
    const head = line.replace(/^[\s*•-]+/u, '').slice(0, 200);
    const first = /^[\p{L}\p{N}'’-]+/u.exec(head)?.[0];
    if (!first) continue;
    const list = heads.get(first);
    if (list) list.push(head);
    else heads.set(first, [head]);
  }
  return heads;
}

/**
 * Whether a line of the text starts with the cited author and shows the
 * year soon after: an entry is there, but its layout kept it from being read
 * as one (a bibliography broken by page debris). Such a citation is not
 * reported as unresolved: the reference is not missing.
 */
function printedEntry(heads: Map<string, string[]>, cite: InTextCitation): boolean {
  const author = fold(cite.authors.split(/,|\band\b|&|\bet al\b/u)[0]!.trim());
  const first = /^[\p{L}\p{N}'’-]+/u.exec(author)?.[0];
  if (!first) return false;
  const year = cite.year === null ? /\bn\.\s?d\./u : new RegExp(`\\b${cite.year}`, 'u');
  return (heads.get(first) ?? []).some((h) => h.startsWith(author) && year.test(h.slice(author.length, author.length + 160)));
}

const describesWork = (item: CslItem): boolean => !!(item.title || item.DOI || item.ISBN || item.URL);

/** The works `parsed` cites, its author–year citations and those that resolve to nothing. Never throws. */
export function textCitations(parsed: ParsedText): TextCitations {
  const { source } = parsed;
  let heads: Map<string, string[]> | null = null;
  const headsNow = (): Map<string, string[]> => (heads ??= lineHeads(fold(source)));
  const index = footnoteIndex(parsed);
  const notes = textReferences(parsed);
  const bibliography = bibliographyReferences(parsed);
  const shortNotes = new Map<TextReference, InTextCitation[]>();
  const full: TextReference[] = [...bibliography];
  for (const ref of notes) {
    const j = joined(source, ref.entry.segments);
    const shorts = shortCitationsOfNote(j.text);
    if (shorts.length > 0) shortNotes.set(ref, shorts.map((c) => inSource(c, j.toSource)));
    else if (describesWork(ref.item)) full.push(ref);
  }
  full.sort((a, b) => a.span.from - b.span.from);
  const resolve = citationResolver(source, full);

  // Author–year citations: in short notes, then in every block that is not itself a reference entry.
  const entryBlocks = new Set([...full, ...shortNotes.keys()].map((r) => r.entry));
  const found: { cite: InTextCitation; note?: TextReference }[] = [];
  for (const [note, cites] of shortNotes) for (const cite of cites) found.push({ cite, note });
  for (const block of parsed.blocks) {
    if (entryBlocks.has(block) || block.type === 'heading') continue;
    for (const seg of block.segments) {
      for (const c of findInTextCitations(source.slice(seg.from, seg.to))) found.push({ cite: { ...c, from: c.from + seg.from, to: c.to + seg.from } });
    }
  }
  found.sort((a, b) => a.cite.from - b.cite.from);
  // A narrative "Name (1806)" whose name starts no entry is a place or an event with its year, not a citation.
  const resolved = found.filter((f) => !f.cite.narrative || resolve.knowsAuthor(f.cite)).map((f) => ({ ...f, ref: resolve(f.cite) }));

  // Works: entries grouped by sameWork (union–find; a text has at most a few hundred entries).
  const parent = full.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < full.length; i++) for (let j = i + 1; j < full.length; j++) if (root(i) !== root(j) && sameWork(full[i]!.item, full[j]!.item)) parent[root(j)] = root(i);
  const groups = new Map<number, TextReference[]>();
  full.forEach((r, i) => {
    const list = groups.get(root(i));
    if (list) list.push(r);
    else groups.set(root(i), [r]);
  });
  const groupOf = new Map<TextReference, TextReference[]>();
  for (const g of groups.values()) for (const r of g) groupOf.set(r, g);
  const places = new Map<TextReference[], CitingPlace[]>();
  const add = (g: TextReference[] | undefined, p: CitingPlace): void => {
    if (!g) return;
    const list = places.get(g);
    if (list) list.push(p);
    else places.set(g, [p]);
  };
  for (const r of full) for (const m of index.citedBy.get(r.entry) ?? []) add(groupOf.get(r), { from: m.from, to: m.to, kind: 'marker' });
  for (const f of resolved) {
    if (!f.ref) continue;
    const g = groupOf.get(f.ref);
    add(g, { from: f.cite.from, to: f.cite.to, kind: 'citation' });
    if (f.note) for (const m of index.citedBy.get(f.note.entry) ?? []) add(g, { from: m.from, to: m.to, kind: 'marker' });
  }
  const works = [...groups.values()].map((entries, i) => {
    const fullest = [...entries].sort((a, b) => Object.keys(b.item).length - Object.keys(a.item).length)[0]!;
    const seen = new Set<string>();
    const at = (places.get(entries) ?? [])
      .filter((p) => !seen.has(`${p.from}-${p.to}`) && seen.add(`${p.from}-${p.to}`))
      .sort((a, b) => a.from - b.from);
    return { id: `work-${i + 1}`, item: fullest.item, entries, places: at };
  });
  const citations = resolved.map((f) => ({ citation: f.cite, ref: f.ref }));
  const authorYear = citations.some((c) => c.ref !== null);
  const unresolved = authorYear ? citations.filter((c) => c.ref === null && !printedEntry(headsNow(), c.citation)) : [];
  return { works, citations, unresolved };
}
