/**
 * The laws of laws.ts over pairs of the mistakes the tests name (mutations.ts MISTAKES, the lab's
 * mistakes of lab-mistakes.ts, the fixtures' defect-* flows), and over a tolerated variant beside
 * a mistake:
 *
 *   (1) more mistakes never earn more points;
 *   (2) no mistake is hidden: a check failing with one alone fails beside the other, or is not judged
 *       naming a check that fails there;
 *   (3) every check not judged names a check that failed in that very report;
 *   (4) a tolerated variant with a mistake scores what the mistake does alone.
 *
 * Every pair (about 8,000, and 7,500 variant–mistake pairs) takes over two minutes here: by default
 * a fixed seeded sample is graded (about 15 s), every mistake in at least PER_MISTAKE pairs and
 * beside at least one variant, every variant beside at least two mistakes, and every pair named
 * below. (With 209ec72's outdialcbid Integer rule taken out, the sample fails law (1) on two pairs,
 * the whole sweep on thirteen.) The whole sweep:
 *
 *   FLOWGRADE_LAWS=all npx playwright test --project=unit tests/unit/checks/laws.test.ts
 *
 * A pair that breaks a law rightly is named below with why (RIGHT), never skipped silently; so is a
 * defect found and not yet mended (KNOWN), until it is.
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { allMistakes, earned, seeded, textOf, together, tolerated, unjudgedWithoutCause, violations, type Edit } from './laws.js';
import { grade } from './support.js';

const ALL = process.env.FLOWGRADE_LAWS === 'all';
/** How many sampled pairs each mistake is in, at least. */
const PER_MISTAKE = 12;

interface Allowed {
  /** The two mistakes, in either order. */
  pair: [string, string];
  /** Each violation allowed starts with one of these (`(1)`, `(2) run-task-created`). */
  laws: string[];
  why: string;
}

/** The mistakes beside which a variant of law (4) below scores otherwise than alone (from the whole sweep). */
const MISTAKES_CORRECTED = [
  'flows/defect-setgetresult-literal.json',
  'get-cbid-relabelled-with-its-reader',
  'getresult-set-value-with-a-leading-space',
  'getresult-json-empty',
];
/** The mistakes that get GET_CBID another answer than the record (a 404, a 401): its status code and response body are wrong, and getresult, which SetGetResult copies from it. */
const GET_CBID_WRONG_ANSWER = [
  'flows/defect-getcbid-authenticated.json',
  'flows/defect-getcbid-method-post.json',
  'flows/defect-getcbid-path-typo.json',
  'flows/defect-getcbid-url-without-slice.json',
  'lab: dn=*{DNIS}* (test box copied)',
  'get-cbid-dn-with-a-leading-space',
  'get-cbid-dn-with-a-space-in-its-name',
  'get-cbid-path-lower-case',
  'get-cbid-method-put',
  'get-cbid-url-with-a-trailing-no-break-space',
];
const ONLY_WITH_NUMBER = [
  ...GET_CBID_WRONG_ANSWER,
  'flows/defect-getcbid-jsonpath-without-index.json',
  'flows/defect-getcbid-parse-content-type-missing.json',
  'parse-row-overridden-by-a-later-wrong-row',
  'parse-path-with-a-trailing-no-break-space',
];
/**
 * The mistakes that leave getresult without the record's text, GET_CBID's answer being right (SetGetResult's own,
 * GET_CBID relabelled under SetGetResult's reading, getresult declared JSON: the record as a list).
 */
const GETRESULT_WRONG = ['flows/defect-setgetresult-literal.json', 'getresult-overridden-by-a-later-row', 'get-cbid-default-label', 'getresult-json-empty'];
/** GET_CBID relabelled: what reads GET_CBID by the guide's label reads nothing. */
const GET_CBID_RELABELLED = ['get-cbid-default-label', 'get-cbid-relabelled-with-its-reader'];

const RELABEL = "lab: request labelled CallBackAPI_Request (old guide), condition from today's";

/** Violations that are right: the two mistakes, made together, are no longer both mistakes. */
interface Variant {
  variant: string;
  mistakes: string[];
  why: string;
}

