/**
 * Writing an AnnotationCollection item by item, so that a large one never
 * becomes one string (V8 strings end at ~512 MB: `Invalid string length`).
 * The bytes are those of `JSON.stringify(collection, null, 2)` plus a newline.
 */
import type { Writable } from 'node:stream';
import type { AnnotationCollection } from '../annotations/model.ts';

/** Writes `collection` to `out` as indented JSON, waiting for the stream to drain between chunks. */
export async function writeCollection(out: Writable, collection: AnnotationCollection): Promise<void> {
  const { items, ...head } = collection;
  const opening = JSON.stringify(head, null, 2);
  // The head without its closing brace, then the items member last (as in the collection).
  const prefix = `${opening.slice(0, opening.length - 2)},\n  "items": [`;
  if (items.length === 0) {
    await write(out, `${prefix}]\n}\n`);
    return;
  }
  await write(out, `${prefix}\n`);
  const BATCH = 64;
  for (let i = 0; i < items.length; i += BATCH) {
    let chunk = '';
    for (let k = i; k < Math.min(i + BATCH, items.length); k++) {
      chunk += JSON.stringify(items[k], null, 2).replace(/^/gmu, '    ');
      chunk += k < items.length - 1 ? ',\n' : '\n';
    }
    await write(out, chunk);
  }
  await write(out, '  ]\n}\n');
}

function write(out: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    out.once('error', onError);
    const ready = out.write(chunk, (error) => {
      if (error) reject(error);
    });
    const done = () => {
      out.off('error', onError);
      resolve();
    };
    if (ready) done();
    else out.once('drain', done);
  });
}
