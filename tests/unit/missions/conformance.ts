/**
 * The tests every mission needs, for any mission: `testMission(mission, fixtures)` in a test file
 * declares them (docs/missions.md, Tests a mission must have). Metadata; the solution passing every
 * check; each defect failing exactly the checks it lists, and each scored check failing on one;
 * every report writer (JSON against the published schema, HTML, console, JUnit, CSV, Markdown,
 * dashboard) giving the mission's own step titles, check ids and counts, and nothing of another
 * registered mission (its title, step titles, check ids). The mission is registered in
 * checks/index.ts's MISSIONS for the file, as adding it there would, when it is not already.
 */
import { expect, test } from '@playwright/test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import reportSchema from '../../../schemas/report.schema.json' with { type: 'json' };
import { MISSIONS } from '../../../checks/index.js';
import type { Mission } from '../../../engine/check.js';
import { gradeFlow } from '../../../engine/grade.js';
import type { GradeReport } from '../../../engine/report.js';
import { NO_COLOR, renderClassRow, renderConsole, renderCsv, renderDashboard, renderHtmlReport, renderJson, renderJunit, renderMarkdown } from '../../../reports/index.js';
import { stepHeading } from '../../../reports/steps.js';

export interface MissionFixtures {
  /** What the exports are graded as (`HelloWorld_140.json`); a defect's name goes before it. */
  fileName: string;
  /** The solution export: it passes every check. */
  solution: string;
  /** Defect name → its export and the ids of the checks it fails, exactly, in mission order. */
  defects: Readonly<Record<string, { text: string; fails: readonly string[] }>>;
}

export const NOW = new Date('2025-07-30T09:00:00.000Z');

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
export const validReport = ajv.compile(reportSchema);

/** Grades `text` against `mission` with a fixed clock. */
export function gradeWith(mission: Mission, text: string, fileName: string): Promise<GradeReport> {
  return gradeFlow(text, { mission, fileName, now: () => new Date(NOW), tool: { name: 'flowgrade', version: 'test' } });
}

/** Registers `mission` in MISSIONS for this test file (the writers find step titles there), unless it is. */
export function registerMission(mission: Mission): void {
  let added = false;
  test.beforeAll(() => {
    if (MISSIONS.includes(mission)) return;
    MISSIONS.push(mission);
    added = true;
  });
  test.afterAll(() => {
    if (added) MISSIONS.splice(MISSIONS.indexOf(mission), 1);
  });
}

/**
 * An output as a reader sees its words: Markdown's backslash escapes and HTML's character
 * references undone, a page's style sheet left out (CSS comments are not what a report says).
 */
export function plainText(output: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", mdash: '—', ndash: '–', middot: '·', nbsp: ' ' };
  return output
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>:@~"'&])/g, '$1')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&([a-z]+);/g, (whole, name: string) => named[name] ?? whole);
}

