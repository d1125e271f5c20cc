/**
 * simulate answers only the menus --dtmf names (grading's scenarios answer the others on the way to
 * WantCallback, simulate does not): a language menu before WantCallback, looping on No-Input
 * Timeout, stops the call there. The summary says the caller pressed nothing; stderr then says which
 * --dtmf answers it, with the menu's connected options, so the attendee sees what to add.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The solution with a menu `LanguageMenu` (options 1 and 2 to WelcomePrompt, No-Input Timeout to itself) after SetVariable_c7q. */
function withLanguageMenu(): string {
  const flow = JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8')) as Json;
  const graph = flow.process;
  const id = (label: string): string => (Object.values(graph.activities) as Json[]).find((a) => a.name === label)!.id;
  const menu = structuredClone((Object.values(graph.activities) as Json[]).find((a) => a.name === 'WantCallback')!);
  Object.assign(menu, { id: 'lang-menu', name: 'LanguageMenu' });
  Object.assign(menu.properties, { name: 'LanguageMenu', menuLinks: ['1', '2'], menuLinks_input: ['English', 'Español'], 'menuLinks:input': ['English', 'Español'] });
  graph.activities[menu.id] = menu;
  const out = graph.links.find((l: Json) => l.sourceActivityId === id('SetVariable_c7q'));
  const welcome = out.targetActivityId;
  out.targetActivityId = menu.id;
  for (const [exit, to] of [['1', welcome], ['2', welcome], ['timeout', menu.id], ['invalid', menu.id]]) {
    graph.links.push({ id: `lang-${exit}`, sourceActivityId: menu.id, targetActivityId: to, conditionExpr: exit, properties: { value: exit } });
  }
  const file = path.join(tempDir('simulate-unanswered'), 'Main_Flow_140.json');
  writeFileSync(file, JSON.stringify(flow));
  return file;
}

test('a menu the call loops at unanswered, which no --dtmf names, is named on stderr with the --dtmf that answers it', async () => {
  const file = withLanguageMenu();
  const run = await runCli(['simulate', file, '--dtmf', 'WantCallback=3']);
  expect(run.stdout.trim().split('\n').at(-1)).toBe('stuck in a loop at LanguageMenu: the caller presses nothing (No-Input Timeout each time)');
  expect(run.stderr.trim()).toBe('flowgrade: LanguageMenu got no answer, so the call went no further: add --dtmf LanguageMenu=<digits> (its options: 1, 2)');
  const json = await runCli(['simulate', file, '--dtmf', 'WantCallback=3', '--format', 'json']);
  expect(json.stderr).toBe(run.stderr);
  // Answered: the call goes on to WantCallback and option 3, and nothing is said.
  const answered = await runCli(['simulate', file, '--dtmf', 'LanguageMenu=1', '--dtmf', 'WantCallback=3']);
  expect(answered.stderr).toBe('');
  expect(answered.stdout).toContain('completed: global error at SimulateGlobalError');
});

test('a caller waiting in queue at an unanswered WantCallback (no --dtmf) gets no such line: that is the steady state', async () => {
  const run = await runCli(['simulate', fixturePath('flows/solution.json')]);
  expect(run.stdout).toContain('caller waiting in queue: hold loop at WantCallback');
  expect(run.stderr).toBe('');
});

test('a caller left waiting in queue at a menu no --dtmf names, once some --dtmf was given, is told the --dtmf to add', async () => {
  const run = await runCli(['simulate', fixturePath('flows/solution.json'), '--dtmf', 'WantCallback=1', '--dtmf', 'NewNumber=14085267209']);
  expect(run.stdout.trim().split('\n').at(-1)).toBe('stuck: caller waiting in queue: hold loop at VerifyNumber (VerifyNumber gets no answer: No-Input Timeout each time)');
  expect(run.stderr.trim()).toBe('flowgrade: VerifyNumber got no answer, so the call went no further: add --dtmf VerifyNumber=<digits> (its options: 1, 2)');
  // Only another menu given: WantCallback, unanswered in queue, is named too.
  const other = await runCli(['simulate', fixturePath('flows/solution.json'), '--dtmf', 'VerifyNumber=1']);
  expect(other.stderr.trim()).toBe('flowgrade: WantCallback got no answer, so the call went no further: add --dtmf WantCallback=<digits> (its options: 1, 2, 3)');
});

test('the line is said whatever the summary goes on with: a subflow run alone, its input not given, stuck at its unanswered menu', async () => {
  // Before: the line was found by reading the summary, which a subflow's "; run without a calling flow: …" ended otherwise.
  const solution = JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8')) as Json;
  const menu = structuredClone((Object.values(solution.process.activities) as Json[]).find((a) => a.name === 'WantCallback')!);
  Object.assign(menu, { id: 'm', name: 'Pick' });
  Object.assign(menu.properties, { name: 'Pick', menuLinks: ['1'], menuLinks_input: ['Yes'], 'menuLinks:input': ['Yes'] });
  const start = { id: 's', name: 'StartSubflow', group: 'start-subflow', properties: { name: 'StartSubflow', activityName: 'NewSubFlowStart', activityId: 'start-subflow' } };
  const end = { id: 'e', name: 'EndSubflow', group: 'end', properties: { name: 'EndSubflow', activityName: 'end-subflow', activityId: 'end-subflow' } };
  const link = (id: string, from: string, to: string, exit: string) => ({ id, sourceActivityId: from, targetActivityId: to, conditionExpr: exit, properties: { value: exit } });
  const file = path.join(tempDir('simulate-unanswered'), 'Picker.json');
  writeFileSync(file, JSON.stringify({
    flowType: 'SUBFLOW',
    name: 'Picker',
    variables: [{ name: 'greeting', type: 'STRING', value: null, source: 'SUBFLOW_INPUT' }],
    process: { activities: { s: start, m: menu, e: end }, links: [link('l1', 's', 'm', 'out'), link('l2', 'm', 'e', '1'), link('l3', 'm', 'm', 'timeout'), link('l4', 'm', 'm', 'invalid')] },
    eventFlows: { eventsMap: {}, properties: {} },
  }));
  const run = await runCli(['simulate', file]);
  expect(run.stdout.trim().split('\n').at(-1)).toBe('stuck in a loop at Pick: the caller presses nothing (No-Input Timeout each time); run without a calling flow: its input greeting kept its default');
  expect(run.stderr.trim()).toBe('flowgrade: Pick got no answer, so the call went no further: add --dtmf Pick=<digits> (its options: 1)');
  const json = JSON.parse((await runCli(['simulate', file, '--format', 'json'])).stdout) as Json;
  expect([json.status, json.unanswered]).toEqual(['stuck', 'Pick']);
});
