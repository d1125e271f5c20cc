/**
 * `readInputFile` (cli/io.ts) for grading threads: the same size check, codes and messages,
 * synchronous (a worker grades one file at a time; async I/O there only adds latency).
 */
import { readFileSync, statSync } from 'node:fs';
import { DEFAULT_LIMITS } from '../../engine/json-text.js';
import type { ReadResult } from '../io.js';

export function readInputFileSync(file: string, maxBytes = DEFAULT_LIMITS.maxBytes): ReadResult {
  try {
    const info = statSync(file);
    if (info.isDirectory()) return { ok: false, error: { code: 'unreadable-file', message: 'is a directory, not a file' } };
    if (info.size > maxBytes) {
      return { ok: false, error: { code: 'too-large', message: `file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit (${info.size} bytes)` } };
    }
    return { ok: true, bytes: readFileSync(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { ok: false, error: { code: 'unreadable-file', message: reason } };
  }
}
