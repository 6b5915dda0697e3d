/**
 * The size limit of an annotation file, checked before the file is read or
 * parsed: parsing 18 MB of JSON costs seconds and hundreds of megabytes
 * before a limit checked afterwards could refuse it. No layer is that big;
 * junk, or an attack, can be.
 */
import { displayLabel, formatCount } from './sanitize.ts';

/** Files longer than this are refused unread (bytes on disk, or UTF-16 code units of a text). */
export const MAX_FILE_LENGTH = 16 * 1024 * 1024;

const count = formatCount;
/** `17.8 MB`. */
const megabytes = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Why a file of `size` bytes (a `File.size`) is refused, as one sentence
 * naming the file and its size; null when it is within the limit. Check it
 * before `file.text()`: nothing is read then.
 */
export function fileSizeProblem(fileName: string, size: number): string | null {
  if (!(size > MAX_FILE_LENGTH)) return null;
  return `${displayLabel(fileName, 80) || 'The file'} was not imported: it is ${megabytes(size)} (${count(size)} bytes), more than the ${megabytes(MAX_FILE_LENGTH)} an annotation file may have.`;
}

/**
 * Why a file's text is refused, as the reason after "the file …" (the
 * validator's wording); null when it is within the limit. Check it before
 * `JSON.parse`.
 */
export function textLengthProblem(text: string): string | null {
  if (text.length <= MAX_FILE_LENGTH) return null;
  return `the file is ${count(text.length)} characters long, more than the ${count(MAX_FILE_LENGTH)} an annotation file may have.`;
}
