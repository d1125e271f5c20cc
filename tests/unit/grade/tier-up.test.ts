/** The grading threads' later tier-up: set only where this V8 has the flag (an unknown one is an error line on stderr). */
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { tierUpFlag } from '../../../cli/grade/tier-up.js';

test('the interrupt budget is raised on Node 20\'s V8 (11.3) only: V8 11.8 (Node 21), 12 (Node 22) and 13 (Node 24) lack the flag', () => {
  expect(tierUpFlag('11.3.244.8-node.38')).toBe('--interrupt-budget=1000000');
  expect(tierUpFlag('11.8.172.17-node.20')).toBeUndefined();
  expect(tierUpFlag('12.4.254.21-node.57')).toBeUndefined();
  expect(tierUpFlag('13.6.233.17-node.63')).toBeUndefined();
});

test('the flag chosen for the Node running these tests is one its V8 has', () => {
  const flag = tierUpFlag(process.versions.v8);
  test.skip(flag === undefined, `nothing is set on V8 ${process.versions.v8}`);
  const name = flag!.split('=')[0];
  const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  expect(options.split('\n').some((line) => line.trimStart().startsWith(`${name} `))).toBe(true);
});
