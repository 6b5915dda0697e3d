/**
 * A work cited in several texts as a W3C annotation, as claim links are:
 * motivation `linking`, tag `work`, one target per citing entry (TextQuoteSelector and
 * TextPositionSelector on the entry's text), and a describing body naming
 * the work and how many texts cite it.
 */
import { ANNO_CONTEXT, describingBody, stableAnnotationId, tagBody, textTarget, type Annotation } from '../../annotations/model.ts';
import { CodePointIndex } from '../../document/code-points.ts';
import type { ParsedText } from '../../document/structure.ts';
import { ANALYZER } from '../generator.ts';
import { textReferences } from './text-references.ts';
import { workLabel, worksCitedInSeveralTexts, type CitedWork } from './works.ts';

/** The stable id of a work link: the same citing entries always give the same `urn:uuid:`. */
function workLinkId(work: CitedWork): string {
  return stableAnnotationId(`work|${work.citations.map((c) => `${c.iri}|${c.span.from}|${c.span.to}`).join('|')}`);
}

/**
 * One `linking` annotation for each work cited by two or more of `texts`
 * (each text's notes list read by `textReferences`), generator the analyzer,
 * `created` as given. Fewer than two texts give an empty list.
 */
export function proposeWorkLinks(texts: readonly { readonly iri: string; readonly parsed: ParsedText }[], options: { readonly created: string }): Annotation[] {
  if (texts.length < 2) return [];
  const sources = new Map(texts.map((t) => [t.iri, { text: t.parsed.source, index: new CodePointIndex(t.parsed.source) }]));
  const works = worksCitedInSeveralTexts(
    texts.map((t) => ({ iri: t.iri, citations: textReferences(t.parsed).map((r) => ({ iri: t.iri, item: r.item, span: r.span })) })),
  );
  return works.map((work) => ({
    '@context': ANNO_CONTEXT,
    id: workLinkId(work),
    type: 'Annotation',
    motivation: 'linking',
    target: work.citations.map((c) => {
      const s = sources.get(c.iri)!;
      return textTarget(c.iri, s.text, c.span.from, c.span.to, s.index);
    }),
    body: [tagBody('work'), describingBody(`Work cited in ${work.iris.length} texts: ${workLabel(work)}`)],
    generator: ANALYZER,
    created: options.created,
  }));
}
