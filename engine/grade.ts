/**
 * Grading one export against a mission: load, run the mission's scenarios through the simulator
 * against fresh mocks, run every check, score, and build the report. Pure and deterministic for
 * a given input and clock.
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { DEFAULT_DYNVARS, DEFAULT_MOCKAPI_FILTER, notMockedReason, requestsNotMocked, type MockOptions, type SeenRequest } from '../mocks/index.js';
import { attendeeOfFile, attendeePrefixOf } from './attendee.js';
import type { Check, CheckContext, CheckOutcome, Mission, MissionSettings, ScenarioDefinition, ScenarioRun } from './check.js';
import { loadFlow, type LoadOptions, type LoadResult } from './loader.js';
import type { FlowGraph } from './model.js';
import type { CheckResult, DrawingGraph, GradeReport, ScenarioResult } from './report.js';
import { runScenarios } from './run-scenarios.js';
import type { SimulationOptions } from './simulator/index.js';
import { messageOf } from './error-message.js';
import { clipMiddle } from './clip.js';
import { caseExitLabel } from './simulator/activities/logic.js';
import { earnedBy, scoreOf, verdictOf, worthOf } from './score.js';

export interface GradeOptions {
  mission: Mission;
  /** The file's name as the user gave it (reports show it; the attendee id may come from it). */
  fileName: string;
  attendee?: string;
  /** Overrides of the mission's settings (e.g. the DNIS). */
  settings?: Partial<Omit<MissionSettings, 'dynvars' | 'mockapiFilter'>>;
  /** Mock services setup shared by all scenarios (DynVars dataset, connectors, …). */
  mocks?: Omit<MockOptions, 'tasks'>;
  limits?: Pick<LoadOptions, 'maxBytes' | 'maxDepth' | 'maxStringLength' | 'maxActivities' | 'maxEventHandlers' | 'maxVariables'> & Pick<SimulationOptions, 'maxSteps' | 'maxVisitsPerActivity'>;
  /** Injected clock: fixes `generatedAt` and every time the simulated flow reads. */
  now?: () => Date;
  /**
   * SHA-256 of the input as lowercase hex. Default: Web Crypto, which answers asynchronously from
   * another thread; the CLI passes Node's synchronous hash, which keeps a grading thread busy
   * instead of waiting for that answer once per submission.
   */
  sha256?: (bytes: Uint8Array) => string | Promise<string>;
  tool: { name: string; version: string };
}

export async function gradeFlow(input: string | Uint8Array, options: GradeOptions): Promise<GradeReport> {
  const now = options.now ?? (() => new Date());
  const { mission } = options;
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const base = reportBase(options, now);
  const input_ = { file: options.fileName, sha256: await (options.sha256 ?? webCryptoSha256)(bytes) };
  const loaded = loadFor(bytes, options);
  if (!loaded.ok) {
    return { ...base, attendee: attendeeWithoutFlow(options), input: input_, verdict: 'ungradable', checks: [], scenarios: [], error: loaded.error };
  }
  const model = loaded.model;
  const settings = missionSettings(options);
  const definitions = mission.scenarios(settings, model).map((definition) => dialling(definition, settings.dnis));
  const scenarioRuns = await runScenarios(model, definitions, options.mocks, { now, maxSteps: options.limits?.maxSteps, maxVisitsPerActivity: options.limits?.maxVisitsPerActivity });
  const runs: Record<string, ScenarioRun> = {};
  const scenarios: ScenarioResult[] = definitions.map((definition, index) => {
    const run = scenarioRuns[index];
    runs[definition.id] = run;
    return { id: definition.id, title: definition.title, passed: false, summary: run.result.summary + notMockedNote(run.requests), trace: run.result.trace };
  });
  const checks = runChecks(mission.checks, { model, runs, settings });
  markScenarioOutcomes(scenarios, checks, mission);
  return {
    ...base,
    attendee: { id: model.attendee.id, source: model.attendee.source },
    input: { ...input_, flowName: model.name, ...(model.lastModifiedDate ? { lastModified: model.lastModifiedDate } : {}) },
    verdict: verdictOf(checks),
    score: scoreOf(checks),
    checks,
    scenarios,
    flow: { main: drawing(model.main), events: drawing(model.events) },
  };
}

/**
 * The requests of a run that flowgrade does not mock (mocks/index.ts requestsNotMocked), said after the
 * run's summary (as `simulate` says them on stderr): the trace shows only the mock's 404.
 */
