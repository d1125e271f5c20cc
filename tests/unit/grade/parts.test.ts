/** The small parts of batch grading: progress display, file names, shards, duplicates. */
import { test, expect } from '@playwright/test';
import type { GradeReport, Verdict } from '../../../engine/report.js';
import { declaredTime, keepNewest, sortRows } from '../../../cli/grade/duplicates.js';
import { assignFileNames, nameClashKey, safeBaseName } from '../../../cli/grade/file-names.js';
import { Progress } from '../../../cli/grade/progress.js';
import { classColumns } from '../../../cli/grade/task.js';
import type { Mission } from '../../../engine/check.js';
import { parseShard, selectShard, selectShardByGroup } from '../../../cli/grade/shard.js';
import type { ClassRow } from '../../../reports/index.js';
import type { GradedRow } from '../../../cli/grade/types.js';

function clock(stepMs: number) {
  let now = 0;
  return { now: () => now, advance: (ms = stepMs) => (now += ms) };
}

test('progress off a terminal: a plain line every tenth of the batch and at the end', () => {
  const lines: string[] = [];
  const time = clock(10);
  const progress = new Progress({ total: 100, isTTY: false, write: (t) => lines.push(t), now: time.now });
  for (let i = 0; i < 100; i++) {
    time.advance();
    progress.tick(i % 4 === 0 ? 'failed' : i % 10 === 1 ? 'ungradable' : 'passed');
  }
  progress.finish();
  expect(lines).toHaveLength(10);
  expect(lines.every((l) => l.endsWith('\n') && !l.includes('\r'))).toBe(true);
  expect(lines[1]).toBe('graded 20/100 submissions (5 failed, 2 ungradable) 100 flows/s\n');
  expect(lines[9]).toBe('graded 100/100 submissions (25 failed, 10 ungradable) 100 flows/s\n');
});

test('progress off a terminal: a slow batch also gets a line every few seconds', () => {
  const lines: string[] = [];
  const time = clock(2000);
  const progress = new Progress({ total: 1000, isTTY: false, write: (t) => lines.push(t), now: time.now, intervalSeconds: 5 });
  for (let i = 0; i < 6; i++) {
    time.advance();
    progress.tick('passed');
  }
  expect(lines).toEqual(['graded 3/1000 submissions (0 failed, 0 ungradable) 1 flows/s\n', 'graded 6/1000 submissions (0 failed, 0 ungradable) 1 flows/s\n']);
});

test('progress on a terminal: one line rewritten in place with rate and ETA (from a second in), then a newline', () => {
  const writes: string[] = [];
  const time = clock(400);
  const progress = new Progress({ total: 4, isTTY: true, write: (t) => writes.push(t), now: time.now });
  for (const verdict of ['passed', 'failed', 'passed', 'ungradable'] as Verdict[]) {
    time.advance();
    progress.tick(verdict);
  }
  progress.finish();
  expect(writes[0]).toBe('\r\x1b[Kgraded 1/4 submissions (0 failed, 0 ungradable) 3 flows/s');
  expect(writes[2]).toBe('\r\x1b[Kgraded 3/4 submissions (1 failed, 0 ungradable) 3 flows/s, ETA 1s');
  expect(writes[3]).toBe('\r\x1b[Kgraded 4/4 submissions (1 failed, 1 ungradable) 3 flows/s');
  expect(writes[4]).toBe('\n');
  expect(writes.slice(0, 4).join('')).not.toContain('\n');
});

test('file names: only safe characters, no hidden or reserved names, unique ignoring case, stable', () => {
  expect(safeBaseName('<img src=x onerror=alert(1)>')).toBe('_img_src_x_onerror_alert_1__');
  expect(safeBaseName('../../etc/passwd')).toBe('___.._etc_passwd');
  expect(safeBaseName('-2+3')).toBe('_2_3'); // never a leading hyphen (an option to rm, cp), which the run record's schema refuses
  expect(safeBaseName('.-.x')).toBe('___x');
  expect(safeBaseName('')).toBe('attendee');
  expect(safeBaseName('x'.repeat(300))).toHaveLength(80);
  expect(assignFileNames(['Bob', 'bob', 'a b', 'a_b', 'index', 'CON', 'grades', 'ok'])).toEqual(['Bob', 'bob-2', 'a_b', 'a_b-2', 'index-2', 'CON-2', 'grades-2', 'ok']);
  // The run's record, flowgrade-run.json, is never an attendee's report.
  expect(assignFileNames(['flowgrade-run', 'FlowGrade-Run', 'flowgrade-run.x'])).toEqual(['flowgrade-run-2', 'FlowGrade-Run-3', 'flowgrade-run.x']);
  // Windows reserves a device name whatever follows its first dot: the number goes before it
  expect(assignFileNames(['nul.x', 'COM1.a.b', 'a.b', 'A.b', 'con.'])).toEqual(['nul-2.x', 'COM1-2.a.b', 'a.b', 'A-2.b', 'con-2.']);
});

