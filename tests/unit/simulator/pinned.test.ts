/**
 * Behaviours a mutation-testing review found unpinned (a mutant of the code survived), each held
 * to what docs/simulator.md and docs/mocks.md say.
 */
import { test, expect } from '@playwright/test';
import { simulate, type Scenario, type SimulationOptions, type SimulationResult, type TraceEntry } from '../../../engine/simulator/index.js';
import { createMockServices, type MockOptions } from '../../../mocks/index.js';
import { buildFlow, CONNECTOR_BASE, condition, disconnect, DYNVARS_URL, endFlow, fakeServices, http, HttpResponse, httpRequest, menu, OUTDIAL_EP, play, setVar, TOKEN, type Edge, type FlowSpec, type Node } from './helpers.js';

const RECORD = [{ outboundcallbackep: OUTDIAL_EP, tacnumber: '+14085267209' }];

function run(spec: FlowSpec, scenario: Scenario = {}, options: Partial<SimulationOptions> = {}) {
  return simulate(buildFlow(spec), scenario, { services: fakeServices(), ...options });
}

function entry(result: SimulationResult, label: string): TraceEntry {
  const found = result.trace.find((e) => e.activity === label);
  if (!found) throw new Error(`no trace entry for ${label}: ${result.trace.map((e) => e.activity).join(', ')}`);
  return found;
}

/** NewPhoneContact → the node → EndFlow (by `default`). */
const through = (node: Node, variables: FlowSpec['variables'] = []): FlowSpec => ({
  variables,
  main: [node, endFlow()],
  links: [['NewPhoneContact', 'out', node.label], [node.label, 'default', 'EndFlow']],
});

test.describe('Callback and Queue Contact in OnGlobalError', () => {
  const callbackNode: Node = { label: 'Callback', type: 'callback', props: { callbackDn: '{{NewPhoneContact.ANI}}', callbackQueue: 'q-1' } };
  const queueNode: Node = { label: 'Queue', type: 'queue-contact', props: { destination: 'q-1' } };

  /** Main: NewPhoneContact → Fail (an expression error, no error exit) → Disconnect; OnGlobalError → the given chain. */
  const errorFlow = (events: Node[], eventLinks: Edge[]): FlowSpec => ({
    variables: [{ name: 'note', type: 'STRING', value: '' }],
    main: [setVar('Fail', 'note', '{{ ANI | 123}}'), disconnect()],
    links: [['NewPhoneContact', 'out', 'Fail'], ['Fail', 'out', 'Disconnect']],
    events: [...events, endFlow('EndFlow_kid')],
    eventLinks: [['GlobalErrorHandling', 'out', events[0].label], ...eventLinks],
  });

  for (const node of [callbackNode, queueNode]) {
    test(`${node.type} with the caller gone fails "no caller": the run ends in error, or takes its linked error exit`, async () => {
      // `failure` is linked too, and is never taken (docs: the Queue Contact and Callback failure exits are never taken).
      const unhandled = await run(errorFlow([node], [[node.label, 'default', 'EndFlow_kid'], [node.label, 'failure', 'EndFlow_kid']]), { agentsAvailable: true });
      const message = `no caller: the caller's leg is gone when OnGlobalError runs, so ${node.type} cannot run`;
      expect(entry(unhandled, node.label)).toMatchObject({ flow: 'OnGlobalError', outcome: 'error', error: message, modifiedVariables: {} });
      expect(unhandled).toMatchObject({
        status: 'error',
        summary: `global error at Fail; OnGlobalError failed at ${node.label}: ${message}`,
        globalErrorRaised: true,
        callerConnected: false,
        callbacks: [],
        inQueue: false,
      });

      const handled = await run(errorFlow([node], [[node.label, 'default', 'EndFlow_kid'], [node.label, 'error', 'EndFlow_kid']]));
      expect(handled.trace.map((e) => `${e.activity}/${e.outcome}`).slice(-2)).toEqual([`${node.label}/error`, 'EndFlow_kid/end']);
      expect(handled).toMatchObject({ status: 'completed', summary: 'global error at Fail; OnGlobalError ended at EndFlow_kid', callbacks: [] });
    });
  }

  test('with callerConnectedInErrorHandler the caller is there: Callback registers, Queue Contact queues or connects', async () => {
    const spec = errorFlow([callbackNode, queueNode], [['Callback', 'default', 'Queue'], ['Queue', 'default', 'EndFlow_kid']]);
    const options = { callerConnectedInErrorHandler: true, newId: () => 'cb-1' };
    const callback = { id: 'cb-1', activity: 'Callback', dialNumber: '+14085551234', ani: '', queue: 'q-1' };

    const queued = await run(spec, {}, options);
    expect(entry(queued, 'Callback')).toMatchObject({ flow: 'OnGlobalError', outcome: 'default' });
    expect(entry(queued, 'Queue')).toMatchObject({ outcome: 'default', modifiedVariables: { 'Queue.QueueId': 'q-1' } });
    expect(queued).toMatchObject({
      status: 'completed',
      summary: 'global error at Fail; OnGlobalError ended at EndFlow_kid',
      callbacks: [callback],
      callerConnected: true,
      inQueue: true,
    });

    const connected = await run(spec, { agentsAvailable: true }, options);
    expect(entry(connected, 'Queue').outcome).toBe('connected');
    expect(connected).toMatchObject({
      status: 'completed',
      summary: 'global error at Fail; connected to an agent at Queue',
      callbacks: [callback],
      callerConnected: true,
      inQueue: false,
    });
  });
});