const RIGHT: Allowed[] = [
  {
    pair: ['flows/defect-condition-label-mismatch.json', RELABEL],
    laws: ['(1)', '(2) status-condition-expression', '(2) run-status-true-on-201', '(2) callback-api-label'],
    why: 'the January 2025 guide\'s label on the request and in the condition: one consistent spelling, which the checks accept (mutations.ts TOLERATED), not two mistakes',
  },
  {
    pair: ['flows/defect-condition-http-put.json', RELABEL],
    laws: ['(1)', '(2) callback-api-label'],
    why: 'the old label is a mistake only beside a condition reading today\'s; this condition reads HTTP_PUT, reported on its own: one mistake left',
  },
  {
    pair: ['flows/defect-condition-constant-true.json', RELABEL],
    laws: ['(2) callback-api-label', '(2) run-status-true-on-201'],
    why: 'the old label is a mistake only beside a condition reading today\'s; {{true}} reads none (and is True on 201, rightly): one mistake left',
  },
  {
    pair: ['flows/defect-simulate-valid-expression.json', 'simulatederror-boolean'],
    laws: ['(1)', '(2) run-global-error-raised'],
    why: 'a phone number stored in the Boolean simulatederror fails: SimulateGlobalError does raise the global error, so the event flow is judged on its own (both mistakes still fail their static checks)',
  },
  {
    pair: [RELABEL, 'condition-also-true-on-400'],
    laws: ['(2) run-status-false-on-400'],
    why: 'the condition reads CallBackAPI_HTTPRequest, no activity of this flow: False on every answer, 400 included, so the 400 run is right; the expression\'s check reports what it reads (the `or … == 400` shows once it reads the request)',
  },
  {
    pair: [RELABEL, 'condition-also-true-on-500'],
    laws: ['(2) run-status-false-on-500'],
    why: 'as with 400: a condition reading no activity of the flow is False on 500 too',
  },
  {
    pair: ['flows/defect-getcbid-url-without-slice.json', 'start-node-relabelled-url-unchanged'],
    laws: ['(1)', '(2) run-get-cbid-fills-variables'],
    why: 'both are the dn GET_CBID sends: with the start node relabelled the template reads nothing, whatever its filter, so the call sends what it sends with the relabel alone (MockAPI answers an empty dn with every record, the lab\'s first); get-cbid-url reports the URL',
  },
  {
    pair: ['start-node-relabelled-url-unchanged', 'get-cbid-dn-with-a-leading-space'],
    laws: ['(1)', '(2) run-get-cbid-fills-variables'],
    why: 'as above: the dn template reads nothing, a space before it sends a blank dn, which MockAPI does not filter by',
  },
  {
    pair: ['flows/defect-condition-constant-true.json', 'lab: HTTPStatusCode connected before CallBackAPI_HTTPRequest (True on to it)'],
    laws: ['(1)'],
    why: 'HTTPStatusCode before the request turns the call away alone (no answer yet: False), and run-task-created is not judged; {{true}} sends every call on to the request, as OnGlobalError straight to it does, so the task is created and run-task-created is judged on its own and passes (5 points, 1 more than the Expression costs); both mistakes still fail their static checks, and HTTPStatusCode\'s calls are not judged, naming its place',
  },
];

/** Defects found by the sweep and not mended yet: each is a report of ours that is wrong. */
const KNOWN: Allowed[] = [];

