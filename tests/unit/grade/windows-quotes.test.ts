/**
 * cmd and PowerShell hand a program `"C:\My Class\"` as `C:\My Class"`: by Windows' rule for
 * program arguments a backslash before a quote escapes it, so the closing quote stays in the path
 * (and, with more after it, `"C:\My Class\" --out r` is one argument). A path cannot hold a `"` on
 * Windows: the message says what happened instead of only "no such file".
 */
import { test, expect } from '@playwright/test';
import { InvalidArgumentError } from 'commander';
import { discover } from '../../../cli/grade/discover.js';
import { readInputFile } from '../../../cli/io.js';
import type { ZipLimits } from '../../../cli/grade/zip.js';
import { nonBlankPath } from '../../../cli/options.js';
import { strayQuote } from '../../../cli/stray-quote.js';

const LIMITS: ZipLimits = { maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024, maxEntries: 10_000 };

test('an input ending in a quote (a quoted folder ending in \\, in cmd or PowerShell) is named with what to write instead', async () => {
  const found = await discover(['C:\\My Class"'], LIMITS);
  expect(found.problems).toEqual([
    'flowgrade: C:\\My Class": no such file or folder (on Windows, a quoted path ending in \\ keeps its closing quote: write "C:\\My Class", without the last \\) [no-input]',
  ]);
  expect((await discover(['/no/such/folder'], LIMITS)).problems).toEqual(['flowgrade: /no/such/folder: no such file or folder [no-input]']);
});

test('an input quoted twice, its quotes reaching flowgrade, is told so: not the advice for a path ending in \\', async () => {
  // A script's "\"$DIR\"", or '"lab 3"': both quotes are in the name, none is the closing one of a path ending in \.
  expect((await discover(['"lab 3.zip"'], LIMITS)).problems).toEqual([
    'flowgrade: "lab 3.zip": no such file or folder (its quotes are part of the name given, as when it is quoted twice: write lab 3.zip, without them) [no-input]',
  ]);
  // cmd takes no single quotes, and passes them on: an example typed for sh.
  expect((await discover(["'lab3.zip'"], LIMITS)).problems).toEqual([
    'flowgrade: \'lab3.zip\': no such file or folder (cmd does not take \'…\' as quotes and passes them on: write "lab3.zip", in double quotes) [no-input]',
  ]);
});

test('an export given to check, or a --dynvars file, quoted twice or in cmd\'s single quotes is told so too, as grade tells it', async () => {
  expect(await readInputFile("'sol.json'")).toEqual({ ok: false, error: { code: 'unreadable-file', message: 'no such file (cmd does not take \'…\' as quotes and passes them on: write "sol.json", in double quotes)' } });
  expect(await readInputFile('"sol.json"')).toEqual({ ok: false, error: { code: 'unreadable-file', message: 'no such file (its quotes are part of the name given, as when it is quoted twice: write sol.json, without them)' } });
  expect(await readInputFile('/no/such/sol.json')).toEqual({ ok: false, error: { code: 'unreadable-file', message: 'no such file' } });
});

test('a name is told as quoted at both ends only when quotes hold something: not a lone quote at its start, nor two quotes alone', () => {
  expect(strayQuote("'a'")).toBe(' (cmd does not take \'…\' as quotes and passes them on: write "a", in double quotes)');
  expect(strayQuote('"a"')).toBe(' (its quotes are part of the name given, as when it is quoted twice: write a, without them)');
  expect(strayQuote("'lab3.zip")).toBe('');
  expect(strayQuote("''")).toBe('');
});

test('Windows: --out ending in a quote is refused, saying why (no folder name there holds a quote)', () => {
  const parse = nonBlankPath('the folder to write the reports into', 'win32');
  expect(() => parse('C:\\reports"')).toThrow(
    new InvalidArgumentError('"C:\\reports"" holds a quote, which no Windows path does: a quoted path ending in \\ keeps its closing quote; write "C:\\reports", without the last \\'),
  );
  expect(parse('C:\\reports')).toBe('C:\\reports');
  expect(nonBlankPath('the folder to write the reports into', 'linux')('reports"')).toBe('reports"'); // a name there may hold one
});

test('Windows: an --out whose folder name ends in a dot or a space is refused (Node would make a folder Explorer can neither open nor delete)', () => {
  const parse = nonBlankPath('the folder to write the reports into', 'win32');
  for (const value of ['reports.', 'C:\\grading\\lab1 \\out', 'reports /x'])
    expect(() => parse(value), value).toThrow(/ends in a dot or a space/);
  for (const value of ['.', '..\\reports', 'C:\\grading\\.\\lab.1', 'reports\\', 'C:\\', 'a/./b']) expect(parse(value)).toBe(value);
  expect(nonBlankPath('the folder to write the reports into', 'linux')('reports.')).toBe('reports.');
});
