// A person's note on a short sample text, for the import and exchange tests.
import { ANNO_CONTEXT, commentBody, textTarget, type Annotation } from '../../../src/annotations/model.ts';

export const TEXT = 'A consul arrived by sea. He stayed for two winters and wrote reports home about the harbour.';
export const IRI = 'file:///documents/sample.txt';

/** Note number `n` (its id ends in `n`), with `extra` fields over the defaults. */
export function note(n: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'Annotation',
    motivation: 'commenting',
    target: textTarget(IRI, TEXT, 2, 8),
    body: [commentBody(`note ${n}`)],
    creator: { type: 'Person', name: 'Reader' },
    created: '2024-05-01T10:00:00Z',
    ...extra,
  };
}
