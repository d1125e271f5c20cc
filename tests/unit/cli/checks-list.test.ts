/** `flowgrade checks`: a line per check with its Build step, id, severity and points. */
import { test, expect } from '@playwright/test';
import { runCli } from '../../helpers.js';

test('checks: points are counted in words that agree with the number (1 pt, 2 pts)', async () => {
  const run = await runCli(['checks']);
  expect(run.code).toBe(0);
  const points = run.stdout
    .trimEnd()
    .split('\n')
    .map((line) => /\s(\d+(?:\.\d+)?) (pts?)\s/.exec(line));
  expect(points.every(Boolean)).toBe(true);
  const units = points.map((m) => [Number(m![1]), m![2]] as const);
  expect(units.some(([n]) => n === 1)).toBe(true); // the mission has 1-point checks (flow-name)
  for (const [n, unit] of units) expect(unit, `${n} ${unit}`).toBe(n === 1 ? 'pt' : 'pts');
});
