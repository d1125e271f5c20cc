/**
 * What an --out folder's lock and marker files are taken to say when they are not what flowgrade
 * writes: a lock naming no process (0, a negative number, text) is a dead run's, taken over; a
 * marker's part other than flowgrade's own forms (--shard 0/2, 01/3) names no part.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { takeLock } from '../../../cli/grade/out-lock.js';
import { markedPart, partClash, readMarker } from '../../../cli/grade/out-marker.js';
import { tempDir } from '../../helpers.js';

test('a lock holding no process id that can run (0, -5, text, nothing) is taken over', () => {
  for (const held of ['0\n', '-5\n', 'flowgrade\n', '']) {
    const lock = path.join(tempDir('out-lock'), '.flowgrade-lock');
    writeFileSync(lock, held);
    // Before (a mutation sweep): '0' was asked about as a process (kill(0, 0) is this process's group: running), and the run refused.
    expect(takeLock(lock), JSON.stringify(held)).toBeUndefined();
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
  }
});

test('a marker part not of flowgrade\'s making names no part: a shard may write there', () => {
  for (const part of ['--shard 0/2', '--shard 1/0', '--shard 01/3', '--shard 1/2 ', 'the whole class.']) {
    const marker = `Reports written by \`flowgrade grade\`.\npart: ${part}\n`;
    // Before (a mutation sweep): --shard 0/2 and 01/3 were taken for parts, and --shard 1/2 refused.
    expect(markedPart(marker), part).toBeUndefined();
    expect(partClash(marker, { index: 1, count: 2 }), part).toBeUndefined();
  }
  expect(markedPart('x\npart: --shard 10/12\n')).toBe('--shard 10/12');
  // Only a line that starts with it. Before (a mutation sweep): 'depart: --shard 1/2' read as the part.
  expect(markedPart('x\ndepart: --shard 1/2\n')).toBeUndefined();
});

test('a run of the whole class may write where a shard\'s outputs are (it replaces them all); only a shard is refused where another part is', () => {
  const marker = (part: string) => `Reports written by \`flowgrade grade\`.\npart: ${part}\n`;
  // Before (a mutation sweep): the whole class refused over a shard's outputs.
  expect(partClash(marker('--shard 1/2'), undefined)).toBeUndefined();
  expect(partClash(marker('--shard 1/2'), { index: 1, count: 2 })).toBeUndefined();
  expect(partClash(marker('--shard 1/2'), { index: 2, count: 2 })).toMatch(/^it holds the outputs of --shard 1\/2, whose .* this run \(--shard 2\/2\) would replace/);
  expect(partClash(marker('the whole class'), { index: 1, count: 2 })).toMatch(/^it holds the outputs of the whole class/);
});

test('a .flowgrade-output larger than a marker ever is (4 KB) is read as no marker of ours', () => {
  const out = tempDir('marker-size');
  writeFileSync(path.join(out, '.flowgrade-output'), `Reports written by \`flowgrade grade\`.\npart: the whole class\n`.padEnd(4096, ' '));
  expect(readMarker(out)).toMatch(/^part: the whole class$/m);
  writeFileSync(path.join(out, '.flowgrade-output'), `Reports written by \`flowgrade grade\`.\npart: the whole class\n`.padEnd(4097, ' '));
  // Before (a mutation sweep): its first 4 KB taken as the marker.
  expect(readMarker(out)).toBeUndefined();
});
