/** merge's reading of one shard's report (cli/merge/read-part.ts readReport): what is said of a file that is no report. */
import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readReport } from '../../../cli/merge/read-part.js';
import { tempDir } from './class-fixture.js';

const expected = { attendee: '140', file: 'Main_Flow_140.json', report: '140' } as Parameters<typeof readReport>[1];
const record = { tool: { name: 'flowgrade', version: 'test' }, lab: { id: 'callback-on-global-error', title: 'Callback on Global Error' }, checkIds: [] } as unknown as Parameters<typeof readReport>[2];

test('a report replaced by an object without a report\'s fields names the first one it lacks, and by no object says what it is, not what the schema\'s check of the verdict tried first', () => {
  const dir = tempDir('merge-read-report');
  const cases: [string, string][] = [
    ['{}', 'not a flowgrade report: it has no "schemaVersion"'],
    ['{"schemaVersion": 1, "tool": {}}', 'not a flowgrade report: it has no "lab"'],
    ['[]', 'not a flowgrade report: it is a list, not a JSON object'],
    ['"140"', 'not a flowgrade report: it is a string, not a JSON object'],
    ['null', 'not a flowgrade report: it is null, not a JSON object'],
  ];
  for (const [text, why] of cases) {
    writeFileSync(path.join(dir, '140.json'), text);
    expect(readReport(dir, expected, record), text).toEqual({ ok: false, file: path.join(dir, '140.json'), why });
  }
});
