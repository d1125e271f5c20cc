import { test, expect } from '@playwright/test';
import { simulate, type SimulationOptions } from '../../../engine/simulator/index.js';
import { buildFlow, condition, disconnect, endFlow, fakeServices, play, setVar, type Edge, type FlowSpec, type Node } from './helpers.js';

const variables = [
  { name: 'note', type: 'STRING', value: '' },
  { name: 'simulatederror', type: 'STRING', value: '' },
];

/** Main: NewPhoneContact → Note (sets `note`) → Fail ({{ ANI | 123 }}) → Disconnect; handler chain given by the test. */
function errorFlow(events: Node[], eventLinks: Edge[], extra: Partial<FlowSpec> = {}): FlowSpec {
  return {
    variables,
    main: [setVar('Note', 'note', 'set before the error'), setVar('Fail', 'simulatederror', '{{ ANI | 123}}'), disconnect()],
    links: [['NewPhoneContact', 'out', 'Note'], ['Note', 'out', 'Fail'], ['Fail', 'out', 'Disconnect']],
    events,
    eventLinks,
    ...extra,
  };
}

function run(spec: FlowSpec, options: Partial<SimulationOptions> = {}) {
  return simulate(buildFlow(spec), {}, { services: fakeServices(), ...options });
}

test.describe('global error', () => {
  test('an unhandled activity error runs OnGlobalError with the flow variables as they were', async () => {
    const spec = errorFlow([setVar('Copy', 'note', 'handler saw: {{note}}'), endFlow('EndFlow_kid')], [
      ['GlobalErrorHandling', 'out', 'Copy'],
      ['Copy', 'out', 'EndFlow_kid'],
    ]);
    const result = await run(spec);
    const labels = result.trace.map((e) => `${e.flow}/${e.activity}/${e.outcome}`);
    expect(labels).toEqual([
      'main/NewPhoneContact/out',
      'main/Note/out',
      'main/Fail/error',
      'OnGlobalError/GlobalErrorHandling/out',
      'OnGlobalError/Copy/out',
      'OnGlobalError/EndFlow_kid/end',
    ]);
    expect(result.trace[2].error).toContain('expression error');
    expect(result.trace[3]).toMatchObject({ type: 'event', activityId: 'e-GlobalErrorHandling', modifiedVariables: {} });
    expect(result.variables.note).toBe('handler saw: set before the error');
    expect(result).toMatchObject({
      status: 'completed',
      summary: 'global error at Fail; OnGlobalError ended at EndFlow_kid',
      globalErrorRaised: true,
      callerConnected: false,
    });
    expect(result.trace.some((e) => e.activity === 'Disconnect')).toBe(false);
  });

  test('a linked error exit takes the failure instead of OnGlobalError', async () => {
    const spec = errorFlow([endFlow('EndFlow_kid')], [['GlobalErrorHandling', 'out', 'EndFlow_kid']]);
    spec.links.push(['Fail', 'error', 'Disconnect']);
    const result = await run(spec);
    expect(result.trace.map((e) => e.activity)).toEqual(['NewPhoneContact', 'Note', 'Fail', 'Disconnect']);
    expect(result).toMatchObject({ status: 'completed', globalErrorRaised: false, summary: 'caller disconnected at Disconnect' });
  });

  test('an unlinked OnGlobalError simply ends', async () => {
    const result = await run(errorFlow([], []));
    expect(result.trace.at(-1)).toMatchObject({ flow: 'OnGlobalError', activity: 'GlobalErrorHandling', outcome: 'out' });
    expect(result).toMatchObject({ status: 'completed', globalErrorRaised: true, summary: 'global error at Fail; OnGlobalError is not linked, so it ends' });
  });

  test('without an OnGlobalError node the run ends in error', async () => {
    const result = await run(errorFlow([], [], { noGlobalErrorNode: true }));
    expect(result.status).toBe('error');
    expect(result.summary).toContain('Fail failed: expression error');
    expect(result.summary).toContain('no OnGlobalError handler');
  });

  test('with no OnGlobalError to run, callerConnectedInErrorHandler changes nothing: a flow\'s error ends the call, a subflow\'s leaves the caller to its calling flow', async () => {
    const flow = errorFlow([], [], { noGlobalErrorNode: true });
    for (const callerConnectedInErrorHandler of [false, true]) {
      expect(await run(flow, { callerConnectedInErrorHandler })).toMatchObject({ status: 'error', globalErrorRaised: false, callerConnected: false });
    }
    const subflow: FlowSpec = {
      variables,
      main: [setVar('Fail', 'simulatederror', '{{ ANI | 123}}'), { label: 'EndSubflow', type: 'end-subflow' }],
      links: [['StartSubflow', 'out', 'Fail'], ['Fail', 'out', 'EndSubflow']],
      subflow: true,
      noGlobalErrorNode: true,
    };
    for (const callerConnectedInErrorHandler of [false, true]) {
      const result = await run(subflow, { callerConnectedInErrorHandler });
      expect(result).toMatchObject({ status: 'error', globalErrorRaised: false, callerConnected: true });
      expect(result.summary).toContain('a subflow has no event flows of its own, so no OnGlobalError handler runs');
    }
  });

  test('an error inside the handler ends the run with status error (no recursion)', async () => {
    const spec = errorFlow([setVar('AlsoFails', 'note', '{{ x | 1 }}'), endFlow('EndFlow_kid')], [
      ['GlobalErrorHandling', 'out', 'AlsoFails'],
      ['AlsoFails', 'out', 'EndFlow_kid'],
    ]);
    const result = await run(spec);
    expect(result.status).toBe('error');
    expect(result.summary).toMatch(/^global error at Fail; OnGlobalError failed at AlsoFails: expression error/);
    expect(result.trace.filter((e) => e.activity === 'GlobalErrorHandling')).toHaveLength(1);
  });

  test('media in the handler has no caller: flagged as an error (its error exit when linked)', async () => {
    const handler = [play('Sorry', 'Sorry, something went wrong'), disconnect('Bye')];
    const wired = errorFlow(handler, [['GlobalErrorHandling', 'out', 'Sorry'], ['Sorry', 'default', 'Bye'], ['Sorry', 'error', 'Bye']]);
    const result = await run(wired);
    const sorry = result.trace.find((e) => e.activity === 'Sorry');
    expect(sorry?.outcome).toBe('error');
    expect(sorry?.error).toMatch(/^no caller/);
    expect(result.status).toBe('completed');
    expect(result.trace.at(-1)?.activity).toBe('Bye');

    const unwired = errorFlow(handler, [['GlobalErrorHandling', 'out', 'Sorry'], ['Sorry', 'default', 'Bye']]);
    expect((await run(unwired)).status).toBe('error');
  });

  test('option callerConnectedInErrorHandler keeps the caller for the handler', async () => {
    const spec = errorFlow([play('Sorry', 'Sorry'), disconnect('Bye')], [['GlobalErrorHandling', 'out', 'Sorry'], ['Sorry', 'default', 'Bye']]);
    const result = await run(spec, { callerConnectedInErrorHandler: true });
    expect(result.trace.find((e) => e.activity === 'Sorry')).toMatchObject({ outcome: 'default', prompts: ['Sorry'] });
    expect(result).toMatchObject({ status: 'completed', summary: 'global error at Fail; OnGlobalError ended at Bye (Disconnect Contact)', callerConnected: false });
  });

  test('a retry loop in the handler stops at the visit limit: stuck, never a hold loop, and the steps count with the main flow', async () => {
    // Main: queued, then the error. Handler: Retry → Check (never true) → Retry …
    const spec: FlowSpec = {
      variables,
      main: [{ label: 'Queue', type: 'queue-contact', props: { destination: 'q-1' } }, setVar('Fail', 'simulatederror', '{{ ANI | 123}}'), disconnect()],
      links: [['NewPhoneContact', 'out', 'Queue'], ['Queue', 'default', 'Fail'], ['Fail', 'out', 'Disconnect']],
      events: [setVar('Retry', 'note', 'try'), condition('Check', '{{ note == "done" }}'), endFlow('EndFlow_kid')],
      eventLinks: [['GlobalErrorHandling', 'out', 'Retry'], ['Retry', 'out', 'Check'], ['Check', 'false', 'Retry'], ['Check', 'true', 'EndFlow_kid']],
    };
    const result = await run(spec);
    expect(result).toMatchObject({ status: 'stuck', summary: 'global error at Fail; stuck in a loop at Retry', globalErrorRaised: true, callerConnected: false, inQueue: false });
    expect(result.trace.filter((e) => e.activity === 'Retry')).toHaveLength(25);
    // 3 main-flow steps before the error: the handler gets the other 7 of 10.
    const short = await run(spec, { maxSteps: 10 });
    expect(short.trace.filter((e) => e.flow === 'OnGlobalError' && e.type !== 'event')).toHaveLength(7);
    expect(short.summary).toBe('global error at Fail; stuck in a loop at Check');
  });

  test('a condition in the handler whose taken exit is not linked ends the handler', async () => {
    const spec = errorFlow([condition('Check', '{{ note == "nope" }}'), endFlow('EndFlow_kid')], [
      ['GlobalErrorHandling', 'out', 'Check'],
      ['Check', 'true', 'EndFlow_kid'],
    ]);
    const result = await run(spec);
    expect(result.summary).toBe("global error at Fail; OnGlobalError ended: exit 'false' of Check is not linked");
    expect(result.status).toBe('completed');
  });
});