test('file names: many ids that clean to one name are numbered in turn (-2 … -20000), each search starting where the last ended', () => {
  const names = assignFileNames(Array.from({ length: 20_000 }, () => '字字'));
  expect(names.slice(0, 3)).toEqual(['__', '__-2', '__-3']);
  expect(names.at(-1)).toBe('__-20000');
  expect(new Set(names).size).toBe(20_000);
  // A number taken by another id is skipped, not reused.
  expect(assignFileNames(['a', 'a-2', 'a', 'a'])).toEqual(['a', 'a-2', 'a-3', 'a-4']);
});

test('file names: ids with one clash key are named alike whatever other ids are named with them (what --shard relies on)', () => {
  const ids = ['a', 'A', 'a-2', 'A-2-2', 'a-3', 'a.b', 'A-2.b', 'index', 'Index-2', 'grades-2', 'nul.x', 'NUL-2.x', 'nul-2.x-2', 'con', 'con-2', 'COM1.a', '字', '_', '__', '_-2', '', 'attendee', 'attendee-2', '-2', 'x'.repeat(80), `${'x'.repeat(80)}-2`, `${'x'.repeat(78)}-2`, '..a', '__a'];
  expect(nameClashKey('A-2-2')).toBe(nameClashKey('a'));
  expect(nameClashKey('NUL-2.x')).toBe(nameClashKey('nul.x'));
  expect(nameClashKey('a-2.b')).not.toBe(nameClashKey('a')); // a.b and a differ before the dot: never the same name
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const differing: string[] = [];
  for (let round = 0; round < 200; round++) {
    const order = ids.flatMap((id) => (random() < 0.5 ? [id] : [id, id])).sort(() => random() - 0.5);
    const whole = assignFileNames(order);
    for (const key of new Set(order.map(nameClashKey))) {
      const at = order.flatMap((id, i) => (nameClashKey(id) === key ? [i] : []));
      const alone = assignFileNames(at.map((i) => order[i]!));
      if (alone.some((name, j) => name !== whole[at[j]!])) differing.push(`${key} in ${JSON.stringify(order)}`);
    }
  }
  expect(differing).toEqual([]);
});

test('shards: i/n parsed strictly; the blocks cover every item exactly once', () => {
  expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
  for (const bad of ['0/2', '3/2', '1/0', 'a/b', '1', '1/2/3']) expect(() => parseShard(bad)).toThrow(/not a shard/);
  const items = Array.from({ length: 11 }, (_, i) => i);
  for (const count of [1, 2, 3, 5, 11, 13]) {
    const blocks = Array.from({ length: count }, (_, i) => selectShard(items, { index: i + 1, count }));
    expect(blocks.flat()).toEqual(items);
    expect(Math.max(...blocks.map((b) => b.length)) - Math.min(...blocks.map((b) => b.length))).toBeLessThanOrEqual(1);
  }
});

test('shards: numbers beyond what is exact in JavaScript are refused, not rounded (i > n passed as i ≤ n)', () => {
  // Before: both rounded to 9007199254740992, so 1 more than n passed the i ≤ n check, and the summary showed other numbers.
  for (const bad of ['9007199254740993/9007199254740992', '99999999999999999999/99999999999999999999']) expect(() => parseShard(bad)).toThrow(/not a shard/);
  expect(parseShard('1/9007199254740991')).toEqual({ index: 1, count: 9007199254740991 });
});

test('shards by group: a group is never split, and every item is in one shard', () => {
  const items = ['a1', 'a2', 'b1', 'c1', 'c2', 'c3', 'd1'];
  const keys = items.map((item) => item[0]!);
  for (const count of [1, 2, 3, 4, 5]) {
    const blocks = Array.from({ length: count }, (_, i) => selectShardByGroup(items, keys, { index: i + 1, count }));
    expect(blocks.flat().sort()).toEqual(items);
    for (const group of ['a', 'b', 'c', 'd']) expect(blocks.filter((block) => block.some((item) => item[0] === group))).toHaveLength(1);
  }
  expect(selectShardByGroup(items, keys, undefined)).toBe(items);
  // The same shards whatever order the items came in (two CI machines may list them differently).
  const reversed = [...items].reverse();
  for (const index of [1, 2, 3]) {
    expect(selectShardByGroup(reversed, reversed.map((item) => item[0]!), { index, count: 3 }).sort()).toEqual(selectShardByGroup(items, keys, { index, count: 3 }).sort());
  }
});

