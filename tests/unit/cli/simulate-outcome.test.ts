/** `simulate` (text): the last line says how the call ended, once. */
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, ROOT, runCli, tempDir } from '../../helpers.js';

const lastLine = (stdout: string) => stdout.trimEnd().split('\n').at(-1);

test('the outcome line does not say the status twice ("stuck: stuck in a loop …")', async () => {
  const loop = await runCli(['simulate', fixturePath('flows/before-mission.json'), '--dtmf', 'WantCallback=3']);
  expect(loop.code).toBe(0);
  expect(lastLine(loop.stdout)).toBe("stuck in a loop at WantCallback: the caller's answer is not one of its options (Unmatched Entry each time)");
  // A summary that does not start with its status keeps it in front.
  const done = await runCli(['simulate', fixturePath('flows/solution.json'), '--dtmf', 'WantCallback=3']);
  expect(lastLine(done.stdout)).toBe('completed: global error at SimulateGlobalError; OnGlobalError ended at EndFlow_kid');
  const queue = await runCli(['simulate', fixturePath('flows/solution.json')]);
  expect(lastLine(queue.stdout)).toBe('stuck: caller waiting in queue: hold loop at WantCallback (WantCallback gets no answer: No-Input Timeout each time)');
});

test('--ani "" simulates a caller who withholds their number: NewPhoneContact.ANI is empty, not the default', async () => {
  const aniOf = async (args: string[]) => {
    const run = await runCli(['simulate', fixturePath('flows/solution.json'), '--dtmf', 'WantCallback=3', '--format', 'json', ...args]);
    return (JSON.parse(run.stdout) as { variables: Record<string, unknown> }).variables['NewPhoneContact.ANI'];
  };
  expect(await aniOf(['--ani', ''])).toBe('');
  expect(await aniOf([])).toBe('+14085551234');
  expect(await aniOf(['--ani', '+442071234567'])).toBe('+442071234567');
});

test('now() in a simulated call is the time of the run unless --now fixes it, as in check', async () => {
  const flow = JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8'));
  const setter = Object.values(flow.process.activities as Record<string, { name: string; properties: Record<string, unknown> }>).find((a) => a.name === 'SetVariable_c7q')!;
  Object.assign(setter.properties, { setTo: 'set-to-variable', expr: '{{ now() }}' });
  const file = path.join(tempDir('simulate-now'), 'now.json');
  writeFileSync(file, JSON.stringify(flow));
  const nowOf = async (args: string[]) => {
    const run = await runCli(['simulate', file, '--format', 'json', ...args]);
    // A java.time ZonedDateTime as text: 2026-12-07T10:28:37.120Z[UTC].
    return Date.parse(String((JSON.parse(run.stdout) as { variables: Record<string, unknown> }).variables.Global_Language).replace(/\[UTC\]$/, ''));
  };
  const before = Date.now();
  const now = await nowOf([]);
  expect(now).toBeGreaterThanOrEqual(before);
  expect(now).toBeLessThanOrEqual(Date.now());
  expect(await nowOf(['--now', '2025-08-01T09:00:00Z'])).toBe(Date.parse('2025-08-01T09:00:00Z'));
});

test('event flows that do something but that no simulated call raises (PreDial, CallbackFailed) are named on stderr; the lab\'s, which only end, are not', async () => {
  const flow = JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8'));
  const events = flow.eventFlows.eventsMap.GLOBAL_EVENTS.process as { activities: Record<string, { id: string; name: string }>; links: Record<string, unknown>[] };
  const idOf = (name: string) => Object.values(events.activities).find((a) => a.name === name)!.id;
  for (const [event, target] of [['ContactPredial', 'ScreenPop_sd8'], ['ContactCallbackFailed', 'HTTPStatusCode']]) {
    events.links = events.links.filter((l) => l.sourceActivityId !== idOf(event));
    events.links.push({ id: `test-${event}`, sourceActivityId: idOf(event), targetActivityId: idOf(target), conditionExpr: 'out', properties: { value: 'out' } });
  }
  const file = path.join(tempDir('never-raised'), 'flow.json');
  writeFileSync(file, JSON.stringify(flow));
  const run = await runCli(['simulate', file]);
  expect(run.stderr).toContain('flowgrade: not simulated: the event flows of events a simulated call does not raise: PreDial (ScreenPop_sd8); CallbackFailed (HTTPStatusCode)\n');
  expect((await runCli(['simulate', fixturePath('flows/solution.json')])).stderr).not.toContain('not simulated');
});

