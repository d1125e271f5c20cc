/**
 * Reads any real Flow Designer export into the flow model: plain exports (pretty, minified,
 * with or without BOM), flow-template upload bodies, every format generation, FLOW and SUBFLOW.
 */
import flowExportSchema from '../schemas/flow-export.schema.json' with { type: 'json' };
import { firstSchemaError, validatorFor } from './ajv.js';
import { buildModel, isEventActivity } from './build-model.js';
import { clipPointer } from './clip.js';
import { assertNesting, assertStringLengths, decodeText, DEFAULT_LIMITS, parseJsonText, withoutBom, type JsonLimits } from './json-text.js';
import { LoadError, type LoadErrorCode } from './load-error.js';
import type { FlowModel } from './model.js';
import { messageOf } from './error-message.js';
import { otherArrayMessage, otherFileMessage } from './loader-other-files.js';

export interface LoadOptions extends Partial<JsonLimits> {
  /** Used for the attendee id fallback (never read: the loader does no I/O). */
  fileName?: string;
  /** Explicit attendee id; wins over the flow name and the file name. */
  attendee?: string;
  /** What comes before the attendee's `<ID>` in the flow's name and a file's (default `Main_Flow_`). */
  attendeePrefix?: string;
}

export type LoadResult = { ok: true; model: FlowModel } | { ok: false; error: { code: LoadErrorCode; message: string } };

export function loadFlow(input: string | Uint8Array, options: LoadOptions = {}): LoadResult {
  const limits: JsonLimits = { ...DEFAULT_LIMITS, ...definedLimits(options) };
  try {
    const text = decodeText(input, limits);
    const { exported, templateBody } = unwrap(parseJsonText(text, limits), text.length, limits);
    assertFlowExport(exported, templateBody);
    assertGraphSize(exported, limits);
    const model = buildModel(exported, { fileName: options.fileName, attendee: options.attendee, attendeePrefix: options.attendeePrefix, templateBody, maxDepth: limits.maxDepth });
    assertOneOfEach(model, templateBody);
    return { ok: true, model };
  } catch (error) {
    if (error instanceof LoadError) return { ok: false, error: { code: error.code, message: error.message } };
    // A bug of ours, not a property of the file: still one line, never a crash.
    return { ok: false, error: { code: 'invalid-flow', message: `could not be read: ${messageOf(error)}` } };
  }
}

/**
 * The export in a parsed value (of a text of `textLength` characters), its nesting and string
 * lengths checked before anything else looks inside it. A flow-template upload body holds the
 * export as a JSON string in `flow`.
 */
function unwrap(value: unknown, textLength: number, limits: JsonLimits): { exported: Record<string, unknown>; templateBody: boolean } {
  assertNesting(value, limits);
  const flow = templateFlow(value);
  if (flow === undefined) {
    assertStringLengths(value, textLength, limits);
    return { exported: asExport(value), templateBody: false };
  }
  // Public template bodies that were never filled in hold `"flow": ""`: not an empty file.
  if (flow.trim() === '') throw new LoadError('bad-template-body', 'flow-template body whose "flow" field is empty (an unfilled template): it holds no export');
  let inner: Record<string, unknown>;
  try {
    inner = asExport(parseJsonText(flow, limits));
  } catch (error) {
    const reason = error instanceof LoadError ? error.message : String(error);
    throw new LoadError('bad-template-body', `flow-template body whose "flow" field is not a readable export: ${reason}`);
  }
  assertNesting(inner, limits);
  assertStringLengths(inner, flow.length, limits, INSIDE_FLOW);
  return { exported: inner, templateBody: true };
}

/** The `flow` string of a template body, without a leading BOM: accepted there as at the start of a file. */
function templateFlow(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || 'process' in value) return undefined;
  const flow = (value as Record<string, unknown>).flow;
  return typeof flow === 'string' ? withoutBom(flow) : undefined;
}

/** `null`, `an array`, `an object`, `a string`, `a number`, … */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function asExport(value: unknown): Record<string, unknown> {
  if (Array.isArray(value)) throw new LoadError('not-a-flow', otherArrayMessage(value) ?? 'JSON is an array, not a Flow Designer export (expected an object with "process")');
  if (value === null || typeof value !== 'object') throw new LoadError('not-a-flow', `JSON is ${kindOf(value)}, not a Flow Designer export`);
  const object = value as Record<string, unknown>;
  if (!('process' in object)) {
    const other = otherFileMessage(object);
    if (other) throw new LoadError('not-a-flow', other);
    // A template body with the export pasted in as an object (or null): the upload body holds it as a string.
    if (Object.hasOwn(object, 'flow') && typeof object.flow !== 'string') throw new LoadError('bad-template-body', `flow-template body whose "flow" field is ${kindOf(object.flow)}, not the export as a JSON string`);
    throw new LoadError('not-a-flow', 'JSON object has no "process": not a Flow Designer export');
  }
  return object;
}

