/**
 * The one way a text file's bytes become the source text that every offset
 * counts in.
 *
 * Contract (the reader in the browser, `analyze`, `search`, `layers` and
 * `search-index` all call this, so they agree on every offset):
 * - The bytes must be UTF-8. Anything else is refused, never guessed at or
 *   repaired with U+FFFD: a replaced character would silently change the text.
 * - A byte-order mark (EF BB BF) at the very start is an encoding signature,
 *   not a character of the text (Unicode §23.8; the WHATWG "UTF-8 decode" that
 *   browsers use for `fetch().text()` and for showing a `.txt` file drops it).
 *   It is removed, so code point 0 is the first character after it. An
 *   annotation made by any other tool on the text as a browser shows it then
 *   points at the same characters as ours. A U+FEFF anywhere else is a
 *   character (a zero-width no-break space) and is kept and counted.
 * - Line ends are kept as they are (CRLF counts two code points, CR one).
 * - NUL bytes mean binary data; an empty or whitespace-only file has no text.
 */

/** The decoded text, or one sentence fragment saying why there is none. */
export type DecodedText =
  | {
      readonly ok: true;
      /** The source text: the file's characters, without a leading byte-order mark. */
      readonly text: string;
      /** True when the file began with a byte-order mark (which `text` does not contain). */
      readonly bom: boolean;
    }
  | {
      readonly ok: false;
      /**
       * Why the bytes are not a text, as a predicate that reads after a file
       * name: "is empty", "is not valid UTF-8 (…)". No final period.
       */
      readonly problem: string;
    };

const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Decodes a text file's bytes under the contract above. Never throws.
 */
export function decodeText(bytes: Uint8Array | ArrayBuffer): DecodedText {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view.length === 0) return { ok: false, problem: 'is empty' };
  const nul = view.indexOf(0);
  if (nul >= 0) return { ok: false, problem: `is not a text file (it contains NUL bytes, the first at byte ${nul})` };
  const bom = view.length >= 3 && view[0] === BOM[0] && view[1] === BOM[1] && view[2] === BOM[2];
  let text: string;
  try {
    // ignoreBOM: true keeps a leading U+FEFF in the result, so that removing it is done here, once, visibly.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(view);
  } catch {
    const at = firstInvalidUtf8(view);
    return { ok: false, problem: `is not a UTF-8 text file (the bytes at offset ${at} are not valid UTF-8)` };
  }
  if (bom) text = text.slice(1);
  if (text.trim() === '') return { ok: false, problem: bom ? 'is empty (it holds only a byte-order mark)' : 'contains only whitespace' };
  return { ok: true, text, bom };
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence
 * (overlong forms, surrogates encoded as WTF-8 and truncated sequences
 * included), or the length when all are valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f; // ED A0…BF would encode a surrogate
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += n + 1;
  }
  return i;
}
