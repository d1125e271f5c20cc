/** `flowgrade merge`'s pure part (cli/merge/plan.ts): which parts make one class, and the class's order. */
import { test, expect } from '@playwright/test';
import { planMerge, type Lab, type PartRecord } from '../../../cli/merge/plan.js';
import { settingDiffering } from '../../../cli/merge/settings-words.js';
import type { RunRecord } from '../../../cli/grade/run-record.js';

function part(dir: string, shards: number[], of: number, attendees: [string, string][], more: Partial<RunRecord> = {}): PartRecord {
  const record: RunRecord = {
    kind: 'flowgrade-grade-run',
    schemaVersion: 1,
    tool: { name: 'flowgrade', version: '1.0.0' },
    part: { shards, of },
    class: { submissions: 9, fingerprint: 'a'.repeat(64) },
    lab: { id: 'lab', title: 'Lab' },
    settings: { grading: { lab: 'lab' }, junitRecommended: 'skipped', moodleMaxGrade: 100, canvasAssignment: 'flowgrade', zipLimits: { maxEntries: 10 } },
    now: '2025-08-01T09:00:00Z',
    checkIds: ['a'],
    attendees: attendees.map(([attendee, file]) => ({ report: attendee, attendee, file })),
    duplicates: [],
    ...more,
  };
  return { dir, record };
}

/** The labs this version has, to these tests: `lab` (the parts' own) and `other`, one check `a` each. */
const LABS: Record<string, Lab> = Object.fromEntries(['lab', 'other'].map((id) => [id, { id, title: id === 'lab' ? 'Lab' : 'Other', checks: [{ id: 'a', title: 'A', step: 1, severity: 'required', points: 1 }] }]));
const options = { version: '1.0.0', partial: false, labs: (id: string) => LABS[id] };

/** The class of `submissions` (one fingerprint): every shard given keeps or sets aside that many together. */
const classOf = (submissions: number): Partial<RunRecord> => ({ class: { submissions, fingerprint: 'a'.repeat(64) } });

test('the rows of every part in the class\'s order (attendee id, then path, code points), the duplicates likewise, the earliest clock', () => {
  const plan = planMerge(
    [
      part('s2', [2], 2, [['b', 'x/b.json'], ['Bob', 'x/Bob.json']], { now: '2025-08-01T10:00:00+02:00', duplicates: [{ attendee: 'b', kept: 'x/b.json', dropped: ['x/b (1).json'] }], ...classOf(6) }),
      part('s1', [1], 2, [['a', 'y/a.json'], ['a', 'x/a.json']], { duplicates: [{ attendee: 'a', kept: 'x/a.json', dropped: ['x/a (1).json'] }], ...classOf(6) }),
    ],
    options,
  );
  expect(plan.ok).toBe(true);
  if (!plan.ok) return;
  expect(plan.rows).toEqual([{ part: 0, attendee: 1 }, { part: 1, attendee: 1 }, { part: 1, attendee: 0 }, { part: 0, attendee: 0 }]); // Bob, a x/, a y/, b
  expect(plan.duplicates.map((d) => d.attendee)).toEqual(['a', 'b']);
  expect(plan.now).toBe('2025-08-01T10:00:00+02:00'); // 08:00 UTC, before 09:00
  expect([plan.shards, plan.count, plan.missing]).toEqual([[1, 2], 2, []]);
});

