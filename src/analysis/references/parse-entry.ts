/**
 * One reference entry, as free text, read into CSL-JSON fields. The styles
 * read: Wikipedia/APA author–date (`Harmer, Tanya (2011). Title. Place:
 * Publisher. p. 150.`), Wikipedia web and news citations (`"Title". Website.
 * 19 February 2007. Retrieved 2009-03-31.`), Chicago notes (`First Last,
 * Title (City: Publisher, 1999), 12.` and `First Last, "Article," Journal 12,
 * no. 3 (1999): 45–67.`) and journal citations (`Journal. 12 (3): 45–67` or
 * APA `Journal, 12(3), 45–67`). What does not fit a pattern is left out:
 * an entry may give only its access date.
 */
import type { CslDate, CslFields, CslName, CslType } from './csl.ts';
import { DATE_PATTERN, parseDate } from './dates.ts';
import { labelledParts } from './identifiers.ts';
import { anyOrderList, EDITOR_MARK, familyFirstList, familyFirstName, givenFirstList, givenFirstName } from './names.ts';

type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

const PAGES = '(\\d+(?:\\s*[–-]\\s*\\d+)?)';
/** Words that make a name a publisher's rather than a periodical's or a website's. */
const PUBLISHER_WORD = /\b(?:Press|Publishers?|Publishing|Books|Verlag|Editions?|Éditions|Editorial|Presses|Publications|Academic|Routledge|Springer|Wiley|Elsevier|Macmillan|Penguin|Norton)\b/u;
/** `Chapel Hill, NC` or `London`: a short, capitalised place before a publisher's colon. */
const PLACE = /^\p{Lu}[\p{L}.'’ -]*(?:,\s*\p{Lu}[\p{L}.]*)?$/u;

/** A family name in a short citation: capitalised words, a hyphen or particle allowed (`Fremont-Barnes`, `van Creveld`). */
const SHORT_FAMILY = "(?:(?:van|von|de|del|la|le|du|da|di)\\s+)?\\p{Lu}[\\p{L}'’-]+";
/** More words than this in the first sentence make it prose (an explanatory note), not a title. */
const MAX_TITLE_WORDS = 25;

/**
 * A quoted title: the closing quote has punctuation inside (`"Title,"`,
 * Chicago) or right after it (`"Title".`, Wikipedia), or ends the entry. A
 * quoted word run into more text (`"00636" Embassy …`) is not a title on its own.
 */
const QUOTED_TITLE = /^["“«„](.+?)(?:[,.]["”»“][.,:]?|([?!])["”»“][.,:]?|["”»“][.,:]|["”»“]$)(?:\s+|$)/u;

/** The CSL fields `entry` states; `type` is `document` when nothing says which kind of work it is. */
export function parseReference(entry: string): CslFields {
  const parts = labelledParts(entry);
  const out: Mutable<CslFields> = {};
  const { authors, editors, issued, page, body } = splitAuthors(parts.rest);
  if (authors) out.author = authors;
  if (editors) out.editor = editors;
  if (page) out.page = page;
  if (issued) out.issued = issued;
  const bodyFields = parseBody(body);
  // An unquoted, unitalicised body is read only when something else shows the entry is a reference —
  // authors, a date in the head or as a whole piece, a publisher, an identifier, an access date;
  // otherwise it is an explanatory note's prose, and its first sentence is no title (nor its numbers a volume).
  // A periodical's name alone is no evidence: it too may be a sentence of the prose.
  const b = bodyFields.fields;
  const evidence = out.author || out.editor || out.issued || bodyFields.datedPiece || b.publisher || parts.URL || parts.DOI || parts.ISBN || parts.accessed;
  const prose = !bodyFields.quoted && !bodyFields.italic && (!evidence || (b.title ?? '').split(/\s+/u).length > MAX_TITLE_WORDS);
  if (!prose) Object.assign(out, b);
  // "Title (Given Family) URL": a mailing-list message naming its author after the title. Only with an
  // address and nothing else: in a fuller entry a bracket after the title is as often a place ("(New York)").
  const bare = parts.URL && !out.publisher && !out['container-title'] && !out.issued;
  const byline = !out.author && out.title && bare ? /^(.+?)\s*\(([^()]+)\)$/u.exec(out.title) : null;
  const named = byline ? givenFirstList(byline[2]!) : null;
  if (byline && named) {
    out.title = byline[1]!;
    out.author = named;
  }
  if (parts.page !== undefined && out.page === undefined) out.page = parts.page;
  if (parts.URL) out.URL = parts.URL;
  if (parts.DOI) out.DOI = parts.DOI;
  if (parts.ISBN) out.ISBN = parts.ISBN;
  if (parts.S2CID) out.note = `S2CID: ${parts.S2CID}`;
  if (parts.accessed) out.accessed = parts.accessed;
  if (parts.language) out.language = parts.language;
  const type = typeOf(out, bodyFields.quoted, parts.accessed !== undefined);
  return { type, ...out };
}

/** The authors (and an author–date date) at the head of the entry, and the rest. */
function splitAuthors(text: string): { authors?: CslName[]; editors?: CslName[]; issued?: CslDate; page?: string; body: string } {
  // Short (Harvard) citation: "Chandler 1966", "Fisher & Fremont-Barnes 2004", "McLynn" — the page was taken already.
  const short = new RegExp(`^(${SHORT_FAMILY}(?:\\s*(?:&|and|,)\\s*${SHORT_FAMILY})*)(?:,?\\s+(\\d{4})[a-z]?)?(?::\\s*${PAGES})?[.,]?$`, 'u').exec(text);
  if (short && (short[2] !== undefined || /^\p{Lu}[\p{L}'’-]+$/u.test(short[1]!))) {
    const authors = short[1]!.split(/\s*(?:&|\band\b|,)\s*/u).filter(Boolean).map((family) => ({ family }));
    const issued = short[2] !== undefined ? parseDate(short[2]) : null;
    return { authors, ...(issued ? { issued } : {}), ...(short[3] ? { page: short[3].replace(/\s*[–-]\s*/u, '–') } : {}), body: '' };
  }
  // Author–date: "Family, Given (2011). …" or "Family, G., & Other, H. (2011). …"
  const authorDate = new RegExp(`^(.+?)\\s*\\((${DATE_PATTERN})[a-z]?\\)[.,:]?\\s*`, 'u').exec(text);
  if (authorDate) {
    const issued = parseDate(authorDate[2]!);
    // "Smith, John, ed. (1999)", "Smith, J. (Ed.). (1999)": the names are the editors.
    const edited = EDITOR_MARK.test(authorDate[1]!);
    const named = authorDate[1]!.replace(EDITOR_MARK, '');
    const authors = familyFirstList(named.replace(/[.,]$/u, (p) => (/\p{Lu}\.$/u.test(named) ? p : '')));
    if (authors && issued) return { ...(edited ? { editors: authors } : { authors }), issued, body: text.slice(authorDate[0].length) };
    // A head that is not a list of personal names (an organisation, "Canada Mortgage; Housing Corporation"):
    // the date is read, the authors are left out rather than guessed.
    const head = authorDate[1]!;
    if (issued && !/["“]|\p{Ll}{2}\.\s/u.test(head) && head.split(/\s+/u).length <= 8) return { issued, body: text.slice(authorDate[0].length) };
  }
  // Chicago author–date: "Family, G. 1998. Title. …", "Family, G., H. Other, and I. Third. 2000. …", "Organisation. 2016. …"
  const chicago = /^([^"“”]+?)\.?\s+(\d{4}[a-z]?|n\.\s?d)\.\s+(?=\S)/u.exec(text);
  if (chicago) {
    // `n.d.` (no date) says the work is undated: no date is read, but the head is still the author.
    const undated = /^n\.\s?d$/u.test(chicago[2]!);
    const issued = undated ? null : parseDate(chicago[2]!);
    const dated = (fields: { authors?: CslName[]; editors?: CslName[]; body: string }) => (issued ? { ...fields, issued } : fields);
    // An editor's mark ("Dias, N., ed.", "Smith, J. (ed.)") says the names are editors, not authors.
    const edited = EDITOR_MARK.test(chicago[1]!);
    const head = chicago[1]!.replace(EDITOR_MARK, '');
    const body = text.slice(chicago[0].length);
    const authors = chicagoNames(head);
    if ((issued || undated) && authors) return edited ? dated({ editors: authors, body }) : dated({ authors, body });
    // An organisation as author: a short capitalised name (its expansion in brackets allowed) without sentence punctuation.
    if ((issued || undated) && !edited && /^\p{Lu}[\p{L}\p{M}\p{N}&'’ -]*(?:\s*\([^()]+\))?$/u.test(head) && head.replace(/\(.*\)/u, '').trim().split(/\s+/u).length <= 6) return dated({ authors: [{ literal: head }], body });
    // A head of names this reader cannot split: the date is read, the names are left out rather than guessed.
    if ((issued || undated) && /^\p{Lu}[\p{L}'’-]+,\s/u.test(head) && !/\p{Ll}{3,}\.\s/u.test(head)) return dated({ body });
  }
  // Chicago note: "Given Family, Title (…" or "Given Family and Other Name, "Title," …"
  // Each ", " before the first quote or bracket is tried in turn (a single regex over this would backtrack exponentially).
  const headEnd = text.search(/["“(]/u);
  for (const comma of text.matchAll(/,\s+/gu)) {
    if (headEnd !== -1 && comma.index > headEnd) break;
    const body = text.slice(comma.index + comma[0].length);
    if (!/^(?:["“]|[^,]*\([^()]*\d{4}\))/u.test(body)) continue;
    const authors = givenFirstList(text.slice(0, comma.index));
    if (authors) return { authors, body };
  }
  // Family-first without a date: "Neruda, Pablo. "Title". …" — the first ". " after which the head reads as names.
  for (const stop of text.matchAll(/\.\s+/gu)) {
    const head = text.slice(0, stop.index);
    if (head.includes('"') || head.includes('“')) break;
    const initialsKept = /\b\p{Lu}$/u.test(head) ? `${head}.` : head;
    const authors = familyFirstList(initialsKept);
    if (authors && authors.every((a) => a.given)) return { authors, body: text.slice(stop.index + stop[0].length) };
    if (!/\b\p{Lu}$/u.test(head)) break;
  }
  // "Title by First Last. …"
  // "Edited by" names editors, read from the body's pieces, not authors.
  const by = /^(.+?)(?<!\b(?:[Ee]dited|[Ee]d\.))\s+by\s+([^.]+?)\.\s*(.*)$/u.exec(text);
  if (by) {
    const authors = givenFirstList(by[2]!);
    if (authors) return { authors, body: `${by[1]!}. ${by[3]!}` };
  }
  const lone = familyFirstName(text);
  return lone ? { authors: [lone], body: '' } : { body: text };
}

/**
 * Chicago author–date names: the first family first, the others given first
 * (`Beard, V.A., A. Mahendra, and M.I. Westphal`); or all family first.
 * Null when any part is not a name.
 */
function chicagoNames(head: string): CslName[] | null {
  const initialsKept = /\b\p{Lu}$/u.test(head) ? `${head}.` : head;
  const all = familyFirstList(initialsKept);
  if (all) return all;
  const parts = initialsKept.split(/,\s+(?:and\s+)?|\s+and\s+/u).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 3) return null;
  const first = familyFirstName(`${parts[0]}, ${parts[1]}`);
  const rest = parts.slice(2).map(givenFirstName);
  return first && rest.every((n) => n !== null) ? [first, ...(rest)] : null;
}

/** Sentence pieces of the body: split at ". " except after an initial or an abbreviation (`no.`, `vol.`, `ed.`). */
function pieces(text: string): string[] {
  return text
    .split(/(?<!\b(?:\p{Lu}|no|No|vol|Vol|ed|eds|Ed|Eds|trans|St|Jr|Dr))\.\s+/u)
    .map((p) => p.trim().replace(/\.$/u, '').trim())
    .filter((p) => p !== '');
}

interface BodyFields {
  readonly fields: Mutable<CslFields>;
  /** True when the title was in quotation marks (an article, a page, a chapter). */
  readonly quoted: boolean;
  /** True when the title was marked as italics (`_Title_`), which only titles are in a reference. */
  readonly italic?: boolean;
  /** True when a whole piece after the title was a date (`. 5 November 2008.`). */
  readonly datedPiece?: boolean;
}

/** A title without its final punctuation and without the `_…_`/`*…*` marks a plain-text export leaves for italics. */
function cleanTitle(title: string): string {
  return unitalic(title.replace(/[\s.,:;]+$/u, '').trim());
}

function unitalic(text: string): string {
  const m = /^([_*])(.+)\1$/u.exec(text);
  return m ? m[2]!.trim() : text;
}

/** Title, container, publisher, place, date, volume, issue and pages from the body of an entry. */
function parseBody(body: string): BodyFields {
  const fields: Mutable<CslFields> = {};
  let rest = body.trim();
  let quoted = false;
  const q = QUOTED_TITLE.exec(rest);
  if (q) {
    // A question or exclamation mark ends the title itself and stays in it.
    fields.title = `${cleanTitle(q[1]!)}${q[2] ?? ''}`;
    quoted = true;
    rest = rest.slice(q[0].length);
  } else {
    // Chicago book: "Title (City: Publisher, 1999), 12."
    const book = new RegExp(`^(.+?)\\s*\\(([^():]+):\\s*([^()]+?),\\s*(${DATE_PATTERN})\\)(?:,\\s*${PAGES})?\\.?$`, 'u').exec(rest);
    if (book) {
      fields.title = cleanTitle(book[1]!);
      if (PLACE.test(book[2]!.trim())) fields['publisher-place'] = book[2]!.trim();
      fields.publisher = book[3]!.trim();
      const date = parseDate(book[4]!);
      if (date) fields.issued = date;
      if (book[5]) fields.page = book[5].replace(/\s*[–-]\s*/u, '–');
      return { fields, quoted };
    }
  }
  const list = pieces(rest);
  let italic = false;
  if (!quoted && list.length > 0 && parseDate(list[0]!) === null) {
    const first = list.shift()!;
    italic = /^([_*]).+\1$/u.test(first.trim());
    fields.title = cleanTitle(first);
  }
  const datedPiece = list.some((piece) => parseDate(piece) !== null);
  // "In Smith, John (ed.)." is followed by the book's title as the next piece, whatever its shape ("Canada: A Title"
  // would otherwise read as place and publisher).
  let bookNext = false;
  for (const piece of list) {
    if (bookNext && fields['container-title'] === undefined && parseDate(piece) === null) fields['container-title'] = cleanTitle(piece);
    else readPiece(piece, fields, quoted, italic);
    bookNext = IN_EDITORS_ALONE.test(piece) && fields.editor !== undefined;
  }
  return { fields, quoted, italic, datedPiece };
}

/** One piece after the title: a date, a journal's volume and pages, a place and publisher, or a name. */
function readPiece(piece: string, fields: Mutable<CslFields>, quoted: boolean, italic = false): void {
  if (readEditors(piece, fields)) return;
  const date = parseDate(piece);
  if (date) {
    fields.issued ??= date;
    return;
  }
  // Chicago journal: "Journal 12, no. 3 (1999): 45–67"
  let m = new RegExp(`^(.+?)\\s+(\\d+)(?:,\\s*no\\.\\s*(\\d+))?\\s*\\((${DATE_PATTERN})\\)(?::\\s*${PAGES})?$`, 'u').exec(piece);
  if (m && fields['container-title'] === undefined) {
    fields['container-title'] = m[1]!.replace(/,$/u, '');
    fields.volume = m[2]!;
    if (m[3]) fields.issue = m[3];
    const d = parseDate(m[4]!);
    if (d) fields.issued ??= d;
    if (m[5]) fields.page = m[5].replace(/\s*[–-]\s*/u, '–');
    return;
  }
  // A chapter's book: "In Book Title, edited by A. Editor and B. Editor, 132–64".
  m = new RegExp(`^In\\s+(.+?)(?:,\\s*(?:edited\\s+by|eds?\\.)\\s+([^,]+))?,\\s*(?:pp?\\.\\s*)?${PAGES}$`, 'u').exec(piece);
  if (m && quoted && fields['container-title'] === undefined) {
    fields['container-title'] = m[1]!;
    const editors = m[2] ? givenFirstList(m[2]) : null;
    if (editors) fields.editor ??= editors;
    fields.page = m[3]!.replace(/\s*[–-]\s*/u, '–');
    return;
  }
  // Chicago author–date journal: "Journal 26 (4): 511–38", "Journal 84: 245–85"
  m = new RegExp(`^(.+?)\\s+(\\d+)\\s*(?:\\((\\d+)\\))?:\\s*${PAGES}$`, 'u').exec(piece);
  if (m && fields['container-title'] === undefined) {
    fields['container-title'] = m[1]!.replace(/,$/u, '');
    fields.volume = m[2]!;
    if (m[3]) fields.issue = m[3];
    fields.page = m[4]!.replace(/\s*[–-]\s*/u, '–');
    return;
  }
  // Wikipedia journal volume after the journal's piece: "12 (3): 45–67"
  m = new RegExp(`^(\\d+)\\s*(?:\\((\\d+)\\))?(?::\\s*${PAGES})?$`, 'u').exec(piece);
  if (m && fields['container-title'] !== undefined && fields.volume === undefined) {
    fields.volume = m[1]!;
    if (m[2]) fields.issue = m[2];
    if (m[3]) fields.page = m[3].replace(/\s*[–-]\s*/u, '–');
    return;
  }
  // APA journal: "Journal, 12(3), 45–67"
  m = new RegExp(`^(.+?),\\s*(\\d+)\\s*(?:\\((\\d+)\\))?(?:,\\s*${PAGES})?$`, 'u').exec(piece);
  if (m && fields['container-title'] === undefined && !PUBLISHER_WORD.test(m[1]!)) {
    fields['container-title'] = m[1]!;
    fields.volume = m[2]!;
    if (m[3]) fields.issue = m[3];
    if (m[4]) fields.page = m[4].replace(/\s*[–-]\s*/u, '–');
    return;
  }
  // "Place: Publisher" (with a year after a comma, as Chicago bibliographies print it).
  m = new RegExp(`^([^:]+):\\s*(.+?)(?:,\\s*(${DATE_PATTERN}))?$`, 'u').exec(piece);
  if (m && PLACE.test(m[1]!.trim()) && m[1]!.trim().split(/\s+/u).length <= 4 && fields.publisher === undefined) {
    fields['publisher-place'] = m[1]!.trim();
    fields.publisher = m[2]!.trim();
    if (m[3]) {
      const d = parseDate(m[3]);
      if (d) fields.issued ??= d;
    }
    return;
  }
  // A bare name: a publisher when it says so; after a quoted title, the periodical or website.
  // A piece with digits ("Dated 3 December 1805") or a verb phrase ("Translated by …") is not a name: left out.
  if (!/^[_*]?\p{Lu}/u.test(piece) || /\d/u.test(piece) || /\bby\b/u.test(piece)) return;
  const name = unitalic(piece);
  // "Bangkok, Thailand" standing alone is where the work appeared, not a periodical.
  if (/^\p{Lu}[\p{L}.' -]*,\s*\p{Lu}[\p{L}.' -]*$/u.test(name) && name.split(/\s+/u).length <= 4 && fields['publisher-place'] === undefined) {
    fields['publisher-place'] = name;
    return;
  }
  if (PUBLISHER_WORD.test(name) && fields.publisher === undefined) fields.publisher = name;
  // After a title in italics (a book), a bare name is its publisher.
  else if (italic && fields.publisher === undefined && fields['container-title'] === undefined && name.split(/\s+/u).length <= 6) fields.publisher = name;
  else if (quoted && fields['container-title'] === undefined) fields['container-title'] = name;
  else if (!quoted && fields.publisher === undefined && fields['container-title'] === undefined && name.split(/\s+/u).length <= 6) fields['container-title'] = name;
}

/** "In Smith, John (ed.)" with nothing after the mark: the book's title is the next piece. */
const IN_EDITORS_ALONE = /^In:?\s+.+\((?:eds?|Eds?|editors?|Editors?)\.?\)[.,:]?$/u;

/**
 * A piece naming editors: "In: A. Smith (ed.), Book, pp. 1–20", "In J. Doe & K. Roe (Eds.), Book (pp. 1–20)",
 * "In Smith, John (ed.)" (the book follows as the next piece), "Edited by John Smith". True when it was one.
 */
function readEditors(piece: string, fields: Mutable<CslFields>): boolean {
  const by = /^(?:edited|Edited|ed\.|Ed\.)\s+by\s+(.+)$/u.exec(piece);
  const byNames = by ? givenFirstList(by[1]!) : null;
  if (byNames) {
    fields.editor ??= byNames;
    return true;
  }
  const inMark = /^In:?\s+(.+?)\s*\((?:eds?|Eds?|editors?|Editors?)\.?\)[.,:]?\s*(.*)$/u.exec(piece);
  const names = inMark ? anyOrderList(inMark[1]!.replace(/,$/u, '')) : null;
  if (!inMark || !names) return false;
  fields.editor ??= names;
  const rest = inMark[2]!.trim();
  if (rest === '' || fields['container-title'] !== undefined) return true;
  const paged = new RegExp(`^(.+?)(?:,\\s*|\\s*\\()(?:pp?\\.\\s*)${PAGES}\\)?$`, 'u').exec(rest);
  // A page range the labelled parts took already leaves its bracket behind: "Book (pp. 1–20)" → "Book )" or "Book ( )".
  fields['container-title'] = cleanTitle((paged ? paged[1]! : rest).replace(/\s*\(\s*\)$|\s+\)$/u, ''));
  if (paged) fields.page = paged[2]!.replace(/\s*[–-]\s*/u, '–');
  return true;
}

/** The CSL type the fields show; `document` when they do not say. */
function typeOf(fields: Mutable<CslFields>, quoted: boolean, accessed: boolean): CslType {
  if (fields.volume !== undefined) return 'article-journal';
  // A quoted title in a named work with editors: a chapter of an edited book.
  if (quoted && fields['container-title'] !== undefined && fields.editor !== undefined) return 'chapter';
  if (quoted && fields['container-title'] !== undefined && (fields.URL !== undefined || accessed)) return 'webpage';
  if (!quoted && fields.title !== undefined && fields.publisher !== undefined && fields['container-title'] === undefined) return 'book';
  // A quoted title inside a named book from a publisher: a chapter (an article's periodical has no publisher here).
  if (quoted && fields['container-title'] !== undefined && fields.publisher !== undefined && fields.page !== undefined) return 'chapter';
  return 'document';
}
