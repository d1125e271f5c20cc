import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { assertNesting, DEFAULT_LIMITS, firstNonUtf8Byte, isZipArchive, MOST_VALUES, SCAN_BEFORE_PARSE_LENGTH } from '../../../engine/json-text.js';
import { attendeeOfFile } from '../../../engine/attendee.js';
import { loadFlow } from '../../../engine/loader.js';
import type { FlowModel } from '../../../engine/model.js';
import { ROOT } from '../../helpers.js';
import { tinyFlow } from './tiny-flow.js';

function load(input: unknown, options = {}): FlowModel {
  const result = loadFlow(typeof input === 'string' ? input : JSON.stringify(input), options);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.model;
}

function failure(input: string | Uint8Array, options = {}) {
  const result = loadFlow(input, options);
  if (result.ok) throw new Error('expected the loader to refuse the input');
  return result.error;
}

test.describe('accepted inputs', () => {
  test('pretty, minified and BOM-prefixed exports give the same model', () => {
    const flow = tinyFlow();
    const pretty = load(JSON.stringify(flow, null, 2));
    expect(load(JSON.stringify(flow))).toEqual(pretty);
    expect(load('\uFEFF' + JSON.stringify(flow))).toEqual(pretty);
    const bomBytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(JSON.stringify(flow))]);
    expect(loadFlow(bomBytes).ok).toBe(true);
  });

  test('a flow-template upload body is unwrapped', () => {
    const body = { category: 'x', name: 'Template', flowType: 'FLOW', flow: JSON.stringify(tinyFlow()) };
    const model = load(body);
    expect(model.templateBody).toBe(true);
    expect(model.main.activities).toHaveLength(4);
  });

  test('a BOM at the start of a flow-template body\'s "flow" string is accepted, as at the start of a file', () => {
    const plain = load({ name: 'Template', flow: JSON.stringify(tinyFlow()) });
    expect(load({ name: 'Template', flow: '\uFEFF' + JSON.stringify(tinyFlow()) })).toEqual(plain);
    // Only a leading BOM: elsewhere U+FEFF is not JSON whitespace.
    expect(failure(JSON.stringify({ name: 't', flow: ' \uFEFF' + JSON.stringify(tinyFlow()) })).code).toBe('bad-template-body');
  });

  test('format generations are recognised', () => {
    expect(load(tinyFlow()).generation).toBe('2025');
    const older = tinyFlow();
    delete older.settings;
    expect(load(older).generation).toBe('2024');
    expect(load(tinyFlow({ __typename: 'FlowVersionExport' })).generation).toBe('2025-graphql');
    expect(load(tinyFlow({ associatedChannels: [], flowOutcome: null })).generation).toBe('2026');
  });

  test('SUBFLOW exports with an empty eventsMap load', () => {
    const model = load(tinyFlow({ flowType: 'SUBFLOW', eventFlows: { eventsMap: {}, properties: {} } }));
    expect(model.flowType).toBe('SUBFLOW');
    expect(model.handlers).toEqual([]);
  });
});

