/** Reader-facing names for the tag vocabulary (product.md §2). */

const TAG_LABELS: Record<string, string> = {
  truncated: 'Truncated',
  'missing-passage': 'Missing passage',
  split: 'Split sentence',
  garbled: 'Garbled',
  unsupported: 'Unsupported claim',
  contradiction: 'Contradiction',
  'broken-reference': 'Broken reference',
  'uncited-reference': 'Uncited reference',
  'unresolved-footnote': 'Unresolved footnote',
  'missing-notes': 'Missing notes list',
  footnote: 'Footnote link',
  claim: 'Claim link',
  agrees: 'Texts agree',
  conflicts: 'Texts conflict',
  related: 'Related claims',
  accepted: 'Accepted',
  dismissed: 'Dismissed',
};

/** A tag's name for a reader; unknown (own) tags show as they are. */
export function tagLabel(tag: string): string {
  return TAG_LABELS[tag] ?? tag;
}

/** The reader-facing name of a vocabulary tag, or null for a tag outside the vocabulary. */
export function knownTagLabel(tag: string): string | null {
  return TAG_LABELS[tag] ?? null;
}
