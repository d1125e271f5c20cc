/**
 * JSONPath from an export runs over JSON the export controls (a Parse activity reads a JSON
 * variable's default, or text an expression built): its work is bounded like every other input.
 * jsonpath-plus walks every path a query can take, so deep scans after deep scans (`$..*..*…`) or
 * unions of indexes after unions (`$[0,0,…][0,0,…]…`) multiply the walk, and matches that repeat
 * a large value multiply what the simulator copies. Each case here crashed (out of memory),
 * hung, or failed as a "simulator failure" before the bounds of parse-settings.ts.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadFlow } from '../../../engine/loader.js';
import { simulate } from '../../../engine/simulator/index.js';
import { JSONPath } from 'jsonpath-plus';
import { MAX_JSONPATH_DEPTH, MAX_JSONPATH_LENGTH, MAX_JSONPATH_WORK, MAX_MATCHED_EXCESS } from '../../../engine/simulator/jsonpath-limits.js';
import { fixturePath } from '../../helpers.js';
import { fakeServices } from '../simulator/helpers.js';

type Export = Record<string, any>;
type Activity = { name: string; properties: Record<string, any> };

/**
 * The Parse fixture with the call going straight to ParseOrder, which reads the variable
 * `lastOrder` (of `type`, default `value`) with `path` into `orderStatus` (STRING).
 */
async function parseOrder(value: string, path: string, type = 'JSON') {
  const exported: Export = JSON.parse(readFileSync(fixturePath('activities/parse-activity.json'), 'utf8'));
  const activities = Object.entries(exported.process.activities as Record<string, Activity>);
  const idOf = (label: string) => activities.find(([, a]) => a.name === label)![0];
  for (const link of exported.process.links) if (link.targetActivityId === idOf('LookupCustomer')) link.targetActivityId = idOf('ParseOrder');
  activities.find(([, a]) => a.name === 'ParseOrder')![1].properties.outputVariableArray[0].jsonPathExp = path;
  Object.assign(exported.variables.find((v: { name: string }) => v.name === 'lastOrder'), { type, value });
  const loaded = loadFlow(JSON.stringify(exported));
  if (!loaded.ok) throw new Error(loaded.error.message);
  const result = await simulate(loaded.model, {}, { services: fakeServices([]) });
  return { result, parse: result.trace.find((entry) => entry.activity === 'ParseOrder')! };
}

/** `{"a":{"a":…{"a":1,"b":0}…,"b":1},"b":0}`, `levels` deep. */
function chain(levels: number): string {
  let text = '1';
  for (let level = 0; level < levels; level++) text = `{"a":${text},"b":${level % 2}}`;
  return text;
}

test('deep scan after deep scan is stopped by the work bound, not run to the end of the combinations', async () => {
  // 60 levels, three deep scans: 144,000 partial matches, 8 million steps of path (the fourth
  // scan ran 85 s and 4.3 GB, then V8 aborted the process).
  const { result, parse } = await parseOrder(chain(60), '$..*..*..*');
  expect(parse.outcome).toBe('not-simulated');
  expect(result.status).toBe('not-simulated');
  expect(result.summary).toBe(
    `JSONPath $..*..*..* (ParseOrder) takes more steps through the JSON than the ${MAX_JSONPATH_WORK} the simulator gives the JSONPath queries of one call`,
  );
});

test('unions of indexes after unions are stopped by the work bound, also where they index into a string', async () => {
  // jsonpath-plus indexes into strings: each [0,0,…] multiplies the walk by ten, whatever the JSON.
  const { result } = await parseOrder('[["xxxxxxxx"]]', '$' + '[0,0,0,0,0,0,0,0,0,0]'.repeat(6));
  expect(result.status).toBe('not-simulated');
  expect(result.summary).toMatch(/^JSONPath \$\[0,0,0,0,0,0,0,0,0,0\]\S* \(ParseOrder\) takes more steps through the JSON than/);
});

