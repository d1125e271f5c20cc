/** JUnit XML: structure, counts, mapping of check statuses, well-formedness. */
import { test, expect } from '@playwright/test';
import { findMission } from '../../../checks/index.js';
import type { GradeReport } from '../../../engine/report.js';
import { renderJunit, renderJunitDocument, renderJunitSuite } from '../../../reports/junit.js';
import { findAll, parseXml } from './xml-check.js';
import { failedReport, passedReport, ungradableReport } from './sample-reports.js';

const counts = (node: { attributes: Record<string, string> }) => ['tests', 'failures', 'errors', 'skipped'].map((k) => Number(node.attributes[k]));

test('a <testsuite> per attendee, a <testcase> per check, counts right at both levels', () => {
  const root = parseXml(renderJunit([passedReport(), failedReport(), ungradableReport()]));
  expect(root.name).toBe('testsuites');
  const suites = findAll(root, 'testsuite');
  expect(suites.map((s) => s.attributes.name)).toEqual(['140', '141', '142']);
  // passed: 5 checks, 1 info → skipped. failed: 8 checks: 1 required failed, 1 errored, 1 skipped + 1 info + 1 recommended not met. ungradable: 1 error.
  expect(suites.map(counts)).toEqual([
    [5, 0, 0, 1],
    [8, 1, 1, 3],
    [1, 0, 1, 0],
  ]);
  expect(counts(root).slice(0, 3)).toEqual([14, 1, 2]); // <testsuites> has no skipped (the XSDs do not allow it)
  expect(suites.reduce((sum, s) => sum + Number(s.attributes.skipped), 0)).toBe(4);
  for (const suite of suites) {
    const cases = findAll(suite, 'testcase');
    expect(cases).toHaveLength(Number(suite.attributes.tests));
    expect(cases.filter((c) => c.children[0]?.name === 'failure')).toHaveLength(Number(suite.attributes.failures));
    expect(cases.filter((c) => c.children[0]?.name === 'error')).toHaveLength(Number(suite.attributes.errors));
    expect(cases.filter((c) => c.children[0]?.name === 'skipped')).toHaveLength(Number(suite.attributes.skipped));
  }
});

test('test case names: classname flowgrade.<attendee>, name "<step>. <check id>"', () => {
  const suite = findAll(parseXml(renderJunit([failedReport()])), 'testsuite')[0];
  const cases = findAll(suite, 'testcase');
  expect(cases.map((c) => c.attributes.name)).toEqual([
    '2. variable-outdialcbid',
    '4. get-cbid-method',
    '4. get-cbid-content-type',
    '6. simulate-error-value-fails',
    '6. simulate-error-to-disconnect',
    '8. run-task-created',
    '9. status-condition-expression',
    '10. flow-published-latest',
  ]);
  expect(new Set(cases.map((c) => c.attributes.classname))).toEqual(new Set(['flowgrade.141']));
});

test('a failed check is a <failure> with message, expected, actual, where, its Build step and hint', () => {
  const cases = findAll(parseXml(renderJunit([failedReport()])), 'testcase');
  const failure = cases.find((c) => c.attributes.name === '6. simulate-error-value-fails')!.children[0];
  expect(failure.name).toBe('failure');
  expect(failure.attributes.message).toBe('SimulateGlobalError sets simulatederror to "{{ANI}}", which evaluates without error');
  expect(failure.attributes.type).toBe('required');
  expect(failure.text.split('\n')).toEqual([
    'Title of simulate-error-value-fails (required, 4 points)',
    'SimulateGlobalError sets simulatederror to "{{ANI}}", which evaluates without error',
    'expected: a value that fails to evaluate, e.g. {{ ANI | 123}}',
    'actual: "{{ANI}}"',
    'activity: SimulateGlobalError (/process/activities/sim)',
    `guide: Step 6 — ${findMission('callback-on-global-error')!.steps[6]}`, // the test name says only "6."
    'hint: SimulateGlobalError → Variable: simulatederror, Set Value: {{ ANI | 123}}',
  ]);
  // A lab flowgrade does not know has no step titles: the number alone.
  const unknownLab = { ...failedReport(), lab: { id: 'some-other-lab', title: 'Other' } };
  const other = findAll(parseXml(renderJunit([unknownLab])), 'testcase').find((c) => c.attributes.name === '6. simulate-error-value-fails')!.children[0];
  expect(other.text.split('\n')).toContain('guide: Step 6');
  const recommended = cases.find((c) => c.attributes.name === '4. get-cbid-content-type')!.children[0];
  expect(recommended.attributes.type).toBe('recommended'); // <skipped> by default: see below
  expect(recommended.text.split('\n')[1]).toBe('Title of get-cbid-content-type (recommended, 1 point)'); // not "1 points"
  const errored = cases.find((c) => c.attributes.name === '9. status-condition-expression')!.children[0];
  expect(errored.name).toBe('error');
  expect(errored.attributes.message).toBe('check status-condition-expression crashed: boom');
  expect(cases.find((c) => c.attributes.name === '8. run-task-created')!.children[0].name).toBe('skipped');
  expect(cases.find((c) => c.attributes.name === '10. flow-published-latest')!.children[0].name).toBe('skipped');
  expect(cases.find((c) => c.attributes.name === '2. variable-outdialcbid')!.children).toEqual([]);
});

