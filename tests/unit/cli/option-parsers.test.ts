/**
 * The parsers of option values (cli/options.ts) and the exit codes and usage errors (cli/errors.ts),
 * held at their edges: the CLI tests run a few values through the commands, these the bounds.
 */
import { expect, test } from '@playwright/test';
import { InvalidArgumentError } from 'commander';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { coded, EXIT, UsageError } from '../../../cli/errors.js';
import { parseShard } from '../../../cli/grade/shard.js';
import { collectConnectors, nonBlankPath, pairsOf, parseAttendee, parseForcedStatus, parsePort, parsePositiveInt, parseSize, positiveIntUpTo, refuseFileArguments } from '../../../cli/options.js';
import { tempDir } from '../../helpers.js';

test('--max-size: units B, KB, MB, GB in any case (K, M, G alone too), counted in 1,024s; a fraction of a unit rounds down, of a byte is refused; at least one byte', () => {
  expect(parseSize('1048576')).toBe(1_048_576);
  expect(parseSize('1KB')).toBe(1024);
  expect(parseSize('20MB')).toBe(20 * 1024 ** 2);
  expect(parseSize('1gb')).toBe(1024 ** 3);
  expect(parseSize('512kB')).toBe(512 * 1024);
  expect(parseSize(' 2 m ')).toBe(2 * 1024 ** 2);
  expect(parseSize('3K')).toBe(3 * 1024);
  expect(parseSize('7b')).toBe(7);
  expect(parseSize('1.5MB')).toBe(1.5 * 1024 ** 2);
  expect(parseSize('1.0001KB')).toBe(1024);
  expect(parseSize('1')).toBe(1);
  for (const [bytes, unit] of [['1.5', '1.5'], ['0.5B', '0.5'], ['2.0 b', '2.0']]) expect(() => parseSize(bytes), bytes).toThrow(new InvalidArgumentError(`"${bytes}" is not a whole number of bytes: give a unit (e.g. ${unit}MB)`));
  for (const small of ['0', '0KB', '0.0001KB']) expect(() => parseSize(small), small).toThrow(new InvalidArgumentError(`"${small}" is less than one byte: nothing could be read`));
  for (const wrong of ['', 'MB', '-1', '1TB', '1 K B', '1e3', '0x10', '1,5MB']) expect(() => parseSize(wrong), wrong).toThrow(new InvalidArgumentError(`"${wrong}" is not a size (e.g. 20MB, 512KB)`));
});

test('a positive integer is 1 or more, digits only; one "up to" a maximum takes the maximum itself', () => {
  expect(parsePositiveInt('1')).toBe(1);
  expect(parsePositiveInt('007')).toBe(7);
  for (const wrong of ['0', '00', '-1', '1.0', '1e3', '1 0', ' ', '', '+1']) expect(() => parsePositiveInt(wrong), wrong).toThrow(new InvalidArgumentError(`"${wrong}" is not a positive integer`));
  const seconds = positiveIntUpTo(86_400, 'seconds');
  expect(seconds('86400')).toBe(86_400);
  expect(() => seconds('86401')).toThrow(new InvalidArgumentError('86401 is more than 86400 seconds'));
  expect(() => seconds('0')).toThrow(new InvalidArgumentError('"0" is not a positive integer'));
});

test('every number option takes spaces around its value, as a script\'s quoting leaves them (--timeout " 5"), and refuses them inside it', () => {
  const seconds = positiveIntUpTo(86_400, 'seconds');
  for (const spaced of [' 5', '5 ', '\t5\n', ' 5\r']) {
    // Before: --shard " 1/2" and --max-size " 5MB" were taken, but --timeout, --jobs, --max-depth, --max-steps, --port refused " 5".
    expect(parsePositiveInt(spaced), JSON.stringify(spaced)).toBe(5);
    expect(seconds(spaced), JSON.stringify(spaced)).toBe(5);
    expect(parsePort(spaced), JSON.stringify(spaced)).toBe(5);
    expect(parseShard(spaced.replace('5', '1/2')), JSON.stringify(spaced)).toEqual({ index: 1, count: 2 });
    expect(parseSize(spaced.replace('5', '5MB')), JSON.stringify(spaced)).toBe(5 * 1024 ** 2);
    expect(parseForcedStatus(spaced.replace('5', '500')), JSON.stringify(spaced)).toEqual({ status: 500 });
    expect(parseForcedStatus(spaced.replace('5', 'timeout')), JSON.stringify(spaced)).toEqual({ timeout: true });
  }
  expect(() => seconds(' 86401 ')).toThrow(new InvalidArgumentError('86401 is more than 86400 seconds'));
  // Inside the value, a space is a mistake (two values run together), not a separator to read past.
  expect(() => parsePositiveInt('1 0')).toThrow(new InvalidArgumentError('"1 0" is not a positive integer'));
  expect(() => parsePort('80 80')).toThrow(new InvalidArgumentError('"80 80" is not a TCP port (0-65535)'));
  expect(() => parseShard('1 /2')).toThrow(InvalidArgumentError);
  expect(() => parseSize('2 0MB')).toThrow(InvalidArgumentError);
  // A status is given in digits, as the others: before, Number() took ' 500' but also 0x1F4, 5e2, 500.0 (and '' nowhere).
  for (const wrong of ['5 00', '0x1F4', '5e2', '500.0', '+500', '', ' ']) expect(() => parseForcedStatus(wrong), wrong).toThrow(new InvalidArgumentError(`"${wrong}" is not one of 400, 401, 403, 429, 500, 503, timeout`));
});

