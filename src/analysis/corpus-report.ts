/**
 * How far the importer and analyzer are from hand-written expectations on one
 * text: headings found, missing and spurious; paragraph count against a range;
 * marker style and count; sampled marker → note resolutions; lines known not to
 * be damage that are flagged; known damage that is found. Pure: the caller
 * parses and analyses, this module only compares (see `src/cli/corpus.ts`).
 *
 * The expectation format is the one of the development corpus
 * (`<name>.expect.json`, described in its README). Quotes are located in the
 * source with every run of whitespace matching any run of whitespace, so a
 * quote that wraps over a line break (or a CRLF) in the text still matches.
 */
import type { FootnoteMarker, ParsedText, SourceSpan } from '../document/structure.ts';
import { blockText } from '../document/structure.ts';
import type { Finding } from './finding.ts';
import { footnoteIndex } from './footnote-index.ts';

/** Marker styles of the expectation vocabulary. */
export type ExpectedMarkerStyle = 'bracketed' | 'glued' | 'caret' | 'footnote-block' | 'markdown' | 'none';

/** One `<name>.expect.json` (fields this report reads). */
export interface Expectation {
  readonly file: string;
  readonly family?: string;
  readonly paragraphs: { readonly min: number; readonly max: number };
  readonly headings: readonly string[];
  readonly markers: { readonly style: string; readonly count: number };
  readonly notes_list?: { readonly present: boolean; readonly entries: number; readonly style: string };
  readonly resolutions: readonly { readonly marker: string; readonly entry_starts_with: string }[];
  readonly not_damage: readonly string[];
  readonly damage: readonly { readonly kind: string; readonly quote: string }[];
}

/** A resolution sample that did not come out right, and what came out instead. */
export interface WrongResolution {
  readonly marker: string;
  readonly expected: string;
  /** The start of the entry the marker resolved to, or why there is none. */
  readonly got: string;
}

/** The measurement of one text against its expectations. */
export interface TextReport {
  readonly name: string;
  /** The layout the importer read, in words (empty when the parse exposes none). */
  readonly readAs: string;
  readonly headings: {
    readonly expected: number;
    readonly found: number;
    readonly missing: readonly string[];
    readonly spurious: readonly string[];
  };
  readonly paragraphs: { readonly count: number; readonly min: number; readonly max: number; readonly inRange: boolean };
  readonly markers: {
    readonly expectedStyle: string;
    readonly style: ExpectedMarkerStyle;
    readonly expected: number;
    readonly count: number;
  };
  readonly resolutions: { readonly sampled: number; readonly right: number; readonly wrong: readonly WrongResolution[] };
  readonly notDamage: { readonly total: number; readonly flagged: readonly string[]; readonly notFound: readonly string[] };
  readonly damage: { readonly total: number; readonly found: number; readonly missed: readonly string[] };
}

/** Sums over every text measured. */
export interface CorpusTotals {
  readonly texts: number;
  readonly headingsExpected: number;
  readonly headingsFound: number;
  readonly headingsSpurious: number;
  readonly paragraphsInRange: number;
  readonly markerStylesRight: number;
  readonly markersExpected: number;
  readonly markersFound: number;
  /** Markers found on texts whose expectation says they have none. */
  readonly falseMarkers: number;
  readonly resolutionsSampled: number;
  readonly resolutionsRight: number;
  readonly notDamageTotal: number;
  readonly notDamageFlagged: number;
  readonly damageTotal: number;
  readonly damageFound: number;
}

/** How far an entry's expected first words may sit from its start (backlink markup such as `^ _**a**_` comes first). */
const ENTRY_START_SLACK = 40;

/**
 * Measures one parsed and analysed text against its expectation. Never throws
 * on a well-formed expectation; a quote that cannot be located is reported
 * as not found rather than guessed.
 */
export function measureText(name: string, parsed: ParsedText, findings: readonly Finding[], expectation: Expectation): TextReport {
  const { source } = parsed;
  return {
    name,
    readAs: parsed.profile ? describeProfileShort(parsed.profile) : '',
    headings: measureHeadings(parsed, expectation.headings),
    paragraphs: measureParagraphs(parsed, expectation.paragraphs),
    markers: measureMarkers(parsed, expectation.markers),
    resolutions: measureResolutions(parsed, expectation.resolutions),
    notDamage: measureNotDamage(source, notDamageEvidence(parsed, findings, expectation), expectation.not_damage),
    damage: measureDamage(source, findings, expectation.damage),
  };
}