test('refused: another version, another mission, other options; a missing shard unless partial', () => {
  const one = part('s1', [1], 2, []);
  const problem = (parts: PartRecord[], partial = false) => {
    const plan = planMerge(parts, { ...options, partial });
    return plan.ok ? undefined : plan.problem;
  };
  expect(problem([one, part('s2', [2], 2, [], { tool: { name: 'flowgrade', version: '0.9.0' } })])).toBe('flowgrade: s2: graded by flowgrade 0.9.0, not this 1.0.0, which would write its class files otherwise: merge with the version that graded it, or grade it again with this one [bad-shard]');
  expect(problem([one, part('s2', [2], 2, [], { lab: { id: 'other', title: 'Other' } })])).toBe('flowgrade: s2: is graded against lab other, and the folder s1 against lab lab: merge shards of one mission [bad-shard]');
  const settings = (grading: Record<string, unknown>, zipLimits = { maxEntries: 10 }, canvasAssignment = 'flowgrade') => ({ settings: { grading, junitRecommended: 'skipped' as const, moodleMaxGrade: 100, canvasAssignment, zipLimits } });
  expect(problem([one, part('s2', [2], 2, [], settings({ lab: 'lab', dnis: '+1469' }))])).toBe("flowgrade: s2: is graded with other options than the folder s1 (--dnis +1469 and not given (the lab's number)): grade every shard with the same options [bad-shard]");
  expect(problem([one, part('s2', [2], 2, [], settings({ lab: 'lab', maxSize: 5 }))])).toContain('(--max-size 5 bytes and not given (20 MB, the default))');
  // An option given at the value grade takes without it is no difference (one CI job spelled the default out).
  expect(problem([part('s1', [1], 2, [], classOf(0)), part('s2', [2], 2, [], { ...settings({ lab: 'lab', maxSize: 20 * 1024 * 1024, maxDepth: 64, mockapiFilter: 'contains' }), ...classOf(0) })])).toBeUndefined();
  expect(problem([one, part('s2', [2], 2, [], settings({ lab: 'lab' }, { maxEntries: 5 }))])).toContain('(--max-entries 5 and 10)');
  expect(problem([one, part('s2', [2], 2, [], settings({ lab: 'lab' }, { maxEntries: 10 }, 'Lab 3 (4567)'))])).toContain('(--canvas-assignment "Lab 3 (4567)" and not given (the column flowgrade, the default))');
  // As typed on grade's command line, in its units; a default applied said to be one (not "not given").
  expect(problem([one, part('s2', [2], 2, [], settings({ lab: 'lab' }, { maxEntries: 10, maxTotalBytes: 100 * 1024 * 1024 } as { maxEntries: number }))].map((p, at) => (at === 0 ? part('s1', [1], 2, [], settings({ lab: 'lab' }, { maxEntries: 10, maxTotalBytes: 200 * 1024 * 1024 } as { maxEntries: number })) : p)))).toContain('(--max-archive-size 100 MB and 200 MB (the default))');
  expect(problem([one, part('s2', [2], 2, [], settings({ lab: 'lab' }, { maxEntries: 10 }, 'flowgrade (4567)'))])).toContain('(--canvas-assignment 4567 and not given (the column flowgrade, the default))');
  expect(problem([one, part('s2', [2], 2, [], { settings: { ...one.record.settings, junitRecommended: 'failure' } })])).toContain('(--junit-recommended failure and skipped (the default))');
  expect(problem([one, part('s2', [2], 2, [], settings({ lab: 'lab', connector: { CRM: 'https://crm.example' } }))])).toContain('(--connector CRM=https://crm.example and not given (every connector WxCC US1, the default))');
  expect(problem([one])).toBe('flowgrade: shard 1 of 2 given: shard 2 missing; give its folder too, or --partial to merge without it [bad-shard]');
  expect(problem([one], true)).toBeUndefined();
  expect(problem([part('s1', [1], 4, []), part('s4', [4], 4, [])])).toBe('flowgrade: shards 1, 4 of 4 given: shards 2, 3 missing; give their folders too, or --partial to merge without them [bad-shard]'); // (as --partial's line and the titles say them; before: "shard 2 and shard 3")
  expect(problem([])).toBe('flowgrade: no folder to merge [bad-shard]');
});