test('an ungradable submission is one test case with an <error> naming the code', () => {
  const suite = findAll(parseXml(renderJunit([ungradableReport()])), 'testsuite')[0];
  const cases = findAll(suite, 'testcase');
  expect(cases).toHaveLength(1);
  expect(cases[0].attributes).toEqual({ classname: 'flowgrade.142', name: 'load submissions/notes.json', time: '0' });
  expect(cases[0].children[0]).toMatchObject({ name: 'error', attributes: { type: 'not-json', message: 'file is not JSON: Unexpected token N at line 1 column 1' } });
});

test('<properties> carry verdict and score', () => {
  const properties = (xml: string) => Object.fromEntries(findAll(parseXml(xml), 'property').map((p) => [p.attributes.name, p.attributes.value]));
  expect(properties(renderJunit([failedReport()]))).toMatchObject({ verdict: 'failed', score: '6/19', percent: '31.6', lab: 'callback-on-global-error', attendee: '141', file: 'submissions/Main_Flow_141.json' });
  expect(properties(renderJunit([ungradableReport()]))).toMatchObject({ verdict: 'ungradable', errorCode: 'not-json' });
  expect(properties(renderJunit([ungradableReport()]))).not.toHaveProperty('score');
});

test('an empty class is still a valid document', () => {
  const root = parseXml(renderJunit([]));
  expect(counts(root).slice(0, 3)).toEqual([0, 0, 0]);
});

test('deterministic', () => {
  expect(renderJunit([passedReport(), failedReport()])).toBe(renderJunit([passedReport(), failedReport()]));
});

/**
 * The attributes the "JUnit 10" XSD (Jenkins xUnit plugin, junit-10.xsd, followed by GitLab and the
 * test-report actions) declares for each element, and those it requires; anything else makes a
 * validating consumer refuse the whole file. The Ant schema (windyroad JUnit.xsd) also requires
 * `time` on every suite and test case.
 */
