/**
 * `flowgrade merge`: the first option two shards were graded with differently, in the words the
 * user typed on grade's command line. The run record keeps the options as grade used them
 * (run-record.ts): the grading flags as given, the zip limits and the other settings with their
 * defaults applied, sizes in bytes, `--canvas-assignment` as canvas-grades.csv's column. Each is
 * named here by its option (`--max-archive-size`, never `maxTotalBytes`), its value in the
 * option's units (`100 MB`, not `104857600`), and a value grade applied by default is said to be
 * the default, not "not given".
 */
import { findMission } from '../../checks/index.js';
import { parseDnis } from '../../engine/dnis.js';
import { DEFAULT_LIMITS, formatBytes } from '../../engine/json-text.js';
import { DEFAULT_MAX_STEPS, DEFAULT_MAX_VISITS_PER_ACTIVITY } from '../../engine/simulator/index.js';
import { REPORT_BOUNDS } from '../../reports/bounds.js';
import { clipText, firstCodePoints } from '../../reports/code-points.js';
import { DEFAULT_CANVAS_COLUMN } from '../grade/canvas-grades.js';
import type { RunRecord } from '../grade/run-record.js';
import { DEFAULT_ZIP_LIMITS } from '../grade/zip.js';
import { compareCodePoints } from '../grade/walk.js';

/** How one recorded setting is said: its option, its value shown, and what an absent value means. */
interface Spelling {
  option: string;
  shown?: (value: unknown) => string;
  /** Said of a grading flag not given (grade then used its default); else `not given`. */
  absent?: string;
  /** The value grade takes for a grading flag not given: a shard given it and one not given it were graded alike. */
  unset?: unknown;
  /** The same for a default the graded lab sets (`--dnis`: the lab's number), from the recorded grading flags. */
  unsetFor?: (grading: Record<string, unknown>) => unknown;
  /** The value grade made of one given (`+1 (469) 409-6861` dials +14694096861): two spellings of it are no difference. */
  parsed?: (value: unknown) => unknown;
  /** The default grade applies to a setting recorded with it applied: a value equal to it is said to be the default. */
  fallback?: unknown;
}

/** A value as typed: a size in the units --max-size takes, a word bare, other text quoted (within a name's length: an edited record's value may be megabytes). */
function typed(value: unknown): string {
  if (typeof value === 'string' && /^[\w.+:/@=-]+$/.test(value)) return clipText(value, REPORT_BOUNDS.name);
  return clipText(JSON.stringify(value) ?? String(value), REPORT_BOUNDS.name);
}

function size(value: unknown): string {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? formatBytes(value) : typed(value);
}

/** `--connector` as given: `NAME=URL`, each. */
function connectors(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return typed(value);
  const pairs = Object.entries(value as Record<string, unknown>).map(([name, url]) => `${name}=${String(url)}`);
  return pairs.length === 0 ? 'none' : clipText(pairs.join(' '), REPORT_BOUNDS.name);
}

/** A --dynvars dataset as recorded (batch.ts recordOf): its path as given, and its records' SHA-256. */
function isDataset(value: unknown): value is { file: string; sha256: string } {
  return value !== null && typeof value === 'object' && typeof (value as { file?: unknown }).file === 'string' && typeof (value as { sha256?: unknown }).sha256 === 'string';
}

/** `--dynvars` as given, with what told two datasets apart: `dv.json (SHA-256 3f2a9c01b4e7…)`. */
function dataset(value: unknown): string {
  return isDataset(value) ? `${typed(value.file)} (SHA-256 ${typed(firstCodePoints(value.sha256, 12))}…)` : typed(value);
}

/** `--canvas-assignment` from canvas-grades.csv's column (canvasColumnOf): an id alone was written `flowgrade (4567)`; the default column is `flowgrade`. */
function canvasAssignment(value: unknown): string {
  if (value === DEFAULT_CANVAS_COLUMN) return `not given (the column ${DEFAULT_CANVAS_COLUMN}, the default)`;
  const id = typeof value === 'string' ? new RegExp(`^${DEFAULT_CANVAS_COLUMN} \\(([1-9]\\d*)\\)$`).exec(value) : null;
  return id !== null ? id[1]! : typed(value);
}

const withDefault = (shown: string) => `not given (${shown}, the default)`;

/** The number the recorded lab dials when --dnis is not given (an unknown lab has none: merge refuses it by its lab anyway). */
function labNumber(grading: Record<string, unknown>): unknown {
  return typeof grading.lab === 'string' ? findMission(grading.lab)?.defaultSettings.dnis : undefined;
}

