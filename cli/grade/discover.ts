/**
 * Finding the submissions of a batch in what the user named: folders (walked recursively for
 * `*.json` exports and `*.zip` archives), zip archives (expanded within limits, see zip.ts), single
 * files (taken whatever their extension, like `check`), and quoted glob patterns (see glob.ts).
 * A file reached twice (a folder and a file inside it, a folder and a symlink to it, a file and a
 * symlink to it, one file under two names of one folder) counts once.
 */
import { lstatSync, readFileSync, statSync, type PathLike } from 'node:fs';
import path from 'node:path';
import { isBrightspaceSubmission } from '../../engine/attendee.js';
import { formatBytes } from '../../engine/json-text.js';
import { firstFew, wordList } from '../../engine/word-list.js';
import { plural } from '../../reports/summary.js';
import { coded } from '../errors.js';
import { refusedBeforeReading, unreadable, withOpenedSync, type ReadResult } from '../io.js';
import { STDIN } from '../options.js';
import { expandGlob, isGlob, shellOnlySyntax } from './glob.js';
import { strayQuote } from '../stray-quote.js';
import { sameSubmissionsTwice } from './same-twice.js';
import type { Submission } from './types.js';
import { compareCodePoints, listFolder, realPath, walkFiles, type Listing, type NotUtf8File, type Walked } from './walk.js';
import { expandArchive, isArchiveName, type ZipLimits } from './zip.js';

export interface Discovery {
  /** Every submission, sorted by display path. */
  candidates: Submission[];
  /** Folders that could not be read: one formatted line each (the batch goes on). Refused files are candidates. */
  warnings: string[];
  /** Usage errors, one line each: an input that names nothing (a missing path, a pattern matching no file) or lies inside --out. */
  problems: string[];
}

/**
 * Whether a path lies inside the output folder, named as given or through symlinks (either way for
 * the folder too): `inside` for an absolute path, `insideOut` for any path, as given and as its
 * real path. Nothing is inside an output folder that is not given.
 */
export function outFolderTests(outDir: string | undefined): { inside: (absolute: string) => boolean; insideOut: (file: string) => boolean } {
  // (A file system's root, `E:\` or `/`, ends with the separator already.)
  const excluded = outDir === undefined ? [] : [...new Set([path.resolve(outDir), realPath(outDir)])].map((dir) => (dir.endsWith(path.sep) ? dir : dir + path.sep));
  const inside = (absolute: string) => excluded.some((dir) => absolute.startsWith(dir));
  return { inside, insideOut: (file) => inside(path.resolve(file)) || inside(realPath(file)) };
}

/**
 * `outDir`: the output folder, whose files are never submissions: found in a folder, they are
 * skipped with one warning; named directly, they are a usage error (their reports could
 * overwrite them).
 */