const JUNIT_10: Record<string, { allowed: string[]; required: string[] }> = {
  testsuites: { allowed: ['name', 'time', 'tests', 'failures', 'errors'], required: [] },
  testsuite: { allowed: ['name', 'tests', 'failures', 'errors', 'group', 'time', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url'], required: ['name', 'tests', 'failures', 'errors', 'time'] },
  properties: { allowed: [], required: [] },
  property: { allowed: ['name', 'value'], required: ['name', 'value'] },
  testcase: { allowed: ['name', 'time', 'classname', 'group'], required: ['name', 'classname', 'time'] },
  failure: { allowed: ['type', 'message'], required: ['type'] },
  error: { allowed: ['type', 'message'], required: ['type'] },
  skipped: { allowed: ['type', 'message'], required: [] },
};

test('every element has the attributes the JUnit XSDs allow and require (no skipped on <testsuites>; time on every suite)', () => {
  const root = parseXml(renderJunit([passedReport(), failedReport(), ungradableReport()]));
  const walk = (node: ReturnType<typeof parseXml>): void => {
    const schema = JUNIT_10[node.name];
    expect(schema, `<${node.name}> is a JUnit element`).toBeDefined();
    expect(Object.keys(node.attributes).filter((a) => !schema.allowed.includes(a)), `<${node.name}> attributes`).toEqual([]);
    expect(schema.required.filter((a) => !(a in node.attributes)), `<${node.name}> required attributes`).toEqual([]);
    if ('time' in node.attributes) expect(node.attributes.time).toMatch(/^\d+(\.\d+)?$/);
    node.children.forEach(walk);
  };
  walk(root);
  expect(root.attributes).toEqual({ name: 'flowgrade', tests: '14', failures: '1', errors: '2', time: '0' });
});

/** The failed report with every export-sourced string 260,000 characters long (the loader takes up to 262,144). */
function longReport(): GradeReport {
  const long = (c: string) => c.repeat(260_000);
  const report = failedReport();
  report.attendee.id = long('A');
  report.input = { ...report.input, file: long('F'), flowName: long('N') };
  report.checks = report.checks.map((check) => ({ ...check, message: long('M'), hint: long('H'), expected: long('E'), actual: long('X'), activity: long('L'), pointer: long('P') }));
  return report;
}

test('export text is clipped: a 260,000-character attendee id or label cannot make junit.xml megabytes (GitLab drops files over 30 MB)', () => {
  const xml = renderJunit([longReport()]);
  expect(xml.length).toBeLessThan(100_000); // unclipped: the id alone, in each case's classname, is 2 MB
  const root = parseXml(xml);
  const suite = findAll(root, 'testsuite')[0];
  expect(suite.attributes.name).toBe(`${'A'.repeat(200)}… (260000 characters)`);
  expect(findAll(suite, 'testcase')[0].attributes.classname).toBe(`flowgrade.${'A'.repeat(200)}… (260000 characters)`);
  const failure = findAll(suite, 'failure')[0];
  expect(failure.attributes.message).toBe(`${'M'.repeat(1_000)}… (260000 characters)`);
  expect(failure.text).toContain(`expected: ${'E'.repeat(1_000)}… (260000 characters)\n`);
  // Short values are untouched, and a cut never splits a character.
  expect(renderJunit([failedReport()])).toBe(renderJunit([failedReport()]));
  const emoji = failedReport();
  emoji.attendee.id = '😀'.repeat(300);
  expect(findAll(parseXml(renderJunit([emoji])), 'testsuite')[0].attributes.name).toBe(`${'😀'.repeat(200)}… (300 characters)`);
});

test('a dot in an attendee id does not split the classname: Jenkins takes all before its last dot as the package', () => {
  const report = failedReport();
  report.attendee.id = 'jane.doe';
  const root = parseXml(renderJunit([report, passedReport()]));
  const [dotted, plain] = findAll(root, 'testsuite');
  expect(dotted.attributes.name).toBe('jane.doe');
  // Package "flowgrade", class "jane․doe" (U+2024 ONE DOT LEADER), beside class "140": not package "flowgrade.jane", class "doe".
  expect(new Set(findAll(dotted, 'testcase').map((c) => c.attributes.classname))).toEqual(new Set(['flowgrade.jane\u2024doe']));
  expect(findAll(plain, 'testcase')[0].attributes.classname).toBe('flowgrade.140');
  expect(findAll(dotted, 'property').find((p) => p.attributes.name === 'attendee')!.attributes.value).toBe('jane.doe');
});

test('the same attendee id graded twice (two folders, two groups) gets distinct classnames: GitLab keeps only the first of equal test names', () => {
  const second = failedReport();
  second.input = { ...second.input, file: 'group-b/Main_Flow_141.json' };
  const third = failedReport();
  third.input = { ...third.input, file: 'group-c/Main_Flow_141.json' };
  const root = parseXml(renderJunit([failedReport(), passedReport(), second, third]));
  const suites = findAll(root, 'testsuite');
  expect(suites.map((s) => s.attributes.name)).toEqual(['141', '140', '141', '141']);
  // Each named by its file, as summary.md and the dashboard name them (dots as U+2024 in a classname).
  expect(suites.map((s) => [...new Set(findAll(s, 'testcase').map((c) => c.attributes.classname))])).toEqual([
    ['flowgrade.141 (submissions/Main_Flow_141\u2024json)'],
    ['flowgrade.140'],
    ['flowgrade.141 (group-b/Main_Flow_141\u2024json)'],
    ['flowgrade.141 (group-c/Main_Flow_141\u2024json)'],
  ]);
  const keys = findAll(root, 'testcase').map((c) => `${c.attributes.classname}/${c.attributes.name}`);
  expect(new Set(keys).size).toBe(keys.length);
  const dollar = [passedReport(), passedReport()].map((r) => ({ ...r, attendee: { id: '<a$&$$"b>', source: 'option' as const } }));
  const named = findAll(parseXml(renderJunit(dollar)), 'testsuite').map((s) => findAll(s, 'testcase')[0].attributes.classname);
  expect(named).toEqual(['flowgrade.<a$&$$"b> (Main_Flow_140\u2024json)', 'flowgrade.<a$&$$"b> (Main_Flow_140\u2024json) (2)']); // one file given twice: numbered
});

test('a renamed suite never takes the classname of another attendee whose id already ends in " (2)"', () => {
  const withId = (id: string, file: string): GradeReport => ({ ...passedReport(), attendee: { id, source: 'flow-name' }, input: { ...passedReport().input, file } });
  // Sorted by id, as `grade` writes them: two students 140 (two folders), then one whose flow is Main_Flow_140 (2).
  for (const order of [
    [withId('140', 'a/x.json'), withId('140', 'b/x.json'), withId('140 (2)', 'c/x.json')],
    [withId('140 (2)', 'c/x.json'), withId('140', 'a/x.json'), withId('140', 'b/x.json')],
  ]) {
    const root = parseXml(renderJunit(order));
    const classnames = findAll(root, 'testsuite').map((s) => [...new Set(findAll(s, 'testcase').map((c) => c.attributes.classname))]);
    expect(classnames.every((names) => names.length === 1)).toBe(true);
    expect(new Set(classnames.flat()).size).toBe(3);
    const keys = findAll(root, 'testcase').map((c) => `${c.attributes.classname}/${c.attributes.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  }
});

test('every <failure>, <error> and <skipped> says why in its body: GitLab shows only element content, never the message attribute', () => {
  const root = parseXml(renderJunit([passedReport(), failedReport(), ungradableReport()]));
  const outcomes = ['failure', 'error', 'skipped'].flatMap((name) => findAll(root, name));
  expect(outcomes.map((o) => o.name).sort()).toEqual(['error', 'error', 'failure', 'skipped', 'skipped', 'skipped', 'skipped']); // the recommended check not met is skipped
  for (const outcome of outcomes) expect(outcome.text, `<${outcome.name} message="${outcome.attributes.message}">`).toContain(outcome.attributes.message);
  const ungradable = findAll(findAll(root, 'testsuite')[2], 'error')[0];
  expect(ungradable.text).toBe('file is not JSON: Unexpected token N at line 1 column 1 [not-json]');
  const skipped = findAll(findAll(root, 'testsuite')[0], 'skipped')[0];
  expect(skipped.text).toBe('Not checkable from an export: publish the flow');
});

test('timestamp: the grading time in UTC, saying so with Z, to the second: Jenkins (OffsetDateTime) and Azure DevOps read the same instant; junit-10.xsd takes any string', () => {
  const at = (generatedAt: string) => findAll(parseXml(renderJunit([{ ...failedReport(), generatedAt }])), 'testsuite')[0].attributes.timestamp;
  expect(at('2025-08-01T09:00:00.000Z')).toBe('2025-08-01T09:00:00Z');
  expect(at('2025-08-01T23:59:59.999Z')).toBe('2025-08-01T23:59:59Z');
  expect(at('2025-08-01T09:00:00Z')).toBe('2025-08-01T09:00:00Z');
  // Read back as a JavaScript reader does (a time without a zone would be taken as local time): the report's instant.
  expect(new Date(at('2025-08-01T09:00:00.000Z')).getTime()).toBe(Date.UTC(2025, 7, 1, 9, 0, 0));
});

test('the totals on <testsuites> are the sums of the suites\' own counts, failures and errors each their own', () => {
  const other = (report: GradeReport, id: string): GradeReport => ({ ...report, attendee: { id, source: 'flow-name' } });
  // Two failed (8 cases: 2 failures, 1 error each) and one passed (5 cases): more failures than errors.
  const failing = parseXml(renderJunit([failedReport(), other(failedReport(), '150'), passedReport()]));
  // One failed and three ungradable (1 error each): more errors than failures.
  const unreadable = parseXml(renderJunit([failedReport(), ungradableReport(), other(ungradableReport(), '160'), other(ungradableReport(), '170')]));
  for (const [root, totals] of [[failing, [21, 2, 2]], [unreadable, [11, 1, 4]]] as const) {
    const suites = findAll(root, 'testsuite');
    expect([0, 1, 2].map((i) => suites.reduce((total, s) => total + counts(s)[i], 0))).toEqual(totals);
    expect(counts(root).slice(0, 3)).toEqual(totals);
  }
});

test('an ungradable submission has no percent property (not "null"), as it has no score', () => {
  const properties = Object.fromEntries(findAll(parseXml(renderJunit([ungradableReport()])), 'property').map((p) => [p.attributes.name, p.attributes.value]));
  expect(Object.keys(properties)).toEqual(['verdict', 'lab', 'attendee', 'file', 'sha256', 'errorCode']);
});

/** The passed report with its recommended check not met: the attendee passed (exit 0), one point short. */
function passedMissingRecommended(): GradeReport {
  const report = passedReport();
  report.checks = report.checks.map((check) =>
    check.severity === 'recommended' ? { ...check, status: 'failed', earned: 0, message: 'GET_CBID Content Type is text/plain', expected: 'Application/JSON', actual: 'text/plain' } : check,
  );
  report.score = { earned: report.score!.earned - 2, possible: report.score!.possible };
  return report;
}

test('a recommended check not met is <skipped type="recommended"> by default: a passed attendee (exit 0) leaves Jenkins stable and GitLab green', () => {
  const suite = findAll(parseXml(renderJunit([passedMissingRecommended()])), 'testsuite')[0];
  expect(counts(suite)).toEqual([5, 0, 0, 2]);
  const missed = findAll(suite, 'testcase').find((c) => c.attributes.name === '4. get-cbid-content-type')!.children;
  expect(missed.map((c) => c.name)).toEqual(['skipped']);
  // Jenkins shows a skipped test's message attribute only; GitLab its body only: each says it was not met, and why.
  expect(missed[0].attributes).toEqual({ type: 'recommended', message: 'recommended check not met: GET_CBID Content Type is text/plain' });
  expect(missed[0].text.split('\n')).toEqual([
    'recommended check not met: GET_CBID Content Type is text/plain',
    'Title of get-cbid-content-type (recommended, 2 points)',
    'GET_CBID Content Type is text/plain',
    'expected: Application/JSON',
    'actual: text/plain',
    `guide: Step 4 — ${findMission('callback-on-global-error')!.steps[4]}`,
    'hint: Hint of get-cbid-content-type',
  ]);
  // A required failure stays a <failure> either way.
  const failed = findAll(parseXml(renderJunit([failedReport()])), 'testsuite')[0];
  expect(counts(failed)).toEqual([8, 1, 1, 3]);
  expect(findAll(failed, 'failure').map((f) => f.attributes.type)).toEqual(['required']);
});

test('recommended: "failure" writes a recommended check not met as <failure type="recommended">, as every failed check', () => {
  const options = { recommended: 'failure' } as const;
  const suite = findAll(parseXml(renderJunit([passedMissingRecommended()], options)), 'testsuite')[0];
  expect(counts(suite)).toEqual([5, 1, 0, 1]);
  const failure = findAll(suite, 'failure')[0];
  expect(failure.attributes).toEqual({ type: 'recommended', message: 'GET_CBID Content Type is text/plain' });
  expect(failure.text.split('\n')[0]).toBe('Title of get-cbid-content-type (recommended, 2 points)');
  const failed = findAll(parseXml(renderJunit([failedReport()], options)), 'testsuite')[0];
  expect(counts(failed)).toEqual([8, 2, 1, 2]);
  // The document's totals follow, and a suite rendered apart (grade's threads) says the same.
  expect(renderJunitDocument([renderJunitSuite(passedMissingRecommended(), options)])).toBe(renderJunit([passedMissingRecommended()], options));
  expect(renderJunitDocument([renderJunitSuite(passedMissingRecommended())])).toBe(renderJunit([passedMissingRecommended()]));
});
