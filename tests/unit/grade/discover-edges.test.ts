/**
 * The edges of discover.ts's rules, each found unheld by a mutation sweep: an archive exactly as
 * large as the limit for an archive is read (a byte more is refused unread), and the warning about
 * an archive's entries that are no exports names five of them, then counts the rest.
 */
import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { discover } from '../../../cli/grade/discover.js';
import type { ZipLimits } from '../../../cli/grade/zip.js';
import { tempDir } from '../../helpers.js';

const LIMITS: ZipLimits = { maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024, maxEntries: 10_000 };
const FLOW = new TextEncoder().encode('{"name":"Main_Flow_1","process":{}}');

function archiveFile(entries: Record<string, Uint8Array>): { file: string; size: number } {
  const bytes = zipSync(entries);
  const file = path.join(tempDir('discover-edges'), 'class.zip');
  writeFileSync(file, bytes);
  return { file, size: bytes.length };
}

test('an archive file of exactly the limit for an archive is read; a byte over it, refused unread', async () => {
  const { file, size } = archiveFile({ 'Main_Flow_1.json': FLOW });
  const exact = await discover([file], { ...LIMITS, maxTotalBytes: size });
  expect(exact.candidates.map((c) => [c.file, c.kind])).toEqual([[`${file}!/Main_Flow_1.json`, 'bytes']]);
  const over = await discover([file], { ...LIMITS, maxTotalBytes: size - 1 });
  expect(over.candidates).toMatchObject([{ kind: 'refused', file, error: { code: 'zip-too-large' } }]);
});

test('entries that are no exports: five named in the warning, the rest counted', async () => {
  const others = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`shot${i + 1}.png`, FLOW]));
  const five = archiveFile({ 'Main_Flow_1.json': FLOW, ...others(5) });
  expect((await discover([five.file], LIMITS)).warnings).toEqual([
    `flowgrade: ${five.file}: 5 entries are not a flow export (*.json) or archive (*.zip) and not graded: shot1.png, shot2.png, shot3.png, shot4.png, shot5.png [not-an-export]`,
  ]);
  const six = archiveFile({ 'Main_Flow_1.json': FLOW, ...others(6) });
  expect((await discover([six.file], LIMITS)).warnings).toEqual([
    `flowgrade: ${six.file}: 6 entries are not a flow export (*.json) or archive (*.zip) and not graded: shot1.png, shot2.png, shot3.png, shot4.png, shot5.png, and 1 more [not-an-export]`,
  ]);
});
