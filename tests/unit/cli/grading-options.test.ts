/** The grading options every command shares: one instant for --now, the DNIS as grading reads it. */
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveGradingOptions } from '../../../cli/grading-options.js';
import { UsageError } from '../../../cli/errors.js';
import { fixturePath, ROOT, runCli, tempDir, unixSocket } from '../../helpers.js';

/** The instant `--now text` grades at, or undefined when it is refused (a usage error). */
async function instantOf(text: string): Promise<string | undefined> {
  try {
    return (await resolveGradingOptions({ lab: 'callback-on-global-error', now: text })).now?.().toISOString();
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
}

test('--now is one instant on every machine: a date, or a time with Z or an offset', async () => {
  expect(await instantOf('2025-08-01T09:00:00Z')).toBe('2025-08-01T09:00:00.000Z');
  expect(await instantOf('2025-08-01T09:00:00.5+02:00')).toBe('2025-08-01T07:00:00.500Z');
  expect(await instantOf('2025-08-01T09:00:00.123456789Z')).toBe('2025-08-01T09:00:00.123Z'); // up to nanoseconds, as ISO 8601 tools write them
  expect(await instantOf('2025-08-01T09:00Z')).toBe('2025-08-01T09:00:00.000Z');
  expect(await instantOf('2025-08-01')).toBe('2025-08-01T00:00:00.000Z');
  expect(await instantOf('0000-02-29')).toBe('0000-02-29T00:00:00.000Z'); // year 0 is a leap year
  // Read in the machine's own zone, or not a time at all: refused.
  for (const text of ['2025-06-01T12:00:00', '1', '2025', 'Aug 1 2025', '2025-02-30T00:00:00Z', '2025-08-01T25:00:00Z', '2025-08-01 09:00:00Z', ' 2025-08-01', '2025-08-01T09:00:00.1234567890Z']) {
    expect(await instantOf(text), text).toBeUndefined();
  }
});

test('check --now without a zone, or on a day the calendar does not have, is a usage error saying which', async () => {
  const run = await runCli(['check', fixturePath('flows/solution.json'), '--now', '2025-06-01T12:00:00', '--quiet']);
  expect([run.code, run.stderr.trim()]).toEqual([2, 'flowgrade: --now "2025-06-01T12:00:00" is not an ISO 8601 time with its time zone, such as 2025-08-01T09:00:00Z']);
  const day = await runCli(['check', fixturePath('flows/solution.json'), '--now', '2025-02-29', '--quiet']);
  expect([day.code, day.stderr.trim()]).toEqual([2, 'flowgrade: --now "2025-02-29" is not a day of the calendar']);
  const hour = await runCli(['check', fixturePath('flows/solution.json'), '--now', '2025-08-01T25:00:00Z', '--quiet']);
  expect([hour.code, hour.stderr.trim()]).toEqual([2, 'flowgrade: --now "2025-08-01T25:00:00Z" is not a time of day']);
});

test('simulate --dnis dials the number as grading reads it, spaces and brackets dropped', async () => {
  const run = await runCli(['simulate', fixturePath('flows/solution.json'), '--dtmf', 'WantCallback=3', '--dnis', '+1 (469) 409-6861', '--format', 'json', '--now', '2025-08-01T09:00:00Z']);
  const result = JSON.parse(run.stdout) as { requests: { url: string }[]; tasks: unknown[] };
  expect(result.requests[0].url).toContain('DynVars?dn=4694096861');
  expect(result.tasks).toHaveLength(1);
  // +14694096861 is also the number dialed without --dnis: another number shows --dnis is the one dialed.
  const other = await runCli(['simulate', fixturePath('flows/solution.json'), '--dtmf', 'WantCallback=3', '--dnis', '+1 (972) 555-0100', '--format', 'json', '--now', '2025-08-01T09:00:00Z']);
  expect((JSON.parse(other.stdout) as { requests: { url: string }[] }).requests[0].url).toMatch(/DynVars\?dn=9725550100$/);
});

test('simulate --dtmf: a label no menu has is named on stderr; a label given again answers the next visits', async () => {
  const flow = fixturePath('flows/solution.json');
  const typo = await runCli(['simulate', flow, '--dtmf', 'wantcallback=3', '--format', 'json']);
  // The call then waits in queue at WantCallback, unanswered: the line after names the label to give.
  expect(typo.stderr.trim().split('\n')).toEqual([
    'flowgrade: --dtmf wantcallback: no Menu or Collect Digits activity has that label (labels are case-sensitive); its answers are never used',
    'flowgrade: WantCallback got no answer, so the call went no further: add --dtmf WantCallback=<digits> (its options: 1, 2, 3)',
  ]);
  // No input, then 3: the menu's timeout exit loops back to it (Callback Mission 2), the second visit takes option 3.
  const twice = await runCli(['simulate', flow, '--dtmf', 'WantCallback=', '--dtmf', 'WantCallback=3', '--format', 'json']);
  expect(twice.stderr).toBe('');
  const visits = (JSON.parse(twice.stdout) as { trace: { activity: string; outcome: string }[] }).trace.filter((e) => e.activity === 'WantCallback');
  expect(visits.map((e) => e.outcome)).toEqual(['timeout', '3']);
});

test('--connector takes an http(s) address: a typo is a usage error, not a class of failed attendees', async () => {
  for (const base of ['notaurl', 'ftp://x', 'api.wxcc-us1.cisco.com']) {
    const run = await runCli(['check', fixturePath('flows/solution.json'), '--connector', `WxCC_API=${base}`, '--quiet']);
    expect([base, run.code, run.stderr.trim()]).toEqual([base, 2, `flowgrade: --connector WxCC_API=${base}: "${base}" is not an http(s) address such as https://api.wxcc-us1.cisco.com`]);
  }
  // Credentials in the address: the simulator sends none, so every authenticated request would fail (named as its Request Path).
  for (const base of ['https://user:pw@api.wxcc-eu1.cisco.com', 'https://user@api.wxcc-eu1.cisco.com']) {
    const run = await runCli(['check', fixturePath('flows/solution.json'), '--connector', `WxCC_API=${base}`, '--quiet']);
    expect([base, run.code, run.stderr.trim()]).toEqual([base, 2, `flowgrade: --connector WxCC_API=${base}: "${base}" holds a user name or password (user:password@), which the simulator never sends: give the address alone, such as https://api.wxcc-us1.cisco.com`]);
  }
  // An internationalised host (xn--…): the simulator refuses every request to one, so it is refused here as there.
  const punycode = 'https://api.xn--bcher-kva.example';
  const refused = await runCli(['check', fixturePath('flows/solution.json'), '--connector', `WxCC_API=${punycode}`, '--quiet']);
  expect([refused.code, refused.stderr.trim()]).toEqual([2, `flowgrade: --connector WxCC_API=${punycode}: "${punycode}" names an internationalised host (xn--…), which the simulator refuses as it refuses a Request URL naming one`]);
  const good = await runCli(['check', fixturePath('flows/solution.json'), '--connector', 'WxCC_API=https://api.wxcc-eu1.cisco.com', '--quiet']);
  expect(good.code).toBe(0);
});

test('--dynvars is read like an export: a pipe, a device or a socket is refused at once, never waited on; --max-size 0 is a usage error', async () => {
  const flow = fixturePath('flows/solution.json');
  const device = await runCli(['check', flow, '--dynvars', '/dev/zero', '--quiet']);
  expect([device.code, device.stderr.trim()]).toEqual([2, 'flowgrade: --dynvars "/dev/zero": cannot read the DynVars dataset: is not a regular file (a pipe, device or socket)']);
  if (process.platform !== 'win32') {
    const socket = path.join(tempDir('dynvars-socket'), 'dynvars.json');
    const close = await unixSocket(socket);
    const run = await runCli(['check', flow, '--dynvars', socket, '--quiet']);
    await close();
    // Before: "cannot read the DynVars dataset: ENXIO: no such device or address, open '…'".
    expect([run.code, run.stderr.trim()]).toEqual([2, `flowgrade: --dynvars ${JSON.stringify(socket)}: cannot read the DynVars dataset: is not a regular file (a pipe, device or socket)`]);
  }
  const empty = await runCli(['check', flow, '--dynvars', '', '--quiet']);
  expect([empty.code, empty.stderr.trim()]).toEqual([2, 'flowgrade: --dynvars "": cannot read the DynVars dataset: no such file']);
  const zero = await runCli(['check', flow, '--max-size', '0', '--quiet']);
  expect(zero.code).toBe(2);
  expect(zero.stderr).toContain('"0" is less than one byte');
});

test('--dynvars nested deeper than 64 levels is refused before anything recursive reads it: MockAPI\'s answer then depended on the thread\'s stack, so on --jobs', async () => {
  const dir = tempDir('dynvars-deep');
  const record = JSON.parse(readFileSync(path.join(ROOT, 'mocks/data/dynvars.json'), 'utf8'))[0];
  // As text: JSON.stringify of 5,000 levels would itself overflow the stack.
  const withExtra = (levels: number) => `[${JSON.stringify(record).slice(0, -1)},"extra":${'['.repeat(levels)}${']'.repeat(levels)}}]`;
  writeFileSync(path.join(dir, 'deep.json'), withExtra(5000));
  writeFileSync(path.join(dir, 'fine.json'), withExtra(60));
  const flow = fixturePath('flows/solution.json');
  for (const command of ['check', 'grade']) {
    const args = command === 'grade' ? [command, flow, '--out', path.join(dir, 'out'), '--quiet'] : [command, flow, '--quiet'];
    const run = await runCli([...args, '--dynvars', path.join(dir, 'deep.json')]);
    expect([run.code, run.stderr.trim()], command).toEqual([2, `flowgrade: --dynvars ${JSON.stringify(path.join(dir, 'deep.json'))}: the DynVars dataset is nested deeper than 64 levels`]);
  }
  const fine = await runCli(['check', flow, '--quiet', '--dynvars', path.join(dir, 'fine.json')]);
  expect([fine.code, fine.stderr]).toEqual([0, '']);
});

test('--dynvars saved as UTF-16 (Notepad\'s "Unicode", PowerShell 5\'s >) or UTF-32, with or without a BOM, is named so, not as binary data', async () => {
  const dir = tempDir('dynvars-wide');
  const record = '[{"dn": "4694096861", "outboundcallbackep": "aaaaaaaa-1111-4222-8333-444444444444", "tacnumber": "+15559876543"}]';
  const utf32 = Buffer.alloc(record.length * 4);
  for (let i = 0; i < record.length; i++) utf32.writeUInt32LE(record.charCodeAt(i), i * 4);
  const files: [name: string, bytes: Buffer, encoding: string][] = [
    ['utf16-bom.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(record, 'utf16le')]), 'UTF-16 (Notepad\'s "Unicode")'],
    ['utf16.json', Buffer.from(record, 'utf16le'), 'UTF-16 (Notepad\'s "Unicode")'],
    ['utf32.json', utf32, 'UTF-32'],
  ];
  for (const [name, bytes, encoding] of files) {
    const dataset = path.join(dir, name);
    writeFileSync(dataset, bytes);
    const run = await runCli(['check', fixturePath('flows/solution.json'), '--dynvars', dataset, '--quiet']);
    expect([run.code, run.stderr.trim()], name).toEqual([2, `flowgrade: --dynvars ${JSON.stringify(dataset)}: the DynVars dataset is ${encoding}, not UTF-8: save it as UTF-8`]);
  }
});

test('--dynvars that is not UTF-8 (saved as "ANSI" or Latin-1) is refused, not read with its letters replaced', async () => {
  const dataset = path.join(tempDir('dynvars-latin1'), 'dynvars.json');
  const record = '[{"dn": "4694096861", "outboundcallbackep": "aaaaaaaa-1111-4222-8333-444444444444", "tacnumber": "+15559876543", "name": "Caf\u00e9"}]';
  writeFileSync(dataset, Buffer.from(record, 'latin1'));
  const run = await runCli(['check', fixturePath('flows/solution.json'), '--dynvars', dataset, '--quiet']);
  expect([run.code, run.stderr.trim()]).toEqual([2, `flowgrade: --dynvars ${JSON.stringify(dataset)}: the DynVars dataset is not UTF-8: save it as UTF-8`]);
  writeFileSync(dataset, record);
  expect((await runCli(['check', fixturePath('flows/solution.json'), '--dynvars', dataset, '--quiet'])).code).toBe(0);
});

test('--dynvars that is not valid JSON says where, as an export does; an empty one says it is empty', async () => {
  const dataset = path.join(tempDir('dynvars-syntax'), 'dynvars.json');
  writeFileSync(dataset, '[\n  {"dn": "4694096861", "outboundcallbackep": "aaaaaaaa-1111-4222-8333-444444444444"}\n  {"dn": "14085267209"}\n]\n');
  const run = await runCli(['check', fixturePath('flows/solution.json'), '--dynvars', dataset, '--quiet']);
  expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: --dynvars ${JSON.stringify(dataset)}: the DynVars dataset is not valid JSON: unexpected "{\\"dn\\": \\"1408" at line 3 column 3\n`]);
  writeFileSync(dataset, ' \n');
  const empty = await runCli(['simulate', fixturePath('flows/solution.json'), '--dynvars', dataset]);
  expect([empty.code, empty.stdout, empty.stderr]).toEqual([2, '', `flowgrade: --dynvars ${JSON.stringify(dataset)}: the DynVars dataset is empty\n`]);
});

test('--attendee is trimmed as the self-check page trims its field; a blank one is a usage error', async () => {
  const spaced = await runCli(['check', fixturePath('flows/solution.json'), '--format', 'json', '--attendee', ' 140 ']);
  expect(JSON.parse(spaced.stdout).attendee).toEqual({ id: '140', source: 'option' });
  expect(spaced.code).toBe(0); // the flow name Main_Flow_140 carries that id
  const blank = await runCli(['check', fixturePath('flows/solution.json'), '--attendee', '   ']);
  expect(blank.code).toBe(2);
  expect(blank.stderr).toContain('"   " is blank: give the attendee id');
});

test('simulate --dtmf: only keys a caller can press (digits, * and #), else a usage error', async () => {
  const flow = fixturePath('flows/solution.json');
  const refused = await runCli(['simulate', flow, '--dtmf', 'WantCallback=x']);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('"x" is not what a caller can press: digits, * and # (a comma list for successive visits)');
  const keys = await runCli(['simulate', flow, '--dtmf', 'WantCallback=3', '--dtmf', 'NewNumber=1408*#', '--format', 'json']);
  expect(keys.code).toBe(0);
});

test('simulate --business-hours on a flow without a Business Hours activity says it is never used; on one with it, or by default, nothing is said', async () => {
  const without = await runCli(['simulate', fixturePath('flows/solution.json'), '--business-hours', 'closed', '--format', 'json']);
  expect(without.stderr.trim()).toBe('flowgrade: --business-hours closed: the flow has no Business Hours activity; it is never used');
  expect((await runCli(['simulate', fixturePath('flows/solution.json'), '--format', 'json'])).stderr).toBe('');
  const withHours = await runCli(['simulate', fixturePath('flows/noise-core-track-nodes.json'), '--business-hours', 'closed', '--format', 'json']);
  expect(withHours.stderr).toBe('');
  expect((JSON.parse(withHours.stdout) as { trace: { type: string; outcome: string }[] }).trace.find((e) => e.type === 'business-hours')?.outcome).toBe('default'); // closed: Business Hours' default exit
});

test('simulate --dtmf and --business-hours: a menu or Business Hours activity in an event flow counts, not only the main flow\'s', async () => {
  // Before (a mutation sweep, X09): with the event flows not looked at, nothing said otherwise and every test passed.
  type Activities = Record<string, { id: string; name: string; properties: Record<string, unknown> }>;
  const flow = JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8')) as { process: { activities: Activities }; eventFlows: { eventsMap: { GLOBAL_EVENTS: { process: { activities: Activities } } } } };
  const menu = structuredClone(Object.values(flow.process.activities).find((activity) => activity.name === 'WantCallback'));
  if (!menu) throw new Error('solution.json has no WantCallback menu');
  // OnGlobalError's flow gets a menu of its own (a label the main flow does not have) and a Business Hours activity.
  Object.assign(menu, { id: 'event-menu', name: 'ErrorMenu' });
  Object.assign(menu.properties, { name: 'ErrorMenu' });
  const hours = { id: 'event-hours', name: 'ErrorHours', group: 'action', properties: { activityName: 'business-hours', name: 'ErrorHours' } };
  Object.assign(flow.eventFlows.eventsMap.GLOBAL_EVENTS.process.activities, { [menu.id]: menu, [hours.id]: hours });
  const file = path.join(tempDir('event-menu'), 'flow.json');
  writeFileSync(file, JSON.stringify(flow));
  const run = await runCli(['simulate', file, '--dtmf', 'ErrorMenu=1', '--business-hours', 'closed', '--format', 'json']);
  // Neither named as unknown; only WantCallback, which the call waits at in queue, unanswered (a --dtmf was given).
  expect([run.code, run.stderr]).toEqual([0, 'flowgrade: WantCallback got no answer, so the call went no further: add --dtmf WantCallback=<digits> (its options: 1, 2, 3)\n']);
  // The same flags on the solution as it is: both named (so the event flow's activities are what silenced them).
  const plain = await runCli(['simulate', fixturePath('flows/solution.json'), '--dtmf', 'ErrorMenu=1', '--business-hours', 'closed', '--format', 'json']);
  expect(plain.stderr.trim().split('\n')).toEqual([
    'flowgrade: --dtmf ErrorMenu: no Menu or Collect Digits activity has that label (labels are case-sensitive); its answers are never used',
    'flowgrade: --business-hours closed: the flow has no Business Hours activity; it is never used',
    'flowgrade: WantCallback got no answer, so the call went no further: add --dtmf WantCallback=<digits> (its options: 1, 2, 3)',
  ]);
});

test('--now an instant past the years 0000–9999 once in UTC is refused: reports (generatedAt, the JUnit timestamp) could not write it as an ISO 8601 time', async () => {
  for (const text of ['9999-12-31T23:59:59-01:00', '0000-01-01T00:30:00+01:00']) expect(await instantOf(text), text).toBeUndefined();
  expect(await instantOf('9999-12-31T23:59:59Z')).toBe('9999-12-31T23:59:59.000Z');
  expect(await instantOf('0000-01-01T00:30:00-01:00')).toBe('0000-01-01T01:30:00.000Z');
  const run = await runCli(['check', fixturePath('flows/solution.json'), '--now', '9999-12-31T23:59:59-01:00', '--format', 'json']);
  expect([run.code, run.stdout, run.stderr.trim()]).toEqual([2, '', 'flowgrade: --now "9999-12-31T23:59:59-01:00" is outside the years 0000–9999 once in UTC: a report could not write it as an ISO 8601 time']);
});

test('check and grade refuse a --dnis the DynVars dataset has no record for (every attendee would fail for it); --dynvars with that record, or simulate, take it', async () => {
  const flow = fixturePath('flows/solution.json');
  const problem = "flowgrade: the DynVars dataset has no record for dn 4085550000 (the DNIS +14085550000 as GET_CBID sends it) with outboundcallbackep and tacnumber: no flow's GET_CBID could fill outdialcbid and customani; give --dynvars a dataset with that record, or leave --dnis at the lab's +14694096861";
  const check = await runCli(['check', flow, '--dnis', '+14085550000', '--quiet']);
  expect([check.code, check.stderr.trim()]).toEqual([2, problem]);
  const out = path.join(tempDir('dnis-grade'), 'out');
  const grade = await runCli(['grade', flow, '--out', out, '--dnis', '+14085550000', '--quiet']);
  expect([grade.code, grade.stderr.trim(), existsSync(out)]).toEqual([2, problem, false]);
  const empty = path.join(tempDir('dnis-dataset'), 'empty.json');
  writeFileSync(empty, '[]');
  // --dnis left at the lab's number: the dataset given is what lacks the record, and the line says what to do with it.
  const noRecord = "flowgrade: the DynVars dataset has no record for dn 4694096861 (the DNIS +14694096861 as GET_CBID sends it) with outboundcallbackep and tacnumber: no flow's GET_CBID could fill outdialcbid and customani";
  const emptyCheck = await runCli(['check', flow, '--dynvars', empty, '--quiet']);
  expect([emptyCheck.code, emptyCheck.stderr.trim()]).toEqual([2, `${noRecord}; add that record to --dynvars ${empty}, or give --dnis a number it has a record for`]);
  const dataset = path.join(tempDir('dnis-dataset'), 'dynvars.json');
  writeFileSync(dataset, JSON.stringify([{ dn: '4085550000', outboundcallbackep: 'aaaaaaaa-1111-4222-8333-444444444444', tacnumber: '+15559876543' }]));
  const own = await runCli(['check', flow, '--dnis', '+14085550000', '--dynvars', dataset, '--quiet']);
  expect([own.code, own.stderr]).toEqual([0, '']);
  const simulate = await runCli(['simulate', flow, '--dnis', '+14085550000', '--dtmf', 'WantCallback=3']);
  expect(simulate.code, simulate.stderr).toBe(0);
});

test('--mockapi-filter: by default a dn one digit short still finds the record, as MockAPI matches part of a value, and only the URL check fails; exact finds none', async () => {
  const file = path.join(tempDir('mockapi-filter-'), 'Main_Flow_140.json');
  const solution = readFileSync(fixturePath('flows/solution.json'), 'utf8');
  writeFileSync(file, solution.replaceAll('slice(2) }}', 'slice(3) }}'));
  const failedIds = async (...more: string[]) => {
    const run = await runCli(['check', file, '--format', 'json', '--now', '2025-08-01T09:00:00Z', ...more]);
    return (JSON.parse(run.stdout).checks as { id: string; status: string }[]).filter((check) => check.status === 'failed').map((check) => check.id);
  };
  expect(await failedIds()).toEqual(['get-cbid-url']);
  expect(await failedIds('--mockapi-filter', 'contains')).toEqual(['get-cbid-url']);
  expect(await failedIds('--mockapi-filter', 'exact')).toEqual(['get-cbid-url', 'run-get-cbid-fills-variables']);
  const simulated = async (...more: string[]) => JSON.parse((await runCli(['simulate', file, '--dtmf', 'WantCallback=3', '--format', 'json', ...more])).stdout).tasks.length;
  expect([await simulated(), await simulated('--mockapi-filter', 'exact')]).toEqual([1, 0]);
  const wrong = await runCli(['check', file, '--mockapi-filter', 'part']);
  expect([wrong.code, wrong.stderr.trim()]).toEqual([2, "flowgrade check: option '--mockapi-filter <match>' argument 'part' is invalid. Allowed choices are contains, exact; see flowgrade check --help"]);
});

test('simulate --lab: the mission whose number the call dials; the default lab gives the same run, an unknown one is a usage error', async () => {
  const args = ['simulate', fixturePath('flows/solution.json'), '--dtmf', 'WantCallback=3', '--format', 'json', '--now', '2025-08-01T09:00:00Z'];
  const plain = await runCli(args);
  const named = await runCli([...args, '--lab', 'callback-on-global-error']);
  expect(named).toEqual(plain);
  expect(JSON.parse(named.stdout).trace[0].modifiedVariables).toMatchObject({ 'NewPhoneContact.DNIS': '+14694096861' });
  const unknown = await runCli([...args, '--lab', 'nope']);
  expect([unknown.code, unknown.stderr.trim()]).toEqual([2, 'flowgrade: unknown lab "nope"; known labs: callback-on-global-error']);
});

test('--dnis help names each registered mission\'s own number, as the registry holds it', async () => {
  const { MISSIONS } = await import('../../../checks/index.js');
  for (const command of ['check', 'grade', 'simulate']) {
    const help = (await runCli([command, '--help'])).stdout.replace(/\s+/g, ' ');
    for (const mission of MISSIONS) expect(help, command).toContain(`${mission.defaultSettings.dnis} (${mission.id})`);
  }
});

test('--connector takes plain http too (a local stand-in for the connector), and --now gives each caller a Date of its own', async () => {
  // Before (a mutation sweep): http:// refused as no http(s) address; and one Date shared, so a caller changing it changed the clock.
  const options = await resolveGradingOptions({ lab: 'callback-on-global-error', connector: { WxCC_API: 'http://localhost:8080' }, now: '2025-08-01T09:00:00Z' });
  expect(options.mocks?.connectors).toEqual({ WxCC_API: 'http://localhost:8080' });
  options.now!().setUTCFullYear(2000);
  expect(options.now!().toISOString()).toBe('2025-08-01T09:00:00.000Z');
});