export async function discover(inputs: string[], limits: ZipLimits, outDir?: string): Promise<Discovery> {
  const { inside, insideOut } = outFolderTests(outDir);
  const warnings: string[] = [];
  const problems: string[] = [];
  const warn = (line: string) => warnings.push(line);
  let warnedOut = false;
  /** Each folder's real path, resolved once (a class folder holds hundreds of files). */
  const realFolders = new Map<string, string>();
  const realFolder = (dir: string) => realFolders.get(dir) ?? realFolders.set(dir, realPath(dir)).get(dir)!;
  /** Path in its real folder, under the first name found of that file there (sameFileNames) → display path (the smallest display path wins: independent of input order). */
  const found = new Map<string, string>();
  /** The found files that are symlinks: their key in `found` → the real path of the file it links to. */
  const links = new Map<string, string>();
  const names = sameFileNames();
  /** The inputs named on the command line, as `found` keys them: what the usage error names when nothing is found. */
  const namedKeys = new Set<string>();
  /** Lines naming an input that holds nothing to grade: said only when another input holds something (else the usage error says it). */
  const inputsHoldingNothing: string[] = [];
  /** Files named on the command line that lie inside --out: one line for them all (a shell expands `class/*.json --out class` to hundreds), at the first one's place among the problems. */
  const namedInsideOut: string[] = [];
  let insideOutAt = -1;
  const add = (file: string, named = false) => {
    const display = path.normalize(file);
    // The real folder and the name in it: a folder named again through a symlink is the same
    // folder, but two files that are symlinks to one stored file (a content store) stay two.
    const inFolder = path.join(realFolder(path.dirname(file)), path.basename(file));
    if (inside(path.resolve(file)) || inside(inFolder)) {
      if (named) {
        if (insideOutAt < 0) insideOutAt = problems.push('') - 1; // said once all are known
        namedInsideOut.push(display);
      } else if (!warnedOut) {
        warn(`flowgrade: ${outDir}: the --out folder lies inside an input; its files are not graded [output-folder]`);
        warnedOut = true;
      }
      return;
    }
    // A symlink from outside --out to a file in it: the submission is the student's, not ours, but
    // a report written into --out could replace the very file it links to. As for a file named
    // inside --out, nothing is graded (never silently left out, never overwritten).
    const key = names.keyOf(inFolder);
    const target = realPath(key);
    if (inside(target)) {
      problems.push(coded(`flowgrade: ${display}: a symlink to ${target}, inside --out ${outDir}, where its report could replace it: write the reports into another folder`, 'bad-out'));
      return;
    }
    if (target !== key) links.set(key, target);
    if (named) namedKeys.add(key);
    const known = found.get(key);
    if (known === undefined || compareCodePoints(display, known) < 0) found.set(key, display);
  };

  /** The files found whose paths are not UTF-8 (walk.ts), by the real folder they are under and the rest of their path's bytes. */
  const foundNotUtf8 = new Map<string, NotUtf8File>();
  const addNotUtf8 = (file: NotUtf8File) => {
    // Nothing inside --out is graded (its reports' names are UTF-8: what add() warns of is never one of these).
    if (inside(path.join(path.resolve(file.under), 'x')) || inside(path.join(realFolder(file.under), 'x'))) return;
    const key = realFolder(file.under) + file.bytes.subarray(Buffer.byteLength(file.under)).toString('latin1');
    const known = foundNotUtf8.get(key);
    if (known === undefined || compareCodePoints(file.file, known.file) < 0) foundNotUtf8.set(key, file);
  };

  for (const input of inputs) {
    if (input.trim() === '') {
      // A script's unset variable (`grade "$SUBMISSIONS"`): "no such file" would name nothing.
      problems.push(coded(`flowgrade: "${input}" is blank: give a folder, a zip archive, an export or a quoted pattern`, 'no-input'));
      continue;
    }
    if (input === STDIN) {
      problems.push(coded('flowgrade: "-": standard input is not read: save the exports into a folder or a zip archive and give that (./- for a file named -)', 'no-input'));
      continue;
    }
    let info;
    try {
      info = statSync(input);
    } catch (error) {
      // A symlink loop, a path through a file, a name too long…: its row says why. Not nothing
      // there (below), nor a pattern (`class.zip/**/*.json`, a folder that cannot be read): that
      // matches nothing, below. (`throwIfNoEntry: false` would not do: from Node 22 on it returns
      // nothing for a path through a file too.)
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !isGlob(input)) {
        add(input, true);
        continue;
      }
    }
    if (info?.isDirectory() && insideOut(path.join(input, 'x'))) {
      problems.push(coded(`flowgrade: ${input}: this folder is inside --out ${outDir}, where the reports go: write them into another folder`, 'bad-out'));
    } else if (info?.isDirectory()) {
      const walked = await walkInput(input, warn);
      const files = walked.files.filter((file) => /\.(json|zip)$/i.test(file));
      for (const file of files) add(file);
      const notUtf8 = walked.notUtf8.filter(({ file }) => /\.(json|zip)$/i.test(file));
      for (const file of notUtf8) addNotUtf8(file);
      if (files.length === 0 && notUtf8.length === 0 && walked.listed) inputsHoldingNothing.push(holdsNothing(input, 'folder'));
    } else if (info) {
      add(input, true);
    } else if (isGlob(input)) {
      const matched = await expandGlob(input, warn);
      if (matched.files.length === 0 && matched.notUtf8.length === 0) problems.push(coded(`flowgrade: ${input}: no file matches this pattern${shellOnlySyntax(input)}`, 'no-input'));
      for (const file of matched.files) add(file, true);
      for (const file of matched.notUtf8) addNotUtf8(file);
    } else {
      problems.push(coded(`flowgrade: ${input}: no such file or folder${strayQuote(input) || shellOnlySyntax(input)}`, 'no-input'));
    }
  }

  if (insideOutAt >= 0) problems[insideOutAt] = insideOutLine(namedInsideOut, outDir!);
  mergeLinks(found, links, names.keyOf);

  const candidates: Submission[] = [];
  for (const [real, file] of [...found].sort(([, a], [, b]) => compareCodePoints(a, b))) {
    const mtimeMs = mtimeOf(file);
    if (!isArchiveName(file)) {
      candidates.push({ kind: 'path', file, mtimeMs, folder: path.dirname(real) });
      continue;
    }
    const empty = (archiveFile: string) => (archiveFile === file && namedKeys.has(real) ? inputsHoldingNothing : warnings).push(holdsNothing(archiveFile, 'archive'));
    addArchive(candidates, { file, real, mtimeMs }, limits, empty, warn);
  }
  for (const { file, bytes, under } of foundNotUtf8.values()) {
    const mtimeMs = mtimeOf(bytes);
    const real = path.join(realFolder(under), path.relative(under, file)); // as shown below the real folder
    if (isArchiveName(file)) addArchive(candidates, { file, real, mtimeMs, at: bytes }, limits, (archiveFile) => warnings.push(holdsNothing(archiveFile, 'archive')), warn);
    else candidates.push({ kind: 'path', file, mtimeMs, at: new Uint8Array(bytes), folder: path.dirname(real) }); // (its own memory: a thread is sent all of it)
  }
  candidates.sort((a, b) => compareCodePoints(a.file, b.file));
  if (candidates.length > 0) inputsHoldingNothing.forEach(warn);
  sameSubmissionsTwice(candidates).forEach(warn);
  // A folder reached by two inputs (a folder and a pattern in it, a folder given twice) is named once.
  return { candidates, warnings: [...new Set(warnings)], problems };
}