test('refused: shards that together keep or set aside more submissions than their class has (each within it, but holding the same rows)', () => {
  const five = (dir: string, shard: number, duplicates: RunRecord['duplicates'] = []) =>
    part(dir, [shard], 2, Array.from({ length: 5 }, (_, i) => [`a${i}`, `x/a${i}.json`] as [string, string]), { duplicates });
  const plan = planMerge([five('s1', 1, [{ attendee: 'a0', kept: 'x/a0.json', dropped: ['x/a0 (1).json'] }]), five('s2', 2)], options);
  expect(plan.ok ? undefined : plan.problem).toBe('flowgrade: s1 and s2 keep or set aside 11 submissions together, more than the 9 their class has: a shard holds another\'s rows; grade them again [bad-shard]');
  expect(planMerge([five('s1', 1), part('s2', [2], 2, [['b', 'x/b.json'], ['c', 'x/c.json'], ['d', 'x/d.json'], ['e', 'x/e.json']])], options).ok).toBe(true); // 9 of 9
});

test('refused: every shard given, keeping or setting aside fewer submissions together than their class has (a record edited, its rows gone)', () => {
  // Before: only more than the class was refused, and a row taken out of a record went unnoticed.
  const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => [`a${from + i}`, `x/a${from + i}.json`] as [string, string]);
  const plan = planMerge([part('s1', [1], 2, rows(5)), part('s2', [2], 2, rows(3, 5))], options);
  expect(plan.ok ? undefined : plan.problem).toBe('flowgrade: s1 and s2 keep or set aside 8 submissions together, fewer than the 9 their class has: a record has lost rows; grade its shard again [bad-shard]');
  expect(planMerge([part('s1', [1], 2, rows(5)), part('s2', [2], 2, rows(4, 5))], options).ok).toBe(true);
  // One shard not given (--partial): its rows are missing, not lost.
  expect(planMerge([part('s1', [1], 2, rows(5))], { ...options, partial: true }).ok).toBe(true);
});

test('refused: shards that cut the class otherwise (an export\'s attendee id changed between their runs), told by their split', () => {
  // Before: a resubmission renamed between two shard jobs moved a submission to another group; one
  // student was graded twice and another by nobody, and the merge said nothing.
  const cut = (split: string | undefined, shard: number) => part(`s${shard}`, [shard], 2, [], { class: { submissions: 0, fingerprint: 'a'.repeat(64), ...(split === undefined ? {} : { split }) } });
  const plan = planMerge([cut('c'.repeat(64), 1), cut('d'.repeat(64), 2)], options);
  expect(plan.ok ? undefined : plan.problem).toBe('flowgrade: s2: cut the class into shards otherwise than the folder s1 did: the attendee id inside some export changed between the two runs (a submission replaced or edited), so each would grade some submissions the other also grades, and leave others to nobody; grade every shard again from the same inputs [bad-shard]');
  expect(planMerge([cut('c'.repeat(64), 1), cut('c'.repeat(64), 2)], options).ok).toBe(true);
});

test('a --dynvars dataset is compared by its records\' SHA-256, not by its path: one dataset at two paths is no difference, an edited one is', () => {
  // Before: by its path only: one file edited between two shard jobs graded them against two datasets, and the merge took both.
  const withDataset = (dir: string, shard: number, file: string, sha256: string) => part(dir, [shard], 2, [], { settings: { grading: { lab: 'lab', dynvars: { file, sha256 } }, junitRecommended: 'skipped', moodleMaxGrade: 100, canvasAssignment: 'flowgrade', zipLimits: { maxEntries: 10 } }, ...classOf(0) });
  expect(planMerge([withDataset('s1', 1, '/ci/a/dv.json', 'e'.repeat(64)), withDataset('s2', 2, 'dv.json', 'e'.repeat(64))], options).ok).toBe(true);
  const edited = planMerge([withDataset('s1', 1, 'dv.json', 'e'.repeat(64)), withDataset('s2', 2, 'dv.json', 'f'.repeat(64))], options);
  expect(edited.ok ? undefined : edited.problem).toBe(`flowgrade: s2: is graded with other options than the folder s1 (--dynvars dv.json (SHA-256 ${'f'.repeat(12)}…) and dv.json (SHA-256 ${'e'.repeat(12)}…)): grade every shard with the same options [bad-shard]`);
});

