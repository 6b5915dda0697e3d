/**
 * Author–year citations read from running text: parenthetical ones
 * (`(Smith 1999, 45)`, `(Smith and Jones 1999; Roe et al. 2001a)`,
 * `(see Smith, 1999, p. 4)`), narrative ones (`Smith (1999)`,
 * `Smith et al. (1999: 12)`), and a note that is nothing but short
 * citations (`Smith 1999, p. 45.`, `Abers, 2000; Roe, 2001.`).
 *
 * Only the form is read here; which reference entry a citation names is
 * decided by `resolve.ts`. A bracket holding no author–year part (`(1999)`,
 * `(see above)`) gives nothing; a month or weekday is never an author.
 */

/** One author–year citation. Offsets are UTF-16, relative to the text given. */
export interface InTextCitation {
  readonly from: number;
  readonly to: number;
  /** The author part as written (`Smith and Jones`, `Roe et al.`). */
  readonly authors: string;
  /** The year, or null for `n.d.`. */
  readonly year: number | null;
  /** A letter after the year (`1999a`), which tells apart one author's works of one year. */
  readonly suffix: string;
  /** Page or other locator (`45`, `12–14`), when given. */
  readonly locator?: string;
  /** True for `Smith (1999)`: the author stands in the sentence, only the year is in brackets. */
  readonly narrative?: boolean;
}

const NAME = "(?:(?:van|von|de|del|della|la|le|du|da|di|dos|al-)\\s+)?\\p{Lu}[\\p{L}'’-]*\\p{L}";
/** Up to three words in one name (an organisation, `World Bank`; a given name before a family name). */
const NAME_GROUP = `${NAME}(?:\\s+${NAME}){0,2}`;
const AUTHORS = `${NAME_GROUP}(?:(?:,\\s*|,?\\s+(?:and|&)\\s+)${NAME_GROUP})*(?:,?\\s+et\\s+al\\.?)?`;
const YEAR = '(1[5-9]\\d\\d|20\\d\\d)([a-z]?)\\b|(n\\.\\s?d\\.)';
const LOCATOR = '(?:pp?\\.\\s*)?(\\d+(?:\\s*[–-]\\s*\\d+)?)';
/** A lead-in inside a bracket (`see`, `e.g.,`) that is not part of the author. */
const LEAD = '(?:(?:see also|see|cf\\.|e\\.g\\.,?|i\\.e\\.,?|also|for example,?)\\s+)?';

/** One part of a bracket or a short-citation note: `Smith and Jones 1999a, p. 45`. */
const PART = new RegExp(`^${LEAD}(${AUTHORS}),?\\s+(?:${YEAR})(?:(?:,\\s*|:\\s*)${LOCATOR})?$`, 'u');
/** Narrative: `Smith (1999)`, `Smith and Jones (1999, p. 4)`. */
const NARRATIVE = new RegExp(`(${AUTHORS})\\s+\\((?:${YEAR})(?:(?:,\\s*|:\\s*)${LOCATOR})?\\)`, 'gu');
const BRACKET = /\(([^()]{4,300})\)/gu;

const NOT_AUTHORS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Spring|Summer|Autumn|Fall|Winter|Figure|Fig|Table|Chapter|Section|Vol|No|Article|Law|Decree|Act|Note|Box|Map|Annex|Page)$/u;
/** Sentence words a narrative match may sweep up before the author (`In Smith (1999)`). */
const LEAD_WORDS = /^(?:(?:In|As|See|Following|According|After|Before|But|And|While|Since|Like|Unlike|The|Thus|Yet|So|For|Also|Both|Later|Then|Here|There|When|Where|Although|Though|However|Because|If|Once|Indeed|Moreover|Whereas|To|By|From|With|On|At|Of|Cf|E\.g)\s+)+/u;

function partOf(text: string, offset: number): InTextCitation | null {
  const m = PART.exec(text);
  if (!m) return null;
  return make(m, offset + text.indexOf(m[1]!), offset + text.length);
}

function make(m: RegExpExecArray, from: number, to: number): InTextCitation | null {
  const authors = m[1]!.replace(/,$/u, '');
  const first = authors.split(/\s+/u)[0]!;
  if (NOT_AUTHORS.test(first) || NOT_AUTHORS.test(authors)) return null;
  return {
    from,
    to,
    authors,
    year: m[2] ? Number(m[2]) : null,
    suffix: m[3] ?? '',
    ...(m[5] ? { locator: m[5].replace(/\s*[–-]\s*/u, '–') } : {}),
  };
}

/** The parts of a `;`-separated run (a bracket's content, a note), each read as a short citation or skipped. */
function partsOf(content: string, offset: number): InTextCitation[] {
  const found: InTextCitation[] = [];
  let at = 0;
  for (const piece of content.split(';')) {
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    const cite = trimmed ? partOf(trimmed, offset + at + lead) : null;
    if (cite) found.push(cite);
    at += piece.length + 1;
  }
  return found;
}

/**
 * The author–year citations of a stretch of running text, in order. Never
 * throws; text without any gives an empty list.
 */
export function findInTextCitations(text: string): InTextCitation[] {
  const found: InTextCitation[] = [];
  for (const b of text.matchAll(BRACKET)) found.push(...partsOf(b[1]!, b.index + 1));
  for (const n of text.matchAll(NARRATIVE)) {
    const lead = LEAD_WORDS.exec(n[1]!)?.[0].length ?? 0;
    if (lead === n[1]!.length) continue;
    const m = [...n] as unknown as RegExpExecArray;
    m[1] = n[1]!.slice(lead);
    const made = make(m, n.index + lead, n.index + n[0].length);
    const cite = made && { ...made, narrative: true };
    // A bracket read above as a parenthetical citation is not also narrative.
    if (cite && !found.some((f) => f.from < cite.to && cite.from < f.to)) found.push(cite);
  }
  return found.sort((a, b) => a.from - b.from);
}

/**
 * The short citations a note consists of (`Smith 1999, p. 45.`, `Abers,
 * 2000; Roe, 2001.`); empty when any part of the note is something else,
 * since a note with prose cites its works in the prose's own brackets.
 */
export function shortCitationsOfNote(text: string): InTextCitation[] {
  const body = text.replace(/\s*\.\s*$/u, '');
  const parts = body.split(';').filter((p) => p.trim() !== '');
  const found = partsOf(body, 0);
  return found.length === parts.length ? found : [];
}