test.describe('Business Hours with only its default exit linked', () => {
  const hours = (links: string[]): FlowSpec => ({
    main: [{ label: 'Hours', type: 'business-hours', props: { businessHoursId: 'bh' } }, play('Closed', 'closed'), disconnect()],
    links: [['NewPhoneContact', 'out', 'Hours'], ...links.map((exit): Edge => ['Hours', exit, 'Closed']), ['Closed', 'default', 'Disconnect']],
  });

  test('the exit of the scenario state is taken even though it is not linked: the flow ends there', async () => {
    const spec = hours(['default']);
    const cases = [
      [undefined, 'workingHours'],
      ['working', 'workingHours'],
      ['holiday', 'holidays'],
      ['override', 'override'],
    ] as const;
    for (const [businessHours, exit] of cases) {
      const result = await run(spec, { businessHours });
      expect(entry(result, 'Hours').outcome, String(businessHours)).toBe(exit);
      expect(result, String(businessHours)).toMatchObject({ status: 'completed', summary: `ended: exit '${exit}' of Hours is not linked`, callerConnected: true });
      expect(result.trace.some((e) => e.activity === 'Closed')).toBe(false);
    }
    const closed = await run(spec, { businessHours: 'closed' });
    expect(closed.trace.map((e) => `${e.activity}/${e.outcome}`)).toEqual(['NewPhoneContact/out', 'Hours/default', 'Closed/default', 'Disconnect/end']);
    expect(closed.summary).toBe('caller disconnected at Disconnect');
  });

  test('the alternative exit names working / holiday / overrides are taken when they are the linked ones', async () => {
    const spec = hours(['working', 'holiday', 'overrides', 'default']);
    const taken = [];
    for (const businessHours of ['working', 'holiday', 'override', 'closed'] as const) taken.push(entry(await run(spec, { businessHours }), 'Hours').outcome);
    expect(taken).toEqual(['working', 'holiday', 'overrides', 'default']);
  });
});

