#!/usr/bin/env node
/**
 * How long `flowgrade merge` takes on a large class, and how much memory, beside one `grade` of
 * the whole class (docs/performance.md, Merging the shards). Not a test: it prints figures.
 *
 *   npm run build && node scripts/bench-merge.mjs [--count N] [--runs N] [--out-root DIR] [--keep]
 *
 * Generates the benchmark's class (scripts/bench-class.mjs, N submissions, default 1000), grades
 * it as `--shard 1/2` and `--shard 2/2` into two folders and once whole (one `--now`: the merged
 * files are then byte for byte the whole run's, which is checked), then runs `flowgrade merge` of
 * the two folders `--runs` times (default 3), each into a new folder. Every run is timed with
 * `/usr/bin/time -v` when present (wall, user and system CPU, peak RSS), else by wall time alone.
 * `--out-root` puts the outputs there (a tmpfs, /dev/shm, when the file system's share is not the
 * question); the class goes to the system's temp folder.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateClass } from './bench-class.mjs';
import { readOptions, timedNode } from './bench-run.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const options = readOptions('bench-merge', process.argv.slice(2), {
  valued: ['--count', '--runs', '--out-root'],
  switches: ['--keep'],
  usage: 'Usage: node scripts/bench-merge.mjs [--count N] [--runs N] [--out-root DIR] [--keep]\n(see the comment at the top of scripts/bench-merge.mjs; run npm run build first)\n',
});
const COUNT = Number(options.value('--count', '1000'));
const RUNS = Number(options.value('--runs', '3'));
const KEEP = options.has('--keep');
const NOW = '2025-08-01T09:00:00Z';

async function run(cliArgs) {
  const result = await timedNode([path.join(ROOT, 'bin', 'flowgrade.js'), ...cliArgs], { cwd: ROOT });
  return { ...result, seconds: result.ms / 1000, user: result.userSeconds, system: result.systemSeconds, rssMb: result.rssKb / 1024 };
}

const line = (what, r) => `  ${what}: ${r.seconds.toFixed(2)} s wall, ${r.user.toFixed(2)} s user + ${r.system.toFixed(2)} s system CPU, peak RSS ${r.rssMb.toFixed(0)} MB, exit ${r.code}`;

async function checked(what, cliArgs) {
  const result = await run(cliArgs);
  if (result.code !== 0 && result.code !== 1) throw new Error(`${what} exited with ${result.code}:\n${result.stderr}`);
  console.log(line(what, result));
  return result;
}

/** The files of `a` and `b`, byte for byte alike (the lock's and marker's place aside: both are the run's own). */
function sameFiles(a, b) {
  const names = readdirSync(a).sort();
  if (names.join('\n') !== readdirSync(b).sort().join('\n')) return false;
  return names.every((name) => readFileSync(path.join(a, name)).equals(readFileSync(path.join(b, name))));
}

const work = mkdtempSync(path.join(tmpdir(), 'flowgrade-bench-merge-'));
const outRoot = mkdtempSync(path.join(options.value('--out-root', work), 'flowgrade-bench-merge-out-'));
try {
  const classDir = path.join(work, 'class');
  mkdirSync(classDir);
  const { counts } = generateClass(classDir, COUNT);
  console.log(`flowgrade bench-merge: ${COUNT} submissions (${counts.correct} correct, ${counts.defective} defective, ${counts.unreadable} unreadable); outputs in ${outRoot}`);
  console.log(`  machine: ${availableParallelism()} CPUs, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const out = (name) => path.join(outRoot, name);
  for (const shard of [1, 2]) await checked(`grade --shard ${shard}/2`, ['grade', classDir, '--out', out(`shard-${shard}`), '--shard', `${shard}/2`, '--quiet', '--now', NOW]);
  await checked('grade (the whole class)', ['grade', classDir, '--out', out('whole'), '--quiet', '--now', NOW]);
  for (let i = 1; i <= RUNS; i++) {
    const merged = out(`merged-${i}`);
    const result = await checked(`merge, run ${i}`, ['merge', out('shard-1'), out('shard-2'), '--out', merged, '--quiet']);
    if (i === 1) console.log(`  ${result.stdout.trim()}; the same files as the whole class's: ${sameFiles(merged, out('whole')) ? 'yes' : 'NO'}`);
  }
  console.log(`  load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other processes on the machine skew wall times)`);
  console.log(`commands: node bin/flowgrade.js grade <class> --out <shard-i> --shard i/2 --quiet --now ${NOW}; node bin/flowgrade.js merge <shard-1> <shard-2> --out <merged>`);
} finally {
  if (KEEP) console.log(`kept ${work} and ${outRoot}`);
  else {
    rmSync(outRoot, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}