function describeProfileShort(profile: NonNullable<ParsedText['profile']>): string {
  return `${profile.paragraphs}/${profile.headings}/${profile.markers}/${profile.notes}`;
}

/** A heading's words without markup: `#`, closing `##`, `*****` frames, `[edit]`, underscores for spaces, case. */
export function headingKey(text: string): string {
  return text
    .replace(/\[edit\]/giu, ' ')
    .replace(/_/gu, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s#*=]+|[\s#*=]+$/gu, '')
    .replace(/[.:]+$/u, '')
    .trim()
    .toLowerCase();
}

function measureHeadings(parsed: ParsedText, expected: readonly string[]): TextReport['headings'] {
  const found = parsed.blocks
    .filter((b) => b.type === 'heading' || b.type === 'title')
    .map((b) => blockText(parsed.source, b).replace(/\s+/gu, ' ').trim());
  // Multiset matching: a heading expected twice must be found twice.
  const pool = new Map<string, number>();
  for (const f of found) pool.set(headingKey(f), (pool.get(headingKey(f)) ?? 0) + 1);
  const missing: string[] = [];
  for (const h of expected) {
    const key = headingKey(h);
    const left = pool.get(key) ?? 0;
    if (left > 0) pool.set(key, left - 1);
    else missing.push(h);
  }
  const spurious: string[] = [];
  for (const f of found) {
    const key = headingKey(f);
    const left = pool.get(key) ?? 0;
    if (left > 0) {
      spurious.push(f);
      pool.set(key, left - 1);
    }
  }
  return { expected: expected.length, found: expected.length - missing.length, missing, spurious };
}

function measureParagraphs(parsed: ParsedText, range: Expectation['paragraphs']): TextReport['paragraphs'] {
  const count = parsed.blocks.filter((b) => b.type === 'paragraph').length;
  return { count, min: range.min, max: range.max, inRange: count >= range.min && count <= range.max };
}

/** The expectation vocabulary's name for the markers a parse found. */
export function markerStyleOf(parsed: ParsedText): ExpectedMarkerStyle {
  if (parsed.profile) return parsed.profile.markers;
  const counts = new Map<string, number>();
  for (const b of parsed.blocks) for (const m of b.markers) counts.set(m.style, (counts.get(m.style) ?? 0) + 1);
  let best: ExpectedMarkerStyle = 'none';
  let most = 0;
  for (const [style, n] of counts) {
    if (n > most) {
      most = n;
      best = style as ExpectedMarkerStyle;
    }
  }
  return best;
}

function measureMarkers(parsed: ParsedText, expected: Expectation['markers']): TextReport['markers'] {
  const count = parsed.blocks.reduce((n, b) => n + b.markers.length, 0);
  return { expectedStyle: expected.style, style: markerStyleOf(parsed), expected: expected.count, count };
}

/** The label a marker is cited by: its letters or digits as printed. */
function markerLabel(marker: FootnoteMarker): string {
  return marker.label ?? String(marker.number);
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function measureResolutions(parsed: ParsedText, samples: Expectation['resolutions']): TextReport['resolutions'] {
  const index = footnoteIndex(parsed);
  const wrong: WrongResolution[] = [];
  let right = 0;
  for (const sample of samples) {
    const marker = index.markers.find((m) => markerLabel(m) === sample.marker);
    const expected = collapse(sample.entry_starts_with);
    if (!marker) {
      wrong.push({ marker: sample.marker, expected, got: '(no such marker found)' });
      continue;
    }
    const entry = index.entryOf.get(marker);
    if (!entry) {
      wrong.push({ marker: sample.marker, expected, got: '(marker not resolved)' });
      continue;
    }
    const text = collapse(blockText(parsed.source, entry));
    const at = text.indexOf(expected);
    if (at >= 0 && at <= ENTRY_START_SLACK) right++;
    else wrong.push({ marker: sample.marker, expected, got: text.slice(0, expected.length + 10) });
  }
  return { sampled: samples.length, right, wrong };
}

/**
 * Where `quote` occurs in `source`, any run of whitespace in the quote matching
 * any run of whitespace in the source (line breaks, CRLF, re-wrapping). Every
 * occurrence, in order.
 */
export function locateQuote(source: string, quote: string): SourceSpan[] {
  const words = quote.trim().split(/\s+/u).filter(Boolean);
  if (!words.length) return [];
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('\\s+'), 'gu');
  return [...source.matchAll(pattern)].map((m) => ({ from: m.index, to: m.index + m[0].length }));
}

function flagged(findings: readonly Finding[], span: SourceSpan): boolean {
  return findings.some((f) => f.kind === 'flag' && f.from < span.to && f.to > span.from);
}

/**
 * The flags a not-damage line is checked against. When the expectation says
 * the text has markers but no notes list, a flag on a marker saying its note
 * cannot be found is what the expectation asks for, wherever the marker
 * stands (a not-damage line may hold one): it is not counted against the line.
 */
function notDamageEvidence(parsed: ParsedText, findings: readonly Finding[], expectation: Expectation): readonly Finding[] {
  if (expectation.notes_list?.present !== false || expectation.markers.count === 0) return findings;
  const markers = new Set(parsed.blocks.flatMap((b) => b.markers.map((m) => `${m.from}:${m.to}`)));
  return findings.filter((f) => !(f.kind === 'flag' && f.layer === 'footnotes' && markers.has(`${f.from}:${f.to}`)));
}

function measureNotDamage(source: string, findings: readonly Finding[], quotes: readonly string[]): TextReport['notDamage'] {
  const hit: string[] = [];
  const notFound: string[] = [];
  for (const quote of quotes) {
    const spans = locateQuote(source, quote);
    if (!spans.length) notFound.push(quote);
    else if (spans.some((s) => flagged(findings, s))) hit.push(quote);
  }
  return { total: quotes.length, flagged: hit, notFound };
}

function measureDamage(source: string, findings: readonly Finding[], damage: Expectation['damage']): TextReport['damage'] {
  const missed: string[] = [];
  let found = 0;
  for (const d of damage) {
    const spans = locateQuote(source, d.quote);
    if (spans.some((s) => flagged(findings, s))) found++;
    else missed.push(d.quote);
  }
  return { total: damage.length, found, missed };
}

/** Sums of `reports`. */
export function corpusTotals(reports: readonly TextReport[]): CorpusTotals {
  const sum = (f: (r: TextReport) => number): number => reports.reduce((n, r) => n + f(r), 0);
  return {
    texts: reports.length,
    headingsExpected: sum((r) => r.headings.expected),
    headingsFound: sum((r) => r.headings.found),
    headingsSpurious: sum((r) => r.headings.spurious.length),
    paragraphsInRange: sum((r) => (r.paragraphs.inRange ? 1 : 0)),
    markerStylesRight: sum((r) => (r.markers.style === r.markers.expectedStyle ? 1 : 0)),
    markersExpected: sum((r) => r.markers.expected),
    markersFound: sum((r) => r.markers.count),
    falseMarkers: sum((r) => (r.markers.expected === 0 ? r.markers.count : 0)),
    resolutionsSampled: sum((r) => r.resolutions.sampled),
    resolutionsRight: sum((r) => r.resolutions.right),
    notDamageTotal: sum((r) => r.notDamage.total),
    notDamageFlagged: sum((r) => r.notDamage.flagged.length),
    damageTotal: sum((r) => r.damage.total),
    damageFound: sum((r) => r.damage.found),
  };
}

const COLUMNS = ['text', 'headings found/exp (spurious)', 'paragraphs [range]', 'markers style count/exp', 'resolved right/sampled', 'not-damage flagged', 'damage found'];

function row(r: TextReport): string[] {
  const styleMark = r.markers.style === r.markers.expectedStyle ? '' : ` (exp ${r.markers.expectedStyle})`;
  return [
    r.name,
    `${r.headings.found}/${r.headings.expected} (${r.headings.spurious.length})`,
    `${r.paragraphs.count} [${r.paragraphs.min}–${r.paragraphs.max}]${r.paragraphs.inRange ? '' : ' ✗'}`,
    `${r.markers.style}${styleMark} ${r.markers.count}/${r.markers.expected}`,
    `${r.resolutions.right}/${r.resolutions.sampled}`,
    `${r.notDamage.flagged.length}/${r.notDamage.total}`,
    `${r.damage.found}/${r.damage.total}`,
  ];
}

function totalsRow(t: CorpusTotals): string[] {
  return [
    `TOTAL (${t.texts} texts)`,
    `${t.headingsFound}/${t.headingsExpected} (${t.headingsSpurious})`,
    `${t.paragraphsInRange}/${t.texts} in range`,
    `${t.markerStylesRight}/${t.texts} styles, ${t.markersFound}/${t.markersExpected}, ${t.falseMarkers} false`,
    `${t.resolutionsRight}/${t.resolutionsSampled}${t.resolutionsSampled ? ` (${Math.round((100 * t.resolutionsRight) / t.resolutionsSampled)}%)` : ''}`,
    `${t.notDamageFlagged}/${t.notDamageTotal}`,
    `${t.damageFound}/${t.damageTotal}`,
  ];
}

function table(rows: readonly string[][]): string {
  const widths = COLUMNS.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ').trimEnd()).join('\n');
}

/** The per-text table and the totals row, as plain text. */
export function formatReport(reports: readonly TextReport[]): string {
  return `${table([COLUMNS, ...reports.map(row), totalsRow(corpusTotals(reports))])}\n`;
}

/** The totals alone, as plain text (what CI prints). */
export function formatTotals(reports: readonly TextReport[]): string {
  return `${table([COLUMNS, totalsRow(corpusTotals(reports))])}\n`;
}

/** What went wrong per text, one line per miss: headings missing and spurious, wrong resolutions, flagged lines. */
export function formatDetails(reports: readonly TextReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    const out: string[] = [];
    for (const h of r.headings.missing) out.push(`  missing heading: ${h}`);
    for (const h of r.headings.spurious) out.push(`  spurious heading: ${h.slice(0, 100)}`);
    for (const w of r.resolutions.wrong) out.push(`  resolution [${w.marker}]: expected "${w.expected}", got "${w.got}"`);
    for (const q of r.notDamage.flagged) out.push(`  not-damage flagged: ${q.slice(0, 100)}`);
    for (const q of r.notDamage.notFound) out.push(`  not-damage quote not found in the text: ${q.slice(0, 100)}`);
    for (const q of r.damage.missed) out.push(`  damage missed: ${q.slice(0, 100)}`);
    if (out.length) lines.push(`${r.name}${r.readAs ? ` (read as ${r.readAs})` : ''}`, ...out);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/**
 * Reads an `.expect.json` value; throws an Error naming the first missing or
 * malformed field.
 */
export function readExpectation(json: unknown): Expectation {
  const e = json as Record<string, unknown> | null;
  if (!e || typeof e !== 'object') throw new Error('the expectation is not a JSON object.');
  const need = (field: string, ok: boolean): void => {
    if (!ok) throw new Error(`the expectation's "${field}" is missing or malformed.`);
  };
  need('file', typeof e.file === 'string');
  const p = e.paragraphs as Record<string, unknown> | undefined;
  need('paragraphs', !!p && typeof p.min === 'number' && typeof p.max === 'number');
  need('headings', Array.isArray(e.headings) && e.headings.every((h) => typeof h === 'string'));
  const m = e.markers as Record<string, unknown> | undefined;
  need('markers', !!m && typeof m.style === 'string' && typeof m.count === 'number');
  need('resolutions', Array.isArray(e.resolutions) && e.resolutions.every((r: unknown) => isRecord(r) && typeof r.marker === 'string' && typeof r.entry_starts_with === 'string'));
  need('not_damage', Array.isArray(e.not_damage) && e.not_damage.every((q) => typeof q === 'string'));
  need('damage', Array.isArray(e.damage) && e.damage.every((d: unknown) => isRecord(d) && typeof d.quote === 'string'));
  return e as unknown as Expectation;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
