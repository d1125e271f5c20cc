/**
 * JUnit XML for CI: a <testsuite> per attendee, a <testcase> per check (classname
 * `flowgrade.<attendee>`, the id's dots as `․`; name `<step>. <check id>`). A failed required check
 * is a <failure> (message, expected, actual, where, Build step, hint in its body), a check that
 * crashed an <error>, an info or not-run check <skipped>; an ungradable submission is one test
 * case with an <error>. A recommended check not met is <skipped type="recommended"> by default
 * (JunitOptions.recommended): it fails no attendee, and a <failure> would turn the CI run of a
 * passed class (exit code 0) unstable or red.
 * Each says why in its body as well as in `message`: GitLab shows only the body, Jenkins the
 * attribute first.
 * Verdict and score go in <properties>. Attributes as the JUnit XSDs (junit-10) allow and the Ant
 * one requires: `time` (0: no clock) on every suite and case; the class totals without `skipped`;
 * `timestamp` in UTC with its `Z` (timestampOf).
 * Export text is clipped (NAME_LIMIT, TEXT_LIMIT; the attendee id as every output shows it,
 * attendee-id.ts): the id is repeated in every case's classname.
 */
import type { CheckResult, GradeReport } from '../engine/report.js';
import { shownAttendeeId } from './attendee-id.js';
import { clipText } from './code-points.js';
import { fixOf, percentOf, pointCount, scoreText } from './summary.js';
import { escapeXmlAttribute } from './escape.js';
import { classIds } from './shared-ids.js';
import { stepHeading, stepTitlesFor, type StepTitles } from './steps.js';
import { serializeXml, serializeXmlElement, type XmlElement } from './xml.js';

/** Characters of a file name kept in names (`load <file>`, a shared id's classname); an attendee id (suite, classname, property) is cut as every output cuts it, as long (attendee-id.ts). */
const NAME_LIMIT = 200;
/** Characters of any other value from an export (messages, expected, actual, labels, hints) kept. */
const TEXT_LIMIT = 1_000;

const name = (text: string) => clipText(text, NAME_LIMIT);
const clip = (text: string) => clipText(text, TEXT_LIMIT);

/**
 * How a recommended check not met is written. `skipped` (the default): `<skipped type="recommended">`,
 * as pytest writes an expected failure (`type="pytest.xfail"`), so a test report's failures are
 * those that fail the verdict and the exit code, as Spectral's junit formatter lists only results
 * at its fail severity: Jenkins' junit step marks a build UNSTABLE on any <failure>, GitLab and the
 * GitHub test-report actions show it red. `failure`: `<failure type="recommended">`, as any failed
 * check (a report that counts every check not met as a failed test).
 */
export type RecommendedAs = 'skipped' | 'failure';

export interface JunitOptions {
  recommended?: RecommendedAs;
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

export function renderJunit(reports: readonly GradeReport[], options: JunitOptions = {}): string {
  return renderJunitDocument(reports.map((report) => renderJunitSuite(report, options)));
}

/** One attendee's <testsuite>, serialized: a batch renders it where the report is graded. */
export interface JunitSuite {
  xml: string;
  counts: Counts;
  /** Its test cases' classname attribute, as written (escaped). */
  classname: string;
  /** The file graded (`input.file`): what tells it apart from another attendee of the same id. */
  file: string;
}

export function renderJunitSuite(report: GradeReport, options: JunitOptions = {}): JunitSuite {
  const { element, counts, classname } = suite(report, options.recommended ?? 'skipped');
  return { xml: serializeXmlElement(element, '  '), counts, classname: escapeXmlAttribute(classname), file: report.input.file };
}

/**
 * The document holding the suites, in the order given, with the totals. Suites of one classname
 * (the same attendee id graded in two folders, in either Unicode form) each get their file after it, less the folder
 * every file is in, as summary.md and the dashboard name them: `flowgrade.141 (group-b/Main_Flow_141․json)`
 * (GitLab keeps only the first of test cases with equal names, and Jenkins would merge them). A
 * classname still taken (another attendee's own, an id of `141 (2)`) gets ` (2)`, ` (3)`, … after it.
 */
export function renderJunitDocument(suites: readonly JunitSuite[]): string {
  const total = suites.reduce((sum, s) => add(sum, s.counts), { tests: 0, failures: 0, errors: 0, skipped: 0 });
  const { ids: own, shared, withinFolder } = classIds(suites, (s) => s.classname, (s) => s.file, readAs);
  const taken = new Set<string>();
  const nextNumber = new Map<string, number>();
  const xml = suites.map((s) => {
    const wanted = shared.has(s.classname) ? `${s.classname} (${escapeXmlAttribute(classPart(withinFolder(s.file)))})` : s.classname;
    // Free: taken by no suite before, and no other suite's own.
    const free = (classname: string) => !taken.has(classname) && (classname === s.classname || !own.has(classname));
    let classname = wanted;
    let n = nextNumber.get(wanted) ?? 2;
    while (!free(classname)) classname = `${wanted} (${n++})`;
    if (classname !== wanted) nextNumber.set(wanted, n);
    taken.add(classname);
    if (classname === s.classname) return s.xml;
    const renamed = ` classname="${classname}"`;
    return s.xml.replaceAll(` classname="${s.classname}"`, () => renamed); // (a function: no $& patterns from the id)
  });
  // No `skipped` here: the JUnit XSDs (junit-10, junit-4) do not allow it on <testsuites>, and a
  // validating consumer (Jenkins xUnit) refuses the file; each suite carries its own.
  return serializeXml({ name: 'testsuites', attributes: { name: 'flowgrade', tests: total.tests, failures: total.failures, errors: total.errors, time: '0' } }, xml);
}

/** A classname as written (non-ASCII characters as `&#233;`), as it reads: its characters, in one Unicode form. */
function readAs(classname: string): string {
  return classname.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).normalize('NFC');
}

