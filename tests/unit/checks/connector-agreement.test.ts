/**
 * CallBackAPI_HTTPRequest's connector read the same by the static check and by the simulated call:
 * the check passes exactly when the simulated Create Task request went through a connector. A
 * connector the export holds by its id alone (no `connectorId:name`) is the connector chosen: both
 * accept it (docs/simulator.md, HTTP Request).
 */
import { expect, test } from '@playwright/test';
import { HTTP_SETTINGS } from '../../../engine/simulator/http.js';
import { gradeMutation, props, resultOf, type Json } from './support.js';

const API = 'CallBackAPI_HTTPRequest';
const withoutName = (p: Json): void => {
  delete p['connectorId:name'];
  delete p.connectorId_name;
};

const cases: [string, (p: Json) => void, boolean][] = [
  ['named WxCC_API, with its id', () => {}, true],
  ['its id alone (connectorId:name and connectorId_name removed)', withoutName, true],
  ['its id, with a blank name', (p) => { p['connectorId:name'] = p.connectorId_name = ' '; }, true],
  ['its name alone', (p) => { p.connectorId = null; }, true],
  ['neither a name nor an id', (p) => { withoutName(p); p.connectorId = null; }, false],
];

for (const [name, edit, sent] of cases) {
  test(`connector by ${name}: the check ${sent ? 'passes' : 'fails'}, as the simulated request ${sent ? 'goes through it' : 'fails on it'}`, async () => {
    const report = await gradeMutation((f) => edit(props(f, API)));
    const runs = report.scenarios.flatMap((s) => s.trace).filter((entry) => entry.activity === API);
    expect(runs.length).toBeGreaterThan(0);
    for (const entry of runs) {
      if (sent) {
        expect(entry.failedSetting).toBeUndefined();
        expect(entry.http?.url).toBe('https://api.wxcc-us1.cisco.com/v1/tasks');
      } else {
        expect(entry.failedSetting).toBe(HTTP_SETTINGS.connector);
      }
    }
    expect(resultOf(report, 'callback-api-authenticated').status).toBe(sent ? 'passed' : 'failed');
    expect(resultOf(report, 'run-task-created').status).toBe(sent ? 'passed' : 'failed');
  });
}