test('refused: a record whose lab is none this version has, or is titled or checked otherwise than this version has it (an edited record: its reports are held to the lab\'s own)', () => {
  // Before: the checks were compared between the parts only, and a title not at all: one edited
  // made every report of its shard report-unreadable, and given first, the merged record carried it.
  const problem = (edited: Partial<RunRecord>) => {
    const plan = planMerge([part('s1', [1], 2, []), part('s2', [2], 2, [], edited)], options);
    return plan.ok ? undefined : plan.problem;
  };
  const wrote = (why: string) => `flowgrade: s2: flowgrade-run.json is not a run record flowgrade wrote: ${why}; grade the shard again [bad-shard]`;
  expect(problem({ lab: { id: 'unknown', title: 'Lab' } })).toBe(wrote('lab unknown is none flowgrade 1.0.0 has'));
  expect(problem({ lab: { id: 'lab', title: 'Edited' } })).toBe(wrote('lab lab is titled "Edited", not "Lab"'));
  expect(problem({ checkIds: ['a', 'made-up'] })).toBe(wrote('it gives lab lab other checks than flowgrade 1.0.0 does (made-up)'));
  // The first part too, not only the others against it (all alike, none the lab's), and before any other difference.
  const edited = { lab: { id: 'lab', title: 'Edited' } };
  const both = planMerge([part('s1', [1], 2, [], edited), part('s2', [2], 2, [], { ...edited, tool: { name: 'flowgrade', version: '1.0.0' } })], options);
  expect(both.ok ? undefined : both.problem).toBe('flowgrade: s1: flowgrade-run.json is not a run record flowgrade wrote: lab lab is titled "Edited", not "Lab"; grade the shard again [bad-shard]');
  // A megabyte id or title (an edited record) is quoted within 200 characters.
  expect(problem({ lab: { id: 'x'.repeat(1_000_000), title: 'Lab' } })).toBe(wrote(`lab ${'x'.repeat(200)}… (1000000 characters) is none flowgrade 1.0.0 has`));
  expect(problem({ lab: { id: 'lab', title: 'y'.repeat(1_000_000) } })).toBe(wrote(`lab lab is titled "${'y'.repeat(200)}… (1000000 characters)", not "Lab"`));
  // The plan holds the lab the reports are then held to.
  const plan = planMerge([part('s1', [1], 2, [], classOf(0)), part('s2', [2], 2, [], classOf(0))], options);
  expect(plan.ok && plan.lab).toBe(LABS.lab);
});

test('an option differing by a megabyte value (an edited record) is quoted within 200 characters', () => {
  const plan = planMerge([part('s1', [1], 2, []), part('s2', [2], 2, [], { settings: { grading: { lab: 'lab', dnis: 'x'.repeat(1_000_000) }, junitRecommended: 'skipped', moodleMaxGrade: 100, canvasAssignment: 'flowgrade', zipLimits: { maxEntries: 10 } } })], options);
  expect(plan.ok ? undefined : plan.problem).toBe(`flowgrade: s2: is graded with other options than the folder s1 (--dnis ${'x'.repeat(200)}… (1000000 characters) and not given (the lab's number)): grade every shard with the same options [bad-shard]`);
});

test('a folder named like a verb (graded) is named as a folder, never read as grading', () => {
  const plan = planMerge([part('graded', [1], 1, []), part('graded-3', [3], 4, [])], options);
  expect(plan.ok ? undefined : plan.problem).toBe('flowgrade: graded-3: holds shard 3 of 4, and the folder graded holds the whole class: shards of two different splits of a class cannot be merged; give the shards of one --shard i/n [bad-shard]');
  const again = planMerge([part('graded-1', [1], 2, []), part('graded', [1], 2, [])], options);
  expect(again.ok ? undefined : again.problem).toBe('flowgrade: graded: holds shard 1/2, as the folder graded-1 does: give each shard once [bad-shard]');
  const other = planMerge([part('graded', [1], 2, []), part('graded-2', [2], 2, [], { class: { submissions: 8, fingerprint: 'b'.repeat(64) } })], options);
  expect(other.ok ? undefined : other.problem).toBe('flowgrade: graded-2: is cut from another class than the folder graded (8 and 9 submissions found): grade every shard from the same inputs [bad-shard]');
});