test.describe('exits and limits', () => {
  test('an exit that is not linked ends the flow there; the caller stays on the line', async () => {
    const result = await run({ main: [play('Hello', 'hi')], links: [['NewPhoneContact', 'out', 'Hello']] });
    expect(result).toMatchObject({ status: 'completed', summary: "ended: exit 'default' of Hello is not linked", callerConnected: true });
  });

  test('maxSteps bounds the whole run', async () => {
    const spec: FlowSpec = {
      main: [play('A', 'a'), play('B', 'b')],
      links: [['NewPhoneContact', 'out', 'A'], ['A', 'default', 'B'], ['B', 'default', 'A']],
    };
    const result = await run(spec, { maxSteps: 10, maxVisitsPerActivity: 100 });
    expect(result.status).toBe('stuck');
    expect(result.trace).toHaveLength(10);
    expect(result.summary).toMatch(/^stuck in a loop at (A|B)$/);
  });

  test('maxSteps reached on a way with no loop is told as the step limit, not as a loop', async () => {
    const chain = ['A', 'B', 'C', 'D'];
    const result = await run({ main: chain.map((label) => play(label, label)), links: [['NewPhoneContact', 'out', 'A'], ['A', 'default', 'B'], ['B', 'default', 'C'], ['C', 'default', 'D']] }, { maxSteps: 3 });
    // NewPhoneContact counts as a step, as it is one of the trace.
    expect(result).toMatchObject({ status: 'stuck', summary: "stopped at C: 3 activities ran before it, the simulator's step limit" });
    expect(result.trace.map((e) => e.activity)).toEqual(['NewPhoneContact', 'A', 'B']);
    // One step: said in the singular (before: "1 activities ran").
    const one = await run({ main: chain.map((label) => play(label, label)), links: [['NewPhoneContact', 'out', 'A']] }, { maxSteps: 1 });
    expect(one.summary).toBe("stopped at A: one activity ran before it, the simulator's step limit");
  });

  test('an activity type the simulator does not know stops the run as not-simulated', async () => {
    const result = await run({
      main: [{ label: 'Lookup', type: 'queue-lookup', props: {} }, endFlow()],
      links: [['NewPhoneContact', 'out', 'Lookup'], ['Lookup', 'default', 'EndFlow']],
    });
    expect(result.status).toBe('not-simulated');
    expect(result.summary).toBe("activity type 'queue-lookup' (Lookup) is not simulated");
    expect(result.trace.at(-1)).toMatchObject({ activity: 'Lookup', outcome: 'not-simulated' });
  });
});