/**
 * What Flow Designer never saves and grading cannot read one way: two links on one exit of an
 * activity, or two flow variables of one name (a hand-edited or damaged export). Taking the first
 * would grade the same flow differently by the order of its links.
 */
const NOT_SAVED_BY_FLOW_DESIGNER = new Set(['duplicate-exit-link', 'duplicate-variable']);

function assertOneOfEach(model: FlowModel, templateBody: boolean): void {
  const twice = model.findings.find((finding) => NOT_SAVED_BY_FLOW_DESIGNER.has(finding.code));
  if (!twice) return;
  const where = clipPointer(twice.pointer) + (templateBody ? INSIDE_FLOW : '');
  throw new LoadError('invalid-flow', `not a valid flow export: ${where} ${twice.message}, which Flow Designer never saves: export the flow again from Flow Designer`);
}

/** Said after a pointer into a template body's export: the file itself has no such path. */
const INSIDE_FLOW = ' (inside the "flow" string)';

function assertFlowExport(exported: Record<string, unknown>, templateBody: boolean): void {
  const validateExport = validatorFor(flowExportSchema);
  if (validateExport(exported)) return;
  throw new LoadError('invalid-flow', `not a valid flow export: ${firstSchemaError(validateExport.errors, { describe: schemaProblem, inside: templateBody ? INSIDE_FLOW : '' })}`);
}

/**
 * Ajv's message, naming the allowed values where it says only "one of the allowed values", and
 * both places of an activity's label where it names only the first ("must have required property 'name'").
 */
function schemaProblem(error: { keyword: string; schemaPath: string; params: Record<string, unknown>; message?: string } | undefined): string {
  if (error?.schemaPath.startsWith('#/definitions/activity/anyOf/')) return 'has no label: a string "name" on the activity or in its properties';
  const allowed = error?.keyword === 'enum' ? error.params.allowedValues : undefined;
  if (Array.isArray(allowed)) return `must be one of ${allowed.map((value) => JSON.stringify(value)).join(', ')}`;
  return error?.message ?? 'does not match the export schema';
}

/**
 * Refuses graphs far beyond any real flow (too-large): the work of building the model (event
 * handler reachability is activities × event nodes) and of the checks (each template a check
 * renders gets a scope of every flow variable) must stay small whatever the file says.
 */
function assertGraphSize(exported: Record<string, unknown>, limits: JsonLimits): void {
  const main = objectAt(exported, 'process', 'activities');
  const events = objectAt(exported, 'eventFlows', 'eventsMap', 'GLOBAL_EVENTS', 'process', 'activities');
  const activities = Object.keys(main).length + Object.keys(events).length;
  if (activities > limits.maxActivities) {
    throw new LoadError('too-large', `the export has ${activities} activities, more than the limit of ${limits.maxActivities}`);
  }
  const eventNodes = Object.values(events).filter((raw) => isEventActivity(raw as Record<string, unknown>)).length;
  if (eventNodes > limits.maxEventHandlers) {
    throw new LoadError('too-large', `the event flows have ${eventNodes} event nodes, more than the limit of ${limits.maxEventHandlers}`);
  }
  const variables = Array.isArray(exported.variables) ? exported.variables.length : 0;
  if (variables > limits.maxVariables) {
    throw new LoadError('too-large', `the export has ${variables} flow variables, more than the limit of ${limits.maxVariables}`);
  }
}

function objectAt(value: unknown, ...path: string[]): Record<string, unknown> {
  let at = value;
  for (const key of path) at = at !== null && typeof at === 'object' && !Array.isArray(at) && Object.hasOwn(at, key) ? (at as Record<string, unknown>)[key] : undefined;
  return at !== null && typeof at === 'object' && !Array.isArray(at) ? (at as Record<string, unknown>) : {};
}

function definedLimits(options: LoadOptions): Partial<JsonLimits> {
  const limits: Partial<JsonLimits> = {};
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof JsonLimits)[]) {
    if (options[key] !== undefined) limits[key] = options[key];
  }
  return limits;
}
