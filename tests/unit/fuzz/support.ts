/**
 * Shared by the fuzz tests: how many cases to run, the fixed seed, and the per-property count line.
 *
 * - `FUZZ_RUNS` (default 150): cases per property, scaled by each property's `share` (expensive
 *   properties run fewer). `npm run fuzz` sets 10 000.
 * - `FUZZ_SEED` (default 20250801): every property derives its own seed from it and its name, so a
 *   run is reproducible; a failure prints the seed and the fast-check path to replay it.
 *
 * Each property prints `fuzz <name>: N cases, 0 failures (seed S)`; each file prints a summary in
 * its afterAll, and the last fuzz file of a run prints the total over every file (see `summarise`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { ROOT } from '../../helpers.js';

export const FUZZ_RUNS = positive(process.env.FUZZ_RUNS, 150);
export const FUZZ_SEED = integer(process.env.FUZZ_SEED, 20250801);

/** Every fuzz test file, by the name it passes to `summarise` (the total is printed once all have reported). */
export const FUZZ_FILES = ['loader', 'pebble', 'simulator', 'reports', 'archives', 'end-to-end'] as const;
export type FuzzFile = (typeof FUZZ_FILES)[number];

export interface PropertyCount {
  name: string;
  cases: number;
  failures: number;
  seed: number;
}

const counts: PropertyCount[] = [];

/** Cases for a property: FUZZ_RUNS × share, at least `min`. */
export function runsFor(share = 1, min = 20): number {
  return Math.max(min, Math.round(FUZZ_RUNS * share));
}

/** The seed of one property: FUZZ_SEED mixed with a hash of its name. */
export function seedFor(name: string): number {
  let hash = FUZZ_SEED | 0;
  for (let i = 0; i < name.length; i++) hash = (Math.imul(hash ^ name.charCodeAt(i), 0x01000193) + 0x9e3779b9) | 0;
  return hash;
}

/**
 * Runs one property with its seed and case count, prints its count line, records it for the
 * summary, and fails the test with fast-check's report (counterexample, seed, path) on a failure.
 */
export async function fuzz<Ts>(name: string, property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>, share = 1): Promise<void> {
  const seed = seedFor(name);
  const details = await fc.check(property as fc.IAsyncProperty<Ts>, { numRuns: runsFor(share), seed, endOnFailure: false });
  const failures = details.failed ? 1 : 0;
  counts.push({ name, cases: details.numRuns, failures, seed });
  console.log(`fuzz ${name}: ${details.numRuns} cases, ${failures} failures (seed ${seed})`);
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`fuzz ${name} failed: ${cause}\nreplay: FUZZ_SEED=${FUZZ_SEED} (property seed ${seed}, path ${details.counterexamplePath})\n${fc.defaultReportMessage(details) ?? ''}`);
  }
}

/**
 * Call from `test.afterAll` of each fuzz file: prints the file's summary, stores its counts for this
 * run (keyed by the Playwright runner's pid, the parent of every worker), and when every file of
 * FUZZ_FILES has reported, prints the total once.
 */
export function summarise(file: FuzzFile): void {
  // A worker runs one file at a time: what was counted since the last summary is this file's.
  const mine = counts.splice(0, counts.length);
  const cases = mine.reduce((n, c) => n + c.cases, 0);
  const failures = mine.reduce((n, c) => n + c.failures, 0);
  console.log(`fuzz summary ${file}: ${mine.length} properties, ${cases} cases, ${failures} failures`);
  const total = tally(path.join(tmpdir(), 'flowgrade-fuzz-counts', String(process.ppid)), file, mine);
  if (total !== undefined) console.log(total);
}

/**
 * Stores `mine`, the counts of `file`, in `dir` (the run's folder, shared by its workers); once every
 * file of FUZZ_FILES has reported (`expected` properties each), the total line, returned to the first
 * worker to get there only. The folder is only this run's scratch: the worker that prints the total
 * removes it, and the folder of every run's folders when empty — a run left them behind in the temp
 * folder, one a run, and a later runner given the same pid found an earlier run's total.printed.
 */
export function tally(dir: string, file: FuzzFile, mine: PropertyCount[], expected: (file: FuzzFile) => number = propertiesIn): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${file}.${process.pid}.json`), JSON.stringify(mine));
    // A file's tests may be spread over several workers (a failure restarts the worker), so the
    // total waits until every property of every fuzz file has reported.
    const reported = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const byFile = (f: FuzzFile) => reported.filter((name) => name.startsWith(`${f}.`)).flatMap((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as PropertyCount[]);
    if (!FUZZ_FILES.every((f) => byFile(f).length >= expected(f))) return undefined;
    const marker = path.join(dir, 'total.printed');
    if (existsSync(marker)) return undefined;
    writeFileSync(marker, '', { flag: 'wx' }); // the first file to get here prints the total
    const all = FUZZ_FILES.flatMap(byFile);
    const total = all.reduce((n, c) => n + c.cases, 0);
    const failed = all.reduce((n, c) => n + c.failures, 0);
    // Every file has reported: nothing reads the counts again (another worker getting here after
    // finds no folder, and prints nothing, as it finds total.printed otherwise).
    rmSync(dir, { recursive: true, force: true });
    try {
      rmdirSync(path.dirname(dir));
    } catch {
      // not empty: another run is counting beside this one
    }
    return `fuzz total: ${all.length} properties, ${total} cases, ${failed} failures (FUZZ_RUNS=${FUZZ_RUNS}, FUZZ_SEED=${FUZZ_SEED})`;
  } catch {
    // Counting across files is a convenience (another file may have printed the total first).
    return undefined;
  }
}

/**
 * A plain assertion for use inside properties. Playwright's `expect` records a step with a stack
 * trace per call, which costs more than the case itself when called thousands of times.
 */
export function check(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new Error(typeof message === 'string' ? message : message());
}

/** How many properties a fuzz file runs: its `await fuzz(` calls. */
function propertiesIn(file: FuzzFile): number {
  return (readFileSync(path.join(ROOT, 'tests', 'unit', 'fuzz', `${file}.test.ts`), 'utf8').match(/await fuzz\(/g) ?? []).length;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
}

function integer(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isInteger(n) ? n : fallback;
}