test.describe('determinism', () => {
  const spec: FlowSpec = {
    variables: [{ name: 'stamp', type: 'STRING', value: '' }],
    main: [setVar('Stamp', 'stamp', '{{ now() | date("yyyy-MM-dd HH:mm") }}'), { label: 'Callback', type: 'callback', props: { callbackDn: '{{NewPhoneContact.ANI}}' } }, endFlow()],
    links: [['NewPhoneContact', 'out', 'Stamp'], ['Stamp', 'out', 'Callback'], ['Callback', 'default', 'EndFlow']],
  };

  test('the default clock is fixed and runs are identical and JSON-serialisable', async () => {
    const first = await run(spec);
    const second = await run(spec);
    expect(first.variables.stamp).toBe('2025-01-01 00:00');
    expect(second).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    expect(first.callbacks?.[0].id).toBe('sim-id-1');
  });

  test('the clock and the id generator are injected', async () => {
    const result = await run(spec, { now: () => new Date('2030-06-15T12:34:00Z'), newId: () => 'fixed-id' });
    expect(result.variables.stamp).toBe('2030-06-15 12:34');
    expect(result.callbacks?.[0].id).toBe('fixed-id');
  });
});

test('a name no variable or activity has is null in an expression, not an error (no strictVariables, as in the product)', async () => {
  const spec: FlowSpec = { main: [condition('Check', '{{ undefinedvar == 1 }}'), play('Yes', 'yes'), play('No', 'no')], links: [['NewPhoneContact', 'out', 'Check'], ['Check', 'true', 'Yes'], ['Check', 'false', 'No']] };
  expect((await run(spec)).trace.map((e) => [e.activity, e.outcome])).toContainEqual(['Check', 'false']);
  const isNull: FlowSpec = { ...spec, main: [condition('Check', '{{ undefinedvar is null }}'), play('Yes', 'yes'), play('No', 'no')] };
  expect((await run(isNull)).trace.map((e) => [e.activity, e.outcome])).toContainEqual(['Check', 'true']);
});
