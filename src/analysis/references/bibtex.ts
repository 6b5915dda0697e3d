/**
 * CSL items written as BibTeX. Every value is braced and its TeX specials
 * escaped, so any title loads in a BibTeX parser; non-ASCII letters are left
 * as UTF-8 (biber and modern BibTeX read them).
 */
import type { CslDate, CslItem, CslName, CslType } from './csl.ts';

const ENTRY_TYPE: Record<CslType, string> = {
  book: 'book',
  chapter: 'incollection',
  'article-journal': 'article',
  'article-newspaper': 'article',
  webpage: 'online',
  document: 'misc',
};

/**
 * Escapes the characters TeX treats specially; braces are escaped so a value's own braces cannot unbalance it.
 * `~` and `^` become the text commands: `\~{}` and `\^{}` are accent commands on nothing, which BibTeX parsers
 * read as a lone combining accent (or drop), not as the character.
 */
export function escapeBibtex(value: string): string {
  return value.replace(/[\\{}&%$#_^~]/gu, (c) => {
    if (c === '\\') return '\\textbackslash{}';
    if (c === '^') return '\\textasciicircum{}';
    if (c === '~') return '\\textasciitilde{}';
    return `\\${c}`;
  });
}

/** A name part with a comma or an `and` in it braced whole: bare, BibTeX would read another part or another name. */
function namePart(part: string): string {
  const escaped = escapeBibtex(part);
  return /,|\sand\s/iu.test(part) ? `{${escaped}}` : escaped;
}

function nameOf(name: CslName): string {
  if (name.literal) return `{${escapeBibtex(name.literal)}}`;
  return [name.family, name.given].filter(Boolean).map((p) => namePart(p!)).join(', ');
}

function iso(date: CslDate): string {
  return date['date-parts'][0]!.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-');
}

/** A citation key of letters, digits and `-`/`_`/`:` only, from the item's id. */
function keyOf(item: CslItem): string {
  return item.id.replace(/[^A-Za-z0-9_:-]/gu, '_') || 'ref';
}

/** One item as a BibTeX entry (`@book{key, …}`); absent fields are not written. */
export function toBibtex(item: CslItem): string {
  const fields: [string, string][] = [];
  const add = (name: string, value: string | undefined, raw = false): void => {
    if (value !== undefined && value !== '') fields.push([name, raw ? value : escapeBibtex(value)]);
  };
  if (item.author?.length) fields.push(['author', item.author.map(nameOf).join(' and ')]);
  if (item.editor?.length) fields.push(['editor', item.editor.map(nameOf).join(' and ')]);
  // Braced twice so that BibTeX styles keep the title's capitals.
  if (item.title !== undefined) fields.push(['title', `{${escapeBibtex(item.title)}}`]);
  const container = item.type === 'article-journal' || item.type === 'article-newspaper' ? 'journal' : item.type === 'chapter' ? 'booktitle' : 'howpublished';
  add(container, item['container-title']);
  add('publisher', item.publisher);
  add('address', item['publisher-place']);
  if (item.issued) {
    add('year', String(item.issued['date-parts'][0]![0]));
    add('date', iso(item.issued));
  }
  add('volume', item.volume);
  add('number', item.issue);
  add('pages', item.page?.replaceAll('–', '--'));
  // URLs and DOIs are read verbatim by biblatex (a `\_` would be kept as is); only a brace could break the entry, and it is percent-encoded.
  const verbatim = (v: string | undefined): string | undefined => v?.replace(/[{}\\]/gu, (c) => encodeURIComponent(c));
  add('doi', verbatim(item.DOI), true);
  add('isbn', item.ISBN);
  add('url', verbatim(item.URL), true);
  if (item.accessed) add('urldate', iso(item.accessed));
  add('language', item.language);
  add('note', item.note);
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  // The comma after the key is written even with no field: citation-js refuses `@misc{key}` without it.
  return `@${ENTRY_TYPE[item.type]}{${keyOf(item)},${body ? `\n${body}` : ''}\n}\n`;
}

/** Items as one BibTeX file, entries separated by blank lines. */
export function toBibtexFile(items: readonly CslItem[]): string {
  return items.map(toBibtex).join('\n');
}
