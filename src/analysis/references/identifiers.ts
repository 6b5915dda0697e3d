/**
 * The parts of a reference entry that are labelled wherever they stand —
 * URL, DOI, ISBN, S2CID, access date, archive note, language, pages — taken
 * out of the entry so that what remains is authors, title, container,
 * publisher and date.
 */
import type { CslDate } from './csl.ts';
import { DATE_PATTERN, parseDate } from './dates.ts';

/** What was found, and the entry's text with those parts removed. */
export interface LabelledParts {
  readonly URL?: string;
  readonly DOI?: string;
  readonly ISBN?: string;
  readonly S2CID?: string;
  readonly accessed?: CslDate;
  readonly language?: string;
  readonly page?: string;
  /** The entry without the labelled parts, whitespace collapsed. */
  readonly rest: string;
}

/** Removes the first match of `pattern` from the text, returning its groups. */
function take(text: string, pattern: RegExp): [RegExpExecArray | null, string] {
  const m = pattern.exec(text);
  if (!m) return [null, text];
  return [m, `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`];
}

/** A trailing full stop, comma or closing bracket is punctuation of the entry, not of the URL/DOI. */
function trimIdentifier(id: string): string {
  let out = id.replace(/[.,;:]+$/u, '');
  // A closing bracket is the identifier's own when it closes one opened inside it (`10.1061/(asce)0733-9488(2006)132:1(62)`).
  for (;;) {
    const last = out.at(-1);
    if (last !== ')' && last !== ']') break;
    const open = last === ')' ? '(' : '[';
    if (out.split(open).length - 1 >= out.split(last).length - 1) break;
    out = out.slice(0, -1).replace(/[.,;:]+$/u, '');
  }
  return out;
}

/** An ISBN's digits (and a final X), valid by its check digit; null otherwise. */
export function normaliseIsbn(raw: string): string | null {
  const digits = raw.replace(/[\s-]/gu, '').toUpperCase();
  if (/^\d{9}[\dX]$/u.test(digits)) {
    const sum = [...digits].reduce((s, c, i) => s + (c === 'X' ? 10 : +c) * (10 - i), 0);
    return sum % 11 === 0 ? digits : null;
  }
  if (/^\d{13}$/u.test(digits)) {
    const sum = [...digits].reduce((s, c, i) => s + +c * (i % 2 === 0 ? 1 : 3), 0);
    return sum % 10 === 0 ? digits : null;
  }
  return null;
}

/**
 * Finds the labelled parts of `entry`. An ISBN whose check digit fails and a
 * date that is not a date are left in the text and not reported.
 */
export function labelledParts(entry: string): LabelledParts {
  let text = entry.replace(/\s+/gu, ' ').trim();
  const found: { -readonly [K in keyof LabelledParts]?: LabelledParts[K] } = {};
  let m: RegExpExecArray | null;

  // An extracted PDF breaks long addresses at the end of a line: a space after `https://`, `www.`, a DOI's
  // prefix, or before a last path part naming a file is the line break, and the address reads on across it.
  text = text
    .replace(/\b(https?:\/\/|www\.)\s+(?=[\w-])/gu, '$1')
    .replace(/\b(10\.\d{4,9}\/)\s+(?=[\w-])/gu, '$1')
    .replace(/(\b(?:https?:\/\/|www\.)[^\s"<>]*\/)\s+([\w%.~-]+(?:\/[\w%.~-]+)*\.(?:pdf|html?|aspx?|php|jsp)\b)/gu, '$1$2');
  [m, text] = take(text, /\b(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/[^\s"<>]+)/iu);
  if (m) found.DOI = trimIdentifier(m[1]!);
  [m, text] = take(text, /\b(?:https?:\/\/|www\.)[^\s"<>]+/iu);
  if (m) found.URL = trimIdentifier(m[0]);
  [m, text] = take(text, /\bISBN(?:-1[03])?:?\s*((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx])\b\.?/u);
  if (m) {
    const isbn = normaliseIsbn(m[1]!);
    if (isbn) found.ISBN = isbn;
  }
  [m, text] = take(text, /\bS2CID:?\s*(\d+)\b\.?/u);
  if (m) found.S2CID = m[1]!;
  // "Archived from the original on DATE" says when a copy was made, not when the work appeared: dropped.
  [, text] = take(text, new RegExp(`\\bArchived from the original(?: \\(PDF\\))? on ${DATE_PATTERN}\\.?`, 'iu'));
  [m, text] = take(text, new RegExp(`\\(?\\b(?:Retrieved(?: on)?|Accessed(?: on)?|accessed(?: on)?)\\s+(${DATE_PATTERN})\\)?\\.?`, 'u'));
  if (m) {
    const date = parseDate(m[1]!);
    if (date) found.accessed = date;
  }
  // A file-format note after a title ("Title" (PDF)) says nothing about the work, and hides the title's quotes.
  [, text] = take(text, /\s*\((?:PDF|DOC|XLS|PPT|\.[a-z]{2,5})\)/u);
  [m, text] = take(text, /\(in ([\p{Lu}][\p{L}]+(?: and [\p{Lu}][\p{L}]+)?)\)/u);
  if (m) found.language = m[1]!;
  // A capital `P.` after a comma is an initial (`Lima, P. 1998`), not a page.
  [m, text] = take(text, /(?:^|[\s,(.])(?:pp?|(?<!,\s)Pp?)\.\s*(\d+(?:\s*[–-]\s*\d+)?)\b\.?/u);
  if (m) found.page = m[1]!.replace(/\s*[–-]\s*/u, '–');
  return { ...found, rest: text.replace(/\s+/gu, ' ').replace(/\s+([.,])/gu, '$1').trim() };
}