/**
 * The submissions of the archive `file` (`real`: its real path) added to `candidates`: its exports
 * and the archives inside it, each in a folder of its own (the archive's real path, then the
 * entry's folder inside it), or the archive alone, refused, when it cannot be read. `empty` is
 * told of an archive (this one or one inside it) that holds nothing to grade; the entries that are
 * neither exports nor archives are named in one warning.
 */
function addArchive(candidates: Submission[], { file, real, mtimeMs, at = file }: { file: string; real: string; mtimeMs: number; at?: PathLike }, limits: ZipLimits, empty: (archiveFile: string) => void, warn: (line: string) => void): void {
  const folder = path.dirname(real);
  const archive = readArchive(at, limits.maxTotalBytes);
  if (!archive.ok) {
    candidates.push({ kind: 'refused', file, mtimeMs, error: archive.error, folder });
    return;
  }
  const ignored: string[] = [];
  // An entry's folder: the archive's real path, then the entry's folder inside it.
  // (Some Windows tools write `\` between an entry's folders.)
  const entryFolder = (entryFile: string) => `${real}${entryFile.slice(file.length, Math.max(entryFile.lastIndexOf('/'), entryFile.lastIndexOf('\\'), file.length + 1))}`;
  const expanded = expandArchive(archive.bytes, file, mtimeMs, limits, (name) => ignored.push(name), empty);
  for (const entry of expanded) {
    candidates.push({ ...entry, folder: entry.file === file ? folder : entryFolder(entry.file) });
  }
  // A student who uploaded a screenshot instead of the export would otherwise vanish without a word;
  // Brightspace's own index.html, beside the submissions it lists, is no student's and worth none.
  // Judged by this archive's exports alone: not by the candidates found before it, where a folder
  // on disk named `<archive>!` could hold files whose paths start alike (discover reaches such a
  // folder after the archive, in code-point order, but nothing here should rest on that).
  const entriesOf = (archiveFile: string) => expanded.filter((c) => c.file.startsWith(`${archiveFile}!/`)).map((c) => c.file);
  const notExports = ignored.filter((entry) => !isBrightspaceIndex(entry, entriesOf));
  if (notExports.length > 0) {
    const named = firstFew(notExports.map((entry) => entry.slice(file.length + 2)), NAMED_NOT_AN_EXPORT, { before: ', and ' });
    warn(`flowgrade: ${file}: ${notExports.length} ${notExports.length === 1 ? 'entry is' : 'entries are'} not a flow export (*.json) or archive (*.zip) and not graded: ${named} [not-an-export]`);
  }
}

/**
 * The files under a folder given as an input (walkFiles), and whether the folder itself was
 * listed: one that cannot be read, or that is a flowgrade output folder, is skipped with its own
 * line (listFolder), and holds nothing anyone looked at, so it is not also said to hold no export.
 */
async function walkInput(dir: string, warn: (line: string) => void): Promise<Walked & { listed: boolean }> {
  let listed = true;
  // listFolder warns only of a folder it skips: said of the input itself, nothing under it was listed.
  const listing: Listing = (folder, warnOf) => listFolder(folder, (line) => {
    if (folder === dir) listed = false;
    warnOf(line);
  });
  return { ...(await walkFiles(dir, warn, listing)), listed };
}

/**
 * An archive entry `index.html` in a folder that also holds a submission Brightspace named (a file
 * or a submission's folder): that download's list of submissions. `entriesOf` gives the exports
 * read from an archive (`<archive>!/<entry>`), the archive being the entry's own (an archive inside
 * one is a folder of its own), among the entries of the archive given that holds them.
 */
