/**
 * The grading flags shared by `check`, `grade` and `simulate`, resolved into GradeOptions. The
 * only place that reads user-supplied data files (the DynVars dataset). Without commander (the
 * options themselves are declared in commands/grading-flags.ts): a grading thread resolves its
 * options here, and does not load the command-line parser to do so.
 */
import { createHash } from 'node:crypto';
import { readInputFile } from './io.js';
import { findMission, MISSIONS } from '../checks/index.js';
import type { Mission } from '../engine/check.js';
import { dnisRefusal, parseDnis } from '../engine/dnis.js';
import { sendableAddress, type AddressProblem } from '../engine/sendable-url.js';
import { assertNesting, DEFAULT_LIMITS, describeSyntaxError, wideEncoding } from '../engine/json-text.js';
import { missionSettings, type GradeOptions } from '../engine/grade.js';
import { validateDynVarsDataset, type DynVarsRecord, type MockApiFilter } from '../mocks/index.js';
import { UsageError } from './errors.js';
import { version } from './version.js';

export interface GradingFlags {
  lab: string;
  dnis?: string;
  dynvars?: string;
  mockapiFilter?: MockApiFilter;
  connector?: Record<string, string>;
  maxSize?: number;
  maxDepth?: number;
  maxSteps?: number;
  maxVisits?: number;
  now?: string;
}

/** The mission `--lab` names; a UsageError listing the known labs when there is none. */
export function missionOf(lab: string): Mission {
  const mission = findMission(lab);
  if (!mission) throw new UsageError(`unknown lab "${lab}"; known labs: ${MISSIONS.map((m) => m.id).join(', ')}`);
  return mission;
}

export async function resolveGradingOptions(flags: GradingFlags): Promise<Omit<GradeOptions, 'fileName'>> {
  const mission = missionOf(flags.lab);
  const dnis = flags.dnis === undefined ? undefined : parseDnis(flags.dnis);
  if (flags.dnis !== undefined && dnis === undefined) {
    throw new UsageError(`--dnis ${dnisRefusal(flags.dnis)}`);
  }
  let now: (() => Date) | undefined;
  if (flags.now !== undefined) {
    const problem = instantProblem(flags.now);
    if (problem !== undefined) throw new UsageError(`--now "${flags.now}" ${problem}`);
    const fixed = new Date(flags.now);
    now = () => new Date(fixed);
  }
  for (const [name, base] of Object.entries(flags.connector ?? {})) {
    const problem = connectorBaseProblem(base);
    if (problem !== undefined) throw new UsageError(`--connector ${name}=${base}: "${base}" ${problem}`);
  }
  return {
    mission,
    settings: dnis ? { dnis } : undefined,
    mocks: {
      ...(flags.dynvars !== undefined ? { dynvars: await readDataset(flags.dynvars) } : {}),
      ...(flags.mockapiFilter !== undefined ? { mockapiFilter: flags.mockapiFilter } : {}),
      ...(flags.connector ? { connectors: flags.connector } : {}),
    },
    limits: {
      ...(flags.maxSize ? { maxBytes: flags.maxSize } : {}),
      ...(flags.maxDepth ? { maxDepth: flags.maxDepth } : {}),
      ...(flags.maxSteps ? { maxSteps: flags.maxSteps } : {}),
      ...(flags.maxVisits ? { maxVisitsPerActivity: flags.maxVisits } : {}),
    },
    now,
    sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
    tool: { name: 'flowgrade', version },
  };
}

/**
 * Refuses settings with which no flow could pass (`check` and `grade`; a simulation takes them):
 * a --dnis the DynVars dataset has no record for would fail every attendee for the grader's setup.
 */
export function refuseUnusableSettings(options: Pick<GradeOptions, 'mission' | 'settings' | 'mocks'>, flags: Pick<GradingFlags, 'dynvars'>): void {
  const problem = options.mission.settingsProblem?.(missionSettings(options));
  if (problem === undefined) return;
  throw new UsageError(`${problem}; ${settingsAdvice(options.mission, flags.dynvars)}`);
}

/**
 * What to change when the dataset has no record for the number dialled: the lab's own dataset
 * has the lab's number; a --dynvars dataset may have neither (with --dnis left at the lab's
 * number, "leave --dnis at the lab's" was no change at all).
 */
function settingsAdvice(mission: Mission, dynvars: string | undefined): string {
  if (dynvars === undefined) return `give --dynvars a dataset with that record, or leave --dnis at the lab's ${mission.defaultSettings.dnis}`;
  return `add that record to --dynvars ${dynvars}, or give --dnis a number it has a record for`;
}

