/**
 * Quoted glob patterns for `grade` (Node 20 has no fs.glob): `*` (any characters within one path
 * segment), `?` (one character) and `**` (any number of folders, including none). Nothing else is
 * special (no `[...]`, no `{a,b}`). As in shells, a wildcard never matches a name's leading dot
 * and `**` never enters a hidden folder (nor node_modules, nor Windows' recycle bin: see
 * isSkippedName), but a segment that spells the dot
 * (`.hidden`, `.Main_Flow_*.json`) or the name (`node_modules`) does: what a pattern names, it
 * gets. Matched folder by folder from the pattern's fixed leading folders, walked like a folder
 * input otherwise (symlinks to folders not followed, flowgrade's output folders skipped), so a glob
 * only ever matches files (and pipes, devices and broken symlinks, whose rows say what they are).
 * Use `/` as the separator; on Windows `\` too (see parsePattern).
 */
import { statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { compareCodePoints, entryByBytes, entryType, isSkippedName, isTakenAsFile, listFolder, listFolderBytes, notUtf8Entries, type FolderByBytes, type Listing, type NotUtf8File, type Walked } from './walk.js';

export function isGlob(input: string): boolean {
  return /[*?]/.test(input);
}

/**
 * Said after "no file matches" or "no such file" when the input holds what other globs treat as
 * special (`[12]`, `{a,b}`): here they are plain characters, which is why nothing matched. Braces
 * around one alternative (`*.{json}`) are no pattern to a shell either (bash and zsh leave them as
 * typed): leaving the pattern unquoted would not help, writing it without them does.
 */
export function shellOnlySyntax(input: string): string {
  if (/\[[^\]]+\]|\{[^}]*,[^}]*\}/.test(input)) return ' ([…] and {a,b} are not special in flowgrade\'s patterns, only *, ? and **: leave the pattern unquoted for your shell to expand, or use * and ?)';
  const single = /\{[^{},]+\}/.exec(input);
  if (!single) return '';
  const plain = input.replace(/\{([^{},]+)\}/g, '$1');
  return ` (${single[0]} holds one alternative, no comma: braces need two or more separated by commas, as {a,b}, and are not special in flowgrade's patterns anyway, only *, ? and **: write ${plain})`;
}

/** `**`, or a matcher of one name. */
type Segment = '**' | NameMatcher;

/**
 * The files matching `pattern`, sorted; paths keep the pattern's own prefix (`subs/a/x.json`).
 * Names that are not UTF-8 are matched as shown (walk.ts: NotUtf8File), and such files opened by their bytes.
 */
export async function expandGlob(pattern: string, warn: (line: string) => void, listing: Listing = listFolder): Promise<Walked> {
  const { base, segments: matchers } = parsePattern(pattern);
  // A missing folder, or a file (`class.zip/**/*.json`): the pattern matches nothing, the usage error it gets, not a folder warning.
  if (!isFolderSync(base)) return { files: [], notUtf8: [] };
  type Listed = { entries: Dirent[] } & Awaited<ReturnType<typeof notUtf8Entries>>;
  const listings = new Map<string, Promise<Listed>>();
  const list = (dir: string) => listings.get(dir) ?? listings.set(dir, listing(dir, warn).then(async (entries) => ({ entries, ...(await notUtf8Entries(dir, entries, warn)) }))).get(dir)!;
  const listingsByBytes = new Map<string, Promise<Dirent<Buffer>[]>>();
  const listBytes = (folder: FolderByBytes) => {
    const key = folder.at.toString('latin1');
    return listingsByBytes.get(key) ?? listingsByBytes.set(key, listFolderBytes(folder.at, folder.shown, warn)).get(key)!;
  };
  const found = new Set<string>();
  const notUtf8 = new Map<string, NotUtf8File>();
  // Each folder is tried once against each segment: `**/**` would otherwise walk a tree many times over.
  const tried = new Set<string>();
  const match = async (dir: string, at: number): Promise<void> => {
    const key = `${at}\0${dir}`;
    if (tried.has(key)) return;
    tried.add(key);
    const segment = matchers[at]!;
    const last = at === matchers.length - 1;
    if (segment === '**' && !last) await match(dir, at + 1); // no folder at all
    const { entries, aliases, byBytes } = await list(dir);
    for (const entry of entries) {
      if (aliases.has(entry.name) || !fits(segment, entry.name)) continue;
      const full = path.join(dir, entry.name);
      const type = await entryType(entry, full);
      if (type === 'folder') {
        if (segment === '**') await match(full, at); // `**` goes on into it
        else if (!last) await match(full, at + 1);
      } else if (last && (await isTakenAsFile(type, full))) {
        found.add(full);
      }
    }
    if (byBytes) await matchEntriesByBytes(byBytes, byBytes.entries, at, dir);
  };
  // The same for the entries of a folder listed by bytes (`under`: the last folder on their path named as text).
  const triedByBytes = new Set<string>();
  const matchByBytes = async (folder: FolderByBytes, at: number, under: string): Promise<void> => {
    const key = `${at}\0${folder.at.toString('latin1')}`;
    if (triedByBytes.has(key)) return;
    triedByBytes.add(key);
    if (matchers[at] === '**' && at < matchers.length - 1) await matchByBytes(folder, at + 1, under);
    await matchEntriesByBytes(folder, await listBytes(folder), at, under);
  };
  const matchEntriesByBytes = async (folder: FolderByBytes, entries: Dirent<Buffer>[], at: number, under: string): Promise<void> => {
    const segment = matchers[at]!;
    for (const entry of entries) {
      const { name, ...full } = entryByBytes(folder, entry);
      if (!fits(segment, name)) continue;
      const type = await entryType(entry, full.at);
      if (type === 'folder') {
        if (segment === '**') await matchByBytes(full, at, under);
        else if (at < matchers.length - 1) await matchByBytes(full, at + 1, under);
      } else if (at === matchers.length - 1 && (await isTakenAsFile(type, full.at))) {
        notUtf8.set(full.at.toString('latin1'), { file: full.shown, bytes: full.at, under });
      }
    }
  };
  await match(base, 0);
  const shown = (file: string) => (base === '.' ? path.relative('.', file) : file);
  return {
    files: [...found].sort(compareCodePoints).map(shown),
    notUtf8: [...notUtf8.values()].map((file) => ({ ...file, file: shown(file.file) })).sort((a, b) => compareCodePoints(a.file, b.file)),
  };
}

