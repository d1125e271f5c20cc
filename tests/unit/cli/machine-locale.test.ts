/**
 * The machine's language must not change what flowgrade says. Windows and macOS give Node the
 * user's locale (Linux CI runs mostly C or en_US), and in Czech "ch" sorts after "h", in
 * Lithuanian "y" right after "i": event handlers that are not in Flow Designer's catalogue were
 * ordered by the machine's collation (localeCompare with no locale), so the model (`inspect`) and
 * a check's message naming several of them differed from one instructor's machine to another's.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

test('event handlers are in the same order whatever the machine locale (Czech, Lithuanian, English)', async () => {
  test.skip(new Intl.Collator('cs').resolvedOptions().locale !== 'cs', 'this Node has no Czech collation (small ICU)');
  const flow = readFileSync(fixturePath('flows/solution.json'), 'utf8').split('ContactOutboundCampaignResult').join('HoldMusicEnded').split('ContactCallbackFailed').join('ChatTransferred');
  const file = path.join(tempDir('machine-locale'), 'Main_Flow_140.json');
  writeFileSync(file, flow);
  const orders: string[][] = [];
  for (const locale of ['en_US.UTF-8', 'cs_CZ.UTF-8', 'lt_LT.UTF-8']) {
    const run = await runCli(['inspect', file, '--format', 'json'], { env: { LANG: locale, LC_ALL: locale } });
    expect(run.code, run.stderr).toBe(0);
    orders.push((JSON.parse(run.stdout) as { handlers: { name: string }[] }).handlers.map((h) => h.name));
  }
  expect(orders[0].slice(-2)).toEqual(['ChatTransferred', 'HoldMusicEnded']);
  expect(orders[1]).toEqual(orders[0]);
  expect(orders[2]).toEqual(orders[0]);
});
