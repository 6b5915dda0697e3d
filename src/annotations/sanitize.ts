/**
 * What of an annotation may reach the page, and how. Bodies are shown as text
 * only (through lit text bindings, never innerHTML); links only to http(s),
 * urn and file IRIs; and no annotation value ever reaches a `style`: the one
 * place user data touches CSS is a class token, which must be a plain word.
 */
import type { Body } from './model.ts';

/** Body text longer than this (code units) is cut with an ellipsis: a card is no place for a book. */
export const MAX_DISPLAY_LENGTH = 20_000;

// Bidirectional embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F,
// U+061C) can make text read as something else ("RTL override" spoofing); other C0/C1 controls and the
// byte-order mark have no business in a note. Tabs and line breaks stay.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
// A surrogate without its partner is not a character: it shows as the replacement character.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `text` as it may be shown: bidi controls and other invisible controls
 * removed, lone surrogates replaced by U+FFFD. Never throws; the stored value
 * is not changed (this is for display only).
 */
export function neutralise(text: string): string {
  return text.replace(INVISIBLE, '').replace(LONE_SURROGATE, '\ufffd');
}

/** A foreign string cut for display: its start, and how long the whole is. */
export interface Clipped {
  /** The text to show: neutralised, at most `max` code units (a surrogate pair is never split). */
  readonly text: string;
  /** True when `text` is only the start of the value. */
  readonly cut: boolean;
  /** The length of the whole value, in code units. */
  readonly length: number;
}

/**
 * The start of `value` for display, neutralised (see `neutralise`), with at
 * most `max` code units; a value that is not a string gives ''. Only the
 * start is scanned, so a 15 MB comment costs what a short one does.
 */
export function clip(value: unknown, max: number): Clipped {
  if (typeof value !== 'string') return { text: '', cut: false, length: 0 };
  if (value.length <= max) return { text: neutralise(value), cut: false, length: value.length };
  // Cut before a high surrogate whose partner would be left behind.
  const end = /[\uD800-\uDBFF]/.test(value[max - 1] ?? '') ? max - 1 : max;
  return { text: neutralise(value.slice(0, end)), cut: true, length: value.length };
}

/** Longest label (a name, a tag, a file name, a layer label) shown whole. */
export const MAX_LABEL_LENGTH = 120;

/**
 * A short foreign string (a creator or generator name, a tag, an id, a file
 * name, a layer label) as it may be shown: neutralised, and cut with "…" past
 * `max` code units. A value that is not a string gives ''.
 */
export function displayLabel(value: unknown, max: number = MAX_LABEL_LENGTH): string {
  const { text, cut } = clip(value, max);
  return cut ? `${text}…` : text;
}

/**
 * A whole number with thousands separators, the same in every locale:
 * `15,728,640`. (Not `toLocaleString`: its first call loads the locale data,
 * a fifth of a second in the middle of an import.)
 */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** How many characters a long value has, for "… (N characters)" notes: `15,728,640`. */
export function formatLength(length: number): string {
  return formatCount(length);
}

// A Map, not an object: an entity named after an Object.prototype member (`&constructor;`) is no entity.
const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
]);

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
    }
    return ENTITIES.get(name.toLowerCase()) ?? whole;
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
export function plainTextOf(body: Body, max: number = MAX_DISPLAY_LENGTH): string {
  const { text, cut } = bodyText(body, max);
  return cut ? `${text}…` : text;
}

/**
 * Like `plainTextOf`, but says whether the text was cut and how long the
 * stored value is, so a view can say "the first 2,000 of 15,728,640
 * characters". An HTML body is cut before it is reduced to text, so a huge
 * one costs no more than a short one.
 */
export function bodyText(body: Body, max: number = MAX_DISPLAY_LENGTH): Clipped {
  if (body.type !== 'TextualBody' || typeof body.value !== 'string') return { text: '', cut: false, length: 0 };
  if (body.format !== 'text/html') return clip(body.value, max);
  // Markup takes room: cut the source generously, then the text.
  const source = body.value.length > max * 4 ? body.value.slice(0, max * 4) : body.value;
  const inner = clip(textOfHtml(source), max);
  return { text: inner.text, cut: inner.cut || source !== body.value, length: body.value.length };
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
