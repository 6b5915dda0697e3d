/**
 * Hypothesis interoperability: annotations in the shape Hypothesis's API
 * returns and exports (`{"rows": [...]}`, a bare array of rows, or one row),
 * read into W3C annotations, and the reader's notes written out in that shape.
 *
 * A row, as documented by the Hypothesis API: `id`, `created`, `updated`,
 * `user` (`acct:name@authority`), `uri`, `text` (Markdown), `tags`, `group`,
 * `document.title` (a list), and `target[]` with `source` and `selector[]`
 * (TextQuoteSelector, TextPositionSelector, RangeSelector). The quote and
 * position selectors carry over; a RangeSelector names XPaths into the page
 * Hypothesis saw, which mean nothing in a plain text, so it is dropped.
 *
 * Which text a row is on: the text whose IRI is the row's `uri` (or its
 * target's `source`), else the one whose title is the row's document title.
 * A row on no open text keeps its own source and is listed as an orphan when
 * anchored, with that reason. A page note (no passage selected) has nothing
 * to anchor in a text and is left out with a sentence saying so.
 */
import { ANNO_CONTEXT, commentBody, firstTargetOf, type Annotation, type Body, type TextSelector } from './model.ts';
import { anchorSelectors } from './anchoring/anchor.ts';
import { CodePointIndex } from '../document/code-points.ts';

/** What the conversion needs of each open text; with its source, a row's position is found in it. */
export interface KnownText {
  readonly iri: string;
  readonly title: string | null;
  readonly source?: string;
}

/** A row left out, and why (a sentence). */
export interface RowProblem {
  readonly index: number;
  readonly reason: string;
}

/** True when `json` looks like Hypothesis's API output rather than a W3C collection or annotation. */
export function isHypothesisExport(json: unknown): boolean {
  const rows = rowsOf(json);
  // A row is known by its id and either its user and page or its `target` list (test fixtures and trimmed
  // exports drop the rest): a row missing what a note needs is then left out with a sentence, not the whole file.
  return (
    rows !== null &&
    rows.length > 0 &&
    rows.every((r) => isRecord(r) && typeof r.id === 'string' && r.type !== 'Annotation' && ((typeof r.user === 'string' && 'uri' in r) || (Array.isArray(r.target) && !('@context' in r))))
  );
}

/**
 * The rows of `json` as a W3C AnnotationCollection (as parsed JSON, to be
 * validated like any import), and the rows left out with their reasons.
 */
export function fromHypothesis(json: unknown, texts: readonly KnownText[]): { collection: Record<string, unknown>; problems: RowProblem[] } {
  const rows = rowsOf(json) ?? [];
  const items: Annotation[] = [];
  const problems: RowProblem[] = [];
  rows.forEach((raw, index) => {
    const row = raw as Record<string, unknown>;
    const converted = fromRow(row, texts);
    if (typeof converted === 'string') problems.push({ index, reason: converted });
    else items.push(converted);
  });
  return {
    collection: { '@context': ANNO_CONTEXT, type: 'AnnotationCollection', label: 'Imported from Hypothesis', total: items.length, first: { type: 'AnnotationPage', items } },
    problems,
  };
}

/** Hypothesis annotation ids are URL-safe strings; their public page is the annotation's IRI. */
const ANNOTATION_BASE = 'https://hypothes.is/a/';

function fromRow(row: Record<string, unknown>, texts: readonly KnownText[]): Annotation | string {
  const id = String(row.id);
  const name = `The Hypothesis annotation ${id.slice(0, 40)}`;
  // Hypothesis's own ids are short URL-safe strings; a row this reader exported keeps its note's IRI.
  const iri = /^[A-Za-z0-9_-]{1,64}$/u.test(id) ? ANNOTATION_BASE + id : /^(?:urn:uuid:[0-9a-f-]{36}|https?:\/\/\S{1,2000})$/iu.test(id) ? id : null;
  if (!iri) return `${name} has an id that is neither Hypothesis's nor an IRI, so it was left out.`;
  const target = (Array.isArray(row.target) ? row.target : [])[0] as Record<string, unknown> | undefined;
  const selectors = (Array.isArray(target?.selector) ? target.selector : []).filter(isRecord);
  const kept: TextSelector[] = [];
  for (const s of selectors) {
    if (s.type === 'TextQuoteSelector' && typeof s.exact === 'string' && s.exact) {
      kept.push({
        type: 'TextQuoteSelector',
        exact: s.exact,
        ...(typeof s.prefix === 'string' ? { prefix: s.prefix } : {}),
        ...(typeof s.suffix === 'string' ? { suffix: s.suffix } : {}),
      });
    } else if (s.type === 'TextPositionSelector' && Number.isInteger(s.start) && Number.isInteger(s.end) && (s.start as number) >= 0 && (s.end as number) > (s.start as number)) {
      kept.push({ type: 'TextPositionSelector', start: s.start as number, end: s.end as number });
    }
  }
  if (!kept.some((s) => s.type === 'TextQuoteSelector')) {
    return selectors.length
      ? `${name} was left out: it has no quote of its passage (only ${selectors.map((s) => String(s.type)).join(', ')}), and a plain text cannot be found by page structure.`
      : `${name} was left out: it is a page note, with no passage to anchor in a text.`;
  }
  const source = sourceOf(row, target, texts);
  if (!source) return `${name} was left out: it names no page it was made on.`;
  // Hypothesis counts positions in the page it saw (HTML), not in this text: find the quote here and say where.
  const text = texts.find((t) => t.iri === source)?.source;
  if (text !== undefined) {
    const placed = placeIn(text, kept);
    if (placed) kept.splice(0, kept.length, ...placed);
    else if (!kept.some((s) => s.type === 'TextPositionSelector')) {
      return `${name} was left out: its quote ("${clipQuote(kept)}") is not in the text, and it has no position to keep it by.`;
    }
  } else if (!kept.some((s) => s.type === 'TextPositionSelector')) {
    return `${name} was left out: it is on ${source.slice(0, 200)}, which is not one of the texts here, and it has no position to keep it by.`;
  }
  const body: Body[] = [];
  // The same bodies a note made here has: the comment as plain text (Hypothesis's Markdown is shown as written), one per tag.
  if (typeof row.text === 'string' && row.text.trim()) body.push(commentBody(row.text));
  for (const tag of new Set(Array.isArray(row.tags) ? row.tags.filter((t): t is string => typeof t === 'string').map((t) => t.trim()) : [])) {
    if (tag) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  }
  const created = isoDate(row.created);
  if (!created) return `${name} was left out: its creation date is not a date.`;
  const modified = isoDate(row.updated);
  const info = isRecord(row.user_info) && typeof row.user_info.display_name === 'string' && row.user_info.display_name.trim() ? row.user_info.display_name.trim().slice(0, 200) : null;
  return {
    '@context': ANNO_CONTEXT,
    id: iri,
    type: 'Annotation',
    motivation: body.some((b) => b.purpose === 'commenting') ? 'commenting' : 'highlighting',
    target: { type: 'SpecificResource', source, selector: kept },
    body,
    creator: { type: 'Person', name: info ?? userName(String(row.user)) },
    created,
    ...(modified && modified !== created ? { modified } : {}),
  };
}

