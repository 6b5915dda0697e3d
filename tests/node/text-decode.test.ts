import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, firstInvalidUtf8 } from '../../src/text/decode.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);
const BOM = [0xef, 0xbb, 0xbf];

describe('decodeText', () => {
  it('decodes UTF-8 text as it is, line ends included', () => {
    const text = 'Corvalán 😀\r\nsecond line\rthird\n';
    assert.deepEqual(decodeText(utf8(text)), { ok: true, text, bom: false });
  });

  it('drops a leading byte-order mark: code point 0 is the first character after it', () => {
    const r = decodeText(bytes(...BOM, ...utf8('Text.')));
    assert.deepEqual(r, { ok: true, text: 'Text.', bom: true });
  });

  it('keeps a U+FEFF that is not at the start (a character of the text)', () => {
    const r = decodeText(utf8('a\ufeffb'));
    assert.deepEqual(r, { ok: true, text: 'a\ufeffb', bom: false });
    // Only one signature is dropped; a second one is a character.
    assert.deepEqual(decodeText(bytes(...BOM, ...BOM, 0x61)), { ok: true, text: '\ufeffa', bom: true });
  });

  it('takes an ArrayBuffer as well as a Uint8Array', () => {
    assert.deepEqual(decodeText(utf8('x').buffer), { ok: true, text: 'x', bom: false });
  });

  const refused: [string, Uint8Array, RegExp][] = [
    ['an empty file', bytes(), /^is empty$/u],
    ['a byte-order mark alone', bytes(...BOM), /^is empty \(it holds only a byte-order mark\)$/u],
    ['whitespace only', utf8(' \r\n\t '), /^contains only whitespace$/u],
    ['NUL bytes', bytes(0x61, 0x62, 0, 0x63), /^is not a text file \(it contains NUL bytes, the first at byte 2\)$/u],
    ['Latin-1', bytes(0x63, 0x61, 0x66, 0xe9, 0x0a), /^is not a UTF-8 text file \(the bytes at offset 3 are not valid UTF-8\)$/u],
    ['a lone surrogate encoded as WTF-8', bytes(0x61, 0xed, 0xa0, 0x80, 0x62), /offset 1 are not valid UTF-8/u],
    ['an overlong encoding', bytes(0x61, 0x62, 0xc0, 0xaf), /offset 2 are not valid UTF-8/u],
    ['a truncated sequence at the end', bytes(0x61, 0xe2, 0x82), /offset 1 are not valid UTF-8/u],
    ['UTF-16 with its byte-order mark', bytes(0xff, 0xfe, 0x61, 0x00), /NUL bytes/u],
  ];
  for (const [what, input, problem] of refused) {
    it(`refuses ${what}, saying why`, () => {
      const r = decodeText(input);
      assert.equal(r.ok, false);
      assert.match(!r.ok ? r.problem : '', problem);
    });
  }
});

describe('firstInvalidUtf8', () => {
  it('agrees with the platform decoder on where valid UTF-8 ends', () => {
    const samples = [utf8('plain ascii'), utf8('Zürich 😀 Москва'), bytes(0xf4, 0x90, 0x80, 0x80), bytes(0xe0, 0x80, 0x80), bytes(0xf0, 0x9f, 0x98)];
    for (const s of samples) {
      const at = firstInvalidUtf8(s);
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(s);
      } catch {
        valid = false;
      }
      assert.equal(at === s.length, valid, String(s));
      if (!valid) assert.doesNotThrow(() => new TextDecoder('utf-8', { fatal: true }).decode(s.subarray(0, at)));
    }
  });
});
