/**
 * Reading a plain-text file for the command line, refusing anything that is
 * not text with a message that names the problem.
 */
import { readFileSync } from 'node:fs';

/** Thrown when a file cannot be read as text; the message says why, without the file name. */
export class TextFileError extends Error {
  override name = 'TextFileError';
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'cannot be read (permission denied)',
  EISDIR: 'is a directory, not a text file',
  EPERM: 'cannot be read (operation not permitted)',
};

/**
 * The file's text, decoded as UTF-8 (a byte-order mark is kept, so offsets
 * match the file). Throws TextFileError when the file is missing, unreadable,
 * empty or blank, contains NUL bytes, or is not valid UTF-8.
 */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new TextFileError(REASONS[code] ?? `cannot be read (${code || String(error)})`);
  }
  if (bytes.length === 0) throw new TextFileError('is empty');
  if (bytes.includes(0)) throw new TextFileError('is not a text file (it contains NUL bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new TextFileError('is not a text file (it is not valid UTF-8)');
  }
  if (!text.trim()) throw new TextFileError('is blank (only whitespace)');
  return text;
}