test('a TCP port is 0 to 65535, in digits', () => {
  expect(parsePort('0')).toBe(0);
  expect(parsePort('65535')).toBe(65_535);
  for (const wrong of ['65536', '0x50', '1e3', '80.0', '-1', '']) expect(() => parsePort(wrong), wrong).toThrow(new InvalidArgumentError(`"${wrong}" is not a TCP port (0-65535)`));
});

test('--attendee is trimmed; blank is refused', () => {
  expect(parseAttendee('  140 \t')).toBe('140');
  expect(parseAttendee('jane doe')).toBe('jane doe');
  expect(() => parseAttendee(' \t ')).toThrow(InvalidArgumentError);
});

test('a blank file argument is refused with [no-input], a file named with spaces inside is not blank', () => {
  expect(() => refuseFileArguments(['a.json', '  '])).toThrow(new UsageError('"  " is blank: give a Flow Designer export (.json)', 'no-input'));
  expect(() => refuseFileArguments(['\t'])).toThrow(UsageError);
  expect(() => refuseFileArguments(['a b.json', ' a.json '])).not.toThrow();
});

test('an export argument ending in a carriage return (a CRLF script run by sh) that names no file is refused as such, with [no-input]', () => {
  expect(() => refuseFileArguments(['a.json', 'fixtures/flows/solution.json\r'])).toThrow(
    new UsageError('"fixtures/flows/solution.json\r" ends in a carriage return, as a line of a script saved with Windows line endings (CRLF) does: save the script with Unix line endings (LF)', 'no-input'),
  );
  expect(() => refuseFileArguments(['fixtures/flows/solution.json'])).not.toThrow();
  // A file whose name does end in a CR (Linux and macOS allow it) is read, not refused. Before (a mutation sweep): refused.
  if (process.platform !== 'win32') {
    const named = path.join(tempDir('cr-name'), 'Main_Flow_140.json\r');
    writeFileSync(named, '{}');
    expect(() => refuseFileArguments([named])).not.toThrow();
  }
});

test('--out: a quote is refused on Windows only, and a name ending in a dot or a space, but . and .. are folders', () => {
  const windows = nonBlankPath('the folder', 'win32');
  const linux = nonBlankPath('the folder', 'linux');
  expect(linux('out/"quoted"')).toBe('out/"quoted"');
  expect(() => windows('C:\\reports"')).toThrow(/holds a quote/);
  expect(windows('..\\out')).toBe('..\\out');
  expect(windows('./a/../b')).toBe('./a/../b');
  expect(() => windows('out\\x.\\y')).toThrow(/the name "x\." ends in a dot or a space/);
  expect(() => windows('out /y')).toThrow(/the name "out " ends/);
  expect(linux('out./x ')).toBe('out./x ');
  expect(() => linux('  ')).toThrow(/is blank: give the folder/);
});

test('--out ending in a carriage return (a CRLF script run by sh), or holding another control character, is refused, not made a file of that name', () => {
  for (const platform of ['linux', 'win32'] as const) {
    const parse = nonBlankPath('the file', platform);
    expect(() => parse('report.html\r')).toThrow(new InvalidArgumentError('"report.html\r" ends in a carriage return, as a line of a script saved with Windows line endings (CRLF) does: save the script with Unix line endings (LF)'));
    expect(() => parse('out\tdir/r.json')).toThrow(/holds a control character, which no name is meant to hold/);
    expect(() => parse('r\u001b[31m.json')).toThrow(/holds a control character/);
    // Before (a mutation sweep): DEL (U+007F) let through.
    expect(() => parse('r\u007f.json')).toThrow(/holds a control character/);
    expect(parse('résumé des notes.json')).toBe('résumé des notes.json');
  }
});

test('NAME=URL pairs: the name is everything before the first =, a repeated option adds to the ones before, a pair without a name is refused', () => {
  expect(collectConnectors('WxCC_API=https://h/?a=b')).toEqual({ WxCC_API: 'https://h/?a=b' });
  expect(collectConnectors('B=https://b', collectConnectors('A=https://a'))).toEqual({ A: 'https://a', B: 'https://b' });
  expect(collectConnectors('A=https://c', { A: 'https://a' })).toEqual({ A: 'https://c' });
  for (const wrong of ['=https://h', 'WxCC_API', '']) expect(() => collectConnectors(wrong), wrong).toThrow(new InvalidArgumentError(`"${wrong}" is not NAME=URL (e.g. WxCC_API=https://api.wxcc-eu1.cisco.com)`));
  expect(pairsOf('LABEL=DIGITS', 'WantCallback=3')('Menu=')).toEqual({ Menu: '' });
});

test('exit codes are 0 passed, 1 failed, 2 unusable; a usage error with a code ends in it in brackets, without one it is the message alone', () => {
  expect(EXIT).toEqual({ passed: 0, failed: 1, unusable: 2 });
  expect(coded('no export given', 'no-input')).toBe('no export given [no-input]');
  const plain = new UsageError('unknown lab "x"');
  expect([plain.message, plain.code, plain.name]).toEqual(['unknown lab "x"', 'usage', 'UsageError']);
  const badOut = new UsageError('--out is a file', 'bad-out');
  expect([badOut.message, badOut.code]).toEqual(['--out is a file [bad-out]', 'bad-out']);
});
