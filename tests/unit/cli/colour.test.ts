/** When the console report is coloured on a stdout that is not a terminal: NO_COLOR, FORCE_COLOR and --no-color as docs/cli.md says. */
import { test, expect } from '@playwright/test';
import { fixturePath, runCli } from '../../helpers.js';
import { colourWanted, smartTerminal } from '../../../cli/main.js';

const flow = fixturePath('flows/defect-menu-option3-unlinked.json');

async function coloured(env: Record<string, string>, flags: string[] = []): Promise<boolean> {
  const run = await runCli(['check', flow, ...flags], { env: { NO_COLOR: '', FORCE_COLOR: '', ...env } });
  expect(run.code).toBe(1);
  return run.stdout.includes('\u001b[');
}

test('FORCE_COLOR forces colours on a pipe, unless it is 0 or false; NO_COLOR (not empty) and --no-color turn them off', async () => {
  expect(await coloured({ FORCE_COLOR: '1' })).toBe(true);
  expect(await coloured({ FORCE_COLOR: 'true' })).toBe(true);
  expect(await coloured({ FORCE_COLOR: '' })).toBe(true); // set, though empty (as Node and chalk read it)
  expect(await coloured({ FORCE_COLOR: '0' })).toBe(false);
  expect(await coloured({ FORCE_COLOR: 'false' })).toBe(false);
  expect(await coloured({ FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
  expect(await coloured({ FORCE_COLOR: '1' }, ['--no-color'])).toBe(false);
});

test('without FORCE_COLOR a pipe gets no colours', async () => {
  // An undefined value leaves the variable out of the child's environment (the runner may set FORCE_COLOR).
  const run = await runCli(['check', flow], { env: { NO_COLOR: '', FORCE_COLOR: undefined } as unknown as Record<string, string> });
  expect(run.code).toBe(1);
  expect(run.stdout).not.toContain('\u001b[');
});

test('NO_COLOR and FORCE_COLOR both set: no colours, and nothing else on stderr (Node 22 and later would warn that NO_COLOR is ignored)', async () => {
  const run = await runCli(['check', flow], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
  expect(run.code).toBe(1);
  expect(run.stdout).not.toContain('\u001b[');
  expect(run.stderr).toBe('');
  // An empty NO_COLOR is none: FORCE_COLOR's colours, and no warning either (Node 22 warned).
  const empty = await runCli(['check', flow], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
  expect([empty.stdout.includes('\u001b['), empty.stderr]).toEqual([true, '']);
  const refused = await runCli(['explain', 'no-such-check'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
  expect(refused.stderr).toBe('flowgrade: no check "no-such-check" in callback-on-global-error; run `flowgrade checks` for the list\n');
});

test('a terminal that says it is dumb (TERM=dumb: Emacs\'s shell, an editor\'s pane) gets no colours, unless FORCE_COLOR asks', () => {
  expect(colourWanted([], { TERM: 'xterm-256color' }, true)).toBe(true);
  expect(colourWanted([], { TERM: 'dumb' }, true)).toBe(false);
  expect(colourWanted([], { TERM: 'dumb', FORCE_COLOR: '1' }, true)).toBe(true);
  expect(colourWanted([], {}, true)).toBe(true); // no TERM at all: Windows' console
});

test('grade\'s progress is redrawn in place on a terminal, but on a dumb one (TERM=dumb) written as plain lines, as in a pipe', () => {
  expect(smartTerminal(true, { TERM: 'xterm-256color' })).toBe(true);
  expect(smartTerminal(true, {})).toBe(true);
  expect(smartTerminal(true, { TERM: 'dumb' })).toBe(false);
  expect(smartTerminal(false, { TERM: 'xterm' })).toBe(false);
});

test('NO_COLOR set but empty turns nothing off (no-color.org: only a non-empty value counts)', () => {
  // Before (a mutation sweep): NO_COLOR= alone turned colours off on a terminal.
  expect(colourWanted([], { NO_COLOR: '' }, true)).toBe(true);
  expect(colourWanted([], { NO_COLOR: '1' }, true)).toBe(false);
});

test('check of several files exits with the worst of them, whatever their order: a failed flow then a passing one is 1', async () => {
  const run = await runCli(['check', fixturePath('flows/defect-globalerror-still-to-endflow.json'), fixturePath('flows/solution.json'), '--format', 'json']);
  // Before (a mutation sweep): the last file's code, 0.
  expect(run.code).toBe(1);
});
