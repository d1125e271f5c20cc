/**
 * Hello World's reports say nothing of Callback on Global Error, beyond what conformance.ts holds
 * for any mission (no other mission's title, step titles or check ids): none of its activities,
 * services or counts in any writer's output. And what a second mission met of the first one's shape,
 * now its own: Fix first, the advice for an unreadable export, Build steps past 13.
 */
import { expect, test } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { NO_COLOR, renderClassRow, renderConsole, renderCsv, renderDashboard, renderHtmlReport, renderJson, renderJunit, renderMarkdown } from '../../../reports/index.js';
import { gradeWith, plainText, registerMission, validReport } from './conformance.js';
import { DEFECTS, solutionText } from './hello-world/flows.js';
import helloWorld from './hello-world/index.js';

registerMission(helloWorld);

/** What only Callback on Global Error may say: its activities, services, steps, counts and flow name. */
const MISSION_3 = ['GET_CBID', 'CallBackAPI', 'Step 4', 'Step 13', 'DynVars', 'Tasks API', 'Create Task', 'OnGlobalError', 'WantCallback', 'getresult', 'outdialcbid', 'Main_Flow', '48 checks', '/110', '/100'];

function expectNoMission3(output: string, what: string): void {
  for (const words of MISSION_3) expect(plainText(output).includes(words), `${what} says ${JSON.stringify(words)}`).toBe(false);
}

const grade = (text: string, fileName = 'HelloWorld_140.json') => gradeWith(helloWorld, text, fileName);

test('no writer says anything of Callback on Global Error, for the solution, each defect and an unreadable file', async () => {
  const graded: GradeReport[] = [await grade(solutionText()), ...(await Promise.all(Object.entries(DEFECTS).map(([name, d]) => grade(d.text, `${name}-HelloWorld_140.json`)))), await grade('{', 'HelloWorld_141.json')];
  const columns = { steps: [1, 2], checkIds: helloWorld.checks.map((c) => c.id) };
  for (const report of graded) {
    for (const [output, what] of [[renderJson(report), 'JSON'], [renderHtmlReport(report), 'HTML'], [renderConsole(report, { color: NO_COLOR }), 'console']] as const) expectNoMission3(output, `${report.input.file} as ${what}`);
    const row = renderClassRow(report, columns);
    expectNoMission3(`${row.csv.fields}${row.csv.statuses}\n${row.markdown}\n${row.dashboard.cells}\n${row.junit.xml}`, `${report.input.file}'s class rows`);
  }
  const classFiles = [renderJunit(graded), renderCsv(graded), renderMarkdown(graded), renderDashboard(graded, { reportHref: () => '' })];
  for (const output of classFiles) expectNoMission3(output, 'a class file');
});

test('Fix first is the first required failure, not a recommended one of Build step 1 (only a fixFirst check comes before)', async () => {
  const both = JSON.parse(DEFECTS['welcome-unlinked'].text);
  for (const activity of Object.values<{ properties: { promptsTts?: { value: string }[] } }>(both.process.activities)) {
    if (activity.properties.promptsTts) activity.properties.promptsTts[0].value = 'Hello World!';
  }
  const report = await grade(JSON.stringify(both));
  expect(report.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual(['hello-welcome-prompt-text', 'hello-welcome-to-disconnect', 'hello-run-caller-hears-welcome']);
  expect(renderConsole(report, { color: NO_COLOR })).toContain('Fix first: Step 2 — Welcome ends the call with a Disconnect Contact');
});

test('an unreadable submission is reported under the mission, its HTML advice naming the mission\'s flow to export again', async () => {
  const report = await grade('{', 'HelloWorld_141.json');
  expect(validReport(JSON.parse(renderJson(report))), JSON.stringify(validReport.errors)).toBe(true);
  expect(report.lab).toEqual({ id: 'hello-world', title: 'Hello World' });
  expect(plainText(renderHtmlReport(report))).toContain('Export the flow again (Flow Designer → Flows → HelloWorld_<Your_Attendee_ID> → Export)');
});

test('a mission with more Build steps than Callback on Global Error\'s 13 writes reports the schema takes', async () => {
  const longer = { ...helloWorld, checks: helloWorld.checks.map((check) => ({ ...check, step: check.step + 13 })) };
  const report = await gradeWith(longer, solutionText(), 'HelloWorld_140.json');
  expect(validReport(JSON.parse(renderJson(report))), JSON.stringify(validReport.errors)).toBe(true);
});
