/**
 * `readInputFile` (cli/io.ts) for grading threads: the same size check before reading
 * (refusedBeforeReadingText), codes and messages, synchronous (a worker grades one file at a time;
 * async I/O there only adds latency).
 *
 * The bytes are read into a buffer the thread keeps and lends for the time of one grading: a
 * fresh 100 KB buffer per submission cost more than the read itself (new memory is slow to touch
 * on a virtual machine). A second reading while the buffer is lent gets a buffer of its own.
 */
import { readSync, type PathLike } from 'node:fs';
import { DEFAULT_LIMITS } from '../../engine/json-text.js';
import { givesMore, readLimit, refusedBeforeReadingText, unreadable, withOpenedSync, type ReadResult } from '../io.js';

let spare: Buffer | undefined;

/** Reads `file` and hands its bytes to `use`; they are only valid until `use` settles. */
export async function withInputFileSync<T>(file: PathLike, maxBytes: number = DEFAULT_LIMITS.maxBytes, use: (read: ReadResult) => Promise<T>): Promise<T> {
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
function readInto(file: PathLike, maxBytes: number, buffer: Buffer): { read: ReadResult; buffer: Buffer } {
  try {
    return withOpenedSync(file, (fd, info) => {
      const refused = refusedBeforeReadingText(info, maxBytes);
      if (refused) return { read: refused, buffer };
      // Room for one byte more than the size said, which tells the end in the same read.
      if (info.size >= buffer.length) buffer = Buffer.allocUnsafeSlow(info.size + 1);
      // A file may give more than its size says (Linux's /proc files say 0, and were read as empty):
      // read to its end, in a buffer grown as it fills, and refused once past the limit.
      const limit = readLimit(maxBytes);
      let size = 0;
      for (let n = 1; n > 0; size += n) {
        if (size === buffer.length) buffer = grown(buffer, Math.min(2 * size, limit + 1));
        n = readSync(fd, buffer, size, buffer.length - size, null);
        if (size + n > limit) return { read: givesMore(info.size, maxBytes), buffer };
      }
      return { read: { ok: true, bytes: buffer.subarray(0, size) }, buffer };
    });
  } catch (error) {
    // (The buffer as it was when reading failed: a grown one is kept for the next file.)
    return { read: unreadable(error), buffer };
  }
}

/** A buffer of `length` bytes starting with `buffer`'s. */
function grown(buffer: Buffer, length: number): Buffer {
  const bigger = Buffer.allocUnsafeSlow(length);
  buffer.copy(bigger);
  return bigger;
}
