/**
 * The W3C Web Annotation Data Model, as this reader uses it.
 * Spec: https://www.w3.org/TR/annotation-model/ (section numbers below).
 *
 * Values are plain, immutable JSON objects: functions here return new
 * objects and never change their arguments.
 */
import { CodePointIndex } from '../document/code-points.ts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The media type of CSL-JSON (IANA-registered): a body holding a work's bibliographic data. */
export const CSL_JSON = 'application/vnd.citationstyles.csl+json';

/** §4.2.4 Text Quote Selector. `exact` plus context on both sides. */
export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

/** §4.2.5 Text Position Selector: code-point offsets into the source text, end exclusive. */
export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

export type TextSelector = TextQuoteSelector | TextPositionSelector;

/** §4 Specific Resource: a part of a document. `source` is the document's absolute IRI. */
export interface SpecificResource {
  readonly type: 'SpecificResource';
  readonly source: string;
  readonly selector: readonly TextSelector[];
  /** On bodies: what this part of the annotation is for. */
  readonly purpose?: Purpose;
}

/** §3.2.4 Purposes used here. */
export type Purpose = 'tagging' | 'describing' | 'commenting' | 'linking' | 'identifying';

/** §3.2.4 Textual Body. */
export interface TextualBody {
  readonly type: 'TextualBody';
  readonly value: string;
  readonly purpose?: Purpose;
  /** `text/html` bodies come only from imports and are shown as text (see sanitize.ts `plainTextOf`). */
  readonly format?: 'text/plain' | 'text/html' | typeof CSL_JSON;
  readonly language?: string;
}

export type Body = TextualBody | SpecificResource;

/** §3.3.2 Agents. */
export interface Agent {
  readonly id?: string;
  readonly type: 'Person' | 'Software';
  readonly name: string;
  /** The analyzer's version (schema.org vocabulary, allowed by the context's open world). */
  readonly 'schema:softwareVersion'?: string;
}

/** §3.4 Motivations used here. */
export type Motivation = 'assessing' | 'linking' | 'commenting' | 'tagging' | 'describing' | 'highlighting';

/** §3.1 Annotation. */
export interface Annotation {
  readonly '@context'?: string;
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: Motivation;
  readonly target: SpecificResource | readonly SpecificResource[];
  readonly body: readonly Body[];
  readonly creator?: Agent;
  readonly generator?: Agent;
  /** xsd:dateTime with timezone. */
  readonly created: string;
  readonly modified?: string;
  /** How sure the generator is, 0…1 (an extension term, kept out of the W3C vocabulary). */
  readonly 'reader:confidence'?: number;
}

/** §5.1 Annotation Collection (one layer). */
export interface AnnotationCollection {
  readonly '@context': string | readonly unknown[];
  readonly id: string;
  readonly type: 'AnnotationCollection';
  readonly label: string;
  readonly total: number;
  readonly generator?: Agent;
  readonly creator?: Agent;
  readonly items: readonly Annotation[];
}

/** Tag values of product.md §2: what an annotation is. */
export const DAMAGE_TAGS = [
  'truncated',
  'missing-passage',
  'split',
  'garbled',
  'unsupported',
  'contradiction',
  'broken-reference',
  'uncited-reference',
  'unresolved-footnote',
  'missing-notes',
] as const;
/** `work`: a reference entry linked to the work it names (its body carries the work as CSL-JSON). */
export const LINK_TAGS = ['footnote', 'claim', 'work'] as const;
export const RELATION_TAGS = ['agrees', 'conflicts', 'related'] as const;

export type DamageTag = (typeof DAMAGE_TAGS)[number];
export type LinkTag = (typeof LINK_TAGS)[number];
export type RelationTag = (typeof RELATION_TAGS)[number];
export type Tag = DamageTag | LinkTag | RelationTag;

/** The least context on each side of a quote (product.md §2). */
export const QUOTE_CONTEXT = 32;

/**
 * Both selectors for `[from, to)` of `text`, offsets in UTF-16 code units
 * (JavaScript indices); the position selector is written in code points.
 * Throws RangeError if the range is outside the text or empty-reversed.
 */