/** Law (4): a variant beside mistakes that change what the variant reads or does: right. */
const RIGHT_VARIANT: Variant[] = [
  {
    variant: 'getresult-corrected-by-a-later-row',
    mistakes: MISTAKES_CORRECTED,
    why: 'the variant\'s second row sets getresult again: the mistake in the first row is corrected (setgetresult-literal, a leading space); its row reads GET_CBID by the label the relabel changes; its first row\'s text is no JSON for getresult typed JSON',
  },
  { variant: 'simulate-error-failing-value-in-a-second-row', mistakes: ['flows/defect-simulate-valid-expression.json'], why: 'the variant\'s second row is the failing value the mistake took out of the first: the global error is raised' },
  { variant: 'parse-row-for-another-variable', mistakes: ['flows/defect-variable-missing-getresult.json'], why: 'the variant\'s parse row writes getresult, which the mistake leaves undeclared: GET_CBID fails on it' },
  {
    variant: 'create-task-only-with-a-callback-number',
    mistakes: ONLY_WITH_NUMBER,
    why: 'the variant\'s Condition reads customani, which the mistake leaves unfilled: the call ends before the request in the error scenarios too, so HTTPStatusCode is never tried on 400 and 500 (not judged, naming run-get-cbid-fills-variables: 4 points), which the mistake alone, sending the request all the same, lets be judged; the request and its 201 status are not judged, naming GET_CBID, as alone (happy-path/index.ts blamedForGuard)',
  },
  {
    variant: 'create-task-only-when-get-cbid-got-200',
    mistakes: [...GET_CBID_WRONG_ANSWER, ...GET_CBID_RELABELLED],
    why: 'the variant\'s Condition reads GET_CBID\'s status code, which the mistake makes another than 200: as create-task-only-with-a-callback-number beside it (4 points, naming run-get-cbid-fills-variables); relabelled, GET_CBID is no label the Condition reads: it sends every call to EndFlow, and run-task-created fails on it, its hint to set the label back (12 points: the request, its 201 status and the error scenarios)',
  },
  {
    variant: 'create-task-only-with-the-record-in-getresult',
    mistakes: [...GET_CBID_WRONG_ANSWER, ...GETRESULT_WRONG],
    why: 'the variant\'s Condition reads getresult, which SetGetResult copies from GET_CBID\'s wrong answer (as create-task-only-with-a-callback-number beside it: 4 points, naming run-get-cbid-fills-variables), or which SetGetResult leaves without the record\'s text: the request, its 201 status and the error scenarios, which the mistake alone lets be judged, are not (12 points, naming run-getresult-holds-body, or variable-getresult for its type)',
  },
];

/** Law (4): defects found by the sweep and not mended yet (see the report of session 36). */
const KNOWN_VARIANT: Variant[] = [];

const key = ([a, b]: [string, string]) => [a, b].sort().join(' + ');

const mistakes = allMistakes();
const variants = tolerated();
const byName = new Map([...mistakes, ...variants].map((m) => [m.name, m]));

/** The pairs to grade: all of them, or the seeded sample (see the file comment). */
function pairsToGrade(): [Edit, Edit][] {
  const pairs = new Map<string, [Edit, Edit]>();
  const add = (a: Edit, b: Edit) => pairs.set(key([a.name, b.name]), [a, b]);
  if (ALL) {
    mistakes.forEach((a, i) => mistakes.slice(i + 1).forEach((b) => together(a, b) && add(a, b)));
  } else {
    const random = seeded(20261205);
    const count = new Map<string, number>();
    for (const a of mistakes) {
      for (let tries = 0; (count.get(a.name) ?? 0) < PER_MISTAKE && tries < 200; tries++) {
        const b = mistakes[Math.floor(random() * mistakes.length)]!;
        if (b === a || pairs.has(key([a.name, b.name])) || !together(a, b)) continue;
        add(a, b);
        for (const n of [a.name, b.name]) count.set(n, (count.get(n) ?? 0) + 1);
      }
    }
    for (const x of [...RIGHT, ...KNOWN]) add(byName.get(x.pair[0])!, byName.get(x.pair[1])!);
  }
  return [...pairs.values()];
}

/** The variant–mistake pairs to grade: all, or the seeded sample. */
function variantPairsToGrade(): [Edit, Edit][] {
  const pairs = new Map<string, [Edit, Edit]>();
  const add = (t: Edit, m: Edit) => pairs.set(`${t.name} + ${m.name}`, [t, m]);
  if (ALL) {
    for (const t of variants) for (const m of mistakes) if (together(t, m)) add(t, m);
  } else {
    const random = seeded(20261206);
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const variantCount = new Map<string, number>();
    const tryAdd = (t: Edit, m: Edit) => {
      if (pairs.has(`${t.name} + ${m.name}`) || !together(t, m)) return false;
      add(t, m);
      variantCount.set(t.name, (variantCount.get(t.name) ?? 0) + 1);
      return true;
    };
    for (const m of mistakes) for (let tries = 0; tries < 200 && !tryAdd(pick(variants), m); tries++);
    for (const t of variants) for (let tries = 0; tries < 200 && (variantCount.get(t.name) ?? 0) < 2; tries++) tryAdd(t, pick(mistakes));
    for (const x of [...RIGHT_VARIANT, ...KNOWN_VARIANT]) for (const m of x.mistakes) add(byName.get(x.variant)!, byName.get(m)!);
  }
  return [...pairs.values()];
}

