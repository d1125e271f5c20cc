import { Command, InvalidArgumentError, Option } from 'commander';
import type { Activity, FlowModel } from '../../engine/model.js';
import { eventFlowsNeverRun, simulate } from '../../engine/simulator/index.js';
import type { SimulationResult, TraceEntry } from '../../engine/trace.js';
import { subflowInputsOf } from '../../engine/simulator/variables.js';
import type { ForcedTasksBehaviour, SeenRequest } from '../../mocks/index.js';
import { createMockServices, notMockedReason, requestsNotMocked } from '../../mocks/index.js';
import { renderTraceTable } from '../../reports/index.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../errors.js';
import { resolveGradingOptions, type GradingFlags } from '../grading-options.js';
import { DEFAULT_MISSION_ID, missionNumbers } from '../../checks/index.js';
import { maxDepthOption, maxStepsOption, maxVisitsOption, mockApiFilterOption } from './grading-flags.js';
import { inputErrorLine, loadFlowFile } from '../io.js';
import { oneExportFile } from '../file-patterns.js';
import { printableLine, terminalJson } from '../../reports/escape.js';
import { collectConnectors, pairsOf, parseForcedStatus, parseSize, refuseFileArguments } from '../options.js';

/** Every grading flag (grading-options.ts), and the call's own. */
interface SimulateFlags extends GradingFlags {
  dtmf?: Record<string, string | string[]>;
  input?: Record<string, string>;
  ani?: string;
  tasksStatus?: ForcedTasksBehaviour;
  agentsAvailable?: boolean;
  callerInErrorHandler?: boolean;
  businessHours?: 'working' | 'closed' | 'holiday' | 'override';
  format: 'text' | 'json';
}

