/** File reading at the Node edge: size-checked before reading, errors as one line with a stable code. */
import { readFile, stat } from 'node:fs/promises';
import { loadFlow, type LoadOptions, type LoadResult } from '../engine/loader.js';
import { DEFAULT_LIMITS, formatBytes } from '../engine/json-text.js';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; error: { code: string; message: string } };

export async function readInputFile(file: string, maxBytes = DEFAULT_LIMITS.maxBytes): Promise<ReadResult> {
  try {
    const refused = refusedBeforeReading(await stat(file), maxBytes);
    return refused ?? { ok: true, bytes: await readFile(file) };
  } catch (error) {
    return unreadable(error);
  }
}

/** A directory or a file over the size limit, refused before a byte is read (also by grading threads). */
export function refusedBeforeReading(info: { isDirectory(): boolean; size: number }, maxBytes: number): ReadResult | undefined {
  if (info.isDirectory()) return { ok: false, error: { code: 'unreadable-file', message: 'is a directory, not a file' } };
  if (info.size > maxBytes) return { ok: false, error: { code: 'too-large', message: `file is larger than the ${formatBytes(maxBytes)} limit (${info.size} bytes)` } };
  return undefined;
}

/** A file that could not be opened or read, in one line. */
export function unreadable(error: unknown): ReadResult {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory, not a file' : (error as Error).message;
  return { ok: false, error: { code: 'unreadable-file', message: reason } };
}

/** Read and load one flow file. */
export async function loadFlowFile(file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const read = await readInputFile(file, options.maxBytes);
  if (!read.ok) return { ok: false, error: read.error as { code: never; message: string } };
  return loadFlow(read.bytes, { ...options, fileName: options.fileName ?? file });
}

/** The one-line form of an input error: `flowgrade: <file>: <message> [<code>]`. */
export function inputErrorLine(file: string, error: { code: string; message: string }): string {
  return `flowgrade: ${file}: ${error.message} [${error.code}]`;
}
