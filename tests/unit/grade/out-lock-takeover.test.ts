/**
 * Two or three runs taking over one stale --out lock (a run killed with SIGKILL left it) at once:
 * exactly one may take it. Each run removed the stale lock and took it again, so one could remove
 * the lock another had just taken, and both graded into the folder (1 to 4 times in 100 at a
 * shell). The runs are stand-ins (a process id, which of them are running), and the interleaving
 * is chosen, not left to luck: another run does all its taking over at a step of the first one's.
 */
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { LockInTheWay, takeLock, type LockTaker } from '../../../cli/grade/out-lock.js';
import { tempDir } from '../../helpers.js';

const GONE = 999_999; // the killed run's process id
type Step = 'stale' | 'claimed';

/** Runs 101, 102, 103…, each running the next one in full at the step given for it (once). */
function race(lock: string, steps: (Step | undefined)[]): (number | undefined)[] {
  const pids = [...steps.keys(), steps.length].map((i) => 101 + i);
  const results: (number | undefined)[] = [];
  const run = (i: number): void => {
    let done = false;
    const taker: LockTaker = {
      pid: pids[i]!,
      isRunning: (pid) => pids.includes(pid),
      step: (at) => {
        if (done || at !== steps[i]) return;
        done = true;
        run(i + 1);
      },
    };
    results[i] = takeLock(lock, taker);
  };
  run(0);
  return results;
}

const ORDERS: (Step | undefined)[][] = [];
for (const first of ['stale', 'claimed'] as const) {
  ORDERS.push([first]);
  for (const second of ['stale', 'claimed', undefined] as const) ORDERS.push([first, second]);
}

test('runs taking over one stale lock at once, at every step of each other\'s takeover: exactly one takes it, the others are told its process', () => {
  for (const steps of ORDERS) {
    const out = tempDir('lock-race');
    const lock = path.join(out, '.flowgrade-lock');
    writeFileSync(lock, `${GONE}\n`);
    const results = race(lock, steps);
    const winners = results.flatMap((result, i) => (result === undefined ? [101 + i] : []));
    // Before: with the second run in between the first one's seeing the lock stale and removing
    // it, both took it ([101, 102]): the first removed the lock the second had just taken.
    expect(winners, JSON.stringify(steps)).toHaveLength(1);
    const winner = winners[0]!;
    expect(results.filter((result) => result !== undefined), JSON.stringify(steps)).toEqual(Array(results.length - 1).fill(winner));
    expect(readFileSync(lock, 'utf8')).toBe(`${winner}\n`);
    // Nothing else left: no takeover claim, no run's own lock file.
    expect(readdirSync(out), JSON.stringify(steps)).toEqual(['.flowgrade-lock']);
  }
});

test('a takeover claim whose run is gone: with the lock gone too, the next run takes the lock and removes the claim; with a stale lock, the run is refused naming both', () => {
  const taker: LockTaker = { pid: 101, isRunning: (pid) => pid === 101 };
  const out = tempDir('lock-claim');
  const lock = path.join(out, '.flowgrade-lock');
  writeFileSync(`${lock}-takeover`, `${GONE}\n`);
  expect(takeLock(lock, taker)).toBeUndefined();
  expect(readdirSync(out)).toEqual(['.flowgrade-lock']);

  const stale = tempDir('lock-claim-stale');
  const staleLock = path.join(stale, '.flowgrade-lock');
  writeFileSync(staleLock, `${GONE}\n`);
  writeFileSync(`${staleLock}-takeover`, `${GONE - 1}\n`);
  const refusal = thrown(() => takeLock(staleLock, taker)) as LockInTheWay;
  expect([refusal.file, refusal.message]).toEqual([
    `${staleLock}-takeover`,
    `left by a flowgrade run stopped while it took over a lock left by a run that is gone; if no flowgrade run is writing into the folder, delete it and ${staleLock}`,
  ]);
  expect(readdirSync(stale).sort()).toEqual(['.flowgrade-lock', '.flowgrade-lock-takeover']);

  // A claim of a run going on: that run is taking the lock, and named.
  const busy = tempDir('lock-claim-busy');
  writeFileSync(path.join(busy, '.flowgrade-lock'), `${GONE}\n`);
  writeFileSync(path.join(busy, '.flowgrade-lock-takeover'), '102\n');
  expect(takeLock(path.join(busy, '.flowgrade-lock'), { pid: 101, isRunning: (pid) => pid === 101 || pid === 102 })).toBe(102);
});

test('a folder, a named pipe or a symlink where the lock goes is refused, never opened nor removed', () => {
  const taker: LockTaker = { pid: 101, isRunning: (pid) => pid === 101 };
  const cases: [string, (file: string) => void][] = [
    ['is a directory', (file) => mkdirSync(file)],
    ['is a symbolic link', (file) => symlinkSync(`${GONE}`, file)],
  ];
  // (A pipe was opened to be read: the run waited for a writer for good, deaf to SIGTERM.)
  if (process.platform !== 'win32') cases.push(['is a named pipe', (file) => execFileSync('mkfifo', [file])]);
  for (const [kind, make] of cases) {
    const out = tempDir('lock-in-the-way');
    const lock = path.join(out, '.flowgrade-lock');
    make(lock);
    const refusal = thrown(() => takeLock(lock, taker));
    expect([refusal instanceof LockInTheWay, (refusal as LockInTheWay).file, (refusal as Error).message], kind).toEqual([true, lock, `${kind}, not the lock file a flowgrade run leaves: delete it`]);
    expect(readdirSync(out), kind).toEqual(['.flowgrade-lock']);
  }
});

test('a socket where the lock goes is refused as such, never opened nor removed', async () => {
  test.skip(process.platform === 'win32', 'a Unix domain socket');
  const out = tempDir('lock-socket');
  const lock = path.join(out, '.flowgrade-lock');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(lock, resolve));
  try {
    const refusal = thrown(() => takeLock(lock, { pid: 101, isRunning: (pid) => pid === 101 }));
    expect([refusal instanceof LockInTheWay, (refusal as LockInTheWay).file, (refusal as Error).message]).toEqual([true, lock, 'is a socket, not the lock file a flowgrade run leaves: delete it']);
    expect(readdirSync(out)).toEqual(['.flowgrade-lock']);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a run\'s own lock file left by a killed run of the same process id (ids are reused in a container restarted): replaced, the lock taken', () => {
  const out = tempDir('lock-own-left');
  const lock = path.join(out, '.flowgrade-lock');
  // What a run killed between writing its own file and linking it to the lock leaves.
  writeFileSync(`${lock}-101`, '');
  expect(takeLock(lock, { pid: 101, isRunning: (pid) => pid === 101 })).toBeUndefined();
  expect(readFileSync(lock, 'utf8')).toBe('101\n');
  expect(readdirSync(out)).toEqual(['.flowgrade-lock']);
});

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}