test('a Subflow playing the queue treatment in a loop (in Music\'s place) is the caller waiting in queue, as Music is, not a loop gone wrong', async () => {
  const flow = JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8'));
  const activities = flow.process.activities as Record<string, { id: string; name: string; properties: Record<string, unknown> }>;
  const music = Object.values(activities).find((a) => a.name === 'Music')!;
  music.properties = { activityName: 'subflow-handoff', name: 'Music', subflowName: 'WaitTreatment' };
  const links = flow.process.links as { sourceActivityId: string; targetActivityId: string; conditionExpr: string }[];
  for (const l of links) if (l.sourceActivityId === music.id && l.conditionExpr === 'default') l.targetActivityId = music.id;
  const file = path.join(tempDir('subflow-hold'), 'flow.json');
  writeFileSync(file, JSON.stringify(flow));
  const run = await runCli(['simulate', file, '--dtmf', 'WantCallback=2']);
  expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('stuck: caller waiting in queue: hold loop at Music; not simulated: the Subflow Music, taken to return by its default exit: its flow is not in this export');
});

test('the created task\'s line escapes what the DynVars record put in it: a C1 control (a terminal\'s CSI) and a bidi override come out as \\u escapes', async () => {
  const records = JSON.parse(readFileSync(path.join(ROOT, 'mocks', 'data', 'dynvars.json'), 'utf8')) as Record<string, unknown>[];
  for (const record of records) Object.assign(record, { outboundcallbackep: 'ep\u009b31m', tacnumber: '+1408\u202e5551234' });
  const dataset = path.join(tempDir('hostile-dynvars'), 'dynvars.json');
  writeFileSync(dataset, JSON.stringify(records));
  const run = await runCli(['simulate', fixturePath('flows/solution.json'), '--dtmf', 'WantCallback=3', '--dynvars', dataset]);
  expect(run.stdout).toContain('task created: 00000000-0000-4000-8000-000000000001 (entryPointId ep\\u009b31m, destination +1408\\u202e5551234)\n');
  expect(run.stdout).not.toMatch(/[\u009b\u202e]/);
});

test('simulate --agents-available puts the call through to an agent, and --tasks-status 429 makes the Tasks API answer 429', async () => {
  const solution = fixturePath('flows/solution.json');
  // Before (a mutation sweep): --agents-available not passed to the simulation (the caller left in the hold loop), and 429 refused as not a status.
  const queued = await runCli(['simulate', solution, '--now', '2025-08-01T09:00:00Z', '--agents-available']);
  expect([queued.code, lastLine(queued.stdout)]).toEqual([0, 'completed: connected to an agent at Queue; not simulated: the AgentAnswered event flow this raises (ScreenPop_sd8)']);
  const limited = await runCli(['simulate', solution, '--now', '2025-08-01T09:00:00Z', '--dtmf', 'WantCallback=3', '--tasks-status', '429', '--format', 'json']);
  expect(limited.code).toBe(0);
  const { requests } = JSON.parse(limited.stdout) as { requests: { method: string; url: string; status: number }[] };
  expect(requests.filter((request) => request.method === 'POST').map((request) => [request.url, request.status])).toEqual([['https://api.wxcc-us1.cisco.com/v1/tasks', 429]]);
});