function row(attendee: string, file: string, options: { lastModified?: string; mtimeMs?: number } = {}): GradedRow {
  const report = { attendee: { id: attendee, source: 'flow-name' }, input: { file, sha256: '', ...(options.lastModified ? { lastModified: options.lastModified } : {}) }, verdict: 'passed' } as GradeReport;
  return { index: 0, file, folder: file.slice(0, Math.max(file.lastIndexOf('/'), 0)), mtimeMs: options.mtimeMs ?? 0, report, classRow: {} as ClassRow };
}

test('duplicates: the newest export wins (lastModifiedDate, else file time, ties by path), whatever the order', () => {
  const rows = [
    row('7', 'a/old.json', { lastModified: '2025-01-01T10:00:00.000Z', mtimeMs: 9e12 }),
    row('7', 'a/new.json', { lastModified: '2025-03-01T10:00:00.000Z' }),
    row('8', 'z.json', { mtimeMs: 2000 }),
    row('8', 'y.json', { mtimeMs: 1000 }),
    row('9', 'q2.json', { mtimeMs: 5 }),
    row('9', 'q1.json', { mtimeMs: 5 }),
    row('10', 'solo.json'),
  ];
  for (const order of [rows, [...rows].reverse()]) {
    const { kept, duplicates } = keepNewest(order);
    expect(kept.map((r) => r.file)).toEqual(['solo.json', 'a/new.json', 'z.json', 'q1.json']);
    expect(duplicates).toEqual([
      { attendee: '7', kept: 'a/new.json', dropped: ['a/old.json'] },
      { attendee: '8', kept: 'z.json', dropped: ['y.json'] },
      { attendee: '9', kept: 'q1.json', dropped: ['q2.json'] },
    ]);
  }
  expect(sortRows([row('b', '1'), row('a', '2'), row('a', '1')]).map((r) => `${r.report.attendee.id}${r.file}`)).toEqual(['a1', 'a2', 'b1']);
});