/**
 * Why `text` cannot be a connector's base URL, or undefined: an address the simulator sends a request
 * to, as it tests a Request URL (an http(s) address without a user name or password, which it never
 * sends: every authenticated request would fail, told as its Request Path's failure).
 */
function connectorBaseProblem(text: string): string | undefined {
  const address = sendableAddress(text);
  return 'problem' in address ? CONNECTOR_BASE_REFUSALS[address.problem] : undefined;
}

/** Why a connector's base URL is refused: the simulator would refuse every request sent below it (engine/sendable-url.ts). */
const CONNECTOR_BASE_REFUSALS: Record<AddressProblem, string> = {
  'internationalised-host': 'names an internationalised host (xn--…), which the simulator refuses as it refuses a Request URL naming one',
  invalid: 'is not an http(s) address such as https://api.wxcc-us1.cisco.com',
  'not-http': 'is not an http(s) address such as https://api.wxcc-us1.cisco.com',
  credentials: 'holds a user name or password (user:password@), which the simulator never sends: give the address alone, such as https://api.wxcc-us1.cisco.com',
};

const INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/i;

/**
 * Why `text` is not one instant, the same on every machine (the end of `--now`'s usage error);
 * undefined when it is one: a date (midnight UTC) or a date and time with `Z` or an offset. A time
 * without a zone would be read in the machine's own zone, so it is refused.
 */
function instantProblem(text: string): string | undefined {
  if (!INSTANT.test(text)) return 'is not an ISO 8601 time with its time zone, such as 2025-08-01T09:00:00Z';
  if (!isCalendarDay(text)) return 'is not a day of the calendar';
  const year = new Date(text).getUTCFullYear();
  if (Number.isNaN(year)) return 'is not a time of day';
  // An offset can carry 9999-12-31 into the year 10000 (or 0000-01-01 back into -1), which
  // toISOString writes as +010000-… : no ISO 8601 time a report (generatedAt, JUnit) may hold.
  if (year < 0 || year > 9999) return 'is outside the years 0000–9999 once in UTC: a report could not write it as an ISO 8601 time';
  return undefined;
}

/** Whether the text's leading `YYYY-MM-DD` is a day the calendar has (2025-02-30 would roll over to March). */
function isCalendarDay(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day); // (Date.UTC reads years 0–99 as 1900–1999)
  return calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
}

async function readDataset(file: string): Promise<DynVarsRecord[]> {
  // Read as an export is: a regular file only (never a pipe that blocks or a device without end), within the size limit.
  const read = await readInputFile(file);
  if (!read.ok) throw new UsageError(`--dynvars ${JSON.stringify(file)}: cannot read the DynVars dataset: ${read.error.message}`);
  // UTF-8 only, as exports are (docs/flow-format.md): a dataset saved as "ANSI" would otherwise give its letters as U+FFFD.
  // UTF-16 (without a BOM, valid UTF-8 full of NULs) is named, as an export's is, not parsed into "binary data".
  const wide = wideEncoding(read.bytes);
  if (wide !== undefined) throw new UsageError(`--dynvars ${JSON.stringify(file)}: the DynVars dataset is ${wide}, not UTF-8: save it as UTF-8`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new UsageError(`--dynvars ${JSON.stringify(file)}: the DynVars dataset is not UTF-8: save it as UTF-8`);
  }
  // Where it breaks, as for an export: a dataset is typed by hand (a record added, a comma left out).
  if (text.trim() === '') throw new UsageError(`--dynvars ${JSON.stringify(file)}: the DynVars dataset is empty`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--dynvars ${JSON.stringify(file)}: the DynVars dataset is not valid JSON: ${describeSyntaxError(text, error)}`);
  }
  // Bounded before anything recursive reads it (the schema, MockAPI's answer as JSON text), as an export is:
  // how deep recursion goes depends on the thread's stack, and the grades must not depend on --jobs.
  try {
    assertNesting(data, DEFAULT_LIMITS);
  } catch {
    throw new UsageError(`--dynvars ${JSON.stringify(file)}: the DynVars dataset is nested deeper than ${DEFAULT_LIMITS.maxDepth} levels`);
  }
  const checked = validateDynVarsDataset(data);
  if (!checked.ok) throw new UsageError(`--dynvars ${JSON.stringify(file)}: ${checked.message}`);
  return checked.records;
}
