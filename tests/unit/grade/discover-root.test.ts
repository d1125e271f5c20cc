/**
 * `--out` at a file system's root: on Windows a USB stick (`grade E:\class --out E:\`). Its path
 * ends with the separator already (`E:\`, `/`); what lies under it is inside it all the same, and a
 * submission there could be replaced by its report.
 */
import { test, expect } from '@playwright/test';
import { realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { discover } from '../../../cli/grade/discover.js';
import type { ZipLimits } from '../../../cli/grade/zip.js';
import { tempDir } from '../../helpers.js';

const LIMITS: ZipLimits = { maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024, maxEntries: 10_000 };

test("--out at a file system's root (E:\\ on Windows, / here): an export named under it is inside --out, refused", async () => {
  const dir = realpathSync(tempDir('discover-root'));
  const file = path.join(dir, 'alice.json');
  writeFileSync(file, '{}');
  const root = path.parse(dir).root;
  const found = await discover([file], LIMITS, root);
  expect(found.candidates).toEqual([]);
  expect(found.problems).toEqual([`flowgrade: ${file}: it is inside --out ${root}, where its report could replace it: write the reports into another folder [bad-out]`]);
  const folder = await discover([dir], LIMITS, root);
  expect(folder.problems).toEqual([`flowgrade: ${dir}: this folder is inside --out ${root}, where the reports go: write them into another folder [bad-out]`]);
});
