#!/usr/bin/env node
/**
 * Speed benchmark of `flowgrade grade` (issue 5). Not a test: it prints figures.
 *
 *   npm run bench                      build, then generate 1,000 submissions and grade them
 *   node scripts/bench.mjs [--count N] [--runs N] [--jobs N] [--keep] [--cpu-prof]
 *   node scripts/bench.mjs --phases [--count N] [--runs N]   where one flow's time goes, instead
 *
 * 1. Generates a class into a temp folder (scripts/bench-class.mjs): the fixture flows, each under
 *    its own attendee id, padded to 60–150 KB; ~55% correct, ~42% defective, ~3% unreadable.
 *    Deterministic (seeded).
 * 2. `--runs` times (default 3), in turn: the baseline, a separate Node process that only reads
 *    every file and JSON.parses it; then the real CLI, `node bin/flowgrade.js grade <dir> --out
 *    <tmp> --quiet`. Reports the medians, the ratio of each grading to the baseline run just
 *    before it, and the CPU per flow the 5× target leaves with every core busy.
 *
 * `--phases` grades the generated class in one thread, `--runs` passes over it, and prints each
 * phase's time per flow (scripts/bench-phases.ts, bundled with esbuild into node_modules/.cache
 * and run in its own process).
 *
 * Peak RSS is the grading process's maximum resident set size. Worker threads live inside that
 * one process, so it covers the main thread and every worker. Measured with `/usr/bin/time -v`
 * when present, and cross-checked with `process.resourceUsage().maxRSS` which the CLI prints
 * when FLOWGRADE_REPORT_RSS=1.
 */
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateClass } from './bench-class.mjs';
import { readOptions, run, timedNode } from './bench-run.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

if (args[0] === '--baseline') {
  // Child mode: read and parse every file of the folder, print the time taken.
  const dir = args[1];
  const started = performance.now();
  let parsed = 0;
  for (const name of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    try {
      JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      parsed++;
    } catch {
      // unreadable submissions count too: they were read
    }
  }
  process.stdout.write(JSON.stringify({ ms: performance.now() - started, parsed }) + '\n');
  process.exit(0);
}

// --help prints the usage above; an option not known is refused before anything is generated
// (taken for "run the benchmark", it cost minutes of generating and grading).
const USAGE = `Usage: node scripts/bench.mjs [--count N] [--runs N] [--jobs N] [--keep] [--cpu-prof]
       node scripts/bench.mjs --phases [--count N] [--runs N]

Generates a class of N realistic submissions (default 1000) into a temp folder, then --runs times
(default 3) times a read-and-parse baseline and \`flowgrade grade\` on it, and prints the figures.
  --count N    submissions to generate
  --runs N     baseline and grading runs, in turn (the medians are reported)
  --jobs N     grade's --jobs (default: grade's own)
  --keep       keep the generated class and the outputs (their folder is printed)
  --cpu-prof   write a CPU profile of each grading run
  --phases     instead: where one flow's time goes, phase by phase, in one thread
`;
const options = readOptions('bench', args, { valued: ['--count', '--runs', '--jobs'], switches: ['--keep', '--cpu-prof', '--phases'], usage: USAGE });
const COUNT = Number(options.value('--count', '1000'));
const RUNS = Number(options.value('--runs', '3'));
const JOBS = options.value('--jobs', undefined);
const KEEP = options.has('--keep');
const CPU_PROF = options.has('--cpu-prof');
const PHASES = options.has('--phases');