// Pinned by a mutation sweep of cli/merge/plan.ts: each rule below was left alive by the tests above.
test('the class\'s order breaks every tie: the same row in two parts by the shard each holds, the same attendee\'s duplicates by kept path, one instant by the lowest shard', () => {
  const plan = planMerge(
    [
      part('s2', [2], 2, [['a', 'x/a.json'], ['a', 'x/a.json']], { now: '2025-08-01T11:00:00+02:00', duplicates: [{ attendee: 'a', kept: 'y/a.json', dropped: ['y/a (1).json'] }, { attendee: 'b', kept: 'a/b.json', dropped: ['a/b (1).json'] }], ...classOf(6) }),
      part('s1', [1], 2, [['a', 'x/a.json']], { duplicates: [{ attendee: 'a', kept: 'x/a.json', dropped: ['x/a (1).json'] }], ...classOf(6) }),
    ],
    options,
  );
  expect(plan.ok).toBe(true);
  if (!plan.ok) return;
  expect(plan.rows).toEqual([{ part: 1, attendee: 0 }, { part: 0, attendee: 0 }, { part: 0, attendee: 1 }]); // shard 1's, though given second
  expect(plan.duplicates.map((d) => d.kept)).toEqual(['x/a.json', 'y/a.json', 'a/b.json']);
  expect(plan.now).toBe('2025-08-01T09:00:00Z'); // 09:00 UTC, as the other (11:00+02:00): shard 1's spelling, though given second
});

test('refused: a class told apart by its fingerprint alone or by its count alone; checks in another order, fewer, or many others', () => {
  const problem = (parts: PartRecord[]) => {
    const plan = planMerge(parts, options);
    return plan.ok ? undefined : plan.problem;
  };
  const one = part('s1', [1], 2, []);
  expect(problem([one, part('s2', [2], 2, [], { class: { submissions: 9, fingerprint: 'b'.repeat(64) } })])).toContain('(9 and 9 submissions found, at other paths)');
  expect(problem([one, part('s2', [2], 2, [], { class: { submissions: 8, fingerprint: 'a'.repeat(64) } })])).toContain('(8 and 9 submissions found)');
  const checks = (mine: string[], labs: (id: string) => Lab | undefined = options.labs) => {
    const plan = planMerge([part('s1', [1], 2, [], { checkIds: labs('lab')!.checks.map((check) => check.id) }), part('s2', [2], 2, [], { checkIds: mine })], { ...options, labs });
    return plan.ok ? undefined : plan.problem;
  };
  // The first part's version is checked too, not only the others' against it (all alike, none this one's).
  expect(problem([part('s1', [1], 1, [], { tool: { name: 'flowgrade', version: '0.9.0' } })])).toContain('s1: graded by flowgrade 0.9.0, not this 1.0.0');
  const ab: Lab = { ...LABS.lab!, checks: ['a', 'b'].map((id) => ({ ...LABS.lab!.checks[0]!, id })) };
  expect(checks(['b', 'a'], (id) => (id === 'lab' ? ab : undefined))).toContain('s2: flowgrade-run.json is not a run record flowgrade wrote: it gives lab lab other checks than flowgrade 1.0.0 does (in another order)');
  expect(checks([])).toContain('does (a)');
  expect(checks(['a', 'x', 'y', 'z'])).toContain('does (x, y, z)');
  expect(checks(['a', 'w', 'x', 'y', 'z'])).toContain('does (w, x, y and 1 more)');
});

test('submissions kept or set aside count every dropped file, up to the class\'s count exactly', () => {
  const rows = (n: number, from: number) => Array.from({ length: n }, (_, i) => [`a${from + i}`, `x/a${from + i}.json`] as [string, string]);
  const dropped = [{ attendee: 'a0', kept: 'x/a0.json', dropped: ['x/a0 (1).json', 'x/a0 (2).json'] }];
  expect(planMerge([part('s1', [1], 2, rows(4, 0), { duplicates: dropped }), part('s2', [2], 2, rows(3, 4))], options).ok).toBe(true); // 4 + 2 + 3 = 9 of 9
  const over = planMerge([part('s1', [1], 2, rows(4, 0), { duplicates: dropped }), part('s2', [2], 2, rows(4, 4))], options);
  expect(over.ok ? undefined : over.problem).toContain('keep or set aside 10 submissions together');
});