/** `flowgrade simulate`: run one call through the flow and print the Debug-tool-like trace. */
export function simulateCommand(ctx: CliContext): Command {
  return new Command('simulate')
    .description('run one simulated call through an exported flow (offline, mocked services) and print the trace')
    .argument('<file>', 'a Flow Designer export (.json)')
    .option('--dtmf <LABEL=DIGITS>', 'what the caller presses at a menu or collect-digits activity, e.g. WantCallback=3 (repeatable; DIGITS may be a comma list for successive visits, and a label given again answers its next visits)', collectAnswers)
    .option('--input <NAME=VALUE>', "for a subflow: the value its calling flow maps into the input NAME (repeatable; an input not given keeps its default, and the outcome line names it)", subflowInput)
    .addOption(new Option('--lab <id>', "lab mission whose number the call dials unless --dnis is given (see `flowgrade labs`)").default(DEFAULT_MISSION_ID))
    .option('--ani <number>', 'caller number (NewPhoneContact.ANI; default +14085551234)')
    .option('--dnis <number>', `dialled number, E.164 with + (NewPhoneContact.DNIS; default: the --lab mission's number: ${missionNumbers()})`)
    .option('--dynvars <file>', 'your own MockAPI DynVars dataset (JSON array of records with "dn")')
    .addOption(mockApiFilterOption())
    .option('--connector <NAME=URL>', 'base URL of a Flow Designer connector (repeatable; default: every connector is WxCC US1)', collectConnectors)
    .option('--tasks-status <status>', 'force the Tasks API answer: 400, 401, 403, 429, 500, 503 or timeout', parseForcedStatus)
    .option('--agents-available', 'Queue Contact (or Queue To Agent) finds a free agent (default: none, the caller stays in queue)')
    .option('--caller-in-error-handler', "OnGlobalError runs with the caller still on the line, as in Cisco's templates that play a message there (default: the caller's leg is gone, as the lab says)")
    .addOption(new Option('--business-hours <state>', 'which Business Hours exit is taken').choices(['working', 'closed', 'holiday', 'override']).default('working'))
    .option('--max-size <size>', 'largest export accepted (default 20MB)', parseSize)
    .addOption(maxDepthOption())
    .addOption(maxStepsOption())
    .addOption(maxVisitsOption())
    .option('--now <iso-time>', 'fixed clock for now(): ISO 8601 with Z or an offset (2025-08-01T09:00:00Z), or a date (midnight UTC) (default: the time of the run, as check)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (file: string, flags: SimulateFlags, command: Command) => {
      refuseFileArguments([file]);
      file = await oneExportFile(file, 'simulate', (line) => ctx.stderr(printableLine(line) + '\n'));
      const options = await resolveGradingOptions(flags);
      const loaded = await loadFlowFile(file, { maxBytes: flags.maxSize, maxDepth: flags.maxDepth });
      if (!loaded.ok) {
        ctx.stderr(inputErrorLine(file, loaded.error) + '\n');
        ctx.exit(EXIT.unusable);
        return;
      }
      const services = createMockServices({ ...options.mocks, ...(flags.tasksStatus ? { tasks: flags.tasksStatus } : {}) });
      const dtmf = flags.dtmf ?? {};
      const labels = answerable(loaded.model);
      for (const label of Object.keys(dtmf)) {
        if (!labels.has(label)) ctx.stderr(`flowgrade: --dtmf ${printableLine(label)}: no Menu or Collect Digits activity has that label (labels are case-sensitive); its answers are never used\n`);
      }
      const inputs = new Set(subflowInputsOf(loaded.model.variables));
      for (const name of Object.keys(flags.input ?? {})) {
        if (!inputs.has(name)) ctx.stderr(`flowgrade: --input ${printableLine(name)}: the flow has no subflow input of that name (names are case-sensitive); it is never used\n`);
      }
      if (command.getOptionValueSource('businessHours') === 'cli' && activitiesOfType(loaded.model, 'business-hours').length === 0) {
        ctx.stderr(`flowgrade: --business-hours ${flags.businessHours}: the flow has no Business Hours activity; it is never used\n`);
      }
      if (flags.agentsAvailable && activitiesOfType(loaded.model, 'queue-contact', 'queue-to-agent').length === 0) {
        ctx.stderr('flowgrade: --agents-available: the flow has no Queue Contact or Queue To Agent activity; it is never used\n');
      }
      // The DNIS as grading reads it (spaces, dashes and brackets dropped), not as typed; else the lab's.
      const dnis = options.settings?.dnis ?? options.mission.defaultSettings.dnis;
      // --ani "" is the empty ANI asked for, not the default (a caller who withholds their number arrives as "anonymous").
      const contact = { ...(flags.ani !== undefined ? { ANI: flags.ani } : {}), ...(dnis ? { DNIS: dnis } : {}) };
      const result = await simulate(loaded.model, { contact, dtmf, agentsAvailable: flags.agentsAvailable ?? false, businessHours: flags.businessHours, subflowInputs: flags.input }, { services, now: options.now ?? (() => new Date()), maxSteps: flags.maxSteps, maxVisitsPerActivity: flags.maxVisits, callerConnectedInErrorHandler: flags.callerInErrorHandler });
      const notes = [...notMockedLines(services.requests, result.trace), unansweredLine(result, loaded.model, dtmf), ...unusedByTheCall(flags, services.requests, result), neverRunLine(loaded.model)].filter((line) => line !== undefined);
      if (flags.format === 'json') {
        ctx.stdout(terminalJson(JSON.stringify({ ...result, tasks: services.tasks, requests: services.requests }, null, 2)) + '\n');
        for (const line of notes) ctx.stderr(line + '\n');
        return;
      }
      ctx.stdout(renderTraceTable(result.trace));
      // The task's fields and the summary's labels come from the export: printable, one line each.
      for (const task of services.tasks) ctx.stdout(printableLine(`task created: ${task.id} (entryPointId ${String(task.body.entryPointId)}, destination ${String(task.body.destination)})`) + '\n');
      // What Callback activities registered (the JSON has it as `callbacks`; the trace row shows only the exit).
      for (const cb of result.callbacks ?? []) ctx.stdout(printableLine(`callback registered at ${cb.activity}: dial ${cb.dialNumber || '(empty)'} (ANI ${cb.ani || '(empty)'}, queue ${cb.queue || '(none)'})`) + '\n');
      // `completed: global error at …`; a summary that already starts with its status (`stuck in a loop at …`) is said once.
      const said = result.summary.startsWith(`${result.status} `) ? result.summary : `${result.status}: ${result.summary}`;
      ctx.stdout(printableLine(said) + '\n');
      for (const line of notes) ctx.stderr(line + '\n');
    });
}

/**
 * The options the call never used, known only once it has run: --tasks-status when no request got
 * the answer it forces (only an authorised POST to /v1/tasks does: a PUT gets 405, a request without
 * the token 401; a timeout, any POST to /v1/tasks), --caller-in-error-handler when OnGlobalError did not run.
 */
