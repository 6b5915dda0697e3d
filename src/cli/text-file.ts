/**
 * Reading a text file from the command line: the file system's errors and
 * `decodeText`'s refusals as one sentence fragment each, so that every CLI
 * reads a file exactly as the reader in the browser does (same bytes → same
 * text → same offsets) and says what is wrong the same way.
 */
import { readFileSync, statSync } from 'node:fs';
import { decodeText } from '../text/decode.ts';

/**
 * Thrown when a file cannot be read as text; the message says why, without
 * the file name, starting with a verb ("does not exist", "is empty").
 */
export class TextFileError extends Error {
  override name = 'TextFileError';
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'does not exist',
  ENOTDIR: 'does not exist (a folder on its path is a file)',
  EACCES: 'cannot be read (permission denied)',
  EISDIR: 'is a directory, not a text file',
  EPERM: 'cannot be read (operation not permitted)',
  ENAMETOOLONG: 'cannot be read (its name is too long)',
  ELOOP: 'cannot be read (too many symbolic links)',
};

/** Options of `readTextFile`. */
export interface ReadTextOptions {
  /** Refuse files larger than this many bytes, before reading them. */
  readonly maxBytes?: number;
}

/**
 * The text of the file at `path` (a path, never a URL: `a#b?.txt` and
 * `a%20b.txt` are file names), decoded by `decodeText`. Throws
 * TextFileError when the file is missing, unreadable, a directory, too
 * large, empty or blank, binary, or not valid UTF-8.
 */
export function readTextFile(path: string, options: ReadTextOptions = {}): string {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new TextFileError(REASONS['EISDIR']);
    if (!stat.isFile()) throw new TextFileError('is not a regular file');
    if (options.maxBytes !== undefined && stat.size > options.maxBytes) {
      throw new TextFileError(`is too large (${megabytes(stat.size)}; the limit is ${megabytes(options.maxBytes)})`);
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof TextFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new TextFileError(REASONS[code] ?? `cannot be read (${code || (error as Error).message})`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new TextFileError(decoded.problem);
  return decoded.text;
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Every named file that can be read as text, in order, for a tool that goes on
 * past a bad file: each one that cannot be read gets one line on stderr,
 * "TOOL: FILE why", and `failed` says whether any did.
 */
export function readTextFiles(tool: string, files: readonly string[], options: ReadTextOptions = {}): { texts: { file: string; source: string }[]; failed: boolean } {
  const texts: { file: string; source: string }[] = [];
  let failed = false;
  for (const file of files) {
    try {
      texts.push({ file, source: readTextFile(file, options) });
    } catch (error) {
      if (!(error instanceof TextFileError)) throw error;
      process.stderr.write(`${tool}: ${file} ${error.message}\n`);
      failed = true;
    }
  }
  return { texts, failed };
}
