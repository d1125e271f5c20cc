/**
 * The console report's marks on Windows' own console (conhost: cmd and PowerShell windows on
 * Windows 10, whose fonts, Consolas and Lucida Console, have no ✓ U+2713 nor ✗ U+2717): both showed
 * as the same empty box, and without colour (NO_COLOR, --no-color) a passed check looked like a
 * failed one. There `√` and `×` (code page 437, in every console font); Windows Terminal, VS Code
 * and the terminals of other systems keep ✓ and ✗.
 */
import { test, expect } from '@playwright/test';
import { run } from '../../../cli/main.js';
import { unicodeTerminal } from '../../../cli/terminal.js';
import { BASIC_MARKS, NO_COLOR, renderConsole } from '../../../reports/console.js';
import { gradeFile } from '../../../cli/grade-file.js';
import { resolveGradingOptions } from '../../../cli/grading-options.js';
import { fixturePath } from '../../helpers.js';

test("which terminals show ✓ and ✗: Windows' console does not; Windows Terminal, VS Code and others do", () => {
  expect(unicodeTerminal('win32', {})).toBe(false); // cmd or PowerShell in conhost
  expect(unicodeTerminal('win32', { WT_SESSION: '1f3c…' })).toBe(true); // Windows Terminal
  expect(unicodeTerminal('win32', { TERM_PROGRAM: 'vscode' })).toBe(true);
  expect(unicodeTerminal('win32', { TERM: 'xterm-256color' })).toBe(true); // Git Bash (mintty), ConEmu
  expect(unicodeTerminal('darwin', {})).toBe(true);
  expect(unicodeTerminal('linux', { TERM: 'xterm-256color' })).toBe(true);
});

test('the console report with basic marks: √ passed, × failed, the rest as it was', async () => {
  const options = await resolveGradingOptions({ lab: 'callback-on-global-error', now: '2025-08-01T09:00:00Z' });
  const report = await gradeFile(fixturePath('flows/defect-condition-constant-true.json'), options);
  const unicode = renderConsole(report, { color: NO_COLOR });
  const basic = renderConsole(report, { color: NO_COLOR, marks: BASIC_MARKS });
  expect(unicode).toMatch(/✓/);
  expect(unicode).toMatch(/✗/);
  expect(basic).not.toMatch(/[✓✗]/);
  expect(basic).toBe(unicode.replaceAll('✓', '√').replaceAll('✗', '×'));
});

test("check on Windows' console prints √ and ×; into a file (--out) ✓ and ✗, as on any terminal that shows them", async () => {
  let stdout = '';
  const argv = ['node', 'flowgrade', 'check', fixturePath('flows/defect-condition-constant-true.json'), '--now', '2025-08-01T09:00:00Z'];
  await run(argv, { stdout: (s) => void (stdout += s), stderr: () => undefined, isTTY: true, color: false, unicode: false });
  expect(stdout).toMatch(/√/);
  expect(stdout).toMatch(/×/);
  expect(stdout).not.toMatch(/[✓✗]/);
  stdout = '';
  await run(argv, { stdout: (s) => void (stdout += s), stderr: () => undefined, isTTY: true, color: false, unicode: true });
  expect(stdout).toMatch(/✓/);
});
