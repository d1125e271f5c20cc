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
import { compareCodePoints, entryType, isSkippedName, isTakenAsFile, listFolder, type Listing } from './walk.js';

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

/** `**`, or a regular expression for one name. */
type Segment = '**' | RegExp;

/** The files matching `pattern`, sorted; paths keep the pattern's own prefix (`subs/a/x.json`). */
export async function expandGlob(pattern: string, warn: (line: string) => void, listing: Listing = listFolder): Promise<string[]> {
  const { base, segments: matchers } = parsePattern(pattern);
  // A missing folder, or a file (`class.zip/**/*.json`): the pattern matches nothing, the usage error it gets, not a folder warning.
  if (!isFolderSync(base)) return [];
  const listings = new Map<string, Promise<Dirent[]>>();
  const list = (dir: string) => listings.get(dir) ?? listings.set(dir, listing(dir, warn)).get(dir)!;
  const found = new Set<string>();
  // Each folder is tried once against each segment: `**/**` would otherwise walk a tree many times over.
  const tried = new Set<string>();
  const match = async (dir: string, at: number): Promise<void> => {
    const key = `${at}\0${dir}`;
    if (tried.has(key)) return;
    tried.add(key);
    const segment = matchers[at]!;
    const last = at === matchers.length - 1;
    if (segment === '**' && !last) await match(dir, at + 1); // no folder at all
    for (const entry of await list(dir)) {
      const wildcard = segment === '**';
      // Names composed (NFC) as the segments are: macOS stores `é` decomposed, a terminal types it composed.
      if (wildcard ? isSkippedName(entry.name) : !segment.test(entry.name.normalize('NFC'))) continue;
      const full = path.join(dir, entry.name);
      const type = await entryType(entry, full);
      if (type === 'folder') {
        if (wildcard) await match(full, at); // `**` goes on into it
        else if (!last) await match(full, at + 1);
      } else if (last && (await isTakenAsFile(type, full))) {
        found.add(full);
      }
    }
  };
  await match(base, 0);
  return [...found].sort(compareCodePoints).map((file) => (base === '.' ? path.relative('.', file) : file));
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
  return { base, segments: segments.slice(firstGlob).map((segment): Segment => (segment === '**' ? '**' : segmentRegExp(segment.normalize('NFC'), windows))) };
}

/**
 * A regular expression for one segment (`*` and `?` within a name). A segment that does not start
 * with a dot never matches a name that does, as in shells: `*.json` leaves `.draft.json` alone;
 * nor, alike, an Office lock file unless it starts with `~$` (`*.json` leaves `~$x.json` alone).
 * `ignoreCase`: on Windows.
 */
export function segmentRegExp(segment: string, ignoreCase = false): RegExp {
  const source = segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  // `u`: `?` and `*` step over characters (code points), not UTF-16 units: an emoji is one `?`, as in shells.
  const hidden = `${segment.startsWith('.') ? '' : '(?!\\.)'}${segment.startsWith('~$') ? '' : '(?!~\\$)'}`;
  return new RegExp(`^${hidden}${source}$`, ignoreCase ? 'iu' : 'u');
}

/** A folder (through symlinks); false for a file, nothing, or a path that cannot be looked at. */
function isFolderSync(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}