test.describe('the model', () => {
  test('activities have type, label, canonical properties and UI copies', () => {
    const play = load(tinyFlow()).main.activities.find((a) => a.label === 'Welcome')!;
    expect(play.type).toBe('play-message');
    expect(play.props.connector).toBe('Cisco Cloud Text-to-Speech');
    expect(play.ui['connector:name']).toBe('TTS display'); // the colon copy wins over the underscore copy
    expect(play.props).not.toHaveProperty('connector_name');
    expect(play.pointer).toBe('/process/activities/p');
  });

  test('an activity\'s label is its name, else the name in its properties (an empty one is none), else its id', () => {
    const flow = tinyFlow();
    flow.process.activities.p.name = '';
    flow.process.activities.d.name = '';
    flow.process.activities.d.properties.name = '';
    delete flow.process.activities.orphan.name;
    const labels = load(flow).main.activities.map((a) => a.label);
    expect(labels).toEqual(['NewPhoneContact', 'Welcome', 'd', 'Orphan']);
  });

  test('pointers escape "~" and "/" in activity ids (RFC 6901)', () => {
    const flow = tinyFlow();
    flow.process.activities['a/b~c~1'] = { id: 'a/b~c~1', name: 'Odd', group: 'action', properties: { activityName: 'play-message', name: 'Odd' } };
    const odd = load(flow).main.activities.find((a) => a.label === 'Odd')!;
    expect(odd.pointer).toBe('/process/activities/a~1b~0c~01');
  });

  test('exits, incoming links, unlinked exits and reachability', () => {
    const model = load(tinyFlow());
    const byLabel = (label: string) => model.main.activities.find((a) => a.label === label)!;
    expect(byLabel('NewPhoneContact').exits).toEqual({ out: 'p' });
    expect(byLabel('Welcome').incoming).toEqual([{ from: 's', exit: 'out' }]);
    expect(byLabel('Welcome').unlinkedExits).toEqual(['error']);
    expect(byLabel('Bye').knownExits).toEqual([]);
    expect(byLabel('Orphan').reachable).toBe(false);
    expect(byLabel('Bye').reachable).toBe(true);
    expect(model.main.start).toBe('s');
  });

  test('canvas positions are kept for drawing only', () => {
    const model = load(tinyFlow());
    expect(model.main.activities.find((a) => a.id === 's')!.position).toEqual({ x: 10, y: 20 });
    expect(model.main.activities.find((a) => a.id === 'd')!.position).toBeUndefined();
  });

  test('event flows: handlers by both names, their target and what they reach', () => {
    const model = load(tinyFlow());
    const [handler] = model.handlers;
    expect(handler).toMatchObject({ name: 'GlobalErrorHandling', display: 'OnGlobalError', nodeId: 'e1', target: 'end', reaches: ['end'] });
    const node = model.events.activities.find((a) => a.id === 'e1')!;
    expect(node.type).toBe('event');
    expect(node.event).toEqual({ name: 'GlobalErrorHandling', display: 'OnGlobalError' });
  });

  test('an event node that does not say its display name gets the one Flow Designer shows, the newer events\' included', () => {
    // Displays as a 2026 export writes them (WebexSamples payment-ai-agent-scripted-flow-template @ 861eda2e):
    // the two newer events show their specification names.
    const flow = tinyFlow();
    const events = flow.eventFlows.eventsMap.GLOBAL_EVENTS.process.activities;
    for (const name of ['AgentContactAssigned', 'ContactAniUpdated', 'ContactReservationStarted']) {
      events[name] = { id: name, name, group: 'event', properties: { activityName: 'Event', activityId: 'event', name, eventSpecificationName: name } };
    }
    const displays = Object.fromEntries(load(flow).handlers.map((h) => [h.name, h.display]));
    expect(displays).toEqual({ GlobalErrorHandling: 'OnGlobalError', AgentContactAssigned: 'AgentAnswered', ContactAniUpdated: 'ContactAniUpdated', ContactReservationStarted: 'ContactReservationStarted' });
  });

  test('variable defaults are parsed by type', () => {
    const defaults = Object.fromEntries(load(tinyFlow()).variables.map((v) => [v.name, v.defaultValue]));
    expect(defaults).toEqual({ count: 0, flag: false, blob: {}, nothing: null, text: '', unset: null });
  });

  test('the flow version is a number whether written as one or as digits; a version that is no finite integer is left out', () => {
    expect(load(tinyFlow({ version: 12 })).version).toBe(12);
    expect(load(tinyFlow({ version: '12' })).version).toBe(12);
    expect(load(tinyFlow({ version: ' 7 ' })).version).toBe(7);
    for (const version of [null, '', 'NaN', 'v12', '1.5', '99999999999999999999']) {
      expect(load(tinyFlow({ version })).version, JSON.stringify(version)).toBeUndefined();
    }
    // 1e999 is valid JSON that parses to Infinity, which the model (and its JSON) must not carry.
    const text = JSON.stringify(tinyFlow({ version: 1 })).replace('"version":1,', '"version":1e999,');
    expect(load(text).version).toBeUndefined();
  });

  test('attendee id: explicit option, else the flow name, else the file name', () => {
    expect(load(tinyFlow()).attendee).toEqual({ id: '207', source: 'flow-name' });
    expect(load(tinyFlow(), { attendee: 'A-1' }).attendee).toEqual({ id: 'A-1', source: 'option' });
    expect(load(tinyFlow({ name: 'MyFlow' }), { fileName: 'exports/Main_Flow_301.json' }).attendee).toEqual({ id: '301', source: 'file-name' });
    expect(load(tinyFlow({ name: 'MyFlow' }), { fileName: '/x/jane.doe.json' }).attendee).toEqual({ id: 'jane.doe', source: 'file-name' });
    expect(load(tinyFlow({ name: 'MyFlow' })).attendee.source).toBe('unknown');
  });

  test('attendee id from a long hostile file name (a zip entry name may be 64 KB) in linear time', () => {
    for (const name of [' '.repeat(65_000) + 'x.json', '(1)'.repeat(20_000) + '.json', 'Main_Flow_'.repeat(6_000) + '.json', `Main_Flow_-${'1'.repeat(60_000)}x.json`]) {
      // CPU time, not wall time: about 1 ms of CPU each (quadratic: seconds), but on a loaded
      // machine (CI's 2 cores, other test workers) the wall clock also counts the time this
      // process waits for a core, measured at 40 ms and more for the same 1 ms.
      const started = process.cpuUsage();
      attendeeOfFile(name);
      const used = process.cpuUsage(started);
      expect((used.user + used.system) / 1000, name.slice(0, 20)).toBeLessThan(200);
    }
  });

  test('attendee id from a file name as learning platforms name submissions and resubmissions', () => {
    for (const [file, id] of [
      ['Main_Flow_111 (1).json', '111'],
      ['doejane_12000_67001_Main_Flow_101-1.json', 'doejane_12000'], // Canvas: the student's name and user id first
      ['Jane Doe_12345_assignsubmission_file_/Main_Flow_140.json', 'Jane Doe_12345'], // the student Moodle's folder names
      ['main_flow_abc9.json', 'abc9'],
      ['Main_Flow_jane_doe (1).json', 'jane_doe'], // the id a flow named Main_Flow_jane_doe has, not jane's
      ['Main_Flow_jane-doe-2.json', 'jane-doe-2'], // '-2' is a copy mark only after the lab's three-digit ID
      ['My flow.json', 'My flow'],
      ['My flow (2).json', 'My flow'],
      ['Main_Flow_140 - Copy.json', '140'],
      ['Main_Flow_140 copy 2.json', '140'],
      ['Main_Flow_140 (1) (1).json', '140'],
      ['Main_Flow_.json', 'Main_Flow_'],
      ['NotMain_Flow_7.json', 'NotMain_Flow_7'], // Main_Flow_ inside a word is not the lab's name
    ]) {
      expect([file, load(tinyFlow({ name: 'MyFlow' }), { fileName: file }).attendee.id]).toEqual([file, id]);
    }
  });
});

