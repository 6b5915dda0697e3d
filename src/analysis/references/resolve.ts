/**
 * Which reference entry an author–year citation names: the entry whose
 * first author is the citation's first author and whose year is its year.
 *
 * The first author is compared by the entry's text as printed (an
 * author–date entry starts with it: `Smith, J. (1999)`, `World Bank. 2024.`),
 * folded, so that an entry whose names the parser could not read still
 * resolves. The year is the entry's parsed date, else the first year its
 * text shows. With a letter (`1999b`), the entry printing that letter after
 * the year wins; else, among several entries, the first in the list.
 */
import { fold } from '../../text/fold.ts';
import type { InTextCitation } from './in-text.ts';
import type { TextReference } from './text-references.ts';

function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The first author of a citation's author part (`Smith and Jones` → `Smith`; `Roe et al.` → `Roe`). */
function firstAuthor(authors: string): string[] {
  return words(authors.split(/,|\band\b|&|\bet al\b/u)[0]!);
}

function yearOf(ref: TextReference, text: string): number | null {
  const parsed = ref.item.issued?.['date-parts'][0]?.[0];
  if (parsed !== undefined) return parsed;
  const m = /\b(1[5-9]\d\d|20\d\d)\b/u.exec(text);
  return m ? Number(m[1]) : null;
}

/** Whether `head` (the entry's first words) starts with the cited author: `Smith`, `World Bank`, or given-first `Tanya Harmer`. */
function authorMatches(cited: readonly string[], head: readonly string[]): boolean {
  if (cited.length === 0 || head.length === 0) return false;
  if (cited.every((w, i) => head[i] === w)) return true;
  return head[0] === cited[cited.length - 1];
}

/** Resolves citations against one text's full reference entries (those the citations may name). */
export interface CitationResolver {
  /** The entry `cite` names, or null. */
  (cite: InTextCitation): TextReference | null;
  /** Whether any entry, of any year, starts with the cited first author. */
  knowsAuthor(cite: InTextCitation): boolean;
}

export function citationResolver(source: string, refs: readonly TextReference[]): CitationResolver {
  const prepared = refs.map((ref) => {
    const text = source.slice(ref.span.from, ref.span.to);
    return { ref, text, head: words(text.slice(0, 120)), year: yearOf(ref, text) };
  });
  const resolve = (cite: InTextCitation): TextReference | null => {
    const cited = firstAuthor(cite.authors);
    const found = prepared.filter((p) => authorMatches(cited, p.head) && (cite.year === null ? /\bn\.\s?d\./u.test(p.text) : p.year === cite.year));
    if (found.length === 0) return null;
    if (cite.suffix && cite.year !== null) {
      const lettered = found.find((p) => new RegExp(`\\b${cite.year}${cite.suffix}\\b`, 'u').test(p.text));
      if (lettered) return lettered.ref;
    }
    return found[0]!.ref;
  };
  const knowsAuthor = (cite: InTextCitation): boolean => prepared.some((p) => authorMatches(firstAuthor(cite.authors), p.head));
  return Object.assign(resolve, { knowsAuthor });
}
