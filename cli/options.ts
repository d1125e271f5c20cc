/**
 * Parsers for option values, which throw commander's InvalidArgumentError with a clear message;
 * and refuseFileArguments, which refuses a blank file argument of check, inspect or simulate, or
 * `-`, with a UsageError ([no-input]).
 */
import { existsSync } from 'node:fs';
import { InvalidArgumentError, Option } from 'commander';
import type { ForcedTasksBehaviour } from '../mocks/index.js';
import type { RecommendedAs } from '../reports/junit.js';
import { UsageError } from './errors.js';

/**
 * `--junit-recommended` of check and grade: how JUnit XML writes a recommended check not met
 * (reports/junit.ts). `skipped` by default: it fails no attendee, and a <failure> would mark the CI
 * run of a passed class (exit 0) unstable or red.
 */
export function junitRecommendedOption(): Option {
  const choices: RecommendedAs[] = ['skipped', 'failure'];
  return new Option('--junit-recommended <as>', 'JUnit XML: write a recommended check not met as skipped (it fails no attendee: the CI run stays green, as the exit code) or as a failure').choices(choices).default('skipped');
}

const UNITS: Record<string, number> = { '': 1, B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/** `20MB`, `512KB`, `1.5MB`, `1048576` → bytes (a fraction of a unit rounds down; of a byte, refused). */
export function parseSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*$/i.exec(value);
  const unit = match ? match[2].toUpperCase().replace(/^([KMG])$/, '$1B') : '';
  if (!match || !(unit in UNITS)) throw new InvalidArgumentError(`"${value}" is not a size (e.g. 20MB, 512KB)`);
  // A fraction of a byte was a unit left out (1.5 for 1.5MB), not a limit of one byte.
  if (UNITS[unit] === 1 && match[1].includes('.')) throw new InvalidArgumentError(`"${value}" is not a whole number of bytes: give a unit (e.g. ${match[1]}MB)`);
  const bytes = Math.floor(Number(match[1]) * UNITS[unit]);
  if (bytes < 1) throw new InvalidArgumentError(`"${value}" is less than one byte: nothing could be read`);
  return bytes;
}

/**
 * The number a value gives in digits, spaces around it left out (a script's quoting, `--timeout " 5"`,
 * or the CR a line of a CRLF script ends in), as parseSize and parseShard leave them out; NaN for
 * anything else, a space inside included.
 */