const alone = new Map<string, Promise<GradeReport>>();
function gradeAlone(m: Edit): Promise<GradeReport> {
  let report = alone.get(m.name);
  if (!report) alone.set(m.name, (report = grade(textOf(m))));
  return report;
}

test('every named exception is a pair of mistakes the sweep builds', () => {
  const pairs = [...RIGHT, ...KNOWN].map((x) => x.pair).concat([...RIGHT_VARIANT, ...KNOWN_VARIANT].flatMap((x) => x.mistakes.map((m): [string, string] => [x.variant, m])));
  for (const pair of pairs) {
    for (const name of pair) expect(byName.has(name), name).toBe(true);
    expect(together(byName.get(pair[0])!, byName.get(pair[1])!), pair.join(' + ')).toBe(true);
  }
});

test('law (3) for each mistake alone: every check not judged names a check that failed', async () => {
  test.setTimeout(60_000);
  const broken: string[] = [];
  for (const m of mistakes) for (const v of unjudgedWithoutCause(await gradeAlone(m))) broken.push(`${m.name}: ${v}`);
  expect(broken).toEqual([]);
});

test(`laws (1)–(3) over ${ALL ? 'every pair' : 'a seeded sample of the pairs'} of mistakes made together`, async () => {
  test.setTimeout(ALL ? 600_000 : 60_000);
  const pairs = pairsToGrade();
  if (!ALL) {
    // Every mistake is in at least PER_MISTAKE pairs (the sample's promise).
    const seen = new Map<string, number>();
    for (const [a, b] of pairs) for (const n of [a.name, b.name]) seen.set(n, (seen.get(n) ?? 0) + 1);
    expect(mistakes.filter((m) => (seen.get(m.name) ?? 0) < PER_MISTAKE).map((m) => m.name)).toEqual([]);
  }
  const broken: string[] = [];
  const stillRight = new Set<Allowed>();
  for (const [a, b] of pairs) {
    const [both, reportA, reportB] = await Promise.all([grade(textOf(a, b)), gradeAlone(a), gradeAlone(b)]);
    for (const v of violations(both, [reportA, reportB])) {
      const pair: [string, string] = [a.name, b.name];
      const exception = [...RIGHT, ...KNOWN].find((x) => key(x.pair) === key(pair) && x.laws.some((law) => v.startsWith(law)));
      if (exception) stillRight.add(exception);
      else broken.push(`${a.name} + ${b.name}: ${v}`);
    }
  }
  expect(broken).toEqual([]);
  // Each exception still breaks a law: one that no longer does is to be removed.
  expect([...RIGHT, ...KNOWN].filter((x) => !stillRight.has(x)).map((x) => key(x.pair))).toEqual([]);
});

test(`law (4) over ${ALL ? 'every tolerated variant beside every mistake' : 'a seeded sample of tolerated variants beside mistakes'}`, async () => {
  test.setTimeout(ALL ? 600_000 : 60_000);
  const broken: string[] = [];
  const stillBroken = new Set<string>();
  for (const [t, m] of variantPairsToGrade()) {
    const [both, mistake] = await Promise.all([grade(textOf(t, m)), gradeAlone(m)]);
    if (earned(both) === earned(mistake)) continue;
    if ([...RIGHT_VARIANT, ...KNOWN_VARIANT].some((x) => x.variant === t.name && x.mistakes.includes(m.name))) stillBroken.add(`${t.name} + ${m.name}`);
    else broken.push(`${t.name} + ${m.name}: ${earned(both)} points, ${earned(mistake)} with the mistake alone`);
  }
  expect(broken).toEqual([]);
  // Each exception still breaks the law: one that no longer does is to be removed.
  const named = [...RIGHT_VARIANT, ...KNOWN_VARIANT].flatMap((x) => x.mistakes.map((m) => `${x.variant} + ${m}`));
  expect(named.filter((pair) => !stillBroken.has(pair))).toEqual([]);
});
