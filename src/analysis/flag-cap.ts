/**
 * A cap on absurd flag counts. A detector that fires a hundred thousand
 * times on one text is not showing a hundred thousand problems: it is
 * showing that the text is not the prose it reads (a table, a dump, random
 * bytes). Beyond `MAX_FLAGS_PER_KIND` flags of one kind in one text, the rest
 * are counted, not listed: one summary flag of the same kind says how many
 * more there are, and the output stays readable (and its size bounded).
 */
import { flag, type Finding, type Flag } from './finding.ts';

/** Most flags of one kind (tag) listed for one text. */
export const MAX_FLAGS_PER_KIND = 1000;

/**
 * `findings` (in source order) with at most `max` flags of each tag; for a
 * tag over the cap, the first `max` in source order are kept and one
 * summary flag of that tag, on the first flag left out, stands for all the
 * others. Footnote links are never capped. Returns `findings` itself when
 * no tag is over the cap. Never throws.
 */
export function capFlags(findings: readonly Finding[], max = MAX_FLAGS_PER_KIND): readonly Finding[] {
  const counts = new Map<string, number>();
  for (const f of findings) if (f.kind === 'flag') counts.set(f.tag, (counts.get(f.tag) ?? 0) + 1);
  if (![...counts.values()].some((n) => n > max)) return findings;
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.kind !== 'flag') {
      out.push(f);
      continue;
    }
    const n = (seen.get(f.tag) ?? 0) + 1;
    seen.set(f.tag, n);
    if (n <= max) out.push(f);
    else if (n === max + 1) out.push(summaryFlag(f, counts.get(f.tag)!, max));
  }
  return out;
}

/** The flag that stands for the `total - max` flags of `first`'s tag left out, from `first` on. */
function summaryFlag(first: Flag, total: number, max: number): Flag {
  const more = total - max;
  const description =
    `${count(total)} "${first.tag}" flags were found in this text, too many to list: the first ${count(max)} are shown, ` +
    `and this flag stands for the other ${count(more)}, here and after this point. So many usually means the text is not ` +
    `running prose (a table, a list of data, binary or random characters) or is damaged throughout.`;
  return { ...flag(first.layer, first.tag, first, description, first.confidence), omitted: more };
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