test.describe('problems inside a readable flow become findings', () => {
  test('a link to a missing activity', () => {
    const flow = tinyFlow();
    flow.process.links.push({ id: 'bad', sourceActivityId: 'p', targetActivityId: 'ghost', conditionExpr: 'error' });
    const model = load(flow);
    expect(model.findings).toEqual([expect.objectContaining({ code: 'link-to-missing-activity', pointer: '/process/links/2', activity: 'Welcome' })]);
    expect(model.main.activities.find((a) => a.id === 'p')!.exits).toEqual({ default: 'd' });
  });

  test('a link from a missing activity', () => {
    const flow = tinyFlow();
    flow.process.links.push({ id: 'bad', sourceActivityId: 'ghost', targetActivityId: 'p', conditionExpr: 'out' });
    expect(load(flow).findings.map((f) => f.code)).toEqual(['link-from-missing-activity']);
  });

  test('two links on one exit, or two flow variables of one name, which Flow Designer never saves, make the export invalid: taking the first would grade it by the order of its links', () => {
    const flow = tinyFlow();
    flow.process.links.push({ id: 'dup', sourceActivityId: 'p', targetActivityId: 'orphan', conditionExpr: 'default' });
    const p = flow.process.activities.p.name;
    expect(failure(JSON.stringify(flow))).toEqual({
      code: 'invalid-flow',
      message: `not a valid flow export: /process/links/${flow.process.links.length - 1} is a second link on the default exit of ${p} (the first leads to ${flow.process.activities.d.name}, this one to ${flow.process.activities.orphan.name}), which Flow Designer never saves: export the flow again from Flow Designer`,
    });
    const twice = tinyFlow();
    twice.variables.push({ ...twice.variables[0] });
    expect(failure(JSON.stringify(twice))).toEqual({
      code: 'invalid-flow',
      message: `not a valid flow export: /variables/${twice.variables.length - 1} declares the flow variable ${twice.variables[0].name} a second time, which Flow Designer never saves: export the flow again from Flow Designer`,
    });
    // Inside a flow-template body, the pointer says so.
    expect(failure(JSON.stringify({ flow: JSON.stringify(twice) })).message).toContain(`/variables/${twice.variables.length - 1} (inside the "flow" string) declares`);
  });

  test('an exit the activity type does not have', () => {
    const flow = tinyFlow();
    flow.process.links.push({ id: 'x', sourceActivityId: 'p', targetActivityId: 'orphan', conditionExpr: 'maybe' });
    expect(load(flow).findings.map((f) => f.code)).toEqual(['unknown-exit']);
  });

  test('a subflow call (subflow-handoff) and a Parse activity have the exits of the 2026 exports\' canvas ports', () => {
    // As in WebexSamples payment-ai-agent-scripted-flow-template (2026): subflow-handoff ports in/default/error, parse-activity in/default.
    const flow = tinyFlow();
    flow.process.activities.sub = { id: 'sub', name: 'checkBalance_pp0', group: 'action', properties: { activityName: 'subflow-handoff', activityId: 'subflow-handoff', activityType: 'subflow', name: 'checkBalance_pp0', subflowName: 'checkBalance', subflowId: '6a1e35a078a3f98ba463c7d5', subflowInputVariables: [], subflowOutputVariables: [] } };
    flow.process.activities.parse = { id: 'parse', name: 'Parse_data', group: 'action', properties: { activityName: 'parse-activity', activityId: 'parse-activity', name: 'Parse_data', inputVariable: 'x', outputVariableArray: [] } };
    flow.process.links.push(
      { id: 'x1', sourceActivityId: 'parse', targetActivityId: 'sub', conditionExpr: 'default' },
      { id: 'x2', sourceActivityId: 'sub', targetActivityId: 'd', conditionExpr: 'default' },
      { id: 'x3', sourceActivityId: 'parse', targetActivityId: 'd', conditionExpr: 'error' },
    );
    const model = load(flow);
    const byLabel = (label: string) => model.main.activities.find((a) => a.label === label)!;
    expect(byLabel('checkBalance_pp0')).toMatchObject({ knownExits: ['default', 'error'], unlinkedExits: ['error'] });
    expect(byLabel('Parse_data')).toMatchObject({ knownExits: ['default'], unlinkedExits: [] });
    expect(model.findings.map((f) => `${f.code} ${f.activity}`)).toEqual(['unknown-exit Parse_data']);
  });

  test('a duplicate label, an unparseable default, a missing start', () => {
    const flow = tinyFlow();
    flow.process.activities.orphan.name = 'Welcome';
    flow.variables.push({ name: 'tally', type: 'INTEGER', value: 'abc' });
    delete flow.process.activities.s;
    flow.process.links.shift();
    const codes = load(flow).findings.map((f) => f.code).sort();
    expect(codes).toEqual(['default-unparseable', 'duplicate-label', 'missing-start']);
  });

  test('a second start activity is a finding naming the start the call runs from (Flow Designer keeps one)', () => {
    const flow = tinyFlow();
    expect(load(flow).findings).toEqual([]);
    flow.process.activities.s2 = { id: 's2', name: 'NewPhoneContact2', group: 'start', properties: { activityName: 'NewPhoneContact', activityId: 'start', name: 'NewPhoneContact2' } };
    expect(load(flow).findings).toEqual([{
      code: 'second-start',
      message: 'the main flow has a second start activity, NewPhoneContact2 (Flow Designer keeps one): the simulated call starts at NewPhoneContact, and NewPhoneContact2 never runs',
      pointer: '/process/activities/s2',
      graph: 'main',
      activity: 'NewPhoneContact2',
    }]);
    // Linked into the call, it runs: "never runs" is not said.
    flow.process.links.push({ id: 'l3', sourceActivityId: 'p', targetActivityId: 's2', conditionExpr: 'default', properties: { value: 'default' } });
    flow.process.links = flow.process.links.filter((l: { id: string }) => l.id !== 'l2');
    expect(load(flow).findings.map((f) => f.message)).toEqual(['the main flow has a second start activity, NewPhoneContact2 (Flow Designer keeps one): the simulated call starts at NewPhoneContact']);
  });

  test('hostile names never reach object prototypes', () => {
    const flow = tinyFlow();
    flow.process.activities.p.properties.activityName = '__proto__';
    flow.process.links.push({ id: 'x', sourceActivityId: 'p', targetActivityId: 'd', conditionExpr: '__proto__' });
    flow.process.links.push({ id: 'y', sourceActivityId: 'p', targetActivityId: 'd', conditionExpr: 'constructor' });
    const model = load(flow);
    const p = model.main.activities.find((a) => a.id === 'p')!;
    expect(p.exits.__proto__).toBe('d');
    expect(p.exits.constructor).toBe('d');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

test.describe('unreadable input: one clear line and a stable code', () => {
  test('empty file and whitespace', () => {
    expect(failure('')).toEqual({ code: 'empty-file', message: 'file is empty' });
    expect(failure(' \n\t ').code).toBe('empty-file');
  });

  test('not JSON, with line and column', () => {
    const error = failure('{\n  "name": "x",\n  "process": }\n');
    expect(error.code).toBe('not-json');
    expect(error.message).toMatch(/line 3 column 14/);
    expect(failure('{"name":').message).toMatch(/unexpected end of JSON input at line 1 column 9/);
  });

  test('a syntax error in a Windows (CRLF) or old Mac (CR) file is located and quoted as in an LF file', () => {
    const lf = '{\n  "version": 12,,\n  "name": "x"\n}\n';
    const message = 'not valid JSON: unexpected "," at line 2 column 17';
    expect(failure(lf).message).toBe(message);
    expect(failure(lf.replace(/\n/g, '\r\n')).message).toBe(message);
    expect(failure(lf.replace(/\n/g, '\r')).message).toBe(message);
    // A line that ends the snippet early: what follows the break is not quoted.
    expect(failure('{"a": 1 x\r\n}').message).toBe('not valid JSON: unexpected "x" at line 1 column 9');
  });

  test('a line break, a tab or a bad escape inside a string (a hand-edited body) is named as such', () => {
    expect(failure('{\n  "name": "Main\nFlow"\n}').message).toBe('not valid JSON: a line break inside a string (write it as \\n) at line 2 column 16');
    expect(failure('{\r\n  "name": "Main\r\nFlow"\r\n}').message).toBe('not valid JSON: a line break inside a string (write it as \\n) at line 2 column 16');
    expect(failure('{"name": "Main\tFlow"}').message).toBe('not valid JSON: a tab inside a string (write it as \\t) at line 1 column 15');
    expect(failure('{"name": "C:\\x"}').message).toBe('not valid JSON: an invalid escape "\\x" in a string at line 1 column 14');
    expect(failure('{"name": "\\u12G4"}').message).toBe('not valid JSON: an invalid escape "\\u12G4" in a string at line 1 column 12');
    // A backslash just before a line break or tab starts no escape: said as such, not as a line break to write as \n.
    expect(failure('{"name": "a\\\nb"}').message).toBe('not valid JSON: an invalid escape (a backslash before a line break) in a string at line 1 column 13');
    expect(failure('{"name": "a\\\tb"}').message).toBe('not valid JSON: an invalid escape (a backslash before a tab) in a string at line 1 column 13');
    // After an escaped backslash, a line break is still a line break.
    expect(failure('{"name": "C:\\\\\nx"}').message).toBe('not valid JSON: a line break inside a string (write it as \\n) at line 1 column 15');
  });

  test('JSON that is not a flow export', () => {
    expect(failure('[1,2]')).toMatchObject({ code: 'not-a-flow', message: expect.stringMatching(/array/) });
    expect(failure('"hello"')).toMatchObject({ code: 'not-a-flow', message: 'JSON is a string, not a Flow Designer export' });
    expect(failure('null')).toMatchObject({ code: 'not-a-flow', message: 'JSON is null, not a Flow Designer export' });
    expect(failure('{"info":{"_postman_id":"x","name":"c"},"item":[]}')).toMatchObject({ code: 'not-a-flow', message: expect.stringMatching(/Postman collection/) });
    const report = readFileSync(path.join(ROOT, 'tests/golden/solution.report.json'), 'utf8');
    expect(failure(report)).toEqual({ code: 'not-a-flow', message: 'this is a flowgrade report, not a Flow Designer export: grade the export it was made from' });
    // grade's run record (flowgrade-run.json, beside the reports) is no report: there is no export it was made from.
    const record = JSON.stringify({ kind: 'flowgrade-grade-run', schemaVersion: 1, tool: { name: 'flowgrade', version: '0.1.0' }, part: { shards: [1], of: 1 }, attendees: [] });
    expect(failure(record)).toEqual({ code: 'not-a-flow', message: 'this is the record of a flowgrade grade run (flowgrade-run.json, which flowgrade merge reads), not a Flow Designer export' });
    expect(failure('{"name":"x"}')).toMatchObject({ code: 'not-a-flow', message: expect.stringMatching(/"process"/) });
  });

  test('a UTF-16 export (Notepad\'s "Unicode"), with or without BOM, little- or big-endian, is named as such', () => {
    const text = JSON.stringify(tinyFlow(), null, 2);
    const le = new Uint8Array(Buffer.from(text, 'utf16le'));
    const be = new Uint8Array(Buffer.from(text, 'utf16le').swap16());
    const message = 'not valid JSON: the file is UTF-16 (Notepad\'s "Unicode"), not UTF-8; export it again from Flow Designer, or save it as UTF-8';
    for (const bytes of [new Uint8Array([0xff, 0xfe, ...le]), new Uint8Array([0xfe, 0xff, ...be]), le, be]) {
      expect(failure(bytes)).toEqual({ code: 'not-json', message });
    }
  });

  test('an export saved as Windows-1252 or Latin-1 (an editor\'s "ANSI") is refused as not UTF-8, naming its first such byte, not read with U+FFFD', () => {
    const notUtf8 = (where: string, byte: string) =>
      `not valid JSON: the file is not UTF-8 (byte ${byte} at ${where}, as in a file saved as "ANSI", Windows-1252 or Latin-1); export it again from Flow Designer, or save it as UTF-8`;
    const text = JSON.stringify(tinyFlow({ name: 'Café crème' }), null, 2);
    const ansi = new Uint8Array(Buffer.from(text, 'latin1'));
    expect(failure(ansi)).toEqual({ code: 'not-json', message: notUtf8('line 6 column 15', '0xE9, "é" in Windows-1252,') });
    // After a UTF-8 BOM and valid UTF-8 ("ü" in two bytes): columns count characters, without the BOM.
    const mixed = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('{"a": "ü", "b": "'), 0x80, ...Buffer.from('5"}')]);
    expect(failure(mixed)).toEqual({ code: 'not-json', message: notUtf8('line 1 column 18', '0x80, "€" in Windows-1252,') });
    // A byte Windows-1252 leaves undefined is named without a character; a template body is refused alike.
    const undefinedByte = new Uint8Array([...Buffer.from('{"a":\r\n"'), 0x81, ...Buffer.from('"}')]);
    expect(failure(undefinedByte)).toEqual({ code: 'not-json', message: notUtf8('line 2 column 2', '0x81') });
    const body = new Uint8Array(Buffer.from(JSON.stringify({ name: 'Modèle', flow: JSON.stringify(tinyFlow()) }), 'latin1'));
    expect(failure(body)).toEqual({ code: 'not-json', message: notUtf8('line 1 column 13', '0xE8, "è" in Windows-1252,') });
    // Valid UTF-8 loads as before, U+FFFD written as such included.
    const valid = loadFlow(new TextEncoder().encode(JSON.stringify(tinyFlow({ name: 'Café \uFFFD' }))));
    expect(valid.ok && valid.model.name).toBe('Café \uFFFD');
  });

  test('a file picked by mistake (a zipped export, a screenshot, a PDF) is named by its signature, not quoted as bytes', () => {
    const cases: [number[], string][] = [
      [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive; unzip it and give the .json file inside'],
      [[0x50, 0x4b, 0x05, 0x06], 'a ZIP archive; unzip it and give the .json file inside'],
      [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'an image (PNG), not a flow export'],
      [[0xff, 0xd8, 0xff, 0xe0], 'an image (JPEG), not a flow export'],
      [[0x47, 0x49, 0x46, 0x38, 0x39, 0x61], 'an image (GIF), not a flow export'],
      [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], 'a PDF document, not a flow export'],
    ];
    for (const [signature, kind] of cases) {
      expect(failure(new Uint8Array([...signature, 0, 1, 2, 0x7b]))).toEqual({ code: 'not-json', message: `not valid JSON: the file is ${kind}` });
    }
  });

  test('a file over 512 MB under a --max-size raised beyond it is refused as too large, not read into a string the engine cannot make', () => {
    const huge = new Uint8Array(2 ** 29); // zeros, never touched: no memory used
    expect(failure(huge, { maxBytes: 2 ** 30 })).toEqual({ code: 'too-large', message: 'file is larger than 536870888 bytes (512 MB), the most that can be read as text' });
  });

  test('a Word, Excel or PowerPoint file, or an OpenDocument one (ZIP archives too), is named as a document, not sent to be unzipped', () => {
    const first = (name: string, data = '') => zipSync({ [name]: new TextEncoder().encode(data), 'word/document.xml': new TextEncoder().encode('<w:document/>') }, { level: 0 });
    expect(failure(first('[Content_Types].xml', '<Types/>'))).toEqual({ code: 'not-json', message: 'not valid JSON: the file is an Office document (Word, Excel or PowerPoint), not a flow export' });
    expect(failure(first('mimetype', 'application/vnd.oasis.opendocument.text'))).toEqual({ code: 'not-json', message: 'not valid JSON: the file is an OpenDocument file (LibreOffice, OpenOffice), not a flow export' });
    // A zipped export, whatever it holds first, is still one to unzip.
    expect(failure(first('Main_Flow_140/Main_Flow_140.json', '{}')).message).toBe('not valid JSON: the file is a ZIP archive; unzip it and give the .json file inside');
    expect(isZipArchive(first('[Content_Types].xml'))).toBe(false);
    expect(isZipArchive(first('Main_Flow_140.json'))).toBe(true);
  });

  test('a UTF-32 export, with or without BOM, little- or big-endian, is named as such, not as binary data', () => {
    const text = JSON.stringify(tinyFlow());
    const le = new Uint8Array([...text].flatMap((c) => [c.charCodeAt(0), 0, 0, 0]));
    const be = new Uint8Array([...text].flatMap((c) => [0, 0, 0, c.charCodeAt(0)]));
    const message = 'not valid JSON: the file is UTF-32, not UTF-8; export it again from Flow Designer, or save it as UTF-8';
    for (const bytes of [new Uint8Array([0xff, 0xfe, 0, 0, ...le]), new Uint8Array([0, 0, 0xfe, 0xff, ...be]), le, be]) {
      expect(failure(bytes)).toEqual({ code: 'not-json', message });
    }
  });

  test('bytes that only start like UTF-16 are not called UTF-16', () => {
    // UTF-32LE (BOM FF FE 00 00, and without BOM "{" 00 00 00): not Notepad's, not named UTF-16.
    expect(failure(new Uint8Array([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0])).message).not.toMatch(/UTF-16/);
    expect(failure(new Uint8Array([0x7b, 0, 0, 0, 0x7d, 0, 0, 0])).message).not.toMatch(/UTF-16/);
    // A NUL after the first four bytes is an ordinary syntax error, located as such.
    expect(failure(new TextEncoder().encode('{"a": 1\u0000}'))).toMatchObject({ code: 'not-json', message: expect.stringMatching(/at line 1 column 8/) });
    expect(failure(new Uint8Array([0xff]))).toMatchObject({ code: 'not-json', message: expect.not.stringMatching(/UTF-16/) });
  });

  test('a web page (a saved flowgrade report, a page saved from the browser) is named as such, not quoted', () => {
    const message = 'not valid JSON: the file is a web page (HTML), such as a flowgrade report or a saved page, not a flow export: export the flow from Flow Designer and give that .json file';
    for (const page of ['<!DOCTYPE html>\n<html lang="en"><head>', '\ufeff  <!doctype HTML><html>', '<html>\n<body>x</body></html>', '\n<HTML xmlns="http://www.w3.org/1999/xhtml">']) {
      expect(failure(page)).toEqual({ code: 'not-json', message });
      expect(failure(new TextEncoder().encode(page))).toEqual({ code: 'not-json', message });
    }
    // An XML document (flowgrade's own junit.xml, given back by mistake) is named as such too.
    const xml = 'not valid JSON: the file is XML, such as a flowgrade junit.xml, not a flow export: export the flow from Flow Designer and give that .json file';
    for (const doc of ['<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>', '\ufeff<?xml version="1.0"?><flow/>', '\n  <?xml\tversion="1.0"?>']) {
      expect(failure(doc)).toEqual({ code: 'not-json', message: xml });
    }
    // An SVG image (a design tool's, a drawing saved from a page), also after an XML declaration or comments, is named as an image.
    const svg = 'not valid JSON: the file is an image (SVG), not a flow export: export the flow from Flow Designer and give that .json file';
    for (const image of ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">', '\ufeff <SVG>', '<svg/>', '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"><svg>', '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<svg/>', '<!-- Generator: Sketch 50 -->\n<svg xmlns="http://www.w3.org/2000/svg">', '<?xml version="1.0"?>\n<!-- Created with Inkscape -->\n<!-- a - b -->\n<svg>']) {
      expect(failure(image)).toEqual({ code: 'not-json', message: svg });
    }
    expect(failure('<svgfile/>').message).toMatch(/^not valid JSON: unexpected/);
    // Other text starting with "<" is an ordinary syntax error.
    expect(failure('<flow/>').message).toBe('not valid JSON: unexpected "<flow/>" at line 1 column 1');
    expect(failure('<?xml-stylesheet href="a"?>').message).toMatch(/^not valid JSON: unexpected/);
  });

  test('random bytes are called binary data, not quoted', () => {
    expect(failure(new Uint8Array([0x16, 0x62, 0xc3, 0x28, 0x4f, 0x65, 0x48, 0x25]))).toEqual({ code: 'not-json', message: 'not valid JSON: unexpected binary data at line 1 column 1' });
    expect(failure(new TextEncoder().encode('{"a": 1\u0000}'))).toEqual({ code: 'not-json', message: 'not valid JSON: unexpected binary data at line 1 column 8' });
    expect(failure(new Uint8Array([0x7b, 0x0a, 0xfe, 0x7d])).message).toBe('not valid JSON: unexpected binary data at line 2 column 1');
    // A printable character is still quoted.
    expect(failure('{"a": 1 x}').message).toBe('not valid JSON: unexpected "x}" at line 1 column 9');
    // Binary bytes a few characters after a printable one: a program (MZ…), a 7-Zip archive (7z…).
    expect(failure(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])).message).toBe('not valid JSON: unexpected binary data at line 1 column 1');
    expect(failure(new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00, 0x04])).message).toBe('not valid JSON: unexpected binary data at line 1 column 2');
    // Large random bytes are scanned for nesting before parsing: brackets among them are not nesting.
    const large = new Uint8Array(2_000_000).map((_, i) => (i % 2 === 0 ? 0x5b : 0xff));
    expect(failure(large)).toEqual({ code: 'not-json', message: 'not valid JSON: unexpected binary data at line 1 column 2' });
  });

  test('a flow-template body whose flow is broken', () => {
    expect(failure(JSON.stringify({ name: 't', flow: '{"name": "x", "process": ' }))).toMatchObject({ code: 'bad-template-body', message: expect.stringMatching(/not valid JSON/) });
    expect(failure(JSON.stringify({ name: 't', flow: '[1]' })).code).toBe('bad-template-body');
  });

  test('a flow-template body whose "flow" is not a string (the export pasted in as an object, or null) is named as such, not as JSON without "process"', () => {
    const body = { category: 'x', name: 'Template', flowType: 'FLOW' };
    const expected = (what: string) => ({ code: 'bad-template-body', message: `flow-template body whose "flow" field is ${what}, not the export as a JSON string` });
    expect(failure(JSON.stringify({ ...body, flow: tinyFlow() }))).toEqual(expected('an object'));
    expect(failure(JSON.stringify({ ...body, flow: null }))).toEqual(expected('null'));
    expect(failure(JSON.stringify({ ...body, flow: [] }))).toEqual(expected('an array'));
    expect(failure(JSON.stringify({ ...body, flow: 5 }))).toEqual(expected('a number'));
    // A report of ours has a "flow" object too: it is still named as a report.
    expect(failure(readFileSync(path.join(ROOT, 'tests/golden/solution.report.json'), 'utf8')).message).toMatch(/^this is a flowgrade report/);
  });

  test('a flow-template body whose "flow" holds JSON that is not an export is bad-template-body, saying why (not a schema error at "(top level)")', () => {
    const prefix = 'flow-template body whose "flow" field is not a readable export: ';
    expect(failure(JSON.stringify({ name: 't', flow: '{"name":"x"}' }))).toEqual({ code: 'bad-template-body', message: `${prefix}JSON object has no "process": not a Flow Designer export` });
    const doubleWrapped = { name: 't', flow: JSON.stringify({ name: 'inner', flow: JSON.stringify(tinyFlow()) }) };
    expect(failure(JSON.stringify(doubleWrapped)).code).toBe('bad-template-body');
    expect(failure(JSON.stringify({ name: 't', flow: '[1]' })).message).toBe(`${prefix}JSON is an array, not a Flow Designer export (expected an object with "process")`);
  });

  test('in a flow-template body, the pointer of a schema error or an over-long string says it is inside the "flow" string', () => {
    const bad = tinyFlow();
    bad.process.links[0].conditionExpr = 5;
    expect(failure(JSON.stringify({ name: 't', flow: JSON.stringify(bad) }))).toEqual({
      code: 'invalid-flow',
      message: 'not a valid flow export: /process/links/0/conditionExpr (inside the "flow" string) must be string',
    });
    expect(failure(JSON.stringify(bad)).message).toBe('not a valid flow export: /process/links/0/conditionExpr must be string');
    const long = JSON.stringify({ name: 't', flow: JSON.stringify(tinyFlow({ note: 'x'.repeat(2000) })) });
    expect(failure(long, { maxStringLength: 1000 }).message).toBe('a string of 2000 characters at /note (inside the "flow" string) is longer than the limit of 1000 characters');
  });

  test('an unfilled flow-template body ("flow": "", as in the public template-body.json files) is named as such, not as an empty file', () => {
    const unfilled = { category: 'Cisco', description: '', flowType: 'FLOW', labels: [''], name: '', flow: '' };
    const message = 'flow-template body whose "flow" field is empty (an unfilled template): it holds no export';
    expect(failure(JSON.stringify(unfilled, null, 4))).toEqual({ code: 'bad-template-body', message });
    expect(failure(JSON.stringify({ ...unfilled, flow: ' \n ' }))).toEqual({ code: 'bad-template-body', message });
  });

  test('an export that breaks what grading relies on', () => {
    const noLinks = tinyFlow();
    delete noLinks.process.links;
    expect(failure(JSON.stringify(noLinks))).toMatchObject({ code: 'invalid-flow', message: expect.stringMatching(/\/process .*links/) });
    const badLink = tinyFlow();
    badLink.process.links[0].conditionExpr = 5;
    expect(failure(JSON.stringify(badLink)).message).toMatch(/\/process\/links\/0\/conditionExpr must be string/);
    const badVars = tinyFlow({ variables: [{ type: 'STRING' }] });
    expect(failure(JSON.stringify(badVars)).code).toBe('invalid-flow');
    const badEvents = tinyFlow({ eventFlows: { eventsMap: { GLOBAL_EVENTS: { process: { activities: [] , links: [] } } } } });
    expect(failure(JSON.stringify(badEvents)).code).toBe('invalid-flow');
  });

  test('keys read for information are type-checked when present, as docs/flow-format.md lists them', () => {
    const cases: [string, (flow: Record<string, any>) => void][] = [
      ['/version must be integer,string,null', (f) => (f.version = 1.5)],
      ['/flowType must be one of "FLOW", "SUBFLOW"', (f) => (f.flowType = 'subflow')],
      ['/process/activities/p has no label: a string "name" on the activity or in its properties', (f) => (delete f.process.activities.p.name, delete f.process.activities.p.properties.name)],
      ['/lastModifiedDate must be string,null', (f) => (f.lastModifiedDate = 5)],
      ['/variables/0/source must be string,null', (f) => (f.variables[0].source = 5)],
      ['/variables/0/name must NOT have fewer than 1 characters', (f) => (f.variables[0].name = '')],
      ['/diagram must be object,null', (f) => (f.diagram = 'x')],
      ['/eventFlows/eventsMap/GLOBAL_EVENTS/diagram must be object,null', (f) => (f.eventFlows.eventsMap.GLOBAL_EVENTS.diagram = [])],
      ['/process/activities/p/id must be string', (f) => (f.process.activities.p.id = 5)],
      ['/process/activities/p/group must be string', (f) => (f.process.activities.p.group = null)],
      ['/process/activities/p/properties/activityName must be string', (f) => (f.process.activities.p.properties.activityName = 5)],
      ['/process/links/0/id must be string', (f) => (f.process.links[0].id = null)],
    ];
    for (const [message, edit] of cases) {
      const flow = tinyFlow();
      edit(flow);
      expect(failure(JSON.stringify(flow))).toEqual({ code: 'invalid-flow', message: `not a valid flow export: ${message}` });
    }
    for (const absent of ['version', 'lastModifiedDate', 'diagram', 'eventFlows', 'variables']) {
      const flow = tinyFlow();
      delete flow[absent];
      expect(loadFlow(JSON.stringify(flow)).ok, absent).toBe(true);
    }
  });

  test('unknown extra keys are tolerated', () => {
    const flow = tinyFlow({ someFutureKey: { a: 1 } });
    flow.process.activities.p.futureField = true;
    flow.process.links[0].futureField = [];
    expect(loadFlow(JSON.stringify(flow)).ok).toBe(true);
  });

  test('over the size limit (configurable)', () => {
    const text = JSON.stringify(tinyFlow());
    expect(failure(text, { maxBytes: 100 })).toMatchObject({ code: 'too-large', message: 'file is larger than the 100 bytes limit' });
    expect(failure(text, { maxBytes: 1 })).toMatchObject({ code: 'too-large', message: 'file is larger than the 1 byte limit' });
    expect(failure(new TextEncoder().encode(text), { maxBytes: 100 }).code).toBe('too-large');
    expect(loadFlow(text, { maxBytes: text.length }).ok).toBe(true);
  });

  test('a text is measured in UTF-8 bytes as its file would be: an emoji (a surrogate pair) is 4 bytes', () => {
    const text = JSON.stringify(tinyFlow({ note: '\u{1F600}é€'.repeat(100) }));
    const bytes = new TextEncoder().encode(text);
    expect(loadFlow(bytes, { maxBytes: bytes.length }).ok).toBe(true);
    expect(loadFlow(text, { maxBytes: bytes.length }).ok).toBe(true);
    expect(failure(text, { maxBytes: bytes.length - 1 }).code).toBe('too-large');
  });

  test('nesting deeper than the limit (configurable)', () => {
    const deep = tinyFlow({ deep: JSON.parse('['.repeat(100) + ']'.repeat(100)) });
    expect(failure(JSON.stringify(deep))).toMatchObject({ code: 'too-deep' });
    expect(loadFlow(JSON.stringify(deep), { maxDepth: 200 }).ok).toBe(true);
    expect(failure('['.repeat(1_000_000) + ']'.repeat(1_000_000)).code).toBe('too-deep');
    // Brackets inside strings do not count.
    expect(loadFlow(JSON.stringify(tinyFlow({ note: '['.repeat(500) }))).ok).toBe(true);
  });

  test('nesting: exact at the limit, every branch measured, and a large --max-depth cannot overflow the stack', () => {
    const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;
    for (const depth of [3, 255, 256, 257, 1_000, 200_000]) {
      const value = nested(depth);
      expect(() => assertNesting(value, { ...DEFAULT_LIMITS, maxDepth: depth }), `depth ${depth}`).not.toThrow();
      expect(() => assertNesting(value, { ...DEFAULT_LIMITS, maxDepth: depth - 1 }), `depth ${depth}`).toThrow(/deeper than the limit/);
    }
    const wide = { a: [nested(300), { b: nested(10) }], c: nested(305) }; // the deepest branch last: every branch is measured
    expect(() => assertNesting(wide, { ...DEFAULT_LIMITS, maxDepth: 306 })).not.toThrow();
    expect(() => assertNesting(wide, { ...DEFAULT_LIMITS, maxDepth: 305 })).toThrow(/deeper than the limit/);
  });

  test('nesting: a large text is measured before it is parsed, a small one after (never by recursive code)', () => {
    const parsed: number[] = [];
    const parse = JSON.parse;
    JSON.parse = ((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      if (text.length > 100_000) parsed.push(text.length); // (the test runner parses its own small messages)
      return parse(text, reviver);
    }) as typeof JSON.parse;
    try {
      const big = '['.repeat(SCAN_BEFORE_PARSE_LENGTH) + ']'.repeat(SCAN_BEFORE_PARSE_LENGTH);
      expect(failure(big).code).toBe('too-deep');
      expect(parsed).toEqual([]); // refused without building a million arrays
      const small = '['.repeat(100_000) + ']'.repeat(100_000);
      expect(failure(small)).toEqual({ code: 'too-deep', message: 'JSON nesting is deeper than the limit of 64 levels' });
      expect(parsed).toEqual([small.length]);
    } finally {
      JSON.parse = parse;
    }
  });

  test('values: a large text holding more than a million is refused before it is parsed, whatever its size limit; one of fewer loads', () => {
    // Before: 19 MB of `{},` (6 million empty objects) took 645 MB to parse and 1.25 GB to grade,
    // more than a grading thread has: `grade --jobs 2` crashed the row that `--jobs 1` passed.
    const parsed: number[] = [];
    const parse = JSON.parse;
    JSON.parse = ((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      if (text.length > 100_000) parsed.push(text.length);
      return parse(text, reviver);
    }) as typeof JSON.parse;
    try {
      const many = (count: number, item: string) => JSON.stringify(tinyFlow()).replace(/}$/, `,"x":[${Array(count).fill(item).join(',')}]}`);
      expect(failure(many(MOST_VALUES, '{}'), { maxBytes: 200 * 1024 * 1024 })).toEqual({ code: 'too-large', message: 'the file holds more than 1000000 JSON values (objects, arrays, texts, numbers), far beyond any export' });
      expect(failure(many(MOST_VALUES + 1, '0')).code).toBe('too-large');
      expect(parsed).toEqual([]);
      // Commas and brackets inside texts are no values; a megabyte and more of few values loads.
      expect(loadFlow(many(5, JSON.stringify(',{['.repeat(80_000))))).toMatchObject({ ok: true });
      expect(loadFlow(many(MOST_VALUES - 5_000, '0'))).toMatchObject({ ok: true });
    } finally {
      JSON.parse = parse;
    }
  });

  test('nesting and string limits hold inside a flow-template body, and around it', () => {
    const deepInside = JSON.stringify({ name: 't', flow: JSON.stringify(tinyFlow({ deep: JSON.parse('['.repeat(70) + ']'.repeat(70)) })) });
    expect(failure(deepInside).code).toBe('too-deep');
    const deepAround = JSON.stringify({ name: 't', flow: JSON.stringify(tinyFlow()), extra: JSON.parse('['.repeat(70) + ']'.repeat(70)) });
    expect(failure(deepAround).code).toBe('too-deep');
    const longInside = JSON.stringify({ name: 't', flow: JSON.stringify(tinyFlow({ note: 'x'.repeat(2000) })) });
    expect(failure(longInside, { maxStringLength: 1000 })).toMatchObject({ code: 'too-large', message: expect.stringMatching(/at \/note/) });
    // The wrapper's own `flow` string is the export: as long as the export is, it is not refused.
    expect(loadFlow(JSON.stringify({ name: 't', flow: JSON.stringify(tinyFlow({ note: 'x'.repeat(900) })) }), { maxStringLength: 1000 }).ok).toBe(true);
  });
});

