/**
 * Validation of annotation files on load (product.md §2): the W3C Web
 * Annotation MUSTs (https://www.w3.org/TR/annotation-model/) plus this reader's
 * contracts. A broken file yields one problem and no layer; a broken annotation
 * yields one problem and is left out, while the rest of its layer loads.
 *
 * Output values are new, deeply frozen objects holding only the fields the
 * model knows; the input is never changed.
 */
import {
  CSL_JSON,
  ANNO_CONTEXT,
  stableAnnotationId,
  type Agent,
  type Annotation,
  type Body,
  type Motivation,
  type Purpose,
  type SpecificResource,
  type TextPositionSelector,
  type TextQuoteSelector,
  type TextSelector,
  type TextualBody,
} from './model.ts';
import type { Layer, Problem } from './layer.ts';
import { textLengthProblem } from './import-limit.ts';

export { MAX_FILE_LENGTH } from './import-limit.ts';
/** After this many annotation problems in one file, the rest are summed up in one closing problem. */
export const MAX_PROBLEMS_PER_FILE = 50;

const MOTIVATIONS: readonly Motivation[] = ['assessing', 'linking', 'commenting', 'tagging', 'describing', 'highlighting'];
const PURPOSES: readonly Purpose[] = ['tagging', 'describing', 'commenting', 'linking', 'identifying'];
const FORMATS = ['text/plain', 'text/html', CSL_JSON] as const;

/** An absolute IRI: a scheme, a colon, and no whitespace or angle brackets (RFC 3987's outline). */
export function isAbsoluteIri(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i.test(value);
}

