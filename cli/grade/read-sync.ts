/**
 * `readInputFile` (cli/io.ts) for grading threads: the same size check before reading
 * (refusedBeforeReadingText), codes and messages, synchronous (a worker grades one file at a time;
 * async I/O there only adds latency).
 *
 * The bytes are read into a buffer the thread keeps and lends for the time of one grading: a
 * fresh 100 KB buffer per submission cost more than the read itself (new memory is slow to touch
 * on a virtual machine). A second reading while the buffer is lent gets a buffer of its own.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { DEFAULT_LIMITS } from '../../engine/json-text.js';
import { OPEN_FOR_READING, refusedBeforeReadingText, unreadable, type ReadResult } from '../io.js';

let spare: Buffer | undefined;

/** Reads `file` and hands its bytes to `use`; they are only valid until `use` settles. */
export async function withInputFileSync<T>(file: string, maxBytes: number = DEFAULT_LIMITS.maxBytes, use: (read: ReadResult) => Promise<T>): Promise<T> {
  const lent = spare ?? Buffer.allocUnsafeSlow(1 << 20);
  spare = undefined;
  const { read, buffer } = readInto(file, maxBytes, lent);
  try {
    return await use(read);
  } finally {
    spare = buffer;
  }
}

/** The file's bytes in `buffer`, or in a bigger one when they do not fit (returned either way). */
function readInto(file: string, maxBytes: number, buffer: Buffer): { read: ReadResult; buffer: Buffer } {
  let fd: number | undefined;
  try {
    fd = openSync(file, OPEN_FOR_READING);
    const info = fstatSync(fd);
    const refused = refusedBeforeReadingText(info, maxBytes);
    if (refused) return { read: refused, buffer };
    if (info.size > buffer.length) buffer = Buffer.allocUnsafeSlow(info.size);
    let size = 0;
    for (let n = 1; size < info.size && n > 0; size += n) n = readSync(fd, buffer, size, info.size - size, size);
    return { read: { ok: true, bytes: buffer.subarray(0, size) }, buffer };
  } catch (error) {
    return { read: unreadable(error), buffer };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
