/**
 * writeZip (cli/grade/zip-writer.ts), pure of grading: what it writes (entries deflated, the bytes
 * back as given), the time every entry carries (the run's clock in UTC, whatever the machine's time
 * zone; held within 1980–2099), and a failing write (a full disk: /dev/full) thrown, not a
 * truncated archive passing for whole, with the file closed.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { writeZip } from '../../../cli/grade/zip-writer.js';
import { zipEntryTimes } from './zip-headers.js';
import { tempDir } from '../../helpers.js';

const enc = (text: string) => new TextEncoder().encode(text);
const entry = (name: string, text: string) => ({ name, bytes: () => enc(text) });

/** The archive `entries` make with `time`, written while the machine's time zone is `zone`. */
function written(time: Date, zone = 'UTC', entries = [entry('Doe Jane_12345_assignsubmission_file_/flowgrade-report.html', '<p>report</p>'.repeat(50))]): Buffer {
  const file = path.join(tempDir('zip-writer'), 'moodle-feedback.zip');
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    writeZip(file, entries, time);
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
  return readFileSync(file);
}

test('entries deflated (method 8 in the central directory), their bytes back as given', () => {
  const zip = written(new Date('2025-08-01T09:00:00Z'));
  const directory = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  expect(zip.readUInt16LE(directory + 10)).toBe(8);
  expect(Buffer.from(unzipSync(zip)['Doe Jane_12345_assignsubmission_file_/flowgrade-report.html']!).toString()).toBe('<p>report</p>'.repeat(50));
});

test('every entry is dated the run\'s clock in UTC, whatever the machine\'s time zone', () => {
  const time = new Date('2025-08-01T23:30:08Z');
  for (const zone of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
    const zip = written(time, zone, [entry('a/flowgrade-report.html', 'a'), entry('b/flowgrade-report.html', 'b')]);
    expect([...zipEntryTimes(zip).values()]).toEqual([time.getTime(), time.getTime()]);
  }
});

test('a clock outside what a zip can date (1980–2099) is held at its bounds, the first day of the year; an invalid one is 1980', () => {
  expect([...zipEntryTimes(written(new Date('2150-06-15T10:00:00Z'))).values()]).toEqual([Date.parse('2099-01-01T00:00:00Z')]);
  expect([...zipEntryTimes(written(new Date('1975-06-15T10:00:00Z'))).values()]).toEqual([Date.parse('1980-01-01T00:00:00Z')]);
  expect([...zipEntryTimes(written(new Date(Number.NaN))).values()]).toEqual([Date.parse('1980-01-01T00:00:00Z')]); // no clock at all
});

test('a full disk is an error thrown, at the last write too (an archive with no entries), and the file is closed', () => {
  test.skip(!existsSync('/dev/full') || !existsSync('/proc/self/fd'), 'Linux: /dev/full fails every write with ENOSPC');
  const open = () => readdirSync('/proc/self/fd').length;
  const before = open();
  expect(() => writeZip('/dev/full', [entry('a/flowgrade-report.html', 'a')], new Date('2025-08-01T09:00:00Z'))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
  expect(() => writeZip('/dev/full', [], new Date('2025-08-01T09:00:00Z'))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
  expect(open()).toBe(before);
});