function notMockedNote(requests: readonly SeenRequest[]): string {
  const byReason = new Map<string, SeenRequest[]>();
  for (const request of requestsNotMocked(requests)) {
    const reason = notMockedReason(request);
    const group = byReason.get(reason);
    if (group) group.push(request);
    else byReason.set(reason, [request]);
  }
  return [...byReason].map(([reason, notMocked]) => {
    // Each URL cut in its middle, and a few of them only: the note must fit a summary whole.
    const named = notMocked.slice(0, NOTES_NAMED).map((request) => `${request.method} ${clipMiddle(request.url, 200)}`);
    const more = notMocked.length > NOTES_NAMED ? ` and ${notMocked.length - NOTES_NAMED} more` : '';
    return `; ${named.join(', ')}${more} got the mock's 404: ${reason}`;
  }).join('');
}

const NOTES_NAMED = 3;

/**
 * The report of an input refused before it was read or graded to the end (too large, unreadable,
 * an archive entry refused, a grading that crashed or timed out): `ungradable` with `error`, and
 * no SHA-256, since no bytes were hashed.
 */
/** The error of a grading that threw (a bug of ours an export met): the file's report is `ungradable` with it, and the others go on. */
export function gradingFailed(error: unknown): { code: 'internal-error'; message: string } {
  return { code: 'internal-error', message: `grading failed: ${messageOf(error)}` };
}

export function refusedReport(error: { code: string; message: string }, options: GradeOptions): GradeReport {
  const attendee = attendeeWithoutFlow(options);
  return { ...reportBase(options), attendee, input: { file: options.fileName }, verdict: 'ungradable', checks: [], scenarios: [], error };
}

function reportBase(options: GradeOptions, now = options.now ?? (() => new Date())) {
  return {
    schemaVersion: 1 as const,
    tool: options.tool,
    lab: { id: options.mission.id, title: options.mission.title },
    generatedAt: now().toISOString(),
  };
}

/**
 * The attendee id the report of `input` will carry, found without grading it (loading is enough):
 * `grade --shard` keeps one attendee's submissions in one shard with it. No bytes (a file that
 * could not be read): the id a refused report carries.
 */
export function attendeeIdOf(input: Uint8Array | undefined, options: GradeOptions): string {
  if (input !== undefined) {
    const loaded = loadFor(input, options);
    if (loaded.ok) return loaded.model.attendee.id;
  }
  return attendeeWithoutFlow(options).id;
}

/** The flow model of `bytes`, loaded within the options' limits, as grading sees it. */
function loadFor(bytes: Uint8Array, options: GradeOptions): LoadResult {
  const { maxSteps: _steps, maxVisitsPerActivity: _visits, ...loadLimits } = options.limits ?? {};
  return loadFlow(bytes, { ...loadLimits, fileName: options.fileName, attendee: options.attendee, attendeePrefix: attendeePrefixOf(options.mission.flowName) });
}

/** Without a readable flow, the attendee is the option's, else the file name's (as the mission's flow is named). */
function attendeeWithoutFlow(options: GradeOptions): GradeReport['attendee'] {
  return options.attendee ? { id: options.attendee, source: 'option' } : attendeeOfFile(options.fileName, attendeePrefixOf(options.mission.flowName));
}

/**
 * Every check, in mission order. A failure whose cause an earlier check already reported (an
 * activity missing, of the wrong type, on the wrong canvas) is not judged again: the first check
 * tells what is wrong and how to mend it, the later ones point to it instead of repeating it.
 * Points and verdict are the same either way (a check not judged earns nothing).
 */
function runChecks(checks: readonly Check[], ctx: CheckContext): CheckResult[] {
  const reportedBy = new Map<string, Check>();
  const byId = new Map(checks.map((check) => [check.id, check]));
  // A check not judged → the judged check that reports why: a check pointing to one that was not
  // judged itself points on to that one's reporter, never to another "Not judged".
  const reporterOf = new Map<string, Check>();
  return checks.map((check) => {
    const outcome = outcomeOf(check, ctx);
    if (outcome.status === 'failed' && outcome.cause !== undefined) {
      const first = reportedBy.get(outcome.cause);
      if (first) {
        reporterOf.set(check.id, first);
        return result(check, 'skipped', `Not judged: ${outcome.message} (reported under “${first.title}”)`);
      }
      reportedBy.set(outcome.cause, check);
    }
    if (outcome.status === 'skipped' && outcome.reportedBy !== undefined) {
      const named = byId.get(outcome.reportedBy);
      const reporter = named && (reporterOf.get(named.id) ?? named);
      if (reporter) reporterOf.set(check.id, reporter);
      return result(check, 'skipped', reporter ? `${outcome.message} (reported under “${reporter.title}”)` : outcome.message);
    }
    return resultOf(check, outcome);
  });
}

/**
 * A check that throws is recorded as errored, naming the check: it never stops the grading. So is
 * a check judging a run the simulator could not finish for a bug of ours: that run says nothing
 * about the flow, and the attendee is not blamed for it. And so is a required or recommended check
 * answering `info` ("not checkable"), which only an info check may: a bug of the mission, which
 * would otherwise fail every attendee with nothing to fix, or pass them unjudged.
 */
