import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_DISPLAY_LENGTH, plainTextOf, safeClassToken, safeHref, textOfHtml } from '../../src/annotations/sanitize.ts';
import { importCollection } from '../../src/annotations/exchange.ts';
import { ANNO_CONTEXT, textTarget, type TextualBody } from '../../src/annotations/model.ts';

const html = (value: string): TextualBody => ({ type: 'TextualBody', value, format: 'text/html' });
const plain = (value: string): TextualBody => ({ type: 'TextualBody', value, format: 'text/plain' });

describe('plainTextOf', () => {
  const htmlCases: [string, string][] = [
    ['<script>window.pwned = 1</script>Hello', 'Hello'],
    ['<img src=x onerror="window.pwned=1">after', 'after'],
    ['<a href="javascript:alert(1)">click</a>', 'click'],
    ['<style>body{background:url(javascript:x)}</style>text', 'text'],
    ['<p>one</p><p>two</p>', 'one\ntwo\n'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
    ['Caf&eacute; &amp; &#x41;&#66;', 'Caf&eacute; & AB'],
    ['<!-- <script>x</script> -->kept', 'kept'],
    ['<svg><script>x</script></svg>ok', 'ok'],
    ['unclosed <script>alert(1)', 'unclosed '],
    ['<div style="width: expression(alert(1))">css</div>', 'css\n'],
  ];
  for (const [input, expected] of htmlCases) {
    it(`reduces HTML ${JSON.stringify(input).slice(0, 40)} to its text`, () => {
      assert.equal(plainTextOf(html(input)), expected);
    });
  }

  it('keeps plain text exactly, markup included, since it is shown as text', () => {
    assert.equal(plainTextOf(plain('<b>not bold</b> & "quotes"')), '<b>not bold</b> & "quotes"');
  });

  it('removes bidi overrides and invisible controls but keeps letters of every script', () => {
    assert.equal(plainTextOf(plain('invoice\u202Efdp.exe\u2066x\u2069\u0000')), 'invoicefdp.exex');
    assert.equal(plainTextOf(plain('שלום مرحبا 😀 Zürich\nnext')), 'שלום مرحبا 😀 Zürich\nnext');
  });

  it('cuts huge bodies', () => {
    const text = plainTextOf(plain('x'.repeat(MAX_DISPLAY_LENGTH * 5)));
    assert.equal(text.length, MAX_DISPLAY_LENGTH + 1);
    assert.ok(text.endsWith('…'));
  });

  it('gives no text for a body that is not textual', () => {
    assert.equal(plainTextOf(textTarget('file:///a.txt', 'abc', 0, 1)), '');
  });

  it('strips tags without a DOM', () => {
    assert.equal(textOfHtml('a<br>b<li>c</li>'), 'a\nbc\n');
  });
});

describe('safeHref', () => {
  const refused = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'blob:https://example.org/x',
    '//evil.example/x',
    '/relative/path',
    'notes.html',
    '',
    'http://exa mple.org',
    `https://example.org/${'a'.repeat(5000)}`,
  ];
  for (const url of refused) {
    it(`refuses ${JSON.stringify(url).slice(0, 40)}`, () => assert.equal(safeHref(url), null));
  }
  it('refuses what is not a string', () => {
    assert.equal(safeHref({ toString: () => 'https://x.org' }), null);
  });
  const allowed: [string, string][] = [
    ['https://example.org/a?b=1#c', 'https://example.org/a?b=1#c'],
    ['HTTP://Example.org', 'http://example.org/'],
    ['urn:uuid:00000000-0000-4000-8000-000000000001', 'urn:uuid:00000000-0000-4000-8000-000000000001'],
    ['file:///documents/a.txt', 'file:///documents/a.txt'],
  ];
  for (const [url, href] of allowed) {
    it(`allows ${url}`, () => assert.equal(safeHref(url), href));
  }
});

describe('safeClassToken', () => {
  it('allows plain words and refuses anything that could escape a class or style', () => {
    assert.equal(safeClassToken('missing-passage'), 'missing-passage');
    for (const bad of ['a;color:red', 'x}</style><script>', 'expression(alert(1))', 'a b', '-x', '', 'url(javascript:x)', 42]) {
      assert.equal(safeClassToken(bad), null, String(bad));
    }
  });
});

describe('hostile imports', () => {
  it('import keeps hostile bodies as data; plainTextOf and safeHref defuse them', () => {
    const hostile = [
      '<script>window.pwned=1</script>',
      '<img src=x onerror=window.pwned=1>',
      '</style><script>window.pwned=1</script>',
      'x{background:expression(alert(1))}',
      '\u202Egnp.exe',
      'A'.repeat(200_000),
    ];
    const items = hostile.map((value, i) => ({
      '@context': ANNO_CONTEXT,
      id: `urn:uuid:00000000-0000-4000-8000-00000000000${i}`,
      type: 'Annotation',
      motivation: 'commenting',
      target: textTarget('file:///a.txt', 'some source text', 0, 4),
      body: [{ type: 'TextualBody', value, format: i % 2 ? 'text/html' : 'text/plain' }],
      creator: { type: 'Person', name: '<img src=x onerror=alert(1)>', id: 'javascript:alert(1)' },
      created: '2024-01-01T00:00:00Z',
    }));
    const result = importCollection(items, []);
    assert.equal(result.added.length, hostile.length);
    for (const a of result.added) {
      const body = a.body[0] as TextualBody;
      const text = plainTextOf(body);
      // HTML bodies lose their markup; plain ones keep it as harmless text (rendered as text, see the browser test).
      if (body.format === 'text/html') assert.doesNotMatch(text, /<script|onerror|<img/i);
      assert.doesNotMatch(text, /\u202E/);
      assert.ok(text.length <= MAX_DISPLAY_LENGTH + 1);
      assert.equal(safeHref(a.creator?.id), null);
    }
  });
});
