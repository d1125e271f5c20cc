/**
 * Quoted patterns as Windows gives them (cmd and PowerShell pass `*` on to the program): `\`
 * between folders, a drive letter, a UNC share; names matched ignoring case, as Windows does.
 * Parsed with path.win32, as on a Windows machine.
 */
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { parsePattern } from '../../../cli/grade/glob.js';

const matches = (pattern: string, name: string, paths: path.PlatformPath) => {
  const last = parsePattern(pattern, paths).segments.at(-1)!;
  return last !== '**' && last.test(name);
};

test('Windows: a pattern with backslashes starts at its fixed leading folders', () => {
  expect(parsePattern('C:\\class\\*.json', path.win32)).toMatchObject({ base: 'C:/class', segments: [/./] });
  expect(parsePattern('class\\**\\*.json', path.win32)).toMatchObject({ base: 'class', segments: ['**', /./] });
  expect(parsePattern('C:/class/sub/*.json', path.win32).base).toBe('C:/class/sub'); // `/` works there too
});

test("Windows: a pattern at a drive's root starts at that root (C:\\), not in the drive's current folder (C:)", () => {
  expect(parsePattern('C:\\*.json', path.win32).base).toBe('C:/');
  expect(parsePattern('d:/*.json', path.win32).base).toBe('d:/');
  expect(parsePattern('\\*.json', path.win32).base).toBe('/'); // the current drive's root
});

test('Windows: a pattern on a UNC share starts at the share', () => {
  expect(parsePattern('\\\\server\\share\\class\\*.json', path.win32).base).toBe('//server/share/class');
});

test('Windows: names match ignoring case, as Explorer, cmd and PowerShell match them (Alice.JSON is an export)', () => {
  expect(matches('C:\\class\\*.json', 'Alice.JSON', path.win32)).toBe(true);
  expect(matches('C:\\class\\main_flow_?.json', 'Main_Flow_7.json', path.win32)).toBe(true);
  expect(matches('C:\\class\\*.json', '.Alice.JSON', path.win32)).toBe(false); // still no leading dot
  // Elsewhere, as in shells there (bash, zsh on macOS): case counts.
  expect(matches('class/*.json', 'Alice.JSON', path.posix)).toBe(false);
  expect(matches('class/*.json', 'Alice.json', path.posix)).toBe(true);
  expect(parsePattern('/srv/class/*.json', path.posix).base).toBe('/srv/class');
  expect(parsePattern('/*.json', path.posix).base).toBe('/');
});

test('Windows: the long-path prefix \\\\?\\ is not a wildcard', () => {
  expect(parsePattern('\\\\?\\C:\\class\\*.json', path.win32).base).toBe('C:/class');
  expect(parsePattern('\\\\?\\UNC\\server\\share\\*.json', path.win32).base).toBe('//server/share');
});