/**
 * Export text in a classname, clipped as a name. Jenkins takes all before the classname's last dot
 * as the package: `flowgrade.jane.doe` would be class `doe` of package `flowgrade.jane`. A dot is
 * written as U+2024 (․), which looks the same.
 */
function classPart(text: string): string {
  const clipped = name(text);
  return clipped.includes('.') ? clipped.replaceAll('.', '\u2024') : clipped;
}

function suite(report: GradeReport, recommended: RecommendedAs): { element: XmlElement; counts: Counts; classname: string } {
  const attendee = shownAttendeeId(report.attendee.id);
  const classname = `flowgrade.${classPart(attendee)}`;
  const steps = stepTitlesFor(report);
  const cases =
    report.verdict === 'ungradable'
      ? [{ name: 'testcase', attributes: { classname, name: `load ${name(report.input.file)}`, time: '0' }, children: [unreadable(report)] }]
      : report.checks.map((check) => testcase(classname, check, steps, recommended));
  const counts: Counts = {
    tests: cases.length,
    failures: cases.filter((c) => c.children?.[0]?.name === 'failure').length,
    errors: cases.filter((c) => c.children?.[0]?.name === 'error').length,
    skipped: cases.filter((c) => c.children?.[0]?.name === 'skipped').length,
  };
  const percent = percentOf(report);
  const properties: [string, string | undefined][] = [
    ['verdict', report.verdict],
    ['score', report.score ? scoreText(report.score) : undefined],
    ['percent', percent === null ? undefined : String(percent)],
    ['lab', report.lab.id],
    ['attendee', attendee],
    ['file', clip(report.input.file)],
    ['flowName', report.input.flowName === undefined ? undefined : clip(report.input.flowName)],
    ['sha256', report.input.sha256],
    ['errorCode', report.error?.code],
  ];
  const element: XmlElement = {
    name: 'testsuite',
    attributes: { name: attendee, ...counts, time: '0', timestamp: timestampOf(report) },
    children: [
      { name: 'properties', children: properties.filter(([, v]) => v !== undefined).map(([name, value]) => ({ name: 'property', attributes: { name, value } })) },
      ...cases,
    ],
  };
  return { element, counts, classname };
}

/**
 * When the report was made, in UTC to the second, with its `Z`: `2025-08-01T09:00:00Z`. Jenkins'
 * JUnit plugin (OffsetDateTime) and Azure DevOps' reader take it as that instant, junit-10.xsd (Jenkins
 * xUnit) as any string, GitLab ignores it. Without the `Z` (the Ant schema's pattern), Jenkins and
 * Azure assume UTC too, but a JavaScript or Python reader, or a person, takes it as local time.
 */
function timestampOf(report: GradeReport): string {
  return report.generatedAt.replace(/\.\d+(?=Z$)/, '');
}

function testcase(classname: string, check: CheckResult, steps: StepTitles, recommended: RecommendedAs): XmlElement {
  const attributes = { classname, name: `${check.step}. ${check.id}`, time: '0' };
  switch (check.status) {
    case 'passed':
      return { name: 'testcase', attributes };
    case 'failed':
      if (check.severity === 'recommended' && recommended === 'skipped') {
        // Jenkins shows a skipped test's message attribute only, GitLab its body only: both say so.
        const message = `recommended check not met: ${clip(check.message)}`;
        return { name: 'testcase', attributes, children: [{ name: 'skipped', attributes: { type: 'recommended', message }, text: `${message}\n${details(check, steps)}` }] };
      }
      return { name: 'testcase', attributes, children: [{ name: 'failure', attributes: { message: clip(check.message), type: check.severity }, text: details(check, steps) }] };
    case 'errored':
      return { name: 'testcase', attributes, children: [{ name: 'error', attributes: { message: clip(check.message), type: 'check-crashed' }, text: details(check, steps) }] };
    case 'skipped':
    case 'info':
      return { name: 'testcase', attributes, children: [{ name: 'skipped', attributes: { message: clip(check.message) }, text: clip(check.message) }] };
  }
}

/** An ungradable submission's <error>, its reason in the body too. */
function unreadable(report: GradeReport): XmlElement {
  const code = report.error?.code ?? 'unknown';
  const message = clip(report.error?.message ?? 'not a readable flow export');
  return { name: 'error', attributes: { type: code, message }, text: `${message} [${code}]` };
}

/**
 * The failure's body: what a student reads in the CI log, or in GitLab's and Jenkins' test details,
 * where the test's name gives its Build step as a bare number (`6. simulate-error-value-fails`):
 * `guide:` names the step as the console report heads it.
 */
function details(check: CheckResult, steps: StepTitles): string {
  return [
    `${check.title} (${check.severity}, ${pointCount(check.points)})`,
    clip(check.message),
    check.expected !== undefined ? `expected: ${clip(check.expected)}` : '',
    check.actual !== undefined ? `actual: ${clip(check.actual)}` : '',
    check.activity !== undefined ? `activity: ${clip(check.activity)}${check.pointer ? ` (${clip(check.pointer)})` : ''}` : '',
    `guide: ${stepHeading(check.step, steps)}`,
    `hint: ${clip(fixOf(check))}`,
  ]
    .filter(Boolean)
    .join('\n');
}

function add(a: Counts, b: Counts): Counts {
  return { tests: a.tests + b.tests, failures: a.failures + b.failures, errors: a.errors + b.errors, skipped: a.skipped + b.skipped };
}
