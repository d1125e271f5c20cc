/**
 * A USB stick graded from its root (`grade E:\ --out C:\reports`): Windows keeps the stick's
 * recycle bin there (`$RECYCLE.BIN`, deleted files renamed `$R….json`) and `System Volume
 * Information` (unreadable: a warning each run). Exports the instructor deleted were graded as
 * submissions. Skipped as node_modules is: never entered by a folder walk or `**`.
 */
import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expandGlob } from '../../../cli/grade/glob.js';
import { walkFiles } from '../../../cli/grade/walk.js';
import { tempDir } from '../../helpers.js';

function stick(): string {
  const root = tempDir('usb-stick');
  const files = ['$RECYCLE.BIN/S-1-5-21-1004/$RX2K9QF.json', 'System Volume Information/IndexerVolumeGuid.json', '$Recycle.Bin/S-1-5-18/$R1.json', 'class/Main_Flow_101.json'];
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), '{}');
  }
  return root;
}

test("a folder walk from a drive's root skips Windows' recycle bin and System Volume Information", async () => {
  const root = stick();
  expect(await walkFiles(root, () => {})).toEqual({ files: [path.join(root, 'class', 'Main_Flow_101.json')], notUtf8: [] });
});

test("** skips them too; a pattern that spells one still enters it (what a pattern names, it gets)", async () => {
  const root = stick();
  expect((await expandGlob(`${root}/**/*.json`, () => {})).files).toEqual([path.join(root, 'class', 'Main_Flow_101.json')]);
  expect((await expandGlob(`${root}/$RECYCLE.BIN/*/*.json`, () => {})).files).toEqual([path.join(root, '$RECYCLE.BIN', 'S-1-5-21-1004', '$RX2K9QF.json')]);
});