test.describe('HTTP Request parse settings that parse nothing', () => {
  const variables = [{ name: 'outdialcbid', type: 'STRING', value: 'before' }];
  const row = { outputVariable: 'outdialcbid', jsonPathExp: '$[0].outboundcallbackep' };
  const parse = (props: Record<string, unknown>) =>
    run(through(httpRequest('GET_CBID', { httpRequestUrl: DYNVARS_URL, ...props }), variables), {}, { services: fakeServices([http.get(DYNVARS_URL, () => HttpResponse.json(RECORD))]) });

  test('parse type "Select" (nothing chosen): nothing is parsed and the variable keeps its value', async () => {
    for (const select of ['Select', 'select']) {
      const result = await parse({ contentType: select, outputVariableArray: [row] });
      const get = entry(result, 'GET_CBID');
      expect(get.outcome, select).toBe('default');
      expect(get.modifiedVariables).not.toHaveProperty('outdialcbid');
      expect(result.variables.outdialcbid).toBe('before');
      expect(result.status).toBe('completed');
    }
  });

  test('XML parse settings without rows (or only the empty placeholder row) do nothing: not "not-simulated"', async () => {
    for (const rows of [[], [{ outputVariable: '', jsonPathExp: '' }]]) {
      const result = await parse({ contentType: 'XML', outputVariableArray: rows });
      expect(entry(result, 'GET_CBID').outcome).toBe('default');
      expect(result).toMatchObject({ status: 'completed', summary: 'ended at EndFlow' });
      expect(result.variables.outdialcbid).toBe('before');
    }
    expect((await parse({ contentType: 'XML', outputVariableArray: [row] })).status).toBe('not-simulated'); // rows to parse: XML is not simulated
  });
});

test('a flow variable wins over an activity label of the same name, before and after the activity writes its outputs', async () => {
  // `NewPhoneContact` has its outputs before the scope is first built; `Menu` writes OptionEntered after.
  const spec: FlowSpec = {
    variables: [
      { name: 'NewPhoneContact', type: 'JSON', value: '{"ANI": "the variable\'s ANI"}' },
      { name: 'Menu', type: 'JSON', value: '{"OptionEntered": "9"}' },
      { name: 'seen', type: 'STRING', value: '' },
    ],
    main: [menu('Menu', ['1']), setVar('Copy', 'seen', '{{NewPhoneContact.ANI}} / {{Menu.OptionEntered}}'), endFlow()],
    links: [['NewPhoneContact', 'out', 'Menu'], ['Menu', '1', 'Copy'], ['Copy', 'out', 'EndFlow']],
  };
  const result = await run(spec, { dtmf: { Menu: '1' } });
  expect(entry(result, 'Menu')).toMatchObject({ outcome: '1', modifiedVariables: { 'Menu.OptionEntered': '1' } });
  expect(result.variables.seen).toBe("the variable's ANI / 9");
  // Both are kept: the variable by name, the outputs as Label.output.
  expect(result.variables).toMatchObject({ NewPhoneContact: { ANI: "the variable's ANI" }, 'NewPhoneContact.ANI': '+14085551234', Menu: { OptionEntered: '9' }, 'Menu.OptionEntered': '1' });
});

test.describe("an HTTP Request's own Authorization header", () => {
  const own = { httpRequestHeaders: { Authorization: 'Basic b3duOmhlYWRlcg==' } };

  async function sentAuthorization(node: Node) {
    let seen: string | null = null;
    const answer = ({ request }: { request: Request }) => ((seen = request.headers.get('authorization')), HttpResponse.json({}));
    const services = fakeServices([http.get(DYNVARS_URL, answer), http.get(`${CONNECTOR_BASE}/v1/ping`, answer)]);
    const result = await run(through(node), {}, { services });
    expect(entry(result, node.label).outcome).toBe('default');
    return { seen, traced: entry(result, node.label).http?.requestHeaders.authorization };
  }

  test('Use Authenticated Endpoint off: it is sent as written', async () => {
    expect(await sentAuthorization(httpRequest('Req', { httpRequestUrl: DYNVARS_URL, ...own }))).toEqual({ seen: 'Basic b3duOmhlYWRlcg==', traced: 'Basic b3duOmhlYWRlcg==' });
  });

  test("Use Authenticated Endpoint on: the connector's bearer token replaces it (not appended to it)", async () => {
    const node = httpRequest('Req', { authenticated: true, 'connectorId:name': 'WxCC_API', httpRequestPath: '/v1/ping', ...own });
    expect(await sentAuthorization(node)).toEqual({ seen: `Bearer ${TOKEN}`, traced: `Bearer ${TOKEN}` });
  });
});

