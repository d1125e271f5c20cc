/**
 * The export arguments of `check`, `inspect` and `simulate`, as `grade` takes its inputs: a
 * pattern that names no file expanded as `grade` expands a quoted one (see grade/glob.ts): cmd and
 * PowerShell (Windows) pass `Main_Flow_*.json` on unexpanded, and bash a pattern matching nothing.
 * A pattern matching nothing is a usage error.
 */
import { existsSync } from 'node:fs';
import { UsageError } from './errors.js';
import { expandGlob, isGlob, shellOnlySyntax } from './grade/glob.js';
import { compareCodePoints, realPath } from './grade/walk.js';
import { firstFew } from '../engine/word-list.js';

type Warn = (line: string) => void;

/**
 * The files `check` grades: each argument, or the files its pattern matches, in order; a file
 * reached twice (given twice, by `./`, through a symlink, or by a pattern and by name) once, under
 * the name it was first reached by, as `grade` counts it once.
 */
export async function exportFiles(given: readonly string[], warn: Warn): Promise<string[]> {
  const files = new Map<string, string>(); // real path → the name first given
  for (const arg of given) {
    for (const file of await expandArgument(arg, warn)) {
      const real = realPath(file);
      if (!files.has(real)) files.set(real, file);
    }
  }
  return [...files.values()];
}

/**
 * The one file `inspect` or `simulate` reads: the argument, or the one file its pattern matches.
 * A pattern matching several is a usage error naming the first few: which one was meant is not ours to guess.
 */
export async function oneExportFile(arg: string, command: string, warn: Warn): Promise<string> {
  const files = await expandArgument(arg, warn);
  if (files.length > 1) {
    throw new UsageError(`${arg}: this pattern matches ${files.length} files (${firstFew(files, 3)}); \`${command}\` reads one: name it, or use \`flowgrade check\`, which takes several`, 'no-input');
  }
  return files[0]!;
}

/** An argument as it names files: itself, unless it is a pattern naming no file as it is. */
async function expandArgument(arg: string, warn: Warn): Promise<string[]> {
  if (!isGlob(arg) || existsSync(arg)) return [arg];
  const matched = await expandGlob(arg, warn);
  // A name that is not UTF-8 as Node gives it (U+FFFD for those bytes): these commands read files
  // by name, so its line says to rename the file, where `grade` opens it by its bytes.
  const named = [...matched.files, ...matched.notUtf8.map(({ bytes }) => bytes.toString())].sort(compareCodePoints);
  if (named.length === 0) throw new UsageError(`${arg}: no file matches this pattern${shellOnlySyntax(arg)}`, 'no-input');
  return named;
}
