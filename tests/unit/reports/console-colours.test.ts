/**
 * The console report (reports/console.ts): what the mutation sweep h24-g found no test holding.
 * Each test fails with a mutant that the earlier console tests let through.
 */
import { test, expect } from '@playwright/test';
import { NO_COLOR, renderConsole } from '../../../reports/console.js';
import { failedReport, TAGGED, ungradableReport } from './sample-reports.js';

test("an ungradable file's line is yellow: neither the green of a pass nor the red of a failure", () => {
  const text = renderConsole(ungradableReport(), { color: TAGGED });
  expect(text).toBe('<y>submissions/notes.json: UNGRADABLE — file is not JSON: Unexpected token N at line 1 column 1 [not-json]</y>\n');
});
