/**
 * Zips written by Windows PowerShell 5.1's Compress-Archive (.NET Framework's ZipFile before 4.6.1)
 * name entries with `\` between folders, and their folder entries end in `\` (`Alice_1\`), not
 * in `/`. A folder entry is no file: it was named in the "not a flow export" warning.
 */
import { test, expect } from '@playwright/test';
import { zipSync, type Zippable } from 'fflate';
import { expandArchive, type ZipLimits } from '../../../cli/grade/zip.js';

const LIMITS: ZipLimits = { maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024, maxEntries: 10_000 };
const FLOW = new TextEncoder().encode('{}');

test('folder entries ending in \\ (Compress-Archive) are folders: not named as entries that are not exports', () => {
  const archive = zipSync({ 'class\\': new Uint8Array(0), 'class\\Alice_1\\': new Uint8Array(0), 'class\\Alice_1\\Main_Flow_140.json': FLOW, 'class\\notes.pdf': FLOW } as Zippable);
  const ignored: string[] = [];
  const candidates = expandArchive(archive, 'class.zip', 0, LIMITS, (entry) => ignored.push(entry));
  expect(candidates.map((c) => c.file)).toEqual(['class.zip!/class\\Alice_1\\Main_Flow_140.json']);
  expect(ignored).toEqual(['class.zip!/class\\notes.pdf']);
});
