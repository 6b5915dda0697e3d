/**
 * Making the reader's own annotations: a note on a passage, its edits, and
 * re-attaching an orphan to a passage chosen by hand. Pure functions that
 * return new annotations; storing them is the store's business.
 */
import {
  ANNO_CONTEXT,
  commentBody,
  newAnnotationId,
  targetsOf,
  textTarget,
  type Agent,
  type Annotation,
  type Body,
  type TextualBody,
} from '../annotations/model.ts';

/** The passage a note is on. */
export interface Passage {
  readonly iri: string;
  readonly source: string;
  readonly from: number;
  readonly to: number;
}

/** The reader as a W3C Person. */
export function readerAgent(name: string): Agent {
  return { type: 'Person', name: name.trim() || 'Reader' };
}

function noteBodies(comment: string, tags: readonly string[]): Body[] {
  const bodies: Body[] = [];
  if (comment.trim()) bodies.push(commentBody(comment));
  for (const tag of new Set(tags.map((t) => t.trim()).filter(Boolean))) {
    bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag } satisfies TextualBody);
  }
  return bodies;
}

/** A note's comment ('' when it has none) and tags, as the editor shows them. */
export function noteWords(note: Annotation): { comment: string; tags: string[] } {
  const comment = note.body.find((b): b is TextualBody => b.type === 'TextualBody' && (b.purpose === 'commenting' || b.purpose === undefined));
  const tags = note.body.filter((b): b is TextualBody => b.type === 'TextualBody' && b.purpose === 'tagging').map((b) => b.value);
  return { comment: comment?.value ?? '', tags };
}

/** A new note on `passage`. Throws RangeError when the passage lies outside its text. */
export function makeNote(passage: Passage, comment: string, tags: readonly string[], creator: Agent, now: Date = new Date()): Annotation {
  return {
    '@context': ANNO_CONTEXT,
    id: newAnnotationId(),
    type: 'Annotation',
    motivation: comment.trim() ? 'commenting' : 'highlighting',
    target: textTarget(passage.iri, passage.source, passage.from, passage.to),
    body: noteBodies(comment, tags),
    creator,
    created: now.toISOString(),
  };
}

/** The note with a new comment and tags; the same id, a new `modified`. Returns `note` itself when nothing changed. */
export function editNote(note: Annotation, comment: string, tags: readonly string[], now: Date = new Date()): Annotation {
  const body = noteBodies(comment, tags);
  if (JSON.stringify(body) === JSON.stringify(note.body)) return note;
  return { ...note, motivation: comment.trim() ? 'commenting' : 'highlighting', body, modified: now.toISOString() };
}

/**
 * The annotation with target `targetIndex` moved to `passage`, re-described by
 * both selectors; other targets unchanged. Throws RangeError for a bad index or passage.
 */
export function reattach(annotation: Annotation, targetIndex: number, passage: Passage, creator: Agent, now: Date = new Date()): Annotation {
  const targets = targetsOf(annotation);
  if (targetIndex < 0 || targetIndex >= targets.length) throw new RangeError(`Annotation ${annotation.id} has no target ${targetIndex + 1}`);
  const moved = textTarget(passage.iri, passage.source, passage.from, passage.to);
  const next = targets.map((t, i) => (i === targetIndex ? moved : t));
  // Stored as the reader's own copy (same id): it overrides the shipped one.
  return {
    ...annotation,
    target: Array.isArray(annotation.target) ? next : next[0]!,
    creator: annotation.creator ?? creator,
    modified: now.toISOString(),
  };
}