function digitsOf(value: string): number {
  const digits = value.trim();
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

/** A positive integer. */
export function parsePositiveInt(value: string): number {
  const n = digitsOf(value);
  if (!(n >= 1)) throw new InvalidArgumentError(`"${value}" is not a positive integer`);
  return n;
}

/** A positive integer no larger than `max` (`what` names the unit in the message: "seconds"). */
export function positiveIntUpTo(max: number, what: string): (value: string) => number {
  return (value) => {
    const n = parsePositiveInt(value);
    if (n > max) throw new InvalidArgumentError(`${value.trim()} is more than ${max} ${what}`);
    return n;
  };
}

/** `serve --port`: a TCP port, 0 (a free one) to 65535. */
export function parsePort(value: string): number {
  const port = digitsOf(value);
  if (!(port <= 65535)) throw new InvalidArgumentError(`"${value}" is not a TCP port (0-65535)`);
  return port;
}

/** `simulate --tasks-status`: the Tasks API's forced answer, a status in digits or `timeout`. */
export function parseForcedStatus(value: string): ForcedTasksBehaviour {
  if (value.trim() === 'timeout') return { timeout: true };
  const status = digitsOf(value);
  if (status === 429) return { status: 429 };
  if ([400, 401, 403, 500, 503].includes(status)) return { status: status as 400 | 401 | 403 | 500 | 503 };
  throw new InvalidArgumentError(`"${value}" is not one of 400, 401, 403, 429, 500, 503, timeout`);
}

/** `--attendee`'s help in check and inspect: where the id comes from without it (docs/grade.md, "One result per submission"). */
export const ATTENDEE_HELP = 'attendee id (default: a learning platform\'s student named in the file name or its Moodle folder, else the flow name Main_Flow_<ID>, else the file name)';

/** An attendee id: trimmed, as the self-check page reads its field; blank is a mistake. */
export function parseAttendee(value: string): string {
  const id = value.trim();
  if (id === '') throw new InvalidArgumentError(`"${value}" is blank: give the attendee id, or leave --attendee out to take it from the file and flow names`);
  return id;
}

/**
 * The export arguments of check, inspect and simulate: a blank one (a script's unset variable,
 * `check "$FLOW"`) names no file, and is refused as blank rather than as a file `` that is not there.
 */
export function refuseFileArguments(files: readonly string[]): void {
  const blank = files.find((file) => file.trim() === '');
  if (blank !== undefined) throw new UsageError(`"${blank}" is blank: give a Flow Designer export (.json)`, 'no-input');
  if (files.includes(STDIN)) throw new UsageError(STDIN_REFUSED, 'no-input');
  // The last word of a line of a script saved with CRLF line endings, run by sh, keeps the CR: the
  // export is there, under the name without it ("no such file" alone would say it is not).
  const crlf = files.find((file) => file.endsWith('\r') && !existsSync(file));
  if (crlf !== undefined) throw new UsageError(endsInCarriageReturn(crlf), 'no-input');
}

/** What is said of a name ending in a carriage return (an export argument, an --out, a folder merge is given). */
export function endsInCarriageReturn(name: string): string {
  return `"${name}" ends in a carriage return, as a line of a script saved with Windows line endings (CRLF) does: save the script with Unix line endings (LF)`;
}

/** What many tools read as standard input (`… | tool -`). */
export const STDIN = '-';

/**
 * Exports are read from files only: a report names its file, and the attendee may come from the
 * file's name (`./-` is a file named `-`).
 */
const STDIN_REFUSED = '"-": standard input is not read: save the export to a file and give its name (./- for a file named -)';

/** A value that is not blank (`what` says what to give: "a loopback address"). */
export function nonBlank(what: string): (value: string) => string {
  return (value) => {
    if (value.trim() === '') throw new InvalidArgumentError(`"${value}" is blank: give ${what}`);
    return value;
  };
}

/**
 * A path to write into (`--out`): a blank one names nothing (`what` says what to give: "the file to
 * write the report into"). On Windows no path holds a `"`: one there is a closing quote kept in,
 * as cmd hands `"C:\reports\"` over (a backslash before a quote escapes it); nor a name ending in
 * a dot or a space.
 */
export function nonBlankPath(what: string, platform: NodeJS.Platform = process.platform): (value: string) => string {
  const given = nonBlank(what);
  return (value) => {
    given(value);
    // A line of a script saved with Windows line endings (CRLF) run by sh ends in a CR, which the
    // last argument keeps: `--out report.html` at a line's end made `report.html\r`, a file no one
    // could find by its name. No name is meant to hold a control character.
    if (/\r$/.test(value)) throw new InvalidArgumentError(endsInCarriageReturn(value));
    if (/[\u0000-\u001f\u007f]/.test(value)) throw new InvalidArgumentError(`"${value}" holds a control character, which no name is meant to hold: type the name again`);
    if (platform === 'win32' && value.includes('"')) {
      throw new InvalidArgumentError(`"${value}" holds a quote, which no Windows path does: a quoted path ending in \\ keeps its closing quote; write "${value.replace(/"+$/, '')}", without the last \\`);
    }
    // Windows drops a name's trailing dots and spaces, but Node writes past that (\\?\ paths): the
    // folder made would be one Explorer can neither open nor delete.
    const odd = platform === 'win32' ? value.split(/[\\/]/).find((name) => name !== '.' && name !== '..' && /[. ]$/.test(name)) : undefined;
    if (odd !== undefined) throw new InvalidArgumentError(`"${value}": the name "${odd}" ends in a dot or a space, which Windows drops from names (Explorer could neither open nor delete it); leave them out`);
    return value;
  };
}

/**
 * `KEY=VALUE` pairs collected into a record (repeatable option); a value without its `=` is refused
 * in the option's own words (`shape`: `NAME=URL`, with an example).
 */
export function pairsOf(shape: string, example: string): (value: string, previous?: Record<string, string>) => Record<string, string> {
  return (value, previous = {}) => {
    const eq = value.indexOf('=');
    if (eq <= 0) throw new InvalidArgumentError(`"${value}" is not ${shape} (e.g. ${example})`);
    return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) };
  };
}

/** `--connector NAME=URL`, repeatable (check, grade, simulate). */
export const collectConnectors = pairsOf('NAME=URL', 'WxCC_API=https://api.wxcc-eu1.cisco.com');
