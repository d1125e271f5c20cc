/** Zip headers rewritten in place, for the tests: what a hand-made or damaged archive holds; and the times an archive's directory gives. */
import { checkDirectory, zipDirectory } from '../../../cli/grade/zip-times.js';

/** Entry name (as zipDirectory names it) → modification time in ms since the epoch; none when the directory disagrees with itself. */
export function zipEntryTimes(data: Uint8Array): Map<string, number> {
  const directory = checkDirectory(data);
  return directory === undefined || 'code' in directory ? new Map() : zipDirectory(data, directory).times;
}

/** Rewrites the uncompressed size an entry declares (local header and central directory). */
export function declareSize(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const nameBytes = new TextEncoder().encode(name);
  const matchesAt = (at: number) => nameBytes.every((b, i) => zip[at + i] === b);
  for (let i = 0; i + 46 < zip.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && matchesAt(i + 30)) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50 && matchesAt(i + 46)) view.setUint32(i + 24, size, true);
  }
}
