/** `grade`'s progress line on a terminal: the ETA reads as a duration (minutes and 00–59 seconds). */
import { test, expect } from '@playwright/test';
import { Progress } from '../../../cli/grade/progress.js';

/** The ETA shown after one submission graded `afterMs` into a batch of `total`. */
function etaAfterOne(total: number, afterMs: number): string | undefined {
  let clock = 0;
  const lines: string[] = [];
  const progress = new Progress({ total, isTTY: true, write: (text) => lines.push(text), now: () => clock });
  clock = afterMs;
  progress.tick('passed');
  return /ETA (\S+)$/.exec(lines.at(-1) ?? '')?.[1];
}

test('the ETA never shows 60 seconds: 119.5 s left is 2m00s, not 1m60s', () => {
  expect(etaAfterOne(240, 500)).toBe('2m00s'); // 239 left at 2 per second: 119.5 s
  expect(etaAfterOne(121, 500)).toBe('1m00s'); // 120 left: 60 s
  expect(etaAfterOne(61, 1000)).toBe('1m00s'); // 60 s
  expect(etaAfterOne(60, 1000)).toBe('59s');
  expect(etaAfterOne(120, 500)).toBe('1m00s'); // 59.5 s: rounded up to a minute, not '60s'
  expect(etaAfterOne(200, 1000)).toBe('3m19s'); // 199 s
  for (let total = 2; total < 400; total += 7) {
    const eta = etaAfterOne(total, 333);
    expect(eta, String(total)).toMatch(/^([0-9]|[1-5][0-9])s$|^[0-9]+m[0-5][0-9]s$/);
  }
});

test('on a terminal narrower than the line, each update fits one row: a wrapped line would leave its first row behind at every rewrite (\\r\\x1b[K clears one row)', () => {
  let clock = 0;
  const writes: string[] = [];
  let columns = 40;
  const progress = new Progress({ total: 1000, isTTY: true, write: (text) => writes.push(text), now: () => clock, columns: () => columns });
  for (let i = 0; i < 5; i++) {
    clock += 150;
    progress.tick('failed');
  }
  columns = 20; // the window made narrower meanwhile
  clock += 150;
  progress.tick('ungradable');
  progress.finish();
  const rows = writes.filter((w) => w !== '\n').map((w) => w.replace('\r\x1b[K', ''));
  expect(rows).toHaveLength(6);
  for (const row of rows.slice(0, 5)) expect(row.length, row).toBeLessThan(40);
  expect(rows[0]).toBe('graded 1/1000 submissions'); // whole parts: no number cut in two
  expect(rows[5]).toBe('graded 6/1000');
  // Wide enough, or no width known: the whole line.
  const wide: string[] = [];
  let later = 0;
  const whole = new Progress({ total: 4, isTTY: true, write: (text) => wide.push(text), now: () => later, columns: () => undefined });
  later = 500;
  whole.tick('passed');
  expect(wide[0]).toMatch(/ETA \d+s$/);
});