export function testMission(mission: Mission, fixtures: MissionFixtures): void {
  const ids = mission.checks.map((c) => c.id);
  const scored = mission.checks.filter((c) => c.severity !== 'info');
  const possible = scored.reduce((sum, c) => sum + c.points, 0);
  const inputs: [string, string][] = [[fixtures.fileName, fixtures.solution], ...Object.entries(fixtures.defects).map(([name, d]): [string, string] => [`${name}-${fixtures.fileName}`, d.text])];

  registerMission(mission);

  test.describe(`mission ${mission.id}`, () => {
    let graded: GradeReport[];
    test.beforeAll(async () => {
      graded = [];
      for (const [fileName, text] of inputs) graded.push(await gradeWith(mission, text, fileName));
    });

    test('metadata: check ids unique across missions, each in a step of the mission, in step order, judging a scenario it has', () => {
      const all = [...new Set([...MISSIONS, mission])].flatMap((m) => m.checks.map((c) => c.id));
      expect(new Set(all).size, 'check ids are unique across missions (docs/checks/<id>.md)').toBe(all.length);
      const scenarios = new Set(mission.scenarios(mission.defaultSettings).map((s) => s.id));
      for (const check of mission.checks) {
        expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(mission.steps[check.step], `${check.id}'s step ${check.step} has a title`).toBeDefined();
        expect(check.severity === 'info' ? check.points === 0 : check.points > 0, `${check.id} points`).toBe(true);
        if (check.scenario !== undefined) expect(scenarios.has(check.scenario), `${check.id}'s scenario`).toBe(true);
      }
      const steps = mission.checks.map((c) => c.step);
      expect(steps).toEqual([...steps].sort((a, b) => a - b));
    });

    test('the solution passes every scored check', () => {
      const [solution] = graded;
      expect(solution.checks.filter((c) => c.severity !== 'info' && c.status !== 'passed').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
      expect(solution.verdict).toBe('passed');
      expect(solution.score).toEqual({ earned: possible, possible });
      expect(solution.scenarios.filter((s) => !s.passed).map((s) => `${s.id}: ${s.summary}`)).toEqual([]);
    });

    test('each defect fails exactly the checks it lists, saying what was expected', () => {
      for (const [at, [name, defect]] of Object.entries(fixtures.defects).entries()) {
        const report = graded[at + 1];
        expect(report.checks.filter((c) => c.status === 'failed').map((c) => c.id), name).toEqual(defect.fails);
        for (const id of defect.fails) {
          const result = report.checks.find((c) => c.id === id)!;
          expect(result.earned, `${name}: ${id}`).toBe(0);
          expect(result.expected !== undefined || result.traceExcerpt !== undefined, `${name}: ${id} states what was expected`).toBe(true);
        }
      }
    });

    test('every scored check fails on a defect', () => {
      const covered = new Set(Object.values(fixtures.defects).flatMap((d) => d.fails));
      expect(scored.filter((c) => !covered.has(c.id)).map((c) => c.id)).toEqual([]);
    });

    test('each report is valid against schemas/report.schema.json, names the mission\'s steps and checks, and nothing of another mission', () => {
      const foreign = foreignWords(mission);
      for (const report of graded) {
        expect(validReport(JSON.parse(renderJson(report))), JSON.stringify(validReport.errors)).toBe(true);
        expect(report.lab).toEqual({ id: mission.id, title: mission.title });
        expect(report.checks.map((c) => c.id)).toEqual(ids);
        const html = plainText(renderHtmlReport(report));
        const text = renderConsole(report, { color: NO_COLOR });
        for (const step of new Set(mission.checks.map((c) => c.step))) {
          expect(html, `${report.input.file} as HTML`).toContain(stepHeading(step, mission.steps));
          expect(text, `${report.input.file} on the console`).toContain(stepHeading(step, mission.steps));
        }
        // The attendee's source `flow-name` is a word of the report format (the first mission has a check of that id too).
        const json = plainText(renderJson({ ...report, attendee: { ...report.attendee, source: '' } }));
        for (const [output, what] of [[json, 'JSON'], [html, 'HTML'], [text, 'console']] as const) expectNone(foreign, output, `${report.input.file} as ${what}`);
      }
    });

    test('the class files have the mission\'s step columns, check columns and test cases, and nothing of another mission', () => {
      const steps = [...new Set(mission.checks.map((c) => c.step))];
      const rows = graded.map((report) => renderClassRow(report, { steps, checkIds: ids }));
      const csv = renderCsv(graded, { checkIds: ids, rows: rows.map((r) => r.csv) });
      const junit = renderJunit(graded);
      const markdown = plainText(renderMarkdown(graded, { rows: rows.map((r) => r.markdown) }));
      const dashboard = renderDashboard(graded, { reportHref: () => '', rows: rows.map((r) => r.dashboard) });
      expect(csv.split('\r\n')[0]).toBe(`\ufeffattendee,file,verdict,earned,possible,percent,error,${ids.join(',')}`);
      expect([...junit.matchAll(/<testsuite [^>]*?tests="(\d+)"/g)].map((m) => Number(m[1]))).toEqual(graded.map(() => ids.length));
      for (const check of mission.checks) expect(junit).toContain(`name="${check.step}. ${check.id}"`);
      expect([...dashboard.matchAll(/data-column="step-(\d+)"/g)].map((m) => Number(m[1]))).toEqual(steps);
      for (const step of steps) expect(plainText(dashboard)).toContain(stepHeading(step, mission.steps));
      // The most common failures give their Build step with its title.
      for (const step of new Set(Object.values(fixtures.defects).flatMap((d) => d.fails).map((id) => mission.checks.find((c) => c.id === id)!.step))) {
        expect(markdown).toContain(`| ${step} — ${mission.steps[step]} |`);
      }
      const foreign = foreignWords(mission);
      for (const [output, what] of [[plainText(junit), 'junit.xml'], [csv, 'grades.csv'], [markdown, 'summary.md'], [plainText(dashboard), 'index.html']] as const) expectNone(foreign, output, what);
    });
  });
}

/** What only the other registered missions say: their titles, step titles and check ids. */
function foreignWords(mission: Mission): string[] {
  return MISSIONS.filter((m) => m !== mission && m.id !== mission.id).flatMap((m) => [m.id, m.title, ...Object.values(m.steps), ...m.checks.map((c) => c.id)]);
}

function expectNone(words: readonly string[], output: string, what: string): void {
  for (const word of words) expect(output.includes(word), `${what} says ${JSON.stringify(word)}`).toBe(false);
}
