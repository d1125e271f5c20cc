/**
 * `check --out` refuses to overwrite one of the exports, known by device and file id. On Windows
 * (NTFS) a file id is 64 bits, a sequence number above a record number: on a disk in use for
 * years it passes 2^53, where a JavaScript number rounds it, and two files of one folder (records
 * a few apart) had the same id. Simulated with what Node's stat gives on such a disk.
 */
import { test, expect } from '@playwright/test';
import { isOneOf, type StatFile } from '../../../cli/commands/check.js';

/** NTFS file ids with sequence number 1024: record 0x1001 and 0x1002, one apart. */
const IDS: Record<string, bigint> = { 'C:\\class\\report.json': 0x0400_0000_0000_1001n, 'C:\\class\\Main_Flow_7.json': 0x0400_0000_0000_1002n };

/** Node's stat: ids as numbers (rounded), or exact with { bigint: true }. */
const ntfsStat: StatFile = async (file, options) => {
  const ino = IDS[file];
  if (ino === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
  return options?.bigint ? { dev: 0x9c3a51e2n, ino, isFile: () => true } : { dev: 0x9c3a51e2, ino: Number(ino), isFile: () => true };
};

test('Windows: check --out next to the export, whose 64-bit file id is one apart from it, is not taken for the export', async () => {
  expect(Number(IDS['C:\\class\\report.json'])).toBe(Number(IDS['C:\\class\\Main_Flow_7.json'])); // (what a number holds)
  expect(await isOneOf('C:\\class\\report.json', ['C:\\class\\Main_Flow_7.json'], ntfsStat)).toBe(false);
  expect(await isOneOf('C:\\class\\report.json', ['C:\\class\\report.json'], ntfsStat)).toBe(true);
});

test('only a regular file is one of the exports: a folder given as an export and as --out is no export the report would overwrite', async () => {
  const folder = async () => ({ dev: 5n, ino: 7n, isFile: () => false });
  const file = async () => ({ dev: 5n, ino: 7n, isFile: () => true });
  // Before (a mutation sweep): the folder taken for an export ('--out … is one of the exports given'), where writing it is what fails (is a directory).
  expect(await isOneOf('graded', ['graded'], folder)).toBe(false);
  expect(await isOneOf('x.json', ['./x.json'], file)).toBe(true);
});
