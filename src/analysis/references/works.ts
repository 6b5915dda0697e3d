/**
 * Works cited in more than one text: the reference entries of several texts
 * grouped into works, so a reader sees which works both texts rely on.
 *
 * Two entries cite the same work when both carry a DOI and the DOIs agree,
 * else when both carry an ISBN and the ISBNs agree (ISBN-10 read as its
 * ISBN-13), else when both have authors, a title and a year and all three
 * agree after folding (case, diacritics and punctuation). A title alone
 * never matches: two entries with the same title but different authors or
 * years are different works (a reprint, a namesake), or the reading is too
 * thin to say.
 */
import { fold } from '../../text/fold.ts';
import type { SourceSpan } from '../../document/structure.ts';
import type { CslItem, CslName } from './csl.ts';

/** One entry of one text, as the grouping sees it. */
export interface Citation {
  /** The citing text's IRI (or any name that tells the texts apart). */
  readonly iri: string;
  readonly item: CslItem;
  /** The entry's text in the source, in UTF-16 offsets. */
  readonly span: SourceSpan;
}

/** One work and every entry, in any of the texts, that cites it. */
export interface CitedWork {
  /** The entries citing the work, in the order of the texts given, then source order. */
  readonly citations: readonly Citation[];
  /** The texts citing it, each once, in the order given. */
  readonly iris: readonly string[];
}

/** A DOI compared without its resolver prefix and case (DOIs are case-insensitive). */
function doiKey(item: CslItem): string | null {
  const doi = item.DOI?.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/iu, '').toLowerCase();
  return doi || null;
}

/** An ISBN as its ISBN-13 digits, so the 10- and 13-digit forms of one book agree. */
function isbnKey(item: CslItem): string | null {
  const digits = item.ISBN?.replace(/[\s-]/gu, '').toUpperCase();
  if (!digits) return null;
  if (/^\d{13}$/u.test(digits)) return digits;
  if (!/^\d{9}[\dX]$/u.test(digits)) return null;
  const twelve = `978${digits.slice(0, 9)}`;
  const sum = [...twelve].reduce((s, c, i) => s + +c * (i % 2 === 0 ? 1 : 3), 0);
  return `${twelve}${(10 - (sum % 10)) % 10}`;
}

/**
 * Folded, "&" read as "and" (styles and publishers write either), and every
 * run of other non-letters and non-digits read as one space.
 */
export function foldForMatch(text: string): string {
  return fold(text).replace(/&/gu, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function familyOf(name: CslName): string {
  return foldForMatch(name.family ?? name.literal ?? '');
}

/** Authors, title and year as one key; null when any of the three is missing. */
function authorTitleYearKey(item: CslItem): string | null {
  const families = (item.author ?? []).map(familyOf).filter(Boolean);
  const title = item.title ? foldForMatch(item.title) : '';
  const year = item.issued?.['date-parts'][0]?.[0];
  if (families.length === 0 || !title || year === undefined) return null;
  // The order of authors is kept: "Smith and Jones" and "Jones and Smith" are usually different works.
  return `${families.join('|')}#${title}#${year}`;
}

/** Whether `a` and `b` cite the same work (see the module comment for the rule). */
export function sameWork(a: CslItem, b: CslItem): boolean {
  const [doiA, doiB] = [doiKey(a), doiKey(b)];
  if (doiA && doiB) return doiA === doiB;
  const [isbnA, isbnB] = [isbnKey(a), isbnKey(b)];
  if (isbnA && isbnB) return isbnA === isbnB;
  const [keyA, keyB] = [authorTitleYearKey(a), authorTitleYearKey(b)];
  return keyA !== null && keyA === keyB;
}

/**
 * The works cited by two or more of `texts`. Entries are grouped
 * transitively (an entry matched by DOI to one and by author, title and year
 * to another joins both); a work cited twice in one text only is left out.
 * Works come in the order of their first citation.
 */
export function worksCitedInSeveralTexts(texts: readonly { readonly iri: string; readonly citations: readonly Citation[] }[]): CitedWork[] {
  const all = texts.flatMap((t) => t.citations);
  // Union-find over the entries: matching is pairwise, and a few hundred entries a text keep that cheap.
  const parent = all.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  // Entries of one text that match each other (a work listed twice) join its group too.
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      if (root(i) !== root(j) && sameWork(all[i]!.item, all[j]!.item)) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, Citation[]>();
  all.forEach((c, i) => {
    const r = root(i);
    groups.set(r, [...(groups.get(r) ?? []), c]);
  });
  return [...groups.values()]
    .map((citations) => ({ citations, iris: [...new Set(citations.map((c) => c.iri))] }))
    .filter((w) => w.iris.length >= 2);
}

/** A short name of the work for a reader: "Doe, Roe (2011). Copper and Empire", from its first citation. */
export function workLabel(work: CitedWork): string {
  const item = work.citations.find((c) => c.item.title)?.item ?? work.citations[0]!.item;
  const who = (item.author ?? []).map((a) => a.family ?? a.literal).filter(Boolean).join(', ');
  const year = item.issued?.['date-parts'][0]?.[0];
  const head = [who, year !== undefined ? `(${year})` : ''].filter(Boolean).join(' ');
  const title = item.title ?? item.DOI ?? item.ISBN ?? item.id;
  return head ? `${head}. ${title}` : title;
}
