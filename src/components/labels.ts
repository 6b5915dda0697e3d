/**
 * Reader-facing names for the tag vocabulary (product.md §2), and the fixed
 * CSS classes tags are drawn with. Tags are foreign strings (anyone can write
 * any tag in an imported file): they are looked up in a Map, never on a plain
 * object (`constructor`, `__proto__` would find Object.prototype's members),
 * and never become a class name themselves.
 */
import { displayLabel } from '../annotations/sanitize.ts';

const TAG_LABELS: ReadonlyMap<string, string> = new Map([
  ['truncated', 'Truncated'],
  ['missing-passage', 'Missing passage'],
  ['split', 'Split sentence'],
  ['garbled', 'Garbled'],
  ['unsupported', 'Unsupported claim'],
  ['contradiction', 'Contradiction'],
  ['broken-reference', 'Broken reference'],
  ['uncited-reference', 'Uncited reference'],
  ['unresolved-footnote', 'Unresolved footnote'],
  ['missing-notes', 'Missing notes list'],
  ['footnote', 'Footnote link'],
  ['claim', 'Claim link'],
  ['agrees', 'Texts agree'],
  ['conflicts', 'Texts conflict'],
  ['related', 'Related claims'],
  ['accepted', 'Accepted'],
  ['dismissed', 'Dismissed'],
]);

/** The class of a tag outside the vocabulary (a reader's own tag, or anything an import brought). */
export const OTHER_TAG_CLASS = 'tag-other';

/**
 * A tag's name for a reader; a tag outside the vocabulary shows as its own
 * text, neutralised and cut (see `displayLabel`), so it is safe to show.
 */
export function tagLabel(tag: string): string {
  return TAG_LABELS.get(tag) ?? displayLabel(tag);
}

/** The reader-facing name of a vocabulary tag, or null for a tag outside the vocabulary. */
export function knownTagLabel(tag: string): string | null {
  return TAG_LABELS.get(tag) ?? null;
}

/**
 * The one CSS class a tag chip is drawn with: `tag-` and the vocabulary word
 * for a known tag, OTHER_TAG_CLASS for any other text. The class is chosen
 * from a fixed list, never built from the tag: `hl-note hl-flag` stays one
 * (unknown) tag, not two classes.
 */
export function tagClass(tag: string): string {
  return TAG_LABELS.has(tag) ? `tag-${tag}` : OTHER_TAG_CLASS;
}
