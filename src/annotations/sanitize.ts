/**
 * What of an annotation may reach the page, and how. Bodies are shown as text
 * only (through lit text bindings, never innerHTML); links only to http(s),
 * urn and file IRIs; and no annotation value ever reaches a `style`: the one
 * place user data touches CSS is a class token, which must be a plain word.
 */
import type { Body } from './model.ts';

/** Body text longer than this (code units) is cut with an ellipsis: a card is no place for a book. */
export const MAX_DISPLAY_LENGTH = 20_000;

// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make text read
// as something else ("RTL override" spoofing); other C0/C1 controls have no business in a note.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The text of an HTML fragment, without parsing it into a DOM: the contents of
 * script, style and similar elements and of comments are dropped, tags are
 * removed (block ends become line breaks), entities are decoded. The result is
 * text: it must still be shown as text, never as markup.
 */
export function textOfHtml(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?(-->|$)/g, '')
      .replace(/<(script|style|template|iframe|object|noscript|textarea|title|xmp)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
      .replace(/<(br|\/p|\/div|\/li|\/h[1-6])\b[^>]*>/gi, '\n')
      .replace(/<\/?[a-z!?][^>]*(>|$)/gi, ''),
  );
}

/**
 * The text of a body as it may be shown: a TextualBody's value (HTML reduced
 * to its text by `textOfHtml`), with invisible controls and bidi overrides
 * removed and cut to MAX_DISPLAY_LENGTH; '' for a body that is not textual.
 * Render the result with a text binding only.
 */
export function plainTextOf(body: Body): string {
  if (body.type !== 'TextualBody' || typeof body.value !== 'string') return '';
  const raw = body.format === 'text/html' ? textOfHtml(body.value) : body.value;
  const text = raw.replace(INVISIBLE, '');
  return text.length > MAX_DISPLAY_LENGTH ? `${text.slice(0, MAX_DISPLAY_LENGTH)}…` : text;
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'urn:', 'file:']);

/**
 * The URL to put in an `href`, or null when it must not be a link: anything
 * that is not an absolute http(s), urn or file IRI (`javascript:`, `data:`,
 * `vbscript:`, relative paths, control characters, unparsable strings). The
 * result is the parser's normalised form, so what is checked is what is used.
 */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  // The URL parser silently drops tabs and newlines ("java\nscript:"): refuse them instead.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007F-\u009F]/.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return SAFE_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
}

/**
 * `value` when it is safe as a CSS class or custom-property name fragment (a
 * letter, then letters, digits, `-` or `_`, at most 64), else null. Use this
 * for the only annotation data that may reach CSS (tag values, layer kinds);
 * nothing from an annotation is ever put in a `style` attribute.
 */
export function safeClassToken(value: unknown): string | null {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(value) ? value : null;
}
