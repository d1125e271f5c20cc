/**
 * A class given twice: the zip an LMS handed out and the folder it was extracted into (`grade
 * lab3.zip lab3/`, a pattern or a folder taking both), or two copies of the zip. Each is a class of
 * its own (two folders: never duplicates), so every student would be graded twice, in two rows,
 * without a word. Found by names: the entries of an archive found again, under the same relative
 * paths, below one folder (or in another archive), for more than half of the archive's submissions
 * and at least two of them.
 */
import type { Candidate } from './types.js';

/** Segment counts of entry paths looked at, and longest path looked at: bound the work on hostile archives (deep, varied, 64 KB paths). */
const MOST_DEPTHS = 16;
const LONGEST_PATH = 4096;

/** One warning line per archive found again, naming it and where its submissions are found again. */
export function sameSubmissionsTwice(candidates: readonly Candidate[]): string[] {
  const archives = new Map<string, number>(); // top-level archive → its submissions
  const byTail = new Map<string, string[]>(); // entry path inside it, `/` between folders → archives
  const depths = new Set<number>();
  const looked = candidates.filter(({ file }) => file.length <= LONGEST_PATH);
  for (const { file } of looked) {
    const at = file.indexOf('!/');
    if (at < 0) continue;
    const archive = file.slice(0, at);
    const tail = slashed(file.slice(at + 2));
    archives.set(archive, (archives.get(archive) ?? 0) + 1);
    (byTail.get(tail) ?? byTail.set(tail, []).get(tail)!).push(archive);
    if (depths.size < MOST_DEPTHS) depths.add(tail.split('/').length);
  }
  const pairs = new Map<string, { archive: string; other: string; count: number }>();
  for (const { file } of looked) {
    const segments = slashed(file).split('/');
    for (const depth of depths) {
      if (depth >= segments.length) continue;
      const tail = segments.slice(-depth).join('/');
      const other = file.slice(0, file.length - tail.length - 1).replace(/!$/, '');
      for (const archive of byTail.get(tail) ?? []) {
        if (other === archive || file.startsWith(`${archive}!/`)) continue;
        const key = JSON.stringify([archive, other]);
        const pair = pairs.get(key) ?? pairs.set(key, { archive, other, count: 0 }).get(key)!;
        pair.count++;
      }
    }
  }
  const found = [...pairs.values()].filter(({ archive, count }) => count >= 2 && 2 * count > archives.get(archive)!);
  // A student's zip inside the class found twice is found again with it: named once, with the class
  // (another pair: a zip beside its folder lies within the folder it is found again in, `zip -r`'s).
  const within = (archive: string, outer: string) => archive.startsWith(`${outer}/`) || archive.startsWith(`${outer}!/`) || archive.startsWith(`${outer}\\`);
  return found
    .filter((pair) => !found.some((outer) => outer !== pair && (within(pair.archive, outer.archive) || within(pair.archive, outer.other))))
    .map(({ archive, other, count }) => `flowgrade: ${archive} and ${other} hold the same ${count} submissions: each is graded twice, in two rows; give only one of them [same-submissions]`);
}

/** `\` between folders (Windows paths, entries some Windows tools write) as `/`. */
function slashed(file: string): string {
  return file.replace(/\\/g, '/');
}