export function describeTextRange(
  text: string,
  from: number,
  to: number,
  index: CodePointIndex = new CodePointIndex(text),
): [TextQuoteSelector, TextPositionSelector] {
  if (from < 0 || to > text.length || from > to) throw new RangeError(`Range ${from}…${to} outside text of length ${text.length}`);
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - QUOTE_CONTEXT), from),
    suffix: text.slice(to, to + QUOTE_CONTEXT),
  };
  const position: TextPositionSelector = {
    type: 'TextPositionSelector',
    start: index.toCodePoints(from),
    end: index.toCodePoints(to),
  };
  return [quote, position];
}

/** A SpecificResource on `[from, to)` (code units) of the document `iri` whose source text is `text`. */
export function textTarget(iri: string, text: string, from: number, to: number, index?: CodePointIndex): SpecificResource {
  return { type: 'SpecificResource', source: iri, selector: describeTextRange(text, from, to, index) };
}

export function tagBody(value: Tag): TextualBody {
  return { type: 'TextualBody', purpose: 'tagging', value };
}

export function describingBody(value: string): TextualBody {
  return { type: 'TextualBody', purpose: 'describing', value, format: 'text/plain', language: 'en' };
}

export function commentBody(value: string): TextualBody {
  return { type: 'TextualBody', purpose: 'commenting', value, format: 'text/plain' };
}

/** The targets of an annotation as an array. */
export function targetsOf(annotation: Annotation): readonly SpecificResource[] {
  return isTargetList(annotation.target) ? annotation.target : [annotation.target];
}

/**
 * The first target of an annotation (a valid one has at least one).
 * @throws {RangeError} when its list of targets is empty.
 */
export function firstTargetOf(annotation: Annotation): SpecificResource {
  const target = targetsOf(annotation)[0];
  if (!target) throw new RangeError(`Annotation ${annotation.id} has no target.`);
  return target;
}

// `Array.isArray` narrows a readonly array in a union to `any[]`; this keeps the element type.
function isTargetList(target: Annotation['target']): target is readonly SpecificResource[] {
  return Array.isArray(target);
}

/** Tag values of an annotation's tagging bodies. */
export function tagsOf(annotation: Annotation): string[] {
  return annotation.body
    .filter((b): b is TextualBody => b.type === 'TextualBody' && b.purpose === 'tagging')
    .map((b) => b.value);
}

/** The first describing body's text, or null. */
export function descriptionOf(annotation: Annotation): string | null {
  return describingBodyOf(annotation)?.value ?? null;
}

/** The first describing body, or null. */
export function describingBodyOf(annotation: Annotation): TextualBody | null {
  return annotation.body.find((b): b is TextualBody => b.type === 'TextualBody' && b.purpose === 'describing') ?? null;
}

/** The comment: the first TextualBody whose purpose is commenting or unstated, or null. */
export function commentBodyOf(annotation: Annotation): TextualBody | null {
  return annotation.body.find((b): b is TextualBody => b.type === 'TextualBody' && (b.purpose === 'commenting' || b.purpose === undefined)) ?? null;
}

export function quoteSelectorOf(target: SpecificResource): TextQuoteSelector | null {
  return target.selector.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector') ?? null;
}

export function positionSelectorOf(target: SpecificResource): TextPositionSelector | null {
  return target.selector.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector') ?? null;
}

/** A fresh `urn:uuid:` IRI. */
export function newAnnotationId(): string {
  return `urn:uuid:${crypto.randomUUID()}`;
}

/**
 * A deterministic `urn:uuid:` IRI from a string key (FNV-1a based, UUID v8 layout),
 * so that regenerated analyzer output keeps the ids of unchanged findings.
 */
export function stableAnnotationId(key: string): string {
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    hex.push((h >>> 0).toString(16).padStart(8, '0'));
  }
  const s = hex.join('');
  return `urn:uuid:${s.slice(0, 8)}-${s.slice(8, 12)}-8${s.slice(13, 16)}-${((parseInt(s.charAt(16), 16) & 0x3) | 0x8).toString(16)}${s.slice(17, 20)}-${s.slice(20, 32)}`;
}
