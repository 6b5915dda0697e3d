/**
 * Punctuation miscopied inside running prose, by shapes that correct
 * English never takes:
 * - a period straight before a comma after a full word (`January., A.D.`);
 *   an abbreviation (`etc.,`, `Jr.,`, `U.S.,`) keeps its period there;
 * - a period after a full word followed by a lowercase conjunction that
 *   carries the sentence on (`slave country. and we shall find`): a comma
 *   typed as a period;
 * - two kinds of dash run together inside a token (`K-–2`): characters lost
 *   in extraction;
 * - a sum with two decimal points (`$5,939.009.29`): a thousands separator
 *   typed as a period.
 *
 * Only running prose is read (see `../prose.ts`); each rule backs off in a
 * text where it fires on a large share of the sentences (see `genre.ts`).
 */
import type { ParsedText } from '../../document/structure.ts';
import { damageFlag, type Flag } from '../finding.ts';
import { lineNotProse } from '../prose.ts';
import { isAbbreviationAt, sentencesIn } from '../text.ts';
import { backOff } from './genre.ts';

/** A word of three letters or more, a period, a comma. */
const STOP_COMMA = /(?<![\p{L}.])(\p{L}{3,})\.,/gu;
/** A lowercase word of four letters or more, a period, then a conjunction in lowercase. */
const STOP_CONJUNCTION = /(?<![\p{L}.])(\p{Ll}{4,})\.\s+(and|but|or|nor|which|whereas|while)\s/gu;
/** A hyphen and an en or em dash glued together between letters or digits. */
const MIXED_DASHES = /[\p{L}\p{N}](?:-[–—]|[–—]-)[\p{L}\p{N}]?/gu;
/** A sum written with a currency sign and two decimal points, the groups before them of three digits. */
const TWO_POINTS = /[$€£¥]\s?\d{1,3}(?:,\d{3})*\.\d{3}\.\d{1,2}(?!\d)/gu;

/** Lines that are not prose: their punctuation follows other rules (citations, tables, code). */
function skip(line: string): boolean {
  const role = lineNotProse(line);
  return role !== null && role !== 'a list item';
}

/** Punctuation findings in the prose of `parsed`. Never throws. */
export function detectPunctuation(parsed: ParsedText): Flag[] {
  const { source } = parsed;
  const out: Flag[] = [];
  let sentences = 0;
  for (const block of parsed.blocks) {
    // Dashes are read in every block (a garbled title in a reference entry is still garbled), the rest in prose only.
    for (const seg of block.segments) {
      const line = source.slice(seg.from, seg.to);
      for (const m of line.matchAll(MIXED_DASHES)) {
        out.push(damageFlag('garbled', widen(line, m.index, m[0].length, seg.from), {
          conclusion: `"${token(line, m.index, m[0].length)}" has a hyphen and a dash run together, so characters were lost between them`,
          evidence: ['two different dashes stand side by side inside one token'],
          confidence: 0.7,
          rule: 'punctuation/mixed-dashes',
        }));
      }
    }
    if (block.type !== 'paragraph' && block.type !== 'list-item') continue;
    for (const seg of block.segments) {
      const line = source.slice(seg.from, seg.to);
      if (skip(line)) continue;
      sentences += sentencesIn(source, seg.from, seg.to).length;
      const at = (i: number, len: number) => ({ from: seg.from + i, to: seg.from + i + len });
      for (const m of line.matchAll(STOP_COMMA)) {
        if (isAbbreviationAt(line, m.index + m[1]!.length)) continue;
        out.push(damageFlag('garbled', at(m.index, m[0].length), {
          conclusion: `"${m[0]}" has a stray period before its comma`,
          evidence: [`"${m[1]}" is a full word, not an abbreviation, yet a period stands between it and the comma`],
          confidence: 0.7,
          rule: 'punctuation/stop-comma',
        }));
      }
      for (const m of line.matchAll(STOP_CONJUNCTION)) {
        if (isAbbreviationAt(line, m.index + m[1]!.length)) continue;
        out.push(damageFlag('garbled', at(m.index, m[0].trimEnd().length), {
          conclusion: `A period cuts the sentence at "${m[0].trim()}": a comma was probably miscopied as a period`,
          evidence: [`the next sentence would start in lowercase with "${m[2]}"`, `"${m[1]}" is a full word, not an abbreviation`],
          confidence: 0.6,
          rule: 'punctuation/stop-lowercase',
        }));
      }
      for (const m of line.matchAll(TWO_POINTS)) {
        out.push(damageFlag('garbled', at(m.index, m[0].length), {
          conclusion: `The sum "${m[0]}" has two decimal points: a thousands separator was probably typed as a period`,
          evidence: ['a sum has one decimal point', 'the digits between the two points form a group of three, as thousands do'],
          confidence: 0.75,
          rule: 'punctuation/two-points',
        }));
      }
    }
  }
  return backOff(out, sentences);
}

/** The token around a match, at most TOKEN_REACH characters either side (a line may be one huge token). */
const TOKEN_REACH = 40;

function bounds(line: string, i: number, len: number): [number, number] {
  let a = i;
  let b = i + len;
  while (a > 0 && i - a < TOKEN_REACH && !/\s/u.test(line[a - 1]!)) a--;
  while (b < line.length && b - i - len < TOKEN_REACH && !/\s/u.test(line[b]!)) b++;
  return [a, b];
}

function token(line: string, i: number, len: number): string {
  const [a, b] = bounds(line, i, len);
  return line.slice(a, b).replace(/^[“"‘(]+|[”"’).,;:]+$/gu, '');
}

function widen(line: string, i: number, len: number, base: number): { from: number; to: number } {
  const [a, b] = bounds(line, i, len);
  return { from: base + a, to: base + b };
}
