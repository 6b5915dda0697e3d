/**
 * `[citation needed]`-style tags: the text itself marks a claim as unsourced.
 * The flag covers the sentence the tag follows and the tag.
 *
 * Only tags about sources and attribution count (`[citation needed]`,
 * `[according to whom?]`, `[dubious]`); tags that ask for precision (`[when?]`,
 * `[which?]`) say the claim is vague, not unsourced.
 */
import type { ParsedText } from '../../document/structure.ts';
import { damageFlag, type Flag } from '../finding.ts';
import { blockRange, sentencesIn } from '../text.ts';

/** Tags asking for precision rather than a source. */
const PRECISION_TAG = /^\[\s*_?(?:when|which)\?_?\s*\]$/iu;

/** One `unsupported` flag per inline sourcing tag the parser found. Never throws. */
export function detectUnsupported(parsed: ParsedText): Flag[] {
  const { source } = parsed;
  const out: Flag[] = [];
  for (const block of parsed.blocks) {
    const range = blockRange(block);
    if (!range) continue;
    for (const tag of block.unsupported) {
      const label = source.slice(tag.from, tag.to);
      if (PRECISION_TAG.test(label)) continue;
      // The claim is the sentence that ends where the tag starts.
      const sentences = sentencesIn(source, range.from, tag.from);
      const claim = sentences[sentences.length - 1];
      const from = claim ? claim.from : tag.from;
      out.push(damageFlag('unsupported', { from, to: tag.to }, {
        conclusion: 'The text marks this claim as unsourced',
        evidence: [`the tag "${label.replace(/\s+/gu, ' ')}" follows it`],
        confidence: 0.95,
        rule: 'unsupported/tag',
      }));
    }
  }
  return out;
}