test.describe('OUTDIAL entry points accepted by the Tasks API mock', () => {
  /** An authenticated POST /v1/tasks (OUTDIAL) with this entry point, against the real mocks. */
  async function outdial(entryPointId: string, mocks: MockOptions = {}, outboundType = 'OUTDIAL') {
    const body = { entryPointId, destination: '+14085267209', mediaType: 'telephony', outboundType, origin: '+14694096861' };
    const node = httpRequest('CreateTask', {
      authenticated: true,
      'connectorId:name': 'WxCC_API',
      httpRequestPath: '/v1/tasks',
      httpRequestMethod: 'POST',
      httpRequestBody: JSON.stringify(body),
    });
    const services = createMockServices(mocks);
    const result = await run(
      { main: [node, condition('Created', '{{CreateTask.httpStatusCode == 201}}'), endFlow()], links: [['NewPhoneContact', 'out', 'CreateTask'], ['CreateTask', 'default', 'Created'], ['Created', 'true', 'EndFlow']] },
      {},
      { services },
    );
    const exchange = entry(result, 'CreateTask').http;
    return { status: exchange?.status, body: JSON.parse(exchange?.responseBody ?? 'null'), created: entry(result, 'Created').outcome, tasks: services.tasks };
  }

  test("the DynVars record's outboundcallbackep is accepted: 201 and the task is recorded", async () => {
    const { status, body, created, tasks } = await outdial(OUTDIAL_EP);
    expect([status, created]).toEqual([201, 'true']);
    expect(body).toEqual({ meta: { orgId: expect.any(String) }, data: { id: tasks[0]?.id } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0].body).toMatchObject({ entryPointId: OUTDIAL_EP, outboundType: 'OUTDIAL' });
  });

  test('an unknown entry point is refused with 400 naming it, and nothing is recorded', async () => {
    const { status, body, created, tasks } = await outdial('ffffffff-0000-4000-8000-000000000000');
    expect([status, created]).toEqual([400, 'false']);
    expect(body.error).toEqual({ key: '400', message: [{ description: 'entryPointId "ffffffff-0000-4000-8000-000000000000" is not an outbound entry point of this tenant' }] });
    expect(tasks).toEqual([]);
  });

  test("extraOutdialEntryPoints and a user dataset's records add entry points; EXECUTE_FLOW takes an entry point the mock does not know", async () => {
    expect((await outdial('ep-extra', { extraOutdialEntryPoints: ['ep-extra'] })).status).toBe(201);
    expect((await outdial(OUTDIAL_EP, { extraOutdialEntryPoints: ['ep-extra'] })).status).toBe(201); // added to the dataset's, not instead
    const dynvars = [{ dn: '2145550100', outboundcallbackep: 'ep-room-7' }];
    expect((await outdial('ep-room-7', { dynvars })).status).toBe(201);
    expect((await outdial(OUTDIAL_EP, { dynvars })).status).toBe(400); // the default record is replaced
    expect((await outdial('ep-unknown', {}, 'EXECUTE_FLOW')).status).toBe(201);
  });
});

test.describe('default loop limits (no option given)', () => {
  test('25 visits per activity: a two-activity loop stops before the 26th visit', async () => {
    const result = await run({ main: [play('A', 'a'), play('B', 'b')], links: [['NewPhoneContact', 'out', 'A'], ['A', 'default', 'B'], ['B', 'default', 'A']] });
    expect(result).toMatchObject({ status: 'stuck', summary: 'stuck in a loop at A' });
    expect(result.trace).toHaveLength(1 + 2 * 25);
    expect(result.trace.filter((e) => e.activity === 'A')).toHaveLength(25);
  });

  test('500 steps per run: a loop of 25 activities (20 visits each at most) stops at the 501st step', async () => {
    const labels = Array.from({ length: 25 }, (_, i) => `P${i}`);
    const links: Edge[] = [['NewPhoneContact', 'out', 'P0'], ...labels.map((label, i): Edge => [label, 'default', labels[(i + 1) % labels.length]])];
    const result = await run({ main: labels.map((label) => play(label, label)), links });
    expect(result.trace).toHaveLength(500);
    // The 501st step would have been P24 again (499 loop steps after the start node: 499 % 25 = 24).
    expect(result).toMatchObject({ status: 'stuck', summary: 'stuck in a loop at P24' });
  });
});