/** An xsd:dateTime with a timezone that also names a real instant. */
export function isDateTime(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** True when a JSON-LD `@context` value is, or lists, the Web Annotation context. */
export function hasAnnoContext(value: unknown): boolean {
  return value === ANNO_CONTEXT || (Array.isArray(value) && value.includes(ANNO_CONTEXT));
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasType = (v: Json, type: string): boolean => v.type === type || (Array.isArray(v.type) && v.type.includes(type));
const show = (v: unknown): string => {
  const s = typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'nothing' : JSON.stringify(v) ?? typeof v;
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

/** Freezes `value` and everything in it (a layer is never changed in place). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function checkSelectors(raw: unknown, where: string, errors: string[]): TextSelector[] {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  let quote: TextQuoteSelector | null = null;
  let position: TextPositionSelector | null = null;
  for (const s of list) {
    if (!isObject(s)) {
      errors.push(`${where} has a selector that is not an object`);
    } else if (s.type === 'TextQuoteSelector') {
      if (typeof s.exact !== 'string' || s.exact === '') errors.push(`${where}'s TextQuoteSelector has no "exact" text`);
      else if (s.prefix !== undefined && typeof s.prefix !== 'string') errors.push(`${where}'s TextQuoteSelector has a "prefix" that is not text`);
      else if (s.suffix !== undefined && typeof s.suffix !== 'string') errors.push(`${where}'s TextQuoteSelector has a "suffix" that is not text`);
      else if (quote) errors.push(`${where} has more than one TextQuoteSelector`);
      else
        quote = {
          type: 'TextQuoteSelector',
          exact: s.exact,
          ...(typeof s.prefix === 'string' ? { prefix: s.prefix } : {}),
          ...(typeof s.suffix === 'string' ? { suffix: s.suffix } : {}),
        };
    } else if (s.type === 'TextPositionSelector') {
      const { start, end } = s;
      if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) < 0) {
        errors.push(`${where}'s TextPositionSelector needs whole, non-negative "start" and "end" (has ${show(start)} and ${show(end)})`);
      } else if ((start as number) > (end as number)) {
        errors.push(`${where}'s TextPositionSelector starts at ${start as number}, after its end ${end as number}`);
      } else if (position) errors.push(`${where} has more than one TextPositionSelector`);
      else position = { type: 'TextPositionSelector', start: start as number, end: end as number };
    } else {
      errors.push(`${where} has a selector of type ${show(s.type)}, which this reader does not read`);
    }
  }
  if (!quote && !errors.some((e) => e.includes('TextQuoteSelector'))) errors.push(`${where} has no TextQuoteSelector`);
  if (!position && !errors.some((e) => e.includes('TextPositionSelector'))) errors.push(`${where} has no TextPositionSelector`);
  return quote && position ? [quote, position] : [];
}

function checkSpecificResource(raw: unknown, where: string, errors: string[]): SpecificResource | null {
  if (!isObject(raw)) {
    errors.push(`${where} is not an object`);
    return null;
  }
  const before = errors.length;
  if (!hasType(raw, 'SpecificResource')) errors.push(`${where} is not a SpecificResource (its type is ${show(raw.type)})`);
  if (!isAbsoluteIri(raw.source)) errors.push(`${where}'s "source" must be the document's absolute IRI (has ${show(raw.source)})`);
  const selector = checkSelectors(raw.selector, where, errors);
  let purpose: Purpose | undefined;
  if (raw.purpose !== undefined) {
    if (PURPOSES.includes(raw.purpose as Purpose)) purpose = raw.purpose as Purpose;
    else errors.push(`${where} has a purpose ${show(raw.purpose)} that this reader does not know`);
  }
  if (errors.length > before) return null;
  return { type: 'SpecificResource', source: raw.source as string, selector, ...(purpose ? { purpose } : {}) };
}

function checkBody(raw: unknown, where: string, errors: string[]): Body | null {
  if (isObject(raw) && hasType(raw, 'SpecificResource')) return checkSpecificResource(raw, where, errors);
  if (!isObject(raw) || !hasType(raw, 'TextualBody')) {
    errors.push(`${where} is neither a TextualBody nor a SpecificResource`);
    return null;
  }
  const before = errors.length;
  if (typeof raw.value !== 'string') errors.push(`${where} is a TextualBody without a text "value"`);
  if (raw.purpose !== undefined && !PURPOSES.includes(raw.purpose as Purpose)) {
    errors.push(`${where} has a purpose ${show(raw.purpose)} that this reader does not know`);
  }
  if (raw.format !== undefined && !FORMATS.includes(raw.format as (typeof FORMATS)[number])) {
    errors.push(`${where} has a format ${show(raw.format)}; only text/plain, text/html and CSL-JSON are read`);
  }
  if (raw.language !== undefined && typeof raw.language !== 'string') errors.push(`${where} has a "language" that is not text`);
  if (errors.length > before) return null;
  const body: TextualBody = {
    type: 'TextualBody',
    value: raw.value as string,
    ...(raw.purpose !== undefined ? { purpose: raw.purpose as Purpose } : {}),
    ...(raw.format !== undefined ? { format: raw.format as TextualBody['format'] } : {}),
    ...(raw.language !== undefined ? { language: raw.language as string } : {}),
  };
  return body;
}

function checkAgent(raw: unknown, role: 'creator' | 'generator', errors: string[]): Agent | null {
  if (!isObject(raw)) {
    errors.push(`its ${role} is not an object with a type and a name`);
    return null;
  }
  const type = raw.type === 'Person' || raw.type === 'Software' ? raw.type : null;
  if (!type) errors.push(`its ${role} has type ${show(raw.type)}; it must be "Person" or "Software"`);
  if (typeof raw.name !== 'string' || !raw.name.trim()) errors.push(`its ${role} has no name`);
  if (raw.id !== undefined && !isAbsoluteIri(raw.id)) errors.push(`its ${role}'s "id" is not an absolute IRI`);
  const version = raw['schema:softwareVersion'];
  if (!type || typeof raw.name !== 'string' || !raw.name.trim() || (raw.id !== undefined && !isAbsoluteIri(raw.id))) return null;
  return {
    ...(raw.id !== undefined ? { id: raw.id } : {}),
    type,
    name: raw.name,
    ...(typeof version === 'string' ? { 'schema:softwareVersion': version } : {}),
  };
}

/** Why `raw` is not a valid creator or generator (clauses, as `validateAnnotation` words them); empty when it is. */
export function agentErrors(raw: unknown, role: 'creator' | 'generator'): string[] {
  const errors: string[] = [];
  checkAgent(raw, role, errors);
  return errors;
}

/** What `validateAnnotation` found: the clean annotation, or null and the reasons (clauses, not sentences). */
export interface AnnotationCheck {
  readonly annotation: Annotation | null;
  readonly errors: readonly string[];
}

/**
 * Checks one annotation against the W3C MUSTs and product.md §2. Returns a new
 * frozen Annotation holding only the fields the model knows (with its own
 * `@context`), or null with every reason found. `contextFromCollection` lets a
 * collection's `@context` stand for its items'. Never throws.
 */
export function validateAnnotation(raw: unknown, options: { contextFromCollection?: boolean } = {}): AnnotationCheck {
  if (!isObject(raw)) return { annotation: null, errors: [`it is ${Array.isArray(raw) ? 'an array' : show(raw)}, not an object`] };
  const errors: string[] = [];
  if (raw['@context'] === undefined ? !options.contextFromCollection : !hasAnnoContext(raw['@context'])) {
    errors.push(`its "@context" must be ${ANNO_CONTEXT} (has ${show(raw['@context'])})`);
  }
  if (!isAbsoluteIri(raw.id)) errors.push(`its "id" must be an absolute IRI such as urn:uuid:… (has ${show(raw.id)})`);
  if (!hasType(raw, 'Annotation')) errors.push(`its "type" must be "Annotation" (has ${show(raw.type)})`);
  if (!MOTIVATIONS.includes(raw.motivation as Motivation)) {
    errors.push(`its motivation ${show(raw.motivation)} is not one of ${MOTIVATIONS.join(', ')}`);
  }
  let target: SpecificResource | SpecificResource[] | null = null;
  if (raw.target === undefined) errors.push('it has no target');
  else if (Array.isArray(raw.target)) {
    if (raw.target.length === 0) errors.push('its target list is empty');
    const many = raw.target.map((t, i) => checkSpecificResource(t, `its target ${i + 1}`, errors));
    if (many.every((t): t is SpecificResource => t !== null)) target = many;
  } else target = checkSpecificResource(raw.target, 'its target', errors);
  if ('bodyValue' in raw) errors.push('it uses "bodyValue"; this reader needs bodies in "body"');
  const rawBodies = raw.body === undefined ? [] : Array.isArray(raw.body) ? raw.body : [raw.body];
  const body = rawBodies.map((b, i) => checkBody(b, rawBodies.length === 1 ? 'its body' : `its body ${i + 1}`, errors));
  const creator = raw.creator === undefined ? undefined : checkAgent(raw.creator, 'creator', errors);
  const generator = raw.generator === undefined ? undefined : checkAgent(raw.generator, 'generator', errors);
  if (raw.creator === undefined && raw.generator === undefined) errors.push('it names neither a creator nor a generator');
  if (!isDateTime(raw.created)) errors.push(`its "created" must be a date and time with a timezone (has ${show(raw.created)})`);
  if (raw.modified !== undefined && !isDateTime(raw.modified)) errors.push(`its "modified" is not a date and time with a timezone`);
  const confidence = raw['reader:confidence'];
  if (confidence !== undefined && !(typeof confidence === 'number' && confidence >= 0 && confidence <= 1)) {
    errors.push('its "reader:confidence" must be a number from 0 to 1');
  }
  if (errors.length || !target) return { annotation: null, errors };
  const annotation: Annotation = {
    '@context': ANNO_CONTEXT,
    id: raw.id as string,
    type: 'Annotation',
    motivation: raw.motivation as Motivation,
    target,
    body: body as Body[],
    ...(creator ? { creator } : {}),
    ...(generator ? { generator } : {}),
    created: raw.created as string,
    ...(raw.modified !== undefined ? { modified: raw.modified as string } : {}),
    ...(confidence !== undefined ? { 'reader:confidence': confidence as number } : {}),
  };
  return { annotation: deepFreeze(annotation), errors: [] };
}

/** A problem whose `detail` (a sentence starting in lower case, ending with a period) is said of `file`. */
function problem(file: string, index: number | null, annotationId: string | null, detail: string): Problem {
  return { file, index, annotationId, message: `${file}: ${detail}`, reason: detail.charAt(0).toUpperCase() + detail.slice(1) };
}

function fileProblem(file: string, message: string): { layer: null; problems: Problem[] } {
  return { layer: null, problems: [problem(file, null, null, message)] };
}

/** How a report names item `index` (0-based) of a file: `annotation 3 ("urn:uuid:…")`, its id quoted and cut. */
export function itemName(index: number, id: string | null): string {
  return `annotation ${index + 1}${id ? ` (${show(id)})` : ' (no id)'}`;
}

/**
 * Loads one annotation file: an AnnotationCollection (`items`, or `first.items`),
 * an array of annotations, or a single Annotation; `json` is the parsed value
 * or the file's text. Returns the layer of every valid annotation (duplicates
 * of an earlier id are left out) and a problem per bad annotation; a file that
 * is not one of those shapes gives `layer: null` and exactly one problem.
 * Never throws.
 */
export function loadCollection(fileName: string, json: unknown): { layer: Layer | null; problems: Problem[] } {
  let doc = json;
  if (typeof json === 'string') {
    const tooLong = textLengthProblem(json);
    if (tooLong) return fileProblem(fileName, tooLong);
    if (!json.trim()) return fileProblem(fileName, 'the file is empty.');
    try {
      doc = JSON.parse(json);
    } catch (e) {
      return fileProblem(fileName, `the file is not valid JSON (${(e as Error).message}).`);
    }
  }
  let items: unknown[];
  let meta: Json = {};
  if (Array.isArray(doc)) items = doc;
  else if (!isObject(doc)) {
    return fileProblem(fileName, `the file holds ${show(doc)}, not an annotation collection, list or annotation.`);
  } else if (hasType(doc, 'AnnotationCollection')) {
    meta = doc;
    if (!hasAnnoContext(doc['@context'])) {
      return fileProblem(fileName, `the collection's "@context" must be ${ANNO_CONTEXT} (has ${show(doc['@context'])}).`);
    }
    const first = isObject(doc.first) ? doc.first.items : undefined;
    const raw = doc.items ?? first;
    if (!Array.isArray(raw)) return fileProblem(fileName, `the collection's "items" is ${raw === undefined ? 'missing' : show(raw)}, not a list of annotations.`);
    items = raw;
  } else if (hasType(doc, 'Annotation')) items = [doc];
  else {
    return fileProblem(fileName, `the file's type is ${show(doc.type)}; it must be an AnnotationCollection, a list of annotations, or an Annotation.`);
  }

  const problems: Problem[] = [];
  let dropped = 0;
  const report = (p: Problem): void => {
    if (problems.length < MAX_PROBLEMS_PER_FILE) problems.push(p);
    else dropped++;
  };
  // Items may lean on the collection's @context; a bare list or annotation must carry its own.
  const contextFromCollection = meta === doc;
  const seen = new Set<string>();
  const annotations: Annotation[] = [];
  items.forEach((item, index) => {
    const rawId = isObject(item) && typeof item.id === 'string' ? item.id : null;
    const name = itemName(index, rawId);
    const { annotation, errors } = validateAnnotation(item, { contextFromCollection });
    if (!annotation) {
      report(problem(fileName, index, rawId, `${name} was left out because ${errors.join('; ')}.`));
    } else if (seen.has(annotation.id)) {
      report(problem(fileName, index, rawId, `${name} was left out because an earlier annotation in the file has the same id.`));
    } else {
      seen.add(annotation.id);
      annotations.push(annotation);
    }
  });
  if (dropped) {
    problems.push(problem(fileName, null, null, `${dropped} more annotations were left out for problems not listed here.`));
  }
  if (typeof meta.total === 'number' && meta.total !== items.length) {
    problems.push(problem(fileName, null, null, `the collection says it holds ${meta.total} annotations but lists ${items.length}.`));
  }
  const agentErrors: string[] = [];
  const creator = meta.creator === undefined ? null : checkAgent(meta.creator, 'creator', agentErrors);
  const generator = meta.generator === undefined ? null : checkAgent(meta.generator, 'generator', agentErrors);
  if (agentErrors.length) {
    problems.push(problem(fileName, null, null, `the collection's own agent was ignored because ${agentErrors.join('; ')}.`));
  }
  const layer: Layer = {
    id: isAbsoluteIri(meta.id) ? meta.id : stableAnnotationId(`layer:${fileName}`),
    file: fileName,
    label: typeof meta.label === 'string' && meta.label.trim() ? meta.label : fileName,
    ...(creator ? { creator } : {}),
    ...(generator ? { generator } : {}),
    annotations,
  };
  return { layer: deepFreeze(layer), problems };
}