test('duplicates: an export date without a time zone (as Flow Designer writes it) is UTC on every machine', () => {
  const zone = process.env.TZ;
  process.env.TZ = 'Asia/Tokyo'; // read in this zone, 10:00 would be 01:00 UTC: older than 05:00 UTC
  try {
    const rows = [row('7', 'a/zoneless.json', { lastModified: '2025-07-29T10:00:00.000' }), row('7', 'a/utc.json', { lastModified: '2025-07-29T05:00:00.000Z' })];
    expect(keepNewest(rows).kept.map((r) => r.file)).toEqual(['a/zoneless.json']);
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
  expect(declaredTime('2025-07-29T10:37:05.902')).toBe(Date.UTC(2025, 6, 29, 10, 37, 5, 902));
  expect(declaredTime('2025-07-29T10:37:05.902+0200')).toBe(Date.UTC(2025, 6, 29, 8, 37, 5, 902));
  expect(declaredTime('July 29, 2025')).toBeNaN(); // not ISO 8601: read differently by each engine, so no date
  // A day the month does not have is no date (JavaScript would read 30 February as 2 March).
  expect(declaredTime('2025-02-30T10:00:00.000')).toBeNaN();
  expect(declaredTime('2025-04-31')).toBeNaN();
  expect(declaredTime('2024-02-29T10:00:00.000')).toBe(Date.UTC(2024, 1, 29, 10));
  // ISO 8601 as other tools write it: spaces around, a space or t for T, z for Z, more than 3 digits of a second.
  expect(declaredTime(' 2025-07-29T10:37:05.902\n')).toBe(Date.UTC(2025, 6, 29, 10, 37, 5, 902));
  expect(declaredTime('2025-07-29 10:37:05.902')).toBe(Date.UTC(2025, 6, 29, 10, 37, 5, 902));
  expect(declaredTime('2025-07-29t10:37:05.902z')).toBe(Date.UTC(2025, 6, 29, 10, 37, 5, 902));
  expect(declaredTime('2025-07-29T10:37:05.902123456')).toBe(Date.UTC(2025, 6, 29, 10, 37, 5, 902));
  // The year 0 is a leap year (Date.UTC would read it as 1900, which is not).
  const leapDayOfYear0 = new Date(0);
  leapDayOfYear0.setUTCFullYear(0, 1, 29);
  expect(declaredTime('0000-02-29')).toBe(leapDayOfYear0.getTime());
});

test('duplicates: export dates decide only when every submission has one, else the file times for all', () => {
  // A broken upload has no export date: its file time (when it was uploaded) cannot be weighed against
  // when the other was saved in Flow Designer, so both are judged by file time.
  const mixed = [row('7', 'a/export.json', { lastModified: '2025-07-30T10:00:00.000', mtimeMs: Date.UTC(2025, 7, 1) }), row('7', 'a/broken.json', { mtimeMs: Date.UTC(2025, 6, 31) })];
  expect(keepNewest(mixed).kept.map((r) => r.file)).toEqual(['a/export.json']);
  // Three submissions, one without a date: file times for all three.
  const three = [
    row('9', 'c/a.json', { lastModified: '2025-07-30T10:00:00.000', mtimeMs: 1 }),
    row('9', 'c/b.json', { lastModified: '2025-07-29T10:00:00.000', mtimeMs: 3 }),
    row('9', 'c/broken.json', { mtimeMs: 2 }),
  ];
  expect(keepNewest(three).kept.map((r) => r.file)).toEqual(['c/b.json']);
  // Equal export dates: the newer file, then the smaller path.
  const tied = [row('8', 'b/v1.json', { lastModified: '2025-07-30T10:00:00.000', mtimeMs: 2 }), row('8', 'b/v2.json', { lastModified: '2025-07-30T10:00:00.000', mtimeMs: 3 })];
  expect(keepNewest(tied).kept.map((r) => r.file)).toEqual(['b/v2.json']);
});

test('duplicates: the lines of one attendee id in two folders are in the order of the submissions kept, whatever the order given', () => {
  // Given sorted by path, the folder a (a/0.json) comes before a/b (a/b/1.json); the submissions kept, a/z.json and a/b/2.json, sort the other way.
  const rows = [row('7', 'a/0.json', { mtimeMs: 1 }), row('7', 'a/b/1.json', { mtimeMs: 1 }), row('7', 'a/b/2.json', { mtimeMs: 2 }), row('7', 'a/z.json', { mtimeMs: 2 })];
  for (const order of [rows, [...rows].reverse()]) {
    expect(keepNewest(order).duplicates).toEqual([
      { attendee: '7', kept: 'a/b/2.json', dropped: ['a/b/1.json'] },
      { attendee: '7', kept: 'a/z.json', dropped: ['a/0.json'] },
    ]);
  }
});

test('duplicates: one attendee id in two folders is two students (a platform gives each a folder), both graded', () => {
  const rows = [
    row('My flow', "class.zip!/Zoë O'Brien_50001_assignsubmission_file_/My flow.json", { mtimeMs: 1 }),
    row('My flow', 'class.zip!/Tom Smith_50015_assignsubmission_file_/My flow.json', { mtimeMs: 2 }),
    row('140', 'class.zip!/doejane_1_2_Main_Flow_140.json', { lastModified: '2025-01-01T10:00:00.000Z' }),
    row('140', 'class.zip!/doejane_1_3_Main_Flow_140-1.json', { lastModified: '2025-02-01T10:00:00.000Z' }),
  ];
  const { kept, duplicates } = keepNewest(rows);
  expect(kept.map((r) => r.file)).toEqual(['class.zip!/doejane_1_3_Main_Flow_140-1.json', 'class.zip!/Tom Smith_50015_assignsubmission_file_/My flow.json', "class.zip!/Zoë O'Brien_50001_assignsubmission_file_/My flow.json"]);
  expect(duplicates).toEqual([{ attendee: '140', kept: 'class.zip!/doejane_1_3_Main_Flow_140-1.json', dropped: ['class.zip!/doejane_1_2_Main_Flow_140.json'] }]);
});

test('progress off a terminal: a tenth of a batch not divisible by ten is rounded up (105: every 11, then the end)', () => {
  const lines: string[] = [];
  const time = clock(10);
  const progress = new Progress({ total: 105, isTTY: false, write: (t) => lines.push(t), now: time.now });
  for (let i = 0; i < 105; i++) progress.tick(time.advance() > 0 ? 'passed' : 'failed');
  progress.finish();
  // Before (a mutation sweep): every 10, a line more.
  expect(lines.map((l) => l.split(' ')[1])).toEqual(['11/105', '22/105', '33/105', '44/105', '55/105', '66/105', '77/105', '88/105', '99/105', '105/105']);
});

test('progress on a terminal: the ETA shows from exactly one second into the batch', () => {
  const writes: string[] = [];
  const time = clock(500);
  const progress = new Progress({ total: 4, isTTY: true, write: (t) => writes.push(t), now: time.now });
  time.advance();
  progress.tick('passed'); // at 500 ms
  time.advance();
  progress.tick('passed'); // at 1000 ms
  // Before (a mutation sweep): at 1000 ms, none yet.
  expect(writes).toEqual(['\r\x1b[Kgraded 1/4 submissions (0 failed, 0 ungradable) 2 flows/s', '\r\x1b[Kgraded 2/4 submissions (0 failed, 0 ungradable) 2 flows/s, ETA 1s']);
});

test('progress on a terminal: a batch stopped before its first line ends no line (no empty line before the error)', () => {
  const writes: string[] = [];
  new Progress({ total: 4, isTTY: true, write: (t) => writes.push(t), now: clock(10).now }).abandon();
  // Before (a mutation sweep): a lone '\n'.
  expect(writes).toEqual([]);
});

test('shards: spaces around i/n are taken off (a value pasted from a CI file); an n beyond what is exact is refused even after an i of 1', () => {
  // Before (a mutation sweep): either held by no test.
  expect(parseShard(' 2/3 ')).toEqual({ index: 2, count: 3 });
  expect(() => parseShard('1/9007199254740993')).toThrow(/not a shard/);
});

test('progress on a terminal: the last submission is always drawn, however soon after the line before (the line left on screen says all of them)', () => {
  const writes: string[] = [];
  const time = clock(10);
  const progress = new Progress({ total: 3, isTTY: true, write: (t) => writes.push(t), now: time.now });
  for (let i = 0; i < 3; i++) {
    time.advance();
    progress.tick('passed');
  }
  progress.finish();
  // Before (a mutation sweep): within 100 ms of the first line, '3/3' was never drawn; the line left said 1/3.
  expect(writes.map((w) => w.split(' ')[1] ?? w)).toEqual(['1/3', '3/3', '\n']);
});

test('progress off a terminal: a batch of fewer than 100 gets a line every 10 submissions, not every tenth of it', () => {
  const lines: string[] = [];
  const time = clock(10);
  const progress = new Progress({ total: 25, isTTY: false, write: (t) => lines.push(t), now: time.now });
  for (let i = 0; i < 25; i++) progress.tick(time.advance() > 0 ? 'passed' : 'failed');
  progress.finish();
  // Before (a mutation sweep): a line every 3 submissions.
  expect(lines.map((l) => l.split(' ')[1])).toEqual(['10/25', '20/25', '25/25']);
});

test('progress on a terminal: a batch with nothing to grade (a shard left empty) ends no line', () => {
  const writes: string[] = [];
  new Progress({ total: 0, isTTY: true, write: (t) => writes.push(t), now: clock(10).now }).finish();
  // Before (a mutation sweep): a lone '\n'.
  expect(writes).toEqual([]);
});

test('progress: once ended (finished, or abandoned by a stopped run), a result that settles later draws nothing', () => {
  for (const end of ['finish', 'abandon'] as const) {
    for (const isTTY of [true, false]) {
      const writes: string[] = [];
      // The second of two: a line would be due (the end of the batch).
      const progress = new Progress({ total: 2, isTTY, write: (t) => writes.push(t), now: clock(10).now });
      progress.tick('passed');
      progress[end]();
      const before = writes.length;
      progress.tick('passed');
      // Before (a mutation sweep): the line drawn again after the newline that ended it (under the stopped run's error).
      expect(writes.length, `${end}, ${isTTY ? 'terminal' : 'plain'}`).toBe(before);
    }
  }
});

test('progress on a terminal: the first submission is drawn at once, however soon after the start', () => {
  const writes: string[] = [];
  const time = clock(10);
  const progress = new Progress({ total: 4, isTTY: true, write: (t) => writes.push(t), now: time.now });
  time.advance();
  progress.tick('passed'); // 10 ms in
  // Before (a mutation sweep): nothing until 100 ms into the batch.
  expect(writes).toEqual(['\r\x1b[Kgraded 1/4 submissions (0 failed, 0 ungradable) 100 flows/s']);
});

test('the class files\' columns: Build steps in order whatever order the mission lists its checks in, checks as listed', () => {
  const mission = { checks: [{ id: 'c', step: 8 }, { id: 'a', step: 2 }, { id: 'b', step: 8 }, { id: 'd', step: 10 }] } as unknown as Mission;
  // Before (a mutation sweep): the steps in the checks' order (8, 2, 10); the lab's own mission lists its checks by step, so no test showed it.
  expect(classColumns(mission)).toEqual({ steps: [2, 8, 10], checkIds: ['c', 'a', 'b', 'd'] });
});
