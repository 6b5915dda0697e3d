/**
 * The work-link layer: citations as W3C annotations.
 *
 * - Each reference entry (a note or a bibliography entry) is linked to the
 *   work it names: motivation `linking`, tag `work`, the entry as target, and
 *   an `identifying` TextualBody holding the work as CSL-JSON (media type
 *   `application/vnd.citationstyles.csl+json`), whose `id` is the work's IRI:
 *   `https://doi.org/DOI`, else `urn:isbn:ISBN`, else a `urn:uuid:` made from
 *   its folded authors, title and year, so that entries of one work, in one
 *   text or several, carry the same IRI.
 * - Each author–year citation that resolves is a `footnote` link (as a note
 *   marker is): the citation as target, a SpecificResource on its entry as body.
 * - Each one that resolves to nothing is flagged `unresolved-footnote`.
 */
import { ANNO_CONTEXT, CSL_JSON, describingBody, stableAnnotationId, tagBody, textTarget, type Annotation, type TextualBody } from '../../annotations/model.ts';
import { CodePointIndex } from '../../document/code-points.ts';
import type { ParsedText } from '../../document/structure.ts';
import { ANALYZER } from '../generator.ts';
import type { CslItem } from './csl.ts';
import { textCitations, type TextWork } from './text-works.ts';
import { foldForMatch } from './works.ts';

/** The IRI naming a work: its DOI resolver address, its ISBN URN, else a stable `urn:uuid:` of authors + title + year. */
export function workIri(item: CslItem): string {
  if (item.DOI) return `https://doi.org/${encodeURI(item.DOI.toLowerCase())}`;
  if (item.ISBN) return `urn:isbn:${item.ISBN}`;
  const who = (item.author ?? []).map((a) => foldForMatch(a.family ?? a.literal ?? '')).join('|');
  const year = item.issued?.['date-parts'][0]?.[0] ?? '';
  return stableAnnotationId(`work|${who}|${foldForMatch(item.title ?? item.URL ?? item.id)}|${year}`);
}

/** A short name of a work for a sentence: `Doe (2011). Title`. */
export function workName(item: CslItem): string {
  const who = (item.author ?? []).map((a) => a.family ?? a.literal).filter(Boolean).join(', ');
  const year = item.issued?.['date-parts'][0]?.[0];
  const head = [who, year !== undefined ? `(${year})` : ''].filter(Boolean).join(' ');
  const title = item.title ?? item.DOI ?? item.ISBN ?? item.URL ?? 'an untitled work';
  return head ? `${head}. ${title}` : title;
}

/** The work as a CSL-JSON body (`id` its IRI inside the data). */
function cslBody(work: TextWork, iri: string): TextualBody {
  const { id: _entryId, ...fields } = work.item;
  return { type: 'TextualBody', purpose: 'identifying', format: CSL_JSON, value: JSON.stringify({ id: iri, ...fields }) };
}

/** The text's work links, citation links and unresolved-citation flags (see the module comment). */
export function textWorkAnnotations(iri: string, parsed: ParsedText, options: { readonly created: string }): Annotation[] {
  const { source } = parsed;
  const index = new CodePointIndex(source);
  const base = { '@context': ANNO_CONTEXT, type: 'Annotation' as const, generator: ANALYZER, created: options.created };
  const { works, citations, unresolved } = textCitations(parsed);
  const out: Annotation[] = [];
  for (const work of works) {
    const wiri = workIri(work.item);
    const cited = work.places.length === 0 ? 'Nothing in the text cites it.' : `Cited ${work.places.length} ${work.places.length === 1 ? 'time' : 'times'} in the text.`;
    for (const entry of work.entries) {
      out.push({
        ...base,
        id: stableAnnotationId(`work-entry|${iri}|${entry.span.from}|${entry.span.to}|${wiri}`),
        motivation: 'linking',
        target: textTarget(iri, source, entry.span.from, entry.span.to, index),
        body: [tagBody('work'), describingBody(`This entry names the work ${workName(work.item)}. ${cited}`), cslBody(work, wiri)],
      });
    }
  }
  for (const { citation, ref } of citations) {
    if (!ref) continue;
    out.push({
      ...base,
      id: stableAnnotationId(`citation|${iri}|${citation.from}|${citation.to}`),
      motivation: 'linking',
      target: textTarget(iri, source, citation.from, citation.to, index),
      body: [
        textTarget(iri, source, ref.span.from, ref.span.to, index),
        tagBody('footnote'),
        describingBody(`The author–year citation “${source.slice(citation.from, citation.to)}” refers to the reference entry of ${workName(ref.item)}.`),
      ],
    });
  }
  for (const { citation } of unresolved) {
    out.push({
      ...base,
      id: stableAnnotationId(`unresolved-citation|${iri}|${citation.from}|${citation.to}`),
      motivation: 'assessing',
      target: textTarget(iri, source, citation.from, citation.to, index),
      body: [
        tagBody('unresolved-footnote'),
        describingBody(`The author–year citation “${source.slice(citation.from, citation.to)}” matches no entry of the text's reference list (no entry by ${citation.authors} from ${citation.year ?? 'n.d.'}).`),
      ],
    });
  }
  return out;
}