/** Each grading flag grade records (cli/grading-options.ts GradingFlags): absent when not given. */
const GRADING: Record<string, Spelling> = {
  dnis: { option: '--dnis', absent: "not given (the lab's number)", unsetFor: labNumber, parsed: (value) => (typeof value === 'string' ? parseDnis(value) ?? value : value) },
  maxSize: { option: '--max-size', shown: size, absent: withDefault(formatBytes(DEFAULT_LIMITS.maxBytes)), unset: DEFAULT_LIMITS.maxBytes },
  maxDepth: { option: '--max-depth', absent: withDefault(String(DEFAULT_LIMITS.maxDepth)), unset: DEFAULT_LIMITS.maxDepth },
  maxSteps: { option: '--max-steps', absent: withDefault(String(DEFAULT_MAX_STEPS)), unset: DEFAULT_MAX_STEPS },
  maxVisits: { option: '--max-visits', absent: withDefault(String(DEFAULT_MAX_VISITS_PER_ACTIVITY)), unset: DEFAULT_MAX_VISITS_PER_ACTIVITY },
  mockapiFilter: { option: '--mockapi-filter', absent: withDefault('contains'), unset: 'contains' },
  connector: { option: '--connector', shown: connectors, absent: 'not given (every connector WxCC US1, the default)' },
  dynvars: { option: '--dynvars', shown: dataset, absent: "not given (the lab's record)", parsed: (value) => (isDataset(value) ? value.sha256 : value) },
};

/** The zip limits, recorded with their defaults applied (commands/grade.ts): --max-size is also the largest archive entry. */
const ZIP_LIMITS: Record<string, Spelling> = {
  maxEntryBytes: { option: '--max-size', shown: size, fallback: DEFAULT_LIMITS.maxBytes },
  maxTotalBytes: { option: '--max-archive-size', shown: size, fallback: DEFAULT_ZIP_LIMITS.maxTotalBytes },
  maxEntries: { option: '--max-entries', fallback: DEFAULT_ZIP_LIMITS.maxEntries },
};

const kebab = (name: string) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

interface Entry {
  /** Where in the record (which two records are compared by). */
  key: string;
  spelling: Spelling;
  value: unknown;
}

function entries(settings: RunRecord['settings']): Entry[] {
  return [
    ...Object.entries(settings.grading).map(([key, value]) => ({ key: `grading.${key}`, spelling: GRADING[key] ?? { option: kebab(key) }, value })),
    { key: 'junitRecommended', spelling: { option: '--junit-recommended', fallback: 'skipped' }, value: settings.junitRecommended },
    { key: 'moodleMaxGrade', spelling: { option: '--moodle-max-grade', fallback: 100 }, value: settings.moodleMaxGrade },
    { key: 'canvasAssignment', spelling: { option: '--canvas-assignment', shown: canvasAssignment }, value: settings.canvasAssignment },
    ...Object.entries(settings.zipLimits).map(([key, value]) => ({ key: `zipLimits.${key}`, spelling: ZIP_LIMITS[key] ?? { option: `zip limit ${key}` }, value })),
  ];
}

/**
 * The first option `a` and `b` were graded with differently (by option name, as typed), as
 * `--max-archive-size 100 MB and 200 MB (the default)`; undefined when they are alike.
 */
export function settingDiffering(a: RunRecord['settings'], b: RunRecord['settings']): string | undefined {
  const [x, y] = [entries(a), entries(b)];
  const keyed = (list: Entry[]) => new Map(list.map((entry) => [entry.key, entry] as const));
  const [xs, ys] = [keyed(x), keyed(y)];
  // A grading flag not given counts as the value grade then took (given at its default, it is no difference),
  // and one given as the value grade made of it (one number spelled two ways is no difference either).
  const effective = (entries: Map<string, Entry>, settings: RunRecord['settings'], { key, spelling }: Entry) => {
    const { parsed = (value: unknown) => value, unset, unsetFor } = spelling;
    return JSON.stringify(entries.has(key) ? parsed(entries.get(key)!.value) : (unsetFor?.(settings.grading) ?? unset));
  };
  const differing = [...new Map([...x, ...y].map((entry) => [entry.key, entry] as const)).values()]
    .filter((entry) => effective(xs, a, entry) !== effective(ys, b, entry))
    .sort((p, q) => compareCodePoints(p.spelling.option, q.spelling.option) || compareCodePoints(p.key, q.key));
  const [first] = differing;
  if (first === undefined) return undefined;
  const { option, shown = typed, absent = 'not given', fallback } = first.spelling;
  const said = (entry: Entry | undefined) => {
    if (entry === undefined) return absent;
    const value = shown(entry.value);
    return fallback !== undefined && JSON.stringify(entry.value) === JSON.stringify(fallback) ? `${value} (the default)` : value;
  };
  // (An option an edited record makes up is quoted within a name's length too.)
  return `${clipText(option, REPORT_BOUNDS.name)} ${said(xs.get(first.key))} and ${said(ys.get(first.key))}`;
}
