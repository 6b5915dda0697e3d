/**
 * Findings → W3C Web Annotations (https://www.w3.org/TR/annotation-model/):
 * flags are `assessing` annotations with a tagging and a describing body;
 * footnote links are `linking` annotations whose target is the marker and
 * whose body is a SpecificResource on the entry.
 */
import { CodePointIndex } from '../document/code-points.ts';
import {
  ANNO_CONTEXT,
  describingBody,
  stableAnnotationId,
  tagBody,
  textTarget,
  type Annotation,
} from '../annotations/model.ts';
import type { Finding } from './finding.ts';
import { ANALYZER } from './generator.ts';

/** The document a finding points into. */
export interface FindingSource {
  /** The document's absolute IRI (the target's `source`). */
  readonly iri: string;
  readonly text: string;
  readonly index?: CodePointIndex;
}

/**
 * The annotation for `finding` in `doc`, with an id derived from `key` (stable
 * across runs) and the given `created` time. Throws RangeError if the
 * finding's span lies outside the text.
 */
export function findingToAnnotation(finding: Finding, doc: FindingSource, created: string, key: string): Annotation {
  const index = doc.index ?? new CodePointIndex(doc.text);
  const target = textTarget(doc.iri, doc.text, finding.from, finding.to, index);
  const common = {
    '@context': ANNO_CONTEXT,
    id: stableAnnotationId(key),
    type: 'Annotation' as const,
    target,
    generator: ANALYZER,
    created,
    'reader:confidence': finding.confidence,
  };
  if (finding.kind === 'footnote') {
    return {
      ...common,
      motivation: 'linking',
      body: [textTarget(doc.iri, doc.text, finding.entry.from, finding.entry.to, index), tagBody('footnote'), describingBody(finding.description)],
    };
  }
  return { ...common, motivation: 'assessing', body: [tagBody(finding.tag), describingBody(finding.description)] };
}

/** The key a finding's id is derived from: document, kind, tag and span. */
export function findingKey(iri: string, finding: Finding): string {
  const tag = finding.kind === 'footnote' ? 'footnote' : finding.tag;
  // A summary flag shares its span with the first flag it stands for; its id must differ from that flag's.
  const summary = finding.kind === 'flag' && finding.omitted !== undefined ? `|summary of ${finding.omitted}` : '';
  return `${iri}|${finding.layer}|${tag}|${finding.from}|${finding.to}${summary}`;
}
