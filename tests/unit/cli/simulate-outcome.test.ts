/** `simulate` (text): the last line says how the call ended, once. */
import { test, expect } from '@playwright/test';
import { fixturePath, runCli } from '../../helpers.js';

const lastLine = (stdout: string) => stdout.trimEnd().split('\n').at(-1);

test('the outcome line does not say the status twice ("stuck: stuck in a loop …")', async () => {
  const loop = await runCli(['simulate', fixturePath('flows/before-mission.json'), '--dtmf', 'WantCallback=3']);
  expect(loop.code).toBe(0);
  expect(lastLine(loop.stdout)).toBe("stuck in a loop at WantCallback: the caller's answer is not one of its options (Unmatched Entry each time)");
  // A summary that does not start with its status keeps it in front.
  const done = await runCli(['simulate', fixturePath('flows/solution.json'), '--dtmf', 'WantCallback=3']);
  expect(lastLine(done.stdout)).toBe('completed: global error at SimulateGlobalError; OnGlobalError ended at EndFlow_kid');
  const queue = await runCli(['simulate', fixturePath('flows/solution.json')]);
  expect(lastLine(queue.stdout)).toBe('stuck: caller waiting in queue: hold loop at WantCallback');
});

test('--ani "" simulates a caller who withholds their number: NewPhoneContact.ANI is empty, not the default', async () => {
  const aniOf = async (args: string[]) => {
    const run = await runCli(['simulate', fixturePath('flows/solution.json'), '--dtmf', 'WantCallback=3', '--format', 'json', ...args]);
    return (JSON.parse(run.stdout) as { variables: Record<string, unknown> }).variables['NewPhoneContact.ANI'];
  };
  expect(await aniOf(['--ani', ''])).toBe('');
  expect(await aniOf([])).toBe('+14085551234');
  expect(await aniOf(['--ani', '+442071234567'])).toBe('+442071234567');
});
