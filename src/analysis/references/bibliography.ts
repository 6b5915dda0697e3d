/**
 * The bibliography of a text: the entries under a heading such as
 * References, Bibliography, Works cited or Sources that are not numbered
 * notes (numbered notes are read by `text-references.ts`). An author–date
 * text cites these from its running text; a text with short notes
 * (`Smith 1999, p. 4.`) cites them from its notes. "Further reading" lists
 * works the text does not cite, and is not read.
 */
import { blockText, type Block, type ParsedText, type SourceSpan } from '../../document/structure.ts';
import { parseReference } from './parse-entry.ts';
import type { TextReference } from './text-references.ts';

/** A heading that opens a bibliography (Markdown `#`, a trailing `[edit]` and a final colon aside). */
const BIBLIOGRAPHY_HEADING = /^(?:(?:general|cited|selected|select|primary|secondary)\s+)?(?:references|bibliography|works cited|sources|literature|reference list|literature cited)$/iu;

/** Sections that follow a bibliography and list no works it cites. */
const OTHER_SECTION = /^(?:further reading|external links|see also|(?:explanatory |end|foot)?notes|appendix|appendices|index|acknowledg(?:e)?ments|about the authors?|citations)$/iu;

function headingText(source: string, block: Block): string {
  return blockText(source, block).replace(/^#+\s*|\s*#+$|\[edit\]|:$/gu, '').replace(/\s+/gu, ' ').trim();
}

/** The entry's text without a list bullet (`* `, `- `, `• `). */
function entryText(source: string, segments: readonly SourceSpan[]): string {
  return segments.map((s) => source.slice(s.from, s.to)).join(' ').replace(/^\s*[*•-]\s+/u, '');
}

/**
 * A line that starts an entry of an author–date list: a family name, a comma,
 * a given name or initial, and the year soon after (`Diniz, E. 1982.`,
 * `Castle, Ian (2002).`). A continuation line of the entry before does not
 * read so (it has no year standing as a date).
 */
const ENTRY_START = /^\s*(?:[*•-]\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?,\s+\p{Lu}[^"“”]{0,120}?(?:\((?:1[5-9]|20)\d\d[a-z]?\)|\s(?:1[5-9]|20)\d\d[a-z]?\.\s)/u;

/** The block's lines grouped into entries: an extracted PDF may run two entries into one block. */
function entriesOf(source: string, block: Block): SourceSpan[][] {
  const groups: SourceSpan[][] = [];
  for (const seg of block.segments) {
    if (groups.length === 0 || ENTRY_START.test(source.slice(seg.from, seg.to))) groups.push([seg]);
    else groups[groups.length - 1]!.push(seg);
  }
  return groups;
}

/**
 * Every bibliography entry of `parsed` as a reference, in source order; its
 * id is `bib-N` (N from 1). Empty when the text has no such section.
 */
export function bibliographyReferences(parsed: ParsedText): TextReference[] {
  const refs: TextReference[] = [];
  // 'in' under a bibliography heading; 'past' after another heading met inside one, which may be a page's
  // debris read as a heading (an extracted PDF): entries go on while they read as author–date references.
  let state: 'off' | 'in' | 'past' = 'off';
  for (const block of parsed.blocks) {
    if (block.type === 'heading' || block.type === 'title') {
      const text = headingText(parsed.source, block);
      state = BIBLIOGRAPHY_HEADING.test(text) ? 'in' : state !== 'off' && !OTHER_SECTION.test(text) ? 'past' : 'off';
      continue;
    }
    if (state === 'off' || block.type === 'note' || (block.type !== 'list-item' && block.type !== 'paragraph')) continue;
    for (const segments of entriesOf(parsed.source, block)) {
      const text = entryText(parsed.source, segments);
      const item = parseReference(text);
      if (state === 'past' && !(item.issued && (item.author || item.title))) {
        state = 'off';
        break;
      }
      // A line under the heading that reads as no work (an introductory sentence) is not an entry.
      if (!item.title && !item.author && !item.DOI && !item.ISBN && !item.URL) continue;
      const first = segments[0]!;
      const bullet = /^\s*[*•-]\s+/u.exec(parsed.source.slice(first.from, first.to))?.[0].length ?? 0;
      refs.push({ item: { id: `bib-${refs.length + 1}`, ...item }, span: { from: first.from + bullet, to: segments[segments.length - 1]!.to }, entry: block });
    }
  }
  return refs;
}