// Pinned by a mutation sweep of cli/merge/settings-words.ts: each wording below was left alive by the tests above.
test('options differing said as typed: sizes, connectors, canvas ids, defaults of every kind, unknown keys, the first by option name', () => {
  type Settings = RunRecord['settings'];
  const base: Settings = { grading: { lab: 'lab' }, junitRecommended: 'skipped', moodleMaxGrade: 100, canvasAssignment: 'flowgrade', zipLimits: { maxEntries: 10_000 } };
  const with_ = (more: Partial<Settings>): Settings => ({ ...base, ...more });
  const grading = (flags: Record<string, unknown>) => with_({ grading: { lab: 'lab', ...flags } });
  const zip = (limits: Record<string, unknown>) => with_({ zipLimits: { maxEntries: 10_000, ...limits } as Settings['zipLimits'] });
  const differ = (a: Settings, b: Settings = base) => settingDiffering(a, b);
  expect(differ(grading({ maxSize: 0 }))).toBe('--max-size 0 and not given (20 MB, the default)');
  expect(differ(grading({ maxSize: 2 ** 53 }))).toBe('--max-size 9007199254740992 and not given (20 MB, the default)');
  expect(differ(grading({ connector: {} }))).toBe('--connector none and not given (every connector WxCC US1, the default)');
  expect(differ(grading({ connector: ['x'] }))).toBe('--connector ["x"] and not given (every connector WxCC US1, the default)');
  expect(differ(grading({ connector: { CRM: 'u'.repeat(300) } }))?.length).toBeLessThan(300);
  expect(differ(with_({ canvasAssignment: 'flowgrade (0)' }))).toBe('--canvas-assignment "flowgrade (0)" and not given (the column flowgrade, the default)');
  expect(differ(with_({ canvasAssignment: 'my flowgrade (45)' }))).toBe('--canvas-assignment "my flowgrade (45)" and not given (the column flowgrade, the default)');
  expect(differ(grading({ maxSteps: 500, maxVisits: 25 }))).toBeUndefined(); // given at the values grade takes without them
  expect(differ(zip({ maxEntryBytes: 5 }), zip({ maxEntryBytes: 20 * 1024 * 1024 }))).toBe('--max-size 5 bytes and 20 MB (the default)');
  expect(differ(zip({ maxEntries: 5 }))).toBe('--max-entries 5 and 10000 (the default)');
  expect(differ(with_({ moodleMaxGrade: 50 }))).toBe('--moodle-max-grade 50 and 100 (the default)');
  expect(differ(grading({ fooBar: 1 }))).toBe('--foo-bar 1 and not given');
  expect(differ(zip({ foo: 1 }))).toBe('zip limit foo 1 and not given');
  expect(differ(base, grading({ dnis: '+1469' }))).toBe("--dnis not given (the lab's number) and +1469"); // a flag the other alone was given
  expect(differ(grading({ ['y'.repeat(300)]: 1 }))?.length).toBeLessThan(300);
  // The first by option name, then by where it is recorded: --max-archive-size before --moodle-max-grade (recorded after it), grade's --max-size before the zip limit.
  expect(differ(with_({ moodleMaxGrade: 50, zipLimits: { maxEntries: 10_000, maxTotalBytes: 5 } as Settings['zipLimits'] }))).toBe('--max-archive-size 5 bytes and not given');
  expect(differ(with_({ grading: { lab: 'lab', maxSize: 5 }, zipLimits: { maxEntries: 10_000, maxEntryBytes: 5 } as Settings['zipLimits'] }))).toBe('--max-size 5 bytes and not given (20 MB, the default)');
  // (Also when the other alone holds grade's: its entries are listed after this one's.)
  expect(differ(zip({ maxEntryBytes: 5 }), grading({ maxSize: 5 }))).toBe('--max-size not given (20 MB, the default) and 5 bytes');
});

