/**
 * What the page sends its grading worker and what the worker runs (web/grading-request.ts), the
 * report of a grading stopped at the time limit or not started for want of a worker, and the limit
 * itself (web/grading-thread.ts). The worker itself, the limit reached and a page with no worker are
 * tested in Chromium:
 * tests/browser/web-worker.test.ts.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEFAULT_MISSION_ID, findMission } from '../../../checks/index.js';
import { noWorkerFile, timedOutFile } from '../../../web/grade-file.js';
import { gradePickedFile } from './picked-file.js';
import { gradeRequest, requestOptions, TOOL } from '../../../web/grading-request.js';
import { GRADING_TIME_LIMIT, gradingTimeLimit } from '../../../web/grading-thread.js';
import { errorAdvice, errorLine, summaryLine } from '../../../web/messages.js';
import { fixturePath } from '../../helpers.js';

const FIXED = '2025-06-02T10:00:00Z';

const bytesOf = (relative: string) => {
  const bytes = readFileSync(fixturePath(relative));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};

test('a request graded (as the worker grades it) gives the report of the page\'s own path, at the page\'s time, with the attendee and DNIS asked for', async () => {
  const mission = findMission(DEFAULT_MISSION_ID)!;
  for (const [file, asked] of [
    ['flows/solution.json', {}],
    // A DNIS other than the lab's (one the DynVars dataset has no record for): the report is graded with it.
    ['flows/solution.json', { attendee: 'ada', dnis: '+14085550000' }],
    ['flows/defect-callbackapi-method-put.json', { attendee: 'ada', dnis: mission.defaultSettings.dnis }],
  ] as const) {
    const fromRequest = await gradeRequest({ fileName: 'Main_Flow_140.json', bytes: bytesOf(file), lab: mission.id, now: Date.parse(FIXED), ...asked });
    const onPage = await gradePickedFile(new File([readFileSync(fixturePath(file))], 'Main_Flow_140.json'), {
      mission,
      now: () => new Date(FIXED),
      tool: TOOL,
      ...('attendee' in asked ? { attendee: asked.attendee, settings: { dnis: asked.dnis } } : {}),
    });
    expect(fromRequest, file).toEqual(onPage);
    expect(fromRequest.report.generatedAt).toBe('2025-06-02T10:00:00.000Z');
  }
});

test('every time of one grading is the instant the page asked at: the report\'s and the clock the flow reads', () => {
  const options = requestOptions({ fileName: 'a.json', lab: DEFAULT_MISSION_ID, now: Date.parse(FIXED) });
  expect([options.now!().toISOString(), options.now!().toISOString()]).toEqual(['2025-06-02T10:00:00.000Z', '2025-06-02T10:00:00.000Z']);
  expect(options.settings).toBeUndefined();
  expect(options.attendee).toBeUndefined();
  expect(() => requestOptions({ fileName: 'a.json', lab: 'no-such-lab', now: 0 })).toThrow('unknown lab no-such-lab');
});

test('a grading stopped at the limit is ungradable with grade --timeout\'s code, the limit in seconds and its own advice', () => {
  const { report, reason } = timedOutFile(120, requestOptions({ fileName: 'Main_Flow_140.json', lab: DEFAULT_MISSION_ID, now: Date.parse(FIXED) }));
  expect(reason).toBe('grading-timeout');
  expect(report.verdict).toBe('ungradable');
  expect(report.input).toEqual({ file: 'Main_Flow_140.json' });
  expect(summaryLine(report)).toBe('Main_Flow_140.json could not be graded.');
  expect(errorLine(report)).toBe('Main_Flow_140.json: grading took longer than 120 s; stopped: the export may hold an expression or pattern this browser cannot finish [grading-timeout]');
  expect(errorAdvice('grading-timeout')).toContain('flowgrade check');
});

test('a file given where no grading worker can start is ungradable with its own code and advice, not graded on the page\'s thread', () => {
  const { report, reason } = noWorkerFile(requestOptions({ fileName: 'Main_Flow_140.json', lab: DEFAULT_MISSION_ID, now: Date.parse(FIXED) }));
  expect(reason).toBe('no-grading-worker');
  expect(report.verdict).toBe('ungradable');
  expect(report.checks).toEqual([]);
  expect(summaryLine(report)).toBe('Main_Flow_140.json could not be graded.');
  expect(errorLine(report)).toBe(
    'Main_Flow_140.json: not graded: this browser could not start the grading worker, which stops a grading that would never end (a browser without Web Workers, or a site refusing them) [no-grading-worker]',
  );
  expect(errorAdvice('no-grading-worker')).toContain('flowgrade check');
});

test('the time limit is grade --timeout\'s default unless a script before the page\'s set a number of seconds over 0', () => {
  expect(GRADING_TIME_LIMIT).toBe(120);
  expect(gradingTimeLimit({})).toBe(120);
  expect(gradingTimeLimit({ flowgradeGradingTimeLimit: 1 })).toBe(1);
  expect(gradingTimeLimit({ flowgradeGradingTimeLimit: 0.5 })).toBe(0.5);
  for (const wrong of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '1', null, {}]) expect(gradingTimeLimit({ flowgradeGradingTimeLimit: wrong }), String(wrong)).toBe(120);
});