test('matches that repeat a large value are not copied beyond a bound: not simulated, not a simulator failure', async () => {
  // 400 copies of a 200 KB string would be 80 MB of text (12,000 were "Invalid string length").
  const big = JSON.stringify(['x'.repeat(200_000)]);
  const { result } = await parseOrder(big, '$[' + new Array(400).fill('0').join(',') + ']');
  expect(result.status).toBe('not-simulated');
  expect(result.summary).toMatch(
    new RegExp(`^JSONPath \\$\\[0,0,\\S* \\(ParseOrder\\) matches values that hold together over ${MAX_MATCHED_EXCESS} characters more than the JSON it reads$`),
  );
});

test('JSON nested deeper than the bound is named as such, not as a JSONPath that does not parse', async () => {
  const { result, parse } = await parseOrder('['.repeat(100_000) + ']'.repeat(100_000), '$..*', 'STRING');
  expect(parse.outcome).toBe('not-simulated');
  expect(result.summary).toBe(`the JSON ParseOrder reads is nested deeper than ${MAX_JSONPATH_DEPTH} levels, more than the simulator runs JSONPath through`);
});

test('within the bounds, deep scans and unions over real-sized JSON give their matches as before', async () => {
  const list = JSON.stringify({ list: Array.from({ length: 5_000 }, (_, i) => ({ id: i, name: `n${i}` })) });
  const names = await parseOrder(list, '$..name');
  expect(names.result.status).toBe('completed');
  expect(JSON.parse(String(names.result.variables.orderStatus))).toEqual(Array.from({ length: 5_000 }, (_, i) => `n${i}`));
  // $..* reaches the levels under the top one; ..b from each, its own b and those under it.
  const twice = await parseOrder(chain(3), '$..*..b');
  expect(twice.parse.modifiedVariables).toEqual({ orderStatus: '[1,0,0]' });
  const deep = await parseOrder(chain(MAX_JSONPATH_DEPTH - 1), '$.a.b', 'STRING');
  expect(deep.parse.modifiedVariables).toEqual({ orderStatus: String((MAX_JSONPATH_DEPTH - 3) % 2) });
});

test('a path longer than the bound is not handed to jsonpath-plus, whose reading of a path is quadratic in its length', async () => {
  // jsonpath-plus splits a path with a look-ahead that scans to the next `[` from every `.`:
  // `$..a..a…` of 261,000 characters (a string the loader accepts) took 29 s to read.
  const path = '$' + '..a'.repeat(5_000);
  const { result, parse } = await parseOrder(chain(3), path);
  expect(parse.outcome).toBe('not-simulated');
  // Named by its start and length, not quoted whole into a one-line summary.
  expect(result.summary).toBe(`JSONPath ${path.slice(0, 40)}… (15001 characters) (ParseOrder) holds more than ${MAX_JSONPATH_LENGTH} characters, which the simulator does not evaluate`);
  // The bound itself is read; one character more is not.
  const longest = '$.ab' + '.a'.repeat((MAX_JSONPATH_LENGTH - 4) / 2);
  expect(longest.length).toBe(MAX_JSONPATH_LENGTH);
  expect((await parseOrder(chain(3), longest)).result.status).toBe('completed');
  expect((await parseOrder(chain(3), `${longest}b`)).result.status).toBe('not-simulated');
});

test('no path read stays in jsonpath-plus\'s cache: it kept every path for the life of the process, one attendee\'s after another\'s', async () => {
  // 20,000 paths of 1,000 characters kept 122 MB: a few such exports in one grading thread and
  // the next attendee's grading ran out of memory.
  const paths = ['$.a.b', '$..b', '$[0,1]', '$..*..b'];
  for (const path of paths) await parseOrder(chain(3), path);
  expect(Object.keys(JSONPath.cache).filter((path) => paths.includes(path))).toEqual([]);
});
