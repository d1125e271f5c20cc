/**
 * Brightspace's (D2L's) download puts an `index.html` listing the submissions beside them: in such
 * a download it is the platform's, not a student's screenshot, and is skipped without a word, as
 * Thumbs.db is. An `index.html` in any other archive (a student's own page, or beside files that no
 * Brightspace name marks) is still named in the not-an-export warning.
 */
import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { discover } from '../../../cli/grade/discover.js';
import type { ZipLimits } from '../../../cli/grade/zip.js';
import { tempDir } from '../../helpers.js';

const LIMITS: ZipLimits = { maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024, maxEntries: 10_000 };
const FLOW = new TextEncoder().encode('{"name":"Main_Flow_1","process":{}}');
const PAGE = new TextEncoder().encode('<html><body>Submissions</body></html>');

function archiveFile(entries: Record<string, Uint8Array>): string {
  const file = path.join(tempDir('brightspace-index'), 'download.zip');
  writeFileSync(file, zipSync(entries));
  return file;
}

test("Brightspace's index.html beside submissions named by Brightspace is skipped without a warning", async () => {
  const files = archiveFile({ '11824-66708 - Lucy Pelt - Feb 9, 2017 1004 PM - Main_Flow_final.json': FLOW, 'index.html': PAGE });
  expect((await discover([files], LIMITS)).warnings).toEqual([]);
  const folders = archiveFile({ '11824-66708 - Lucy Pelt - Feb 9, 2017 1004 PM/Main_Flow_140.json': FLOW, 'index.html': PAGE });
  expect((await discover([folders], LIMITS)).warnings).toEqual([]);
  // The download zipped again in a folder of its own: the index beside the submissions still.
  const nested = archiveFile({ 'Lab 3/11824-66708 - Lucy Pelt - Feb 9, 2017 1004 PM - Main_Flow_final.json': FLOW, 'Lab 3/index.html': PAGE });
  expect((await discover([nested], LIMITS)).warnings).toEqual([]);
});

test('an index.html that is not beside Brightspace-named submissions is still named, and so are the download\'s other files', async () => {
  const own = archiveFile({ 'Main_Flow_140.json': FLOW, 'index.html': PAGE });
  expect((await discover([own], LIMITS)).warnings).toEqual([
    `flowgrade: ${own}: 1 entry is not a flow export (*.json) or archive (*.zip) and not graded: index.html [not-an-export]`,
  ]);
  const elsewhere = archiveFile({ '11824-66708 - Lucy Pelt - Feb 9, 2017 1004 PM - Main_Flow_final.json': FLOW, 'site/index.html': PAGE, '11824-66708 - Lucy Pelt - Feb 9, 2017 1004 PM - shot.png': PAGE });
  expect((await discover([elsewhere], LIMITS)).warnings).toEqual([
    `flowgrade: ${elsewhere}: 2 entries are not a flow export (*.json) or archive (*.zip) and not graded: site/index.html, 11824-66708 - Lucy Pelt - Feb 9, 2017 1004 PM - shot.png [not-an-export]`,
  ]);
});

test("an archive's index.html is judged by that archive's own entries: a folder named after it with a ! (download.zip!, beside it) holding a Brightspace-named export does not make it Brightspace's", async () => {
  const dir = tempDir('brightspace-index-bang');
  const own = path.join(dir, 'download.zip');
  writeFileSync(own, zipSync({ 'Main_Flow_140.json': FLOW, 'index.html': PAGE }));
  mkdirSync(path.join(dir, 'download.zip!'));
  writeFileSync(path.join(dir, 'download.zip!', '11824-66708 - Lucy Pelt - Feb 9, 2017 1004 PM - Main_Flow_final.json'), FLOW);
  const warning = `flowgrade: ${own}: 1 entry is not a flow export (*.json) or archive (*.zip) and not graded: index.html [not-an-export]`;
  expect((await discover([dir], LIMITS)).warnings).toEqual([warning]);
  expect((await discover([path.join(dir, 'download.zip!'), own], LIMITS)).warnings).toEqual([warning]);
});
