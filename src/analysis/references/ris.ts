/**
 * CSL items written as RIS (the tagged format Zotero, EndNote and Mendeley
 * import): one `TAG  - value` line per field, `ER  - ` closing each record.
 * Line breaks inside a value would start a new tag, so they become spaces.
 */
import type { CslDate, CslItem, CslName, CslType } from './csl.ts';

const RIS_TYPE: Record<CslType, string> = {
  book: 'BOOK',
  chapter: 'CHAP',
  'article-journal': 'JOUR',
  'article-newspaper': 'NEWS',
  webpage: 'ELEC',
  document: 'GEN',
};

/**
 * The tag of the editor, per type as the RIS spec (2011) gives it and citation-js reads it: a chapter's A2
 * (the book's editor), a book's A3 (A2 is a book's series editor); ED, the older tag Zotero reads as the editor
 * of any type, for the types the spec gives no editor tag.
 */
const EDITOR_TAG: Record<CslType, string> = {
  book: 'A3',
  chapter: 'A2',
  'article-journal': 'ED',
  'article-newspaper': 'ED',
  webpage: 'ED',
  document: 'ED',
};

/** RIS dates are `YYYY/MM/DD/`, missing parts left empty. */
function risDate(date: CslDate): string {
  const [y, m, d] = date['date-parts'][0]!;
  const two = (n: number | undefined): string => (n === undefined ? '' : String(n).padStart(2, '0'));
  return `${y}/${two(m)}/${two(d)}/`;
}

/** One item as an RIS record; absent fields are not written. */
export function toRis(item: CslItem): string {
  const lines: string[] = [`TY  - ${RIS_TYPE[item.type]}`];
  const add = (tag: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') lines.push(`${tag}  - ${value.replace(/[\r\n]+/gu, ' ')}`);
  };
  add('ID', item.id);
  const name = (a: CslName): string => a.literal ?? [a.family, a.given].filter(Boolean).join(', ');
  for (const a of item.author ?? []) add('AU', name(a));
  for (const e of item.editor ?? []) add(EDITOR_TAG[item.type], name(e));
  add('TI', item.title);
  // T2 is the container of every type in the RIS spec, and what Zotero and citation-js write and read as the
  // journal's name; Zotero reads JO as the journal's abbreviation.
  add('T2', item['container-title']);
  add('PB', item.publisher);
  add('CY', item['publisher-place']);
  if (item.issued) {
    add('PY', String(item.issued['date-parts'][0]![0]));
    add('DA', risDate(item.issued));
  }
  add('VL', item.volume);
  add('IS', item.issue);
  // One range is split into first and last page; several ranges ("45–67, 70–72") stay whole in SP, which Zotero reads as the pages.
  const range = /^([^–,]+)–([^–,]+)$/u.exec(item.page ?? '');
  add('SP', range ? range[1] : item.page);
  add('EP', range?.[2]);
  add('DO', item.DOI);
  add('SN', item.ISBN);
  add('UR', item.URL);
  if (item.accessed) add('Y2', risDate(item.accessed));
  add('LA', item.language);
  add('N1', item.note);
  lines.push('ER  - ');
  return `${lines.join('\n')}\n`;
}

/** Items as one RIS file. */
export function toRisFile(items: readonly CslItem[]): string {
  return items.map(toRis).join('\n');
}
