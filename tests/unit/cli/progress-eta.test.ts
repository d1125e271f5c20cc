/** `grade`'s progress line on a terminal: the ETA reads as a duration (minutes and 00–59 seconds). */
import { test, expect } from '@playwright/test';
import { Progress } from '../../../cli/grade/progress.js';

/** The ETA shown once `done` submissions of `total` are graded, the last `afterMs` into the batch. */
function etaAfter(total: number, done: number, afterMs: number): string | undefined {
  let clock = 0;
  const lines: string[] = [];
  const progress = new Progress({ total, isTTY: true, write: (text) => lines.push(text), now: () => clock });
  for (let i = 1; i < done; i++) progress.tick('passed');
  clock = afterMs;
  progress.tick('passed');
  return /ETA (\S+)$/.exec(lines.at(-1) ?? '')?.[1];
}

test('the ETA never shows 60 seconds: 119.5 s left is 2m00s, not 1m60s', () => {
  expect(etaAfter(241, 2, 1000)).toBe('2m00s'); // 239 left at 2 per second: 119.5 s
  expect(etaAfter(122, 2, 1000)).toBe('1m00s'); // 120 left: 60 s
  expect(etaAfter(61, 1, 1000)).toBe('1m00s'); // 60 s
  expect(etaAfter(60, 1, 1000)).toBe('59s');
  expect(etaAfter(121, 2, 1000)).toBe('1m00s'); // 59.5 s: rounded up to a minute, not '60s'
  expect(etaAfter(200, 1, 1000)).toBe('3m19s'); // 199 s
  for (let total = 4; total < 400; total += 7) {
    const eta = etaAfter(total, 3, 1000);
    expect(eta, String(total)).toMatch(/^([0-9]|[1-5][0-9])s$|^[0-9]+m[0-5][0-9]s$/);
  }
});

test('no ETA in the first second: the rate then still counts the grading threads starting, and the ETA from it is far off', () => {
  // fixtures/class and fixtures/flows on 2 threads: the first line came 0.33 s in, 'ETA 23s'; all 64 were done at 1.1 s.
  let clock = 0;
  const lines: string[] = [];
  const progress = new Progress({ total: 1000, isTTY: true, write: (text) => lines.push(text), now: () => clock });
  for (let at = 100; at <= 1500; at += 100) {
    clock = at;
    progress.tick('passed');
  }
  expect(lines).toHaveLength(15);
  lines.slice(0, 9).forEach((line, i) => expect(line, `${(i + 1) * 100} ms`).not.toContain('ETA'));
  lines.slice(9).forEach((line, i) => expect(line, `${(i + 10) * 100} ms`).toMatch(/, ETA \d+m\d\ds$/));
  expect(lines[9]).toBe('\r\x1b[Kgraded 10/1000 submissions (0 failed, 0 ungradable) 10 flows/s, ETA 1m39s');
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
  later = 1000;
  whole.tick('passed');
  expect(wide[0]).toMatch(/ETA \d+s$/);
});

test('the ETA appears at one second exactly: none at 999 ms', () => {
  expect(etaAfter(1000, 2, 999)).toBeUndefined();
  expect(etaAfter(1000, 2, 1000)).toBe('8m19s'); // 998 left at 2 per second
});