test('the callback line says "(empty)" for a dial number or ANI that rendered empty, and "(none)" for no queue', async () => {
  // Before (a mutation sweep, X08): the wording could change or go (`dial  (ANI , …`) and every test passed.
  const flow = JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8')) as { process: { activities: Record<string, { name: string; properties: Record<string, unknown> }> } };
  const callback = Object.values(flow.process.activities).find((activity) => activity.name === 'Callback');
  if (!callback) throw new Error('solution.json has no Callback activity');
  // No dial number, no ANI, no queue.
  Object.assign(callback.properties, { callbackDn: '', callbackAni: '', callbackQueue: '' });
  const file = path.join(tempDir('empty-callback'), 'flow.json');
  writeFileSync(file, JSON.stringify(flow));
  const run = await runCli(['simulate', file, '--now', '2025-08-01T09:00:00Z', '--dtmf', 'WantCallback=1', '--dtmf', 'NewNumber=14085267209', '--dtmf', 'VerifyNumber=1']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('\ncallback registered at Callback: dial (empty) (ANI (empty), queue (none))\n');
});

test('simulate --input gives a subflow input the value its calling flow would map; a name that is no input is warned about', async () => {
  const dir = tempDir('subflow-input');
  const file = path.join(dir, 'ErrorHandler.json');
  const start = { id: 's', name: 'StartSubflow', group: 'start-subflow', properties: { name: 'StartSubflow', activityName: 'NewSubFlowStart', activityId: 'start-subflow' } };
  const say = { id: 'p', name: 'PlayError', group: 'action', properties: { name: 'PlayError', activityName: 'play-message', toggle: true, promptsTts: [{ type: 'tts', value: '{{ errorMessage }}' }] } };
  const end = { id: 'e', name: 'EndSubflow', group: 'end', properties: { name: 'EndSubflow', activityName: 'end-subflow', activityId: 'end-subflow' } };
  const links = [
    { id: 'l1', sourceActivityId: 's', targetActivityId: 'p', conditionExpr: 'out', properties: { value: 'out' } },
    { id: 'l2', sourceActivityId: 'p', targetActivityId: 'e', conditionExpr: 'default', properties: { value: 'default' } },
  ];
  writeFileSync(file, JSON.stringify({
    flowType: 'SUBFLOW',
    name: 'ErrorHandler',
    variables: [{ name: 'errorMessage', type: 'STRING', value: null, source: 'SUBFLOW_INPUT' }],
    process: { activities: { s: start, p: say, e: end }, links },
    eventFlows: { eventsMap: {}, properties: {} },
  }));
  const alone = await runCli(['simulate', file]);
  expect(lastLine(alone.stdout)).toBe('completed: subflow ended at EndSubflow; run without a calling flow: its input errorMessage kept its default');
  const mapped = await runCli(['simulate', file, '--input', 'errorMessage=Sorry, a=b', '--input', 'errormessage=x']);
  expect(mapped.stdout).toContain('says "Sorry, a=b"');
  expect(lastLine(mapped.stdout)).toBe('completed: subflow ended at EndSubflow');
  expect(mapped.stderr).toBe('flowgrade: --input errormessage: the flow has no subflow input of that name (names are case-sensitive); it is never used\n');
  const malformed = await runCli(['simulate', file, '--input', 'errorMessage']);
  expect(malformed.code).not.toBe(0);
  expect(malformed.stderr).toContain('"errorMessage" is not NAME=VALUE (e.g. errorMessage=Sorry)');
});

test('a request to a path of the WxCC API that is not mocked (/search, a typo of /v1/tasks) is named on stderr: the call went on from the mock\'s 404', async () => {
  // Before: the run went on from the 404 and nothing said that the product may answer otherwise.
  const typo = await runCli(['simulate', fixturePath('flows/defect-callbackapi-path-v1-task.json'), '--dtmf', 'WantCallback=3']);
  expect(typo.stderr).toBe("flowgrade: CallBackAPI_HTTPRequest: POST https://api.wxcc-us1.cisco.com/v1/task got the mock's 404: flowgrade mocks only Create Task (POST /v1/tasks) of the WxCC API, so what the call did after it may not be what it does in the product\n");
  const json = await runCli(['simulate', fixturePath('flows/defect-callbackapi-path-v1-task.json'), '--dtmf', 'WantCallback=3', '--format', 'json']);
  expect(json.stderr).toBe(typo.stderr);
  expect((JSON.parse(json.stdout) as { requests: { service: string }[] }).requests.map((request) => request.service)).toEqual(['dynvars', 'wxcc-api']);
  // The Create Task request itself: nothing said.
  const solution = await runCli(['simulate', fixturePath('flows/solution.json'), '--dtmf', 'WantCallback=3']);
  expect(solution.stderr).toBe('');
});

test('--agents-available for a flow that queues no caller, and --tasks-status for a call that sends no Create Task request, are named on stderr as never used', async () => {
  // Before: both were taken silently, where --business-hours, --dtmf and --input warn.
  const flow = JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8')) as { process: { activities: Record<string, { properties: Record<string, unknown> }> } };
  for (const activity of Object.values(flow.process.activities)) {
    if (activity.properties.activityName === 'queue-contact') activity.properties.activityName = 'play-music';
  }
  const file = path.join(tempDir('unused-options'), 'Main_Flow_140.json');
  writeFileSync(file, JSON.stringify(flow));
  const unqueued = await runCli(['simulate', file, '--agents-available']);
  expect(unqueued.stderr).toContain('flowgrade: --agents-available: the flow has no Queue Contact or Queue To Agent activity; it is never used\n');
  const queued = await runCli(['simulate', fixturePath('flows/solution.json'), '--agents-available', '--now', '2025-08-01T09:00:00Z']);
  expect(queued.stderr).toBe('');
  // The caller never chooses the callback: no request to force.
  const waiting = await runCli(['simulate', fixturePath('flows/solution.json'), '--tasks-status', 'timeout']);
  expect(waiting.stderr).toBe('flowgrade: --tasks-status timeout: no request of the call got that answer (only a POST to /v1/tasks does); it is never used\n');
  const sent = await runCli(['simulate', fixturePath('flows/solution.json'), '--tasks-status', '500', '--dtmf', 'WantCallback=3']);
  expect(sent.stderr).toBe('');
  // A request the answer is not forced on: a PUT (405), one without the connector's token (401).
  for (const fixture of ['defect-callbackapi-method-put', 'defect-callbackapi-unauthenticated']) {
    const unforced = await runCli(['simulate', fixturePath(`flows/${fixture}.json`), '--tasks-status', '500', '--dtmf', 'WantCallback=3']);
    expect(unforced.stderr, fixture).toBe('flowgrade: --tasks-status 500: no request of the call got that answer (only an authorised POST to /v1/tasks does); it is never used\n');
  }
});

test('--caller-in-error-handler runs OnGlobalError with the caller on the line: a Play Message there plays instead of failing for no caller', async () => {
  // Before: only the simulator's API could model Cisco's templates, which play a message in OnGlobalError.
  type Activity = { id: string; name: string; properties: Record<string, unknown> };
  type Graph = { activities: Record<string, Activity>; links: { sourceActivityId: string; targetActivityId: string; conditionExpr: string }[] };
  const flow = JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8')) as { process: Graph; eventFlows: { eventsMap: { GLOBAL_EVENTS: { process: Graph } } } };
  const events = flow.eventFlows.eventsMap.GLOBAL_EVENTS.process;
  const byName = (graph: Graph, name: string) => Object.values(graph.activities).find((activity) => activity.name === name)!;
  const sorry = structuredClone(Object.values(flow.process.activities).find((activity) => activity.properties.activityName === 'play-message')!);
  Object.assign(sorry, { id: 'sorry-prompt', name: 'SorryPrompt' });
  Object.assign(sorry.properties, { name: 'SorryPrompt', toggle: true, promptsTts: [{ type: 'tts', value: 'Sorry, we will call you back', name: 'sorry' }] });
  events.activities[sorry.id] = sorry;
  const status = byName(events, 'HTTPStatusCode');
  const end = byName(events, 'EndFlow_kid');
  const toEnd = events.links.find((link) => link.sourceActivityId === status.id && link.conditionExpr === 'true')!;
  toEnd.targetActivityId = sorry.id;
  events.links.push({ ...structuredClone(toEnd), sourceActivityId: sorry.id, targetActivityId: end.id, conditionExpr: 'default' });
  const file = path.join(tempDir('caller-in-handler'), 'Main_Flow_140.json');
  writeFileSync(file, JSON.stringify(flow));
  const gone = await runCli(['simulate', file, '--dtmf', 'WantCallback=3']);
  expect(lastLine(gone.stdout)).toBe("error: global error at SimulateGlobalError; OnGlobalError failed at SorryPrompt: no caller: the caller's leg is gone when OnGlobalError runs, so play-message cannot run");
  const there = await runCli(['simulate', file, '--dtmf', 'WantCallback=3', '--caller-in-error-handler']);
  expect(there.stdout).toContain('says "Sorry, we will call you back"');
  expect(lastLine(there.stdout)).toBe('completed: global error at SimulateGlobalError; OnGlobalError ended at EndFlow_kid');
  expect(there.stderr).toBe('');
  // A call that never raises the global error: never used.
  const queued = await runCli(['simulate', file, '--caller-in-error-handler']);
  expect(queued.stderr).toBe('flowgrade: --caller-in-error-handler: OnGlobalError did not run in this call; it is never used\n');
});
