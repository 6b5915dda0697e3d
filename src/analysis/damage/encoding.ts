/**
 * Encoding damage, by the characters alone: UTF-8 text decoded once as
 * Latin-1 or Windows-1252 and saved again ("mojibake": `Ã©` for `é`, `â€™`
 * or `â` and two invisible control characters for `’`), and C1 control
 * characters (U+0080–U+009F), which no written text contains.
 *
 * The test is the bytes' own grammar, not a list of words: a character
 * standing for a UTF-8 lead byte followed by as many characters standing
 * for continuation bytes as that lead byte announces is a UTF-8 sequence
 * read with the wrong table. A run of such damage is one flag.
 */
import type { ParsedText } from '../../document/structure.ts';
import { damageFlag, type Flag } from '../finding.ts';

/** Windows-1252 characters of the bytes 0x80–0x9F (`€` is 0x80, `™` is 0x99). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The byte a character stands for when a Latin-1 or Windows-1252 reader made it, or -1. */
function byteOf(c: string): number {
  const code = c.codePointAt(0)!;
  if (code >= 0x80 && code <= 0xff) return code;
  const k = CP1252_HIGH.indexOf(c);
  return k >= 0 ? 0x80 + k : -1;
}

const isContinuation = (b: number) => b >= 0x80 && b <= 0xbf;

/** How many continuation bytes a lead byte announces (0 when it is not a lead byte of a two- to four-byte sequence). */
function continuations(b: number): number {
  if (b >= 0xc2 && b <= 0xdf) return 1;
  if (b >= 0xe0 && b <= 0xef) return 2;
  if (b >= 0xf0 && b <= 0xf4) return 3;
  return 0;
}

/** Length of a misread UTF-8 sequence starting at `i`, or 0. */
function sequenceAt(text: string, i: number): number {
  const need = continuations(byteOf(text[i]!));
  if (!need) return 0;
  for (let k = 1; k <= need; k++) {
    const c = text[i + k];
    if (c === undefined || !isContinuation(byteOf(c))) return 0;
  }
  return need + 1;
}

const C1 = /[\u0080-\u009f]/u;

/** Encoding findings in the whole source. Never throws. */
export function detectEncoding(parsed: ParsedText): Flag[] {
  const { source } = parsed;
  const out: Flag[] = [];
  let i = 0;
  while (i < source.length) {
    const len = sequenceAt(source, i);
    if (len || C1.test(source[i]!)) {
      const from = i;
      let to = i + Math.max(len, 1);
      // One flag for a run: `â€œ` then `â€` are one damaged stretch.
      for (;;) {
        const more = sequenceAt(source, to);
        if (more) to += more;
        else if (to < source.length && C1.test(source[to]!)) to++;
        else break;
      }
      const word = wordAround(source, from, to);
      const meant = len ? intended(source.slice(from, to)) : '';
      out.push(damageFlag('garbled', word, {
        conclusion: `"${visible(source.slice(word.from, word.to))}" is garbled by a wrong text encoding`,
        evidence: [len ? `${describeRun(source.slice(from, to))} are the UTF-8 bytes of "${meant}" read as single-byte characters (mojibake)` : 'it holds an invisible control character that no written text contains'],
        confidence: len ? 0.9 : 0.8,
        rule: 'encoding/mojibake',
      }));
      i = to;
      continue;
    }
    i++;
  }
  return out;
}

/** The damaged stretch widened to the word it sits in, so the flag covers what a reader sees. */
function wordAround(source: string, from: number, to: number): { from: number; to: number } {
  let a = from;
  let b = to;
  while (a > 0 && /[\p{L}\p{N}'’-]/u.test(source[a - 1]!) && from - a < 30) a--;
  while (b < source.length && /[\p{L}\p{N}'’-]/u.test(source[b]!) && b - to < 30) b++;
  return { from: a, to: b };
}

/** Control characters left out of a quote (they cannot be seen). */
function visible(text: string): string {
  return text.replace(/[\u0080-\u009f]/gu, '');
}

/** The run as a reader sees it, its invisible control characters counted: `"â" and 2 invisible control characters`. */
function describeRun(run: string): string {
  const controls = (run.match(/[\u0080-\u009f]/gu) ?? []).length;
  const shown = visible(run);
  if (!controls) return `"${shown}"`;
  const invisible = controls === 1 ? 'an invisible control character' : `${controls} invisible control characters`;
  return shown ? `"${shown}" and ${invisible}` : invisible;
}

/** What a misread run of UTF-8 meant: its characters taken back to bytes and decoded as UTF-8. */
function intended(run: string): string {
  const bytes = Uint8Array.from([...run].map(byteOf));
  return new TextDecoder('utf-8').decode(bytes);
}