test('the syntax-error locator agrees with JSON.parse on what is valid', () => {
  const samples = ['{}', '[]', '{"a":[1,2,{"b":null}],"c":"\\u00e9\\n"}', '-0.5e3', '{"a":1,}', '[1 2]', '{"a" 1}', '{"a":tru}', '"x', '{"a":"\u0001"}', '[01]', '{"a":1}x', '[', '{"a":[}', '"\\q"'];
  for (const sample of samples) {
    let valid = true;
    try {
      JSON.parse(sample);
    } catch {
      valid = false;
    }
    const result = loadFlow(sample);
    const syntaxError = !result.ok && result.error.code === 'not-json';
    expect(syntaxError, sample).toBe(!valid);
  }
});

test('firstNonUtf8Byte finds the byte where a strict UTF-8 decoder stops, and nothing in UTF-8', () => {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const lenient = new TextDecoder('utf-8');
  const decodes = (bytes: Uint8Array) => {
    try {
      return strict.decode(bytes), true;
    } catch {
      return false;
    }
  };
  // Every lead byte after an ASCII one, with continuation bytes at the edges of each range.
  const edges = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff];
  const wrong: string[] = [];
  for (let lead = 0x80; lead <= 0xff; lead++) {
    for (const second of edges) {
      for (const third of [0x7f, 0x80, 0xbf, 0xc0]) {
        for (const rest of [[], [0x80], [0x80, 0x41], [0xc0]]) {
          const bytes = new Uint8Array([0x41, lead, second, third, ...rest]);
          const offset = firstNonUtf8Byte(bytes);
          const right = offset === -1 ? decodes(bytes) : !decodes(bytes) && decodes(bytes.subarray(0, offset)) && lenient.decode(bytes.subarray(offset)).startsWith('\uFFFD');
          if (!right) wrong.push(`${bytes}: ${offset}`);
        }
      }
    }
  }
  expect(wrong).toEqual([]);
  expect(firstNonUtf8Byte(new TextEncoder().encode('ascii, é, €, 😀 and \uFFFD'))).toBe(-1);
});
