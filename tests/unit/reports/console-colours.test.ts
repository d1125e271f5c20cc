/**
 * The console report (reports/console.ts): what the mutation sweep h24-g found no test holding.
 * Each test fails with a mutant that the earlier console tests let through.
 */
import { test, expect } from '@playwright/test';
import { NO_COLOR, renderConsole } from '../../../reports/console.js';
import { failedReport, hostileReport, hostileUngradable, TAGGED, ungradableReport } from './sample-reports.js';

const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

test("an ungradable file's line is yellow: neither the green of a pass nor the red of a failure", () => {
  const text = renderConsole(ungradableReport(), { color: TAGGED });
  expect(text).toBe('<y>submissions/notes.json: UNGRADABLE — file is not JSON: Unexpected token N at line 1 column 1 [not-json]</y>\n');
});

test('the one line of quiet output, and of an ungradable file, names the file without its control characters', () => {
  const quiet = renderConsole(hostileReport(), { color: NO_COLOR, quiet: true });
  expect(quiet).not.toMatch(CONTROLS);
  const evilName = { ...hostileUngradable(), input: { ...hostileUngradable().input, file: 'a\u001b[2Jb\u009b.json' } };
  const line = renderConsole(evilName, { color: NO_COLOR });
  expect(line).not.toMatch(CONTROLS);
  expect(line.startsWith('a[2Jb.json: UNGRADABLE')).toBe(true); // control characters removed
});

test("a check's title is shown without control characters, wherever it came from", () => {
  const report = failedReport();
  report.checks = report.checks.map((c) => ({ ...c, title: `${c.title} \u001b[2J\u009b` }));
  expect(renderConsole(report, { color: NO_COLOR })).not.toMatch(CONTROLS);
  expect(renderConsole(report, { color: NO_COLOR, width: 60 })).not.toMatch(CONTROLS);
});

test('a terminal narrower than 40 columns is wrapped as one of 40: no line of a word or two', () => {
  const at40 = renderConsole(failedReport(), { color: NO_COLOR, width: 40 });
  expect(renderConsole(failedReport(), { color: NO_COLOR, width: 12 })).toBe(at40);
  expect(renderConsole(failedReport(), { color: NO_COLOR, width: 1 })).toBe(at40);
  expect(at40).not.toBe(renderConsole(failedReport(), { color: NO_COLOR, width: 80 }));
});
