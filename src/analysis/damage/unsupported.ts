/**
 * `[citation needed]`-style tags: the text itself marks a claim as unsourced.
 * The flag covers the sentence the tag follows and the tag.
 */
import type { ParsedText } from '../../document/structure.ts';
import { flag, type Flag } from '../finding.ts';
import { blockRange, sentencesIn } from '../text.ts';

/** One `unsupported` flag per inline tag the parser found. Never throws. */
export function detectUnsupported(parsed: ParsedText): Flag[] {
  const { source } = parsed;
  const out: Flag[] = [];
  for (const block of parsed.blocks) {
    const range = blockRange(block);
    if (!range) continue;
    for (const tag of block.unsupported) {
      // The claim is the sentence that ends where the tag starts.
      const sentences = sentencesIn(source, range.from, tag.from);
      const claim = sentences[sentences.length - 1];
      const from = claim ? claim.from : tag.from;
      const label = source.slice(tag.from, tag.to);
      out.push(flag('damage', 'unsupported', { from, to: tag.to }, `The text marks this claim as unsourced (${label}).`, 0.95));
    }
  }
  return out;
}