// ---------------------------------------------------------------------------------------------
// Running and measuring
// ---------------------------------------------------------------------------------------------
async function gradeOnce(dir, out) {
  const cli = [...(CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.join(work, 'cpu-prof')] : []), path.join(ROOT, 'bin', 'flowgrade.js'), 'grade', dir, '--out', out, '--quiet', '--now', '2025-08-01T09:00:00Z', ...(JOBS ? ['--jobs', JOBS] : [])];
  const result = await timedNode(cli, { cwd: ROOT, env: { FLOWGRADE_REPORT_RSS: '1' } });
  const cliRss = /peak RSS (\d+) KB/.exec(result.stderr);
  const timed = !Number.isNaN(result.rssKb);
  return { ...result, cpuSeconds: result.userSeconds + result.systemSeconds, rssKb: timed ? result.rssKb : cliRss ? Number(cliRss[1]) : NaN, cliRssKb: cliRss ? Number(cliRss[1]) : NaN, rssSource: timed ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS' };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

const work = mkdtempSync(path.join(tmpdir(), 'flowgrade-bench-'));
const classDir = path.join(work, 'class');
const outDir = path.join(work, 'out');
mkdirSync(classDir);
try {
  const { counts, sizes } = generateClass(classDir, COUNT);
  const total = sizes.reduce((a, b) => a + b, 0);
  const readable = sizes.filter((s) => s > 50_000);
  console.log(`flowgrade bench: ${COUNT} submissions (${counts.correct} correct, ${counts.defective} defective, ${counts.unreadable} unreadable)`);
  console.log(`  sizes ${Math.round(Math.min(...readable) / 1024)}–${Math.round(Math.max(...readable) / 1024)} KB (mean ${Math.round(total / COUNT / 1024)} KB, total ${(total / 1024 / 1024).toFixed(1)} MB) in ${classDir}`);
  console.log(`  machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  if (PHASES) await measurePhases();
  else await measureGrading();
} finally {
  if (KEEP || CPU_PROF) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

/** The bench proper: baseline and grading runs, in turn. */
async function measureGrading() {
  // Baseline and grading alternate, and each grading is compared with the baseline run just
  // before it: a shared machine's speed drifts by tens of per cent within minutes, so a baseline
  // measured once, before all the gradings, would skew every ratio the same way.
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const baseline = await run(process.execPath, [fileURLToPath(import.meta.url), '--baseline', classDir], { cwd: ROOT });
    const baseInner = JSON.parse(baseline.stdout).ms;
    // Each run writes into a new folder, as a grading does; they are all removed at the end.
    const result = await gradeOnce(classDir, path.join(outDir, `run-${i + 1}`));
    if (result.code !== 0 && result.code !== 1) {
      console.error(result.stderr);
      throw new Error(`grade exited with ${result.code}`);
    }
    const pairRatio = result.ms / baseline.ms;
    runs.push({ ...result, baseMs: baseline.ms, ratio: pairRatio });
    console.log(
      `  run ${i + 1}: baseline ${(baseline.ms / 1000).toFixed(2)} s (read+parse loop ${(baseInner / 1000).toFixed(2)} s); ` +
        `grade ${(result.ms / 1000).toFixed(2)} s wall = ${pairRatio.toFixed(1)}×, ${result.userSeconds.toFixed(2)} s user + ${result.systemSeconds.toFixed(2)} s system CPU, ` +
        `peak RSS ${mb(result.rssKb)} (CLI's own maxRSS ${mb(result.cliRssKb)}), exit ${result.code}`,
    );
  }
  const wall = median(runs.map((r) => r.ms));
  const baseWall = median(runs.map((r) => r.baseMs));
  const ratio = median(runs.map((r) => r.ratio));
  const rss = Math.max(...runs.map((r) => r.rssKb));
  const rate = COUNT / (wall / 1000);
  console.log(`baseline: one process reads and JSON.parses every file, ${(baseWall / 1000).toFixed(2)} s wall (median)`);
  console.log(`grade (${JOBS ? `--jobs ${JOBS}` : `default jobs = ${availableParallelism()}`}), median of ${RUNS}:`);
  console.log(
    `  ${rate.toFixed(0)} flows/s (target ≥ 200)   wall ${(wall / 1000).toFixed(2)} s   ${ratio.toFixed(1)}× its baseline (target ≤ 5×; best ${Math.min(...runs.map((r) => r.ratio)).toFixed(1)}×)   peak RSS ${mb(rss)} (target ≤ 400 MB; ${runs[0].rssSource})`,
  );
  const perFlow = (key) => ((median(runs.map((r) => r[key])) * 1000) / COUNT).toFixed(1);
  console.log(`  CPU per flow: ${perFlow('cpuSeconds')} ms (user ${perFlow('userSeconds')} ms, system ${perFlow('systemSeconds')} ms: mostly creating and writing the report files; it varies with the file system's state); load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other processes on the machine skew wall times)`);
  // Even with every core busy all the time, 5× the baseline's wall time allows this much CPU.
  const budget = (5 * baseWall * availableParallelism()) / COUNT;
  console.log(`  CPU budget of the 5× target: ${budget.toFixed(1)} ms per flow (5 × the baseline's ${(baseWall / 1000).toFixed(2)} s × ${availableParallelism()} cores ÷ ${COUNT} flows, every core busy throughout)`);
  console.log(`  ${runs[0].stdout.split('\n')[0]}`);
  console.log(`command: node bin/flowgrade.js grade <class> --out <out> --quiet --now 2025-08-01T09:00:00Z${JOBS ? ` --jobs ${JOBS}` : ''}`);
  if (CPU_PROF) console.log(`CPU profiles in ${path.join(work, 'cpu-prof')}`);
}

/** `--phases`: where one flow's time goes, in one thread (scripts/bench-phases.ts). */
async function measurePhases() {
  // Beside the packages, which stay external (as scripts/docs-checks.mjs does).
  const bundle = path.join(ROOT, 'node_modules', '.cache', 'flowgrade', 'bench-phases.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'scripts', 'bench-phases.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  const result = await run(process.execPath, [bundle, classDir, String(RUNS)], { cwd: ROOT });
  process.stdout.write(result.stdout + result.stderr);
  if (result.code !== 0) throw new Error(`the phases run exited with ${result.code}`);
}
