import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bodyText, clip, displayLabel, neutralise, plainTextOf, textOfHtml } from '../../src/annotations/sanitize.ts';
import { OTHER_TAG_CLASS, knownTagLabel, tagClass, tagLabel } from '../../src/components/labels.ts';
import { classesOf } from '../../src/app/workspace.ts';
import { BIDI_CONTROLS, BIDI_SPOOFS, CLASS_INJECTION, HOSTILE_STRINGS, LONE_SURROGATES, PROTOTYPE_KEYS, hugeString } from '../fixtures/hostile-strings.ts';

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('tag labels and classes', () => {
  it('names prototype-named tags by their own text', () => {
    for (const key of PROTOTYPE_KEYS) {
      assert.equal(tagLabel(key), key);
      assert.equal(knownTagLabel(key), null);
      assert.equal(tagClass(key), OTHER_TAG_CLASS);
    }
  });

  it('gives vocabulary tags fixed classes and every other text one generic class', () => {
    assert.equal(tagClass('conflicts'), 'tag-conflicts');
    assert.equal(tagLabel('missing-passage'), 'Missing passage');
    for (const s of [...CLASS_INJECTION, ...HOSTILE_STRINGS]) assert.equal(tagClass(s), OTHER_TAG_CLASS, JSON.stringify(s));
  });

  it('shows unknown tags without bidi controls and cut when long', () => {
    for (const s of BIDI_SPOOFS) assert.doesNotMatch(tagLabel(s), BIDI_CONTROLS);
    assert.ok(tagLabel(hugeString(1_000_000)).length <= 121);
  });

  it('draws highlights only with fixed classes', () => {
    for (const s of HOSTILE_STRINGS) assert.equal(classesOf({ kind: 'flag', subtype: s, status: 'proposed' }), 'hl hl-flag');
    assert.equal(classesOf({ kind: 'claim', subtype: 'conflicts', status: 'accepted' }), 'hl hl-claim hl-conflicts hl-accepted');
  });
});

describe('neutralise, clip and displayLabel', () => {
  it('drops every bidi control, keeps letters of every script', () => {
    for (const s of BIDI_SPOOFS) assert.doesNotMatch(neutralise(s), BIDI_CONTROLS);
    assert.equal(neutralise('invoice\u202Etxt.exe'), 'invoicetxt.exe');
    assert.equal(neutralise('mark\u200Eleft\u200Fright arabic\u061Cmark'), 'markleftright arabicmark');
    assert.equal(neutralise('שלום مرحبا 😀 Zürich\tnext\n'), 'שלום مرحبا 😀 Zürich\tnext\n');
  });

  it('replaces lone surrogates and drops NUL and other controls', () => {
    for (const s of LONE_SURROGATES) assert.doesNotMatch(neutralise(s), LONE);
    assert.equal(neutralise('high \uD800 alone'), 'high \uFFFD alone');
    assert.equal(neutralise('nul\u0000byte\u0007'), 'nulbyte');
  });

  it('cuts a huge string to its start and says how long it was', () => {
    const value = hugeString(15_000_000);
    const c = clip(value, 2000);
    assert.deepEqual({ length: c.length, cut: c.cut, shown: c.text.length }, { length: 15_000_000, cut: true, shown: 2000 });
    assert.deepEqual(clip('short', 2000), { text: 'short', cut: false, length: 5 });
    assert.deepEqual(clip(undefined, 10), { text: '', cut: false, length: 0 });
  });

  it('never splits a surrogate pair at the cut', () => {
    const c = clip(`${'a'.repeat(9)}😀😀`, 10);
    assert.equal(c.text, 'a'.repeat(9));
    assert.doesNotMatch(c.text, LONE);
  });

  it('cuts labels with an ellipsis', () => {
    assert.equal(displayLabel('x'.repeat(500), 10), `${'x'.repeat(10)}…`);
    assert.equal(displayLabel(42), '');
  });

  it('cuts a huge HTML body before reducing it, and reports the stored length', () => {
    const value = `<p>${hugeString(3_000_000)}</p>`;
    const t = bodyText({ type: 'TextualBody', value, format: 'text/html' }, 2000);
    assert.equal(t.cut, true);
    assert.equal(t.length, value.length);
    assert.equal(t.text.length, 2000);
  });

  it('does not decode entities named after Object.prototype members', () => {
    assert.equal(textOfHtml('&constructor; &__proto__; &toString; &amp;'), '&constructor; &__proto__; &toString; &');
    assert.doesNotMatch(plainTextOf({ type: 'TextualBody', value: '&constructor;', format: 'text/html' }), /native code/);
  });
});