function isBrightspaceIndex(entry: string, entriesOf: (archive: string) => string[]): boolean {
  const at = entry.lastIndexOf('!/');
  const inside = entry.slice(at + 2);
  const slash = Math.max(inside.lastIndexOf('/'), inside.lastIndexOf('\\'));
  if (inside.slice(slash + 1).toLowerCase() !== 'index.html') return false;
  const folder = `${entry.slice(0, at)}!/${inside.slice(0, slash + 1)}`;
  return entriesOf(entry.slice(0, at)).some((file) => file.startsWith(folder) && isBrightspaceSubmission(file.slice(folder.length)));
}

/** The files named on the command line that lie inside --out, in one line: the first three named, the others counted. */
function insideOutLine(files: readonly string[], outDir: string): string {
  const named = files.length > NAMED_INSIDE_OUT ? firstFew(files, NAMED_INSIDE_OUT, { others: (left) => `${plural(left, 'more file')} given` }) : wordList(files);
  const said = files.length === 1 ? `${named}: it is inside --out ${outDir}, where its report could replace it` : `${named} are inside --out ${outDir}, where their reports could replace them`;
  return coded(`flowgrade: ${said}: write the reports into another folder`, 'bad-out');
}

/** How many of the files named inside --out its line names (insideOutLine). */
const NAMED_INSIDE_OUT = 3;

/** How many of an archive's entries that are not exports its `not-an-export` line names. */
const NAMED_NOT_AN_EXPORT = 5;

/**
 * An archive (found, given, or inside one) or a folder given that holds no export and no archive:
 * nothing in it is graded, and nothing else would say so (an archive's other files are named in
 * its `not-an-export` line instead).
 */
function holdsNothing(where: string, what: 'archive' | 'folder'): string {
  return `flowgrade: ${where}: no flow export (*.json) or archive (*.zip) in this ${what}; nothing in it is graded [no-exports]`;
}

/**
 * A symlink to a file that is itself found (`class/late/x.json` → `class/x.json`) is that file
 * reached twice: one submission, in the file's own folder, shown under the smaller display path
 * (so not depending on input order). Links to a file found nowhere else stay apart: two students'
 * uploads linked to one stored file (a content store) are two submissions, each in its folder.
 * `found`: real folder and name (`keyOf`: the first name found of that file there) → display path;
 * `links`: the symlinks among them → their targets.
 */
function mergeLinks(found: Map<string, string>, links: ReadonlyMap<string, string>, keyOf: (file: string) => string): void {
  for (const [key, target] of links) {
    const known = found.get(keyOf(target));
    if (known === undefined) continue;
    const display = found.get(key)!;
    found.delete(key);
    if (compareCodePoints(display, known) < 0) found.set(keyOf(target), display);
  }
}

/**
 * One file under two names of one folder: on a case-insensitive file system (Windows, macOS)
 * `Main_Flow_Ann.json` as listed and `main_flow_ann.json` as typed, or two hard links. Told by the
 * file's identity (device and inode, as lstat gives them: two symlinks stay two files; bigints, as
 * an NTFS file id is 64 bits); keyOf(path) is the first path found of that file in that folder, so
 * that it counts once. The same file in two folders stays two submissions (two students' uploads
 * hard-linked to one stored file). An inode of 0 is no identity (some network shares give every
 * file 0): such files stay apart by name.
 */
export function sameFileNames(identify: LstatFile = lstatSync as LstatFile): { keyOf: (file: string) => string } {
  const first = new Map<string, string>();
  const keyOf = (file: string): string => {
    let identity;
    try {
      identity = identify(file, { bigint: true, throwIfNoEntry: false });
    } catch {
      return file; // its row says why it cannot be read
    }
    if (identity === undefined || identity.ino === 0n) return file;
    const sameFile = `${path.dirname(file)}\0${identity.dev}:${identity.ino}`;
    const known = first.get(sameFile);
    if (known !== undefined) return known;
    first.set(sameFile, file);
    return file;
  };
  return { keyOf };
}

/** What sameFileNames asks of a file (fs.lstatSync; a test stands in for another system's). */
type LstatFile = (file: string, options: { bigint: true; throwIfNoEntry: false }) => { dev: bigint; ino: bigint } | undefined;

function mtimeOf(file: PathLike): number {
  try {
    return statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  } catch {
    return 0;
  }
}

function readArchive(file: PathLike, maxBytes: number): ReadResult {
  try {
    return withOpenedSync(file, (fd, info) => {
      const refused = refusedBeforeReading(info, Infinity); // a folder, a pipe or a device; the size is the archive's own limit
      if (refused) return refused;
      if (info.size > maxBytes) {
        return { ok: false, error: { code: 'zip-too-large', message: `archive is larger than the ${formatBytes(maxBytes)} limit for an archive (${info.size} bytes); refused` } };
      }
      return { ok: true, bytes: readFileSync(fd) };
    });
  } catch (error) {
    return unreadable(error);
  }
}