test("--dnis given as the lab's number, or one number spelled two ways, is no difference: grade dialled the same number", () => {
  type Settings = RunRecord['settings'];
  const lab = 'callback-on-global-error';
  const dialling = (dnis?: string): Settings => ({ grading: { lab, ...(dnis === undefined ? {} : { dnis }) }, junitRecommended: 'skipped', moodleMaxGrade: 100, canvasAssignment: 'flowgrade', zipLimits: { maxEntries: 10_000 } });
  // Before: "--dnis +14694096861 and not given (the lab's number)", and the merge refused shards graded alike.
  expect(settingDiffering(dialling('+14694096861'), dialling())).toBeUndefined();
  expect(settingDiffering(dialling(), dialling('+1 (469) 409-6861'))).toBeUndefined();
  expect(settingDiffering(dialling('+1 469-409-6861'), dialling('+14694096861'))).toBeUndefined();
  // Another number is one, said as typed.
  expect(settingDiffering(dialling('+1 (469) 409-6862'), dialling())).toBe('--dnis "+1 (469) 409-6862" and not given (the lab\'s number)');
  expect(settingDiffering(dialling('+14694096862'), dialling('+1 (469) 409-6861'))).toBe('--dnis +14694096862 and "+1 (469) 409-6861"');
  // A lab without that number (another lab's record: merge refuses it by its lab first) keeps a given number a difference.
  expect(settingDiffering({ ...dialling('+14694096861'), grading: { lab: 'lab', dnis: '+14694096861' } }, { ...dialling(), grading: { lab: 'lab' } })).toBe("--dnis +14694096861 and not given (the lab's number)");
});

test('what the merged record takes of one part (its options as spelled, its clock when two are one instant) is the lowest shard\'s, in whatever order the folders are given', () => {
  // Before: the first folder's: options accepted as alike though spelled otherwise (--dnis "+1 (469)
  // 409-6861" and +14694096861, --max-size 20MB and not given) and one instant spelled two ways
  // were the merged flowgrade-run.json's as the folders' order had them.
  const spelled = (dir: string, shard: number, grading: Record<string, unknown>, now: string) => part(dir, [shard], 3, [[`a${shard}`, `x/a${shard}.json`]], { settings: { grading: { lab: 'lab', ...grading }, junitRecommended: 'skipped', moodleMaxGrade: 100, canvasAssignment: 'flowgrade', zipLimits: { maxEntries: 10 } }, now, ...classOf(3) });
  const s1 = spelled('s1', 1, { dnis: '+14694096861' }, '2026-01-15T09:00:00Z');
  const s2 = spelled('s2', 2, { dnis: '+1 (469) 409-6861', maxSize: 20 * 1024 * 1024 }, '2026-01-15T10:00:00+01:00');
  const s3 = spelled('s3', 3, { dnis: '+1 469-409-6861' }, '2026-01-15T09:00:00.000Z');
  const taken = (parts: PartRecord[]) => {
    const plan = planMerge(parts, options);
    if (!plan.ok) throw new Error(plan.problem);
    return { part: parts[plan.lowest]!.dir, now: plan.now, rows: plan.rows.map(({ part: at, attendee }) => parts[at]!.record.attendees[attendee]!.attendee) };
  };
  const expected = { part: 's1', now: '2026-01-15T09:00:00Z', rows: ['a1', 'a2', 'a3'] };
  for (const order of [[s1, s2, s3], [s2, s1, s3], [s3, s2, s1], [s2, s3, s1]]) expect(taken(order), order.map(({ dir }) => dir).join(' ')).toEqual(expected);
  // With --partial, the lowest shard given.
  const partial = planMerge([s3, s2], { ...options, partial: true });
  expect(partial.ok && partial.lowest).toBe(1);
  expect(partial.ok && partial.now).toBe('2026-01-15T10:00:00+01:00');
});