function outcomeOf(check: Check, ctx: CheckContext): CheckOutcome | { status: 'errored'; message: string } {
  const judged = check.scenario === undefined ? undefined : ctx.runs[check.scenario];
  if (judged?.result.status === 'internal-error') {
    return { status: 'errored', message: `check ${check.id} not judged: the simulated ${check.scenario} call stopped on a bug of flowgrade, not of the flow (${judged.result.summary})` };
  }
  try {
    const outcome = check.run(ctx);
    if (outcome.status === 'info' && check.severity !== 'info') {
      return { status: 'errored', message: `check ${check.id} is ${check.severity} but answered “not checkable”, which only an info check may: ${outcome.message}` };
    }
    return outcome;
  } catch (error) {
    return { status: 'errored', message: `check ${check.id} crashed: ${messageOf(error)}` };
  }
}

function resultOf(check: Check, outcome: CheckOutcome | { status: 'errored'; message: string }): CheckResult {
  const base = result(check, outcome.status, outcome.message);
  if (outcome.status !== 'failed') return base;
  return {
    ...base,
    ...(outcome.expected !== undefined ? { expected: outcome.expected } : {}),
    ...(outcome.actual !== undefined ? { actual: outcome.actual } : {}),
    // An event node by the name its canvas shows (OnGlobalError, not GlobalErrorHandling).
    ...(outcome.activity ? { activity: outcome.activity.event?.display ?? outcome.activity.label, pointer: outcome.activity.pointer } : {}),
    ...(outcome.pointer ? { pointer: outcome.pointer } : {}),
    ...(outcome.traceExcerpt ? { traceExcerpt: outcome.traceExcerpt } : {}),
    ...(outcome.hint ? { hint: outcome.hint } : {}),
  };
}

function result(check: Check, status: CheckResult['status'], message: string): CheckResult {
  return {
    id: check.id,
    title: check.title,
    step: check.step,
    severity: check.severity,
    status,
    points: worthOf(check),
    earned: earnedBy(check, status),
    message,
    hint: check.hint,
  };
}

/** A scenario passed when every check that judges its run passed. */
function markScenarioOutcomes(scenarios: ScenarioResult[], checks: CheckResult[], mission: Mission): void {
  for (const scenario of scenarios) {
    const judged = new Set(mission.checks.filter((c) => c.scenario === scenario.id).map((c) => c.id));
    scenario.passed = checks.filter((c) => judged.has(c.id)).every((c) => c.status === 'passed');
  }
}

/**
 * A scenario whose call gives no DNIS dials the mission's (or the grader's `--dnis`), not the
 * simulator's default contact, which is Callback on Global Error's lab number.
 */
function dialling(definition: ScenarioDefinition, dnis: string): ScenarioDefinition {
  try {
    const contact = definition.scenario.contact;
    if (contact?.DNIS !== undefined) return definition;
    return { ...definition, scenario: { ...definition.scenario, contact: { ...contact, DNIS: dnis } } };
  } catch {
    // Contact data that cannot be read is the simulated call's failure, told as such when it runs.
    return definition;
  }
}

function drawing(graph: FlowGraph): DrawingGraph {
  return {
    // An event node by the name its canvas shows (OnGlobalError), as the checks name it.
    nodes: graph.activities.map((a) => ({ id: a.id, label: a.event?.display ?? a.label, type: a.type, ...(a.position ? { position: a.position } : {}) })),
    // A Case's port by its match value (AMD), as the canvas shows it, not by the export's key (0).
    edges: graph.activities.flatMap((a) =>
      Object.entries(a.exits).map(([exit, to]) => {
        const label = caseExitLabel(a, exit);
        return { from: a.id, to, exit, ...(label === undefined ? {} : { label }) };
      }),
    ),
  };
}

/**
 * The SHA-256 of the input, by the platform's Web Crypto where there is one; else (a page served
 * over plain HTTP from another host than localhost: browsers give `crypto.subtle` only to secure
 * pages) by @noble/hashes, the same digest in plain JavaScript.
 */
async function webCryptoSha256(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  return bytesToHex(subtle ? new Uint8Array(await subtle.digest('SHA-256', bytes as unknown as ArrayBuffer)) : nobleSha256(bytes));
}

/** The settings a grading with `options` runs with: the mission's defaults, what was given, the mocks' dataset and filter. */
export function missionSettings(options: Pick<GradeOptions, 'mission' | 'settings' | 'mocks'>): MissionSettings {
  return {
    ...options.mission.defaultSettings,
    ...definedOnly(options.settings ?? {}),
    dynvars: options.mocks?.dynvars ?? DEFAULT_DYNVARS,
    mockapiFilter: options.mocks?.mockapiFilter ?? DEFAULT_MOCKAPI_FILTER,
  };
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