/** Whether a listed name is one `segment` takes: any name but isSkippedName's for `**`. */
function fits(segment: Segment, name: string): boolean {
  // Names composed (NFC) as the segments are: macOS stores `é` decomposed, a terminal types it composed.
  return segment === '**' ? !isSkippedName(name) : segment.test(name.normalize('NFC'));
}

/**
 * Where matching starts (the pattern's leading folders without wildcards, `/`-separated) and a
 * matcher per segment from the first wildcard on. `paths`: the platform's path module. On Windows
 * `\` separates folders too, `C:\*.json` starts at the drive's root (`C:` alone is the drive's
 * current folder), the long-path prefix `\\?\` is no wildcard, and names match ignoring case, as
 * Windows' own wildcards do (its file names do too). Everywhere, a segment matches a name in either
 * Unicode form (both are composed first).
 */
export function parsePattern(pattern: string, paths: path.PlatformPath = path): { base: string; segments: Segment[] } {
  const windows = paths.sep === '\\';
  // `\\?\C:\…` and `\\?\UNC\server\…` (paths past 260 characters): the `?` there is no wildcard.
  if (windows) pattern = pattern.replace(/^[\\/]{2}\?[\\/](UNC[\\/])?/i, (_, unc: string | undefined) => (unc ? '//' : ''));
  const segments = pattern.split(paths.sep).join('/').split('/');
  const firstGlob = segments.findIndex(isGlob);
  const baseSegments = segments.slice(0, firstGlob);
  let base = baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/';
  if (windows && /^[A-Za-z]:$/.test(base)) base += '/';
  return { base, segments: segments.slice(firstGlob).map((segment): Segment => (segment === '**' ? '**' : segmentMatcher(segment.normalize('NFC'), windows))) };
}

/**
 * A matcher for one segment (`*` and `?` within a name). A segment that does not start with a dot
 * never matches a name that does, as in shells: `*.json` leaves `.draft.json` alone; nor, alike, an
 * Office lock file unless it starts with `~$` (`*.json` leaves `~$x.json` alone). `ignoreCase`: on
 * Windows. `?` and `*` step over characters (code points), not UTF-16 units: an emoji is one `?`, as
 * in shells.
 */
export function segmentMatcher(segment: string, ignoreCase = false): NameMatcher {
  const fold = (text: string) => [...(ignoreCase ? text.toLowerCase() : text)];
  const pattern = fold(segment);
  const hidesDot = !segment.startsWith('.');
  const hidesLock = !segment.startsWith('~$');
  return {
    // (A name with a `/` is never one name: no segment holds one.)
    test: (name) => !name.includes('/') && !(hidesDot && name.startsWith('.')) && !(hidesLock && name.startsWith('~$')) && wildcardsMatch(pattern, fold(name)),
  };
}

interface NameMatcher {
  test(name: string): boolean;
}

/**
 * Whether `name` is all of `pattern`, its `*` any characters and its `?` one, in at most the name's
 * length times the pattern's steps, whatever the number of stars: a regular expression of
 * `*_*_*_*_*.json` tried on a name of 250 underscores backtracked for 86 s (names are an attendee's
 * to choose, in a folder graded). A failed match after a star resumes one character further from
 * the last star only: the later stars take whatever an earlier one would have left them.
 */
function wildcardsMatch(pattern: readonly string[], name: readonly string[]): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resumeAt = 0;
  while (n < name.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resumeAt = n;
    } else if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resumeAt;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** A folder (through symlinks); false for a file, nothing, or a path that cannot be looked at. */
function isFolderSync(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}
