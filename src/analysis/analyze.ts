/**
 * The analyzer's entry points: every detector over one text or several, as
 * W3C annotations. The same code runs in the browser and from the terminal
 * (`npm run analyze`, `npm run layers`).
 */
import {
  ANNO_CONTEXT,
  stableAnnotationId,
  type Annotation,
  type AnnotationCollection,
} from '../annotations/model.ts';
import { CodePointIndex } from '../document/code-points.ts';
import { parsePlainText } from '../document/parse.ts';
import type { LayoutProfile, ParsedText } from '../document/structure.ts';
import { proposeClaimLinks } from './claims/index.ts';
import { detectBreaks } from './damage/breaks.ts';
import { detectContradictions } from './damage/contradiction.ts';
import { detectDroppedWords } from './damage/dropped-words.ts';
import { detectEncoding } from './damage/encoding.ts';
import { detectPunctuation } from './damage/punctuation.ts';
import { detectSpelling } from './damage/spelling.ts';
import { detectTokens } from './damage/tokens.ts';
import { detectUnsupported } from './damage/unsupported.ts';
import type { Finding, Layer } from './finding.ts';
import { capFlags } from './flag-cap.ts';
import { detectFootnotes } from './footnotes.ts';
import { ANALYZER } from './generator.ts';
import { proposeWorkLinks } from './references/works-annotation.ts';
import { findingKey, findingToAnnotation } from './to-annotation.ts';

/** One text to analyse. */
export interface AnalysisInput {
  /** The document's absolute IRI: the `source` of every target. */
  readonly iri: string;
  /** The source text. */
  readonly text: string;
  /** The known title; `null` when the text is known to have lost it (flagged), undefined when unknown (not flagged). */
  readonly title?: string | null;
  /** A reader-facing name, used in collection labels. */
  readonly label?: string;
  /** Parts of the layout given by the manifest instead of read from the text. */
  readonly layout?: Partial<LayoutProfile>;
}

/** Options of the per-text analysis. */
export interface AnalyzeTextOptions {
  /** `created` of every annotation (xsd:dateTime); defaults to now. */
  readonly created?: string;
  /** Only findings of this layer; both when absent. */
  readonly layer?: Layer;
}

/** A text's findings, before they become annotations. */
export interface TextFindings {
  readonly parsed: ParsedText;
  /**
   * Deduplicated (one per tag and span), in source order, at most
   * MAX_FLAGS_PER_KIND flags of a kind plus one summary flag for the rest.
   */
  readonly findings: readonly Finding[];
}

/**
 * Parses `input` and runs every detector on it alone. Never throws on any
 * text; an empty text has no findings.
 *
 * Every detector looks at this one text: a flag never depends on which other
 * texts are loaded beside it (word counts, the spelling evidence, are this
 * text's own).
 */
export function findTextFindings(input: AnalysisInput): TextFindings {
  const parsed = parsePlainText(input.text, { title: input.title ?? null, ...(input.layout ? { layout: input.layout } : {}) });
  const all: Finding[] = [
    ...detectFootnotes(parsed),
    ...detectBreaks(parsed, { title: input.title }),
    ...detectTokens(parsed),
    ...detectEncoding(parsed),
    ...detectPunctuation(parsed),
    ...detectSpelling(parsed),
    ...detectDroppedWords(parsed),
    ...detectUnsupported(parsed),
    ...detectContradictions(parsed),
  ];
  const seen = new Set<string>();
  const unique = all
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .filter((f) => {
      const key = findingKey(input.iri, f);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { parsed, findings: capFlags(unique) };
}

/**
 * The analyzer's annotations on one text: flags (`assessing`) and footnote
 * links (`linking`), in source order, each with a stable id, the generator
 * and a `reader:confidence`. Never throws on any text.
 */
export function analyzeText(input: AnalysisInput, options: AnalyzeTextOptions = {}): Annotation[] {
  const created = options.created ?? new Date().toISOString();
  const { findings } = findTextFindings(input);
  const index = new CodePointIndex(input.text);
  const doc = { iri: input.iri, text: input.text, index };
  return findings
    .filter((f) => !options.layer || f.layer === options.layer)
    .map((f) => findingToAnnotation(f, doc, created, findingKey(input.iri, f)));
}

/** Options of the whole-corpus analysis. */
export interface AnalyzeTextsOptions {
  /** `created` of every annotation; defaults to now. Give a constant for byte-stable output. */
  readonly created?: string;
}

/** The three layers the analyzer produces over a corpus. */
export interface AnalysisLayers {
  readonly footnotes: readonly Annotation[];
  readonly damage: readonly Annotation[];
  /** Cross-text claim links; empty with fewer than two texts. */
  readonly claims: readonly Annotation[];
  /**
   * Works cited in more than one text, one linking annotation per work;
   * empty with fewer than two texts. Not (yet) a shipped layer file: only
   * `analyzeTexts` (`npm run analyze`) carries them.
   */
  readonly works: readonly Annotation[];
}

/**
 * Every layer over `inputs`: each text's footnotes and damage, found in that
 * text alone, and claim links and works cited in several texts when there are two or more.
 */
export function analyzeLayers(inputs: readonly AnalysisInput[], options: AnalyzeTextsOptions = {}): AnalysisLayers {
  const created = options.created ?? new Date().toISOString();
  const footnotes: Annotation[] = [];
  const damage: Annotation[] = [];
  const parsedTexts: { iri: string; text: string; parsed: ParsedText }[] = [];
  for (const input of inputs) {
    const { parsed, findings } = findTextFindings(input);
    parsedTexts.push({ iri: input.iri, text: input.text, parsed });
    const doc = { iri: input.iri, text: input.text, index: new CodePointIndex(input.text) };
    for (const f of findings) {
      (f.layer === 'footnotes' ? footnotes : damage).push(findingToAnnotation(f, doc, created, findingKey(input.iri, f)));
    }
  }
  const claims = parsedTexts.length >= 2 ? proposeClaimLinks(parsedTexts, { created }) : [];
  const works = proposeWorkLinks(parsedTexts, { created });
  return { footnotes, damage, claims, works };
}

/**
 * One AnnotationCollection holding every flag, footnote link, claim link and
 * work link the analyzer finds in and across `inputs`. Its id is stable for the same
 * document IRIs. Never throws on any text.
 */
export function analyzeTexts(inputs: readonly AnalysisInput[], options: AnalyzeTextsOptions = {}): AnnotationCollection {
  const layers = analyzeLayers(inputs, options);
  const items = [...layers.footnotes, ...layers.damage, ...layers.claims, ...layers.works];
  const names = inputs.map((i) => i.label ?? i.iri);
  return collection(`analysis|${inputs.map((i) => i.iri).join('|')}`, `Analyzer findings: ${names.join('; ')}`, items);
}

/** An AnnotationCollection (model §5.1) of `items`, its id derived from `key`. */
export function collection(key: string, label: string, items: readonly Annotation[]): AnnotationCollection {
  return {
    '@context': ANNO_CONTEXT,
    id: stableAnnotationId(`collection|${key}`),
    type: 'AnnotationCollection',
    label,
    total: items.length,
    generator: ANALYZER,
    items,
  };
}
