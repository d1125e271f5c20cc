/**
 * `grade`'s progress counts submissions (a set-aside duplicate too), where the summary line after
 * it counts attendees: the progress line says so, in each of its forms, so that its "7 failed" one
 * line above the summary's "6 failed" reads as what it is.
 */
import { test, expect } from '@playwright/test';
import type { Verdict } from '../../../engine/report.js';
import { Progress, type ProgressOptions } from '../../../cli/grade/progress.js';

/** What a Progress writes for `verdicts`, one tick every 200 ms, then finish. */
function written(verdicts: (Verdict | undefined)[], options: Partial<ProgressOptions> = {}): string[] {
  let clock = 0;
  const writes: string[] = [];
  const progress = new Progress({ total: verdicts.length, isTTY: false, write: (text) => writes.push(text), now: () => clock, ...options });
  for (const verdict of verdicts) {
    clock += 200;
    progress.tick(verdict);
  }
  progress.finish();
  return writes;
}

/** fixtures/class: 13 submissions, one attendee's two among them; 7 failed, 1 ungradable. */
const CLASS: Verdict[] = [...Array<Verdict>(5).fill('passed'), ...Array<Verdict>(7).fill('failed'), 'ungradable'];

test('the plain lines say that they count submissions', () => {
  expect(written(CLASS).at(-1)).toBe('graded 13/13 submissions (7 failed, 1 ungradable) 5 flows/s\n');
  expect(written(['passed'])).toEqual(['graded 1/1 submission (0 failed, 0 ungradable) 5 flows/s\n']);
});

test('the terminal line says it too, and the --shard pass that reads the class alike', () => {
  expect(written(CLASS, { isTTY: true }).at(-2)).toBe('\r\x1b[Kgraded 13/13 submissions (7 failed, 1 ungradable) 5 flows/s');
  const reading = written([undefined, undefined], { isTTY: true, verb: 'read', note: 'to cut the class into 2 shards' });
  expect(reading.at(-2)).toBe('\r\x1b[Kread 2/2 submissions (to cut the class into 2 shards) 5 flows/s');
});

test('on a narrow terminal the word is a whole part of its own, left out before the count is cut', () => {
  const at = (columns: number) => written(['failed'], { isTTY: true, total: 1000, columns: () => columns })[0].replace('\r\x1b[K', '');
  expect(at(20)).toBe('graded 1/1000');
  expect(at(30)).toBe('graded 1/1000 submissions');
  expect(at(60)).toBe('graded 1/1000 submissions (1 failed, 0 ungradable)');
  expect(at(10)).toBe('graded 1/');
});

test('merge shows its rows in its own words: attendees merged, reports a second, the same line otherwise', () => {
  const words = { verb: 'merged', noun: ['attendee', 'attendees'], rateOf: 'reports' } as const;
  expect(written(CLASS, words).at(-1)).toBe('merged 13/13 attendees (7 failed, 1 ungradable) 5 reports/s\n');
  expect(written(['passed'], words)).toEqual(['merged 1/1 attendee (0 failed, 0 ungradable) 5 reports/s\n']);
  expect(written(CLASS, { ...words, isTTY: true }).at(-2)).toBe('\r\x1b[Kmerged 13/13 attendees (7 failed, 1 ungradable) 5 reports/s');
  // On a narrow terminal, whole parts as grade's: the noun left out before the count is cut.
  expect(written(['failed'], { ...words, isTTY: true, total: 1000, columns: () => 20 })[0]).toBe('\r\x1b[Kmerged 1/1000');
});