/** The row's quote and its position in `text` (code points), or null when the quote is not found there. */
function placeIn(text: string, selectors: readonly TextSelector[]): TextSelector[] | null {
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!quote) return null;
  const anchor = anchorSelectors(text, [quote]);
  if (anchor.status !== 'anchored') return null;
  const points = new CodePointIndex(text);
  return [quote, { type: 'TextPositionSelector', start: points.toCodePoints(anchor.from), end: points.toCodePoints(anchor.to) }];
}

function clipQuote(selectors: readonly TextSelector[]): string {
  const exact = (selectors.find((s) => s.type === 'TextQuoteSelector') as { exact: string } | undefined)?.exact ?? '';
  return exact.length > 60 ? `${exact.slice(0, 60)}…` : exact;
}

/** The open text a row is on (by IRI, then by title), or the row's own page when none is. */
function sourceOf(row: Record<string, unknown>, target: Record<string, unknown> | undefined, texts: readonly KnownText[]): string | null {
  const pages = [row.uri, target?.source].filter((u): u is string => typeof u === 'string' && u.length > 0);
  for (const page of pages) {
    const text = texts.find((t) => t.iri === page);
    if (text) return text.iri;
  }
  const document = isRecord(row.document) ? row.document : null;
  const titles = Array.isArray(document?.title) ? document.title : typeof document?.title === 'string' ? [document.title] : [];
  for (const title of titles) {
    if (typeof title !== 'string') continue;
    const text = texts.find((t) => t.title !== null && normalTitle(t.title) === normalTitle(title));
    if (text) return text.iri;
  }
  return pages[0] ?? null;
}

function normalTitle(title: string): string {
  return title.normalize('NFC').replace(/\s+/gu, ' ').replace(/\s[-–—|]\s(?:Wikipedia|Hypothesis).*$/iu, '').trim().toLowerCase();
}

/** `acct:alice@hypothes.is` → `alice`; anything else as it is. */
function userName(user: string): string {
  const m = /^acct:([^@]+)@/u.exec(user);
  return (m?.[1] ?? user).slice(0, 200) || 'Hypothesis user';
}

function isoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function rowsOf(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json as unknown[];
  if (isRecord(json) && Array.isArray(json.rows)) return json.rows as unknown[];
  if (isRecord(json) && typeof json.user === 'string' && 'uri' in json) return [json];
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One open text, for the export: its IRI and title. */
export interface ExportText {
  readonly iri: string;
  readonly title: string | null;
}

/**
 * Notes in Hypothesis's API shape (`{"total", "rows"}`), for Hypothesis-aware
 * tools. Ids, dates, the comment, tags, the creator, the page and the quote
 * and position selectors are kept; a note made here gets `acct:<name>@reader.local`.
 */
export function toHypothesis(notes: readonly Annotation[], texts: readonly ExportText[]): { total: number; rows: Record<string, unknown>[] } {
  const rows = notes.map((a) => {
    const target = firstTargetOf(a);
    const title = texts.find((t) => t.iri === target.source)?.title ?? null;
    const comment = a.body.find((b) => b.type === 'TextualBody' && b.purpose !== 'tagging') as { value: string } | undefined;
    return {
      id: a.id.startsWith(ANNOTATION_BASE) ? a.id.slice(ANNOTATION_BASE.length) : a.id,
      created: a.created,
      updated: a.modified ?? a.created,
      user: `acct:${(a.creator?.name ?? 'reader').replace(/[^A-Za-z0-9._-]+/gu, '_')}@reader.local`,
      user_info: { display_name: a.creator?.name ?? 'Reader' },
      uri: target.source,
      text: comment?.value ?? '',
      tags: a.body.filter((b) => b.type === 'TextualBody' && b.purpose === 'tagging').map((b) => (b as { value: string }).value),
      group: '__world__',
      permissions: { read: ['group:__world__'] },
      target: [{ source: target.source, selector: target.selector }],
      document: title ? { title: [title] } : {},
    };
  });
  return { total: rows.length, rows };
}