function unusedByTheCall(flags: SimulateFlags, requests: readonly SeenRequest[], result: SimulationResult): string[] {
  const lines: string[] = [];
  if (flags.tasksStatus !== undefined && !requests.some((request) => request.forced === true)) {
    // A timeout comes before the token is read: any POST to /v1/tasks gets it (docs/mocks.md).
    const forced = flags.tasksStatus;
    const timeout = 'timeout' in forced;
    lines.push(`flowgrade: --tasks-status ${timeout ? 'timeout' : forced.status}: no request of the call got that answer (only ${timeout ? 'a POST' : 'an authorised POST'} to /v1/tasks does); it is never used`);
  }
  if (flags.callerInErrorHandler && !result.globalErrorRaised) lines.push('flowgrade: --caller-in-error-handler: OnGlobalError did not run in this call; it is never used');
  return lines;
}

/** The event flows that do something but that no simulated call raises (an outbound campaign's PreDial, CallbackFailed): said, not left out silently. */
function neverRunLine(model: FlowModel): string | undefined {
  const flows = eventFlowsNeverRun(model);
  return flows.length === 0 ? undefined : printableLine(`flowgrade: not simulated: the event flows of events a simulated call does not raise: ${flows.join('; ')}`);
}

/** Each request flowgrade does not mock, once (requestsNotMocked), with the activity that sent it. */
function notMockedLines(requests: readonly SeenRequest[], trace: readonly TraceEntry[]): string[] {
  return requestsNotMocked(requests).map((request) => {
    const activity = trace.find((entry) => entry.http?.url === request.url)?.activity;
    return printableLine(`flowgrade: ${activity === undefined ? '' : `${activity}: `}${request.method} ${request.url} got the mock's ${request.status}: ${notMockedReason(request)}`);
  });
}

/**
 * A call stopped at a menu or collect digits it got no answer from, which no --dtmf names (a
 * language menu before WantCallback: grading's scenarios answer it, simulate answers only what it
 * is told): the --dtmf to add, with the menu's connected options. A caller left waiting in queue at
 * a menu gets it only when some --dtmf was given (VerifyNumber after WantCallback=1): without any,
 * waiting in queue at an unanswered WantCallback is the steady state of the call.
 */
function unansweredLine(result: SimulationResult, model: FlowModel, dtmf: Record<string, unknown>): string | undefined {
  const label = result.unanswered;
  if (label === undefined || Object.hasOwn(dtmf, label) || (result.inQueue && Object.keys(dtmf).length === 0)) return undefined;
  const activity = activitiesOfType(model, 'ivr-menu', 'ivr-collectdigits').find((a) => a.label === label);
  if (!activity) return undefined;
  const options = activity.type === 'ivr-menu' ? Object.keys(activity.exits).filter((exit) => /^[0-9*#]+$/.test(exit)) : [];
  return printableLine(`flowgrade: ${label} got no answer, so the call went no further: add --dtmf ${label}=<digits>${options.length > 0 ? ` (its options: ${options.join(', ')})` : ''}`);
}

const dtmfPair = pairsOf('LABEL=DIGITS', 'WantCallback=3');

/** `--input NAME=VALUE`, repeatable: a subflow input's value (the value may be empty, or hold '='). */
const subflowInput = pairsOf('NAME=VALUE', 'errorMessage=Sorry');

/**
 * `--dtmf LABEL=DIGITS`, repeatable. One answer answers every visit; a comma list, or the label
 * given again, answers successive visits (and later visits get no input).
 */
function collectAnswers(value: string, previous: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const [label, digits] = Object.entries(dtmfPair(value))[0];
  const notKeys = digits.split(',').find((answer) => !/^[0-9*#]*$/.test(answer));
  if (notKeys !== undefined) throw new InvalidArgumentError(`${JSON.stringify(notKeys)} is not what a caller can press: digits, * and # (a comma list for successive visits)`);
  if (!Object.hasOwn(previous, label)) return { ...previous, [label]: digits.includes(',') ? digits.split(',') : digits };
  return { ...previous, [label]: [previous[label], digits.split(',')].flat() };
}

/** Labels of the activities that read an answer (menus, collect digits), in every graph. */
function answerable(model: FlowModel): Set<string> {
  return new Set(activitiesOfType(model, 'ivr-menu', 'ivr-collectdigits').map((a) => a.label));
}

/** The activities of the main flow and the event flows whose type is one of `types`. */
function activitiesOfType(model: FlowModel, ...types: string[]): Activity[] {
  return [model.main, model.events].flatMap((graph) => graph.activities.filter((a) => types.includes(a.type)));
}
