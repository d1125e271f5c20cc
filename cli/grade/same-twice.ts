/**
 * A class given twice: the zip an LMS handed out and the folder it was extracted into (`grade
 * lab3.zip lab3/`, a pattern or a folder taking both), or two copies of the zip. Each is a class of
 * its own (two folders: never duplicates), so every student would be graded twice, in two rows,
 * without a word. Found by names: the entries of an archive found again, under the same relative
 * paths, below one folder (or in another archive), for more than half of the archive's submissions
 * and at least two of them.
 */
import type { Candidate } from './types.js';
import { compareCodePoints } from './walk.js';

/** Segment counts of entry paths looked at, and longest path looked at: bound the work on hostile archives (deep, varied, 64 KB paths). */
const MOST_DEPTHS = 16;
const LONGEST_PATH = 4096;

/** One warning line per archive and place its submissions are found again (a folder, or another archive: one line for two copies). */
export function sameSubmissionsTwice(candidates: readonly Candidate[]): string[] {
  const archives = new Map<string, number>(); // top-level archive → its submissions
  const byTail = new Map<string, Set<string>>(); // entry path inside it, `/` between folders → archives
  const depths = new Set<number>();
  const looked = candidates.filter(({ file }) => file.length <= LONGEST_PATH);
  for (const { file } of looked) {
    const at = file.indexOf('!/');
    if (at < 0) continue;
    const archive = file.slice(0, at);
    const tail = slashed(file.slice(at + 2));
    archives.set(archive, (archives.get(archive) ?? 0) + 1);
    (byTail.get(tail) ?? byTail.set(tail, new Set()).get(tail)!).add(archive);
    if (depths.size < MOST_DEPTHS) depths.add(tail.split('/').length);
  }
  const pairs = new Map<string, Pair>();
  for (const { file } of looked) {
    const segments = slashed(file).split('/');
    for (const depth of depths) {
      if (depth > segments.length) continue;
      const tail = segments.slice(-depth).join('/');
      // Where the entry's path starts: a folder (none: the current folder, for a path as relative
      // as the entry's), or an archive (`b.zip!`).
      const before = depth === segments.length ? '' : file.slice(0, file.length - tail.length - 1);
      const other = before.replace(/!$/, '');
      for (const archive of byTail.get(tail) ?? []) {
        if (other === archive || file.startsWith(`${archive}!/`)) continue;
        const key = JSON.stringify([archive, other]);
        const pair = pairs.get(key) ?? pairs.set(key, { archive, other, inArchive: before.endsWith('!'), count: 0, tops: new Set() }).get(key)!;
        pair.count++; // (each candidate once: an archive is listed once per tail)
        if (pair.tops.size < 2) pair.tops.add(depth > 1 ? segments[segments.length - depth]! : '');
      }
    }
  }
  const found = [...pairs.values()]
    .filter(({ archive, count }) => count >= 2 && 2 * count > archives.get(archive)!)
    .map((pair) => ({ ...pair, where: whereFound(pair) }));
  // Two copies of a zip are found again in each other: one line for the pair.
  const reverse = (pair: Pair) => found.find((other) => other.archive === pair.other && other.other === pair.archive);
  const once = found.filter((pair) => !pair.inArchive || reverse(pair) === undefined || compareCodePoints(pair.archive, pair.other) < 0);
  // A student's zip inside the class found twice is found again with it: named once, with the class
  // (it lies within the class archive, or within the folder its submissions are found again in).
  const within = (archive: string, outer: string) => archive.startsWith(`${outer}/`) || archive.startsWith(`${outer}!/`) || archive.startsWith(`${outer}\\`) || (outer === '' && !isAbsolute(archive));
  return once
    .filter((pair) => !once.some((outer) => outer !== pair && (within(pair.archive, outer.archive) || within(pair.archive, outer.where))))
    .map(({ archive, where, count }) => `flowgrade: ${archive} and ${where || '.'} hold the same ${count} submissions: each is graded twice, in two rows; give only one of them [same-submissions]`);
}

/** An archive and where its entries were found again: in `other`, an archive (`inArchive`) or a folder. */
interface Pair {
  archive: string;
  other: string;
  inArchive: boolean;
  /** How many of the archive's submissions were found again there. */
  count: number;
  /** The first folders of the entry paths found again ('' for none; two at most: one tells that all lie in it). */
  tops: Set<string>;
}

/**
 * The folder (or archive) to name with the archive. A zip that holds the folder itself, as `zip -r
 * lab3.zip lab3` and Finder's Compress make it, has its entries found again in the folder both lie
 * in: named by the folder itself, `lab3`, as it was given (it was `.`, or the folder holding both).
 */
function whereFound({ other, inArchive, tops }: Pair): string {
  const [top] = tops;
  if (inArchive || tops.size !== 1 || top === '') return other;
  if (other === '') return top!;
  return `${other}${other.includes('\\') && !other.includes('/') ? '\\' : '/'}${top}`;
}

function isAbsolute(file: string): boolean {
  return /^([\\/]|[A-Za-z]:)/.test(file);
}

/** `\` between folders (Windows paths, entries some Windows tools write) as `/`. */
function slashed(file: string): string {
  return file.replace(/\\/g, '/');
}
