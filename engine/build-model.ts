/**
 * From a schema-valid export object to the flow model. Never throws on odd content inside a
 * readable flow: problems become findings. A limit is a refusal (LoadError), as in the loader.
 */
import { EVENT_CATALOGUE, eventSpec, knownExitsOf, START_TYPES } from './activity-types.js';
import type {
  Activity,
  EventHandler,
  Finding,
  FlowGraph,
  FlowModel,
  FormatGeneration,
  GraphKind,
  Link,
  Position,
  Variable,
} from './model.js';
import { attendeeOf } from './attendee.js';
import { activityById, reachableIds } from './graph.js';
import { assertNesting, DEFAULT_LIMITS, levels } from './json-text.js';
import { clipPointer } from './clip.js';
import { LoadError } from './load-error.js';
import { DECIMAL_TEXT, INTEGER_TEXT } from './number-text.js';
import { pointerOf } from './pointer.js';

type Json = Record<string, unknown>;

interface ModelOptions {
  fileName?: string;
  attendee?: string;
  /** What comes before the attendee's `<ID>` in the flow's name (engine/attendee.ts; default `Main_Flow_`). */
  attendeePrefix?: string;
  templateBody?: boolean;
  /** Deepest nesting accepted in a JSON variable's default (the loader's maxDepth). */
  maxDepth?: number;
}

export function buildModel(exported: Json, options: ModelOptions = {}): FlowModel {
  const findings: Finding[] = [];
  const main = buildGraph('main', asObject(exported.process), asObject(exported.diagram), ['process'], findings);
  const globalEvents = asObject(asObject(asObject(exported.eventFlows).eventsMap).GLOBAL_EVENTS);
  const eventsPointer = ['eventFlows', 'eventsMap', 'GLOBAL_EVENTS', 'process'];
  const events = buildGraph('events', asObject(globalEvents.process), asObject(globalEvents.diagram), eventsPointer, findings);
  findDuplicateLabels([main, events], findings);
  if (!main.start) {
    findings.push({ code: 'missing-start', message: 'the main flow has no start activity', pointer: '/process', graph: 'main' });
  }
  // Flow Designer keeps one start per flow; an export with more (edited by hand, or damaged) runs from the first.
  const starts = main.activities.filter((a) => START_TYPES.has(a.type));
  for (const extra of starts.slice(1)) {
    findings.push({ code: 'second-start', message: `the main flow has a second start activity, ${extra.label} (Flow Designer keeps one): the simulated call starts at ${starts[0].label}${extra.reachable ? '' : `, and ${extra.label} never runs`}`, pointer: extra.pointer, graph: 'main', activity: extra.label });
  }
  return {
    name: String(exported.name),
    flowType: exported.flowType === 'SUBFLOW' ? 'SUBFLOW' : 'FLOW',
    versionId: optionalString(exported.id),
    flowId: optionalString(exported.flowId),
    version: versionOf(exported.version),
    lastModifiedDate: optionalString(exported.lastModifiedDate) || undefined,
    generation: generationOf(exported),
    templateBody: options.templateBody ?? false,
    attendee: attendeeOf(String(exported.name), options),
    variables: buildVariables(exported.variables, findings, options.maxDepth ?? DEFAULT_LIMITS.maxDepth),
    main,
    events,
    handlers: buildHandlers(events, asObject(globalEvents.onEvents)),
    findings,
  };
}

function buildGraph(kind: GraphKind, flowProcess: Json, diagram: Json, base: string[], findings: Finding[]): FlowGraph {
  const rawActivities = asObject(flowProcess.activities);
  const widgets = asObject(diagram.widgets);
  const activities: Activity[] = [];
  const byId = new Map<string, Activity>();
  for (const [key, raw] of Object.entries(rawActivities)) {
    const activity = buildActivity(key, asObject(raw), pointerOf([...base, 'activities', key]), positionOf(widgets[key]));
    activities.push(activity);
    byId.set(key, activity);
  }
  // As sets: a menu may list any number of options, each checked against every link.
  const knownExits = new Map(activities.map((a) => [a, a.knownExits && new Set(a.knownExits)]));
  const links: Link[] = [];
  const rawLinks = Array.isArray(flowProcess.links) ? flowProcess.links : [];
  rawLinks.forEach((raw, index) => {
    const l = asObject(raw);
    const link: Link = {
      id: String(l.id ?? `link-${index}`),
      from: String(l.sourceActivityId),
      to: String(l.targetActivityId),
      exit: String(l.conditionExpr),
      pointer: pointerOf([...base, 'links', index]),
    };
    links.push(link);
    const source = byId.get(link.from);
    const target = byId.get(link.to);
    if (!source) {
      findings.push({ code: 'link-from-missing-activity', message: `a link starts at activity ${link.from}, which does not exist`, pointer: link.pointer, graph: kind });
      return;
    }
    if (!target) {
      findings.push({ code: 'link-to-missing-activity', message: `${source.label} → ${link.exit} leads to activity ${link.to}, which does not exist`, pointer: link.pointer, graph: kind, activity: source.label });
      return;
    }
    if (Object.hasOwn(source.exits, link.exit)) {
      // An exit holds only a link whose target was found (below), so its first target is there.
      const first = byId.get(source.exits[link.exit])!.label;
      findings.push({ code: 'duplicate-exit-link', message: `is a second link on the ${link.exit} exit of ${source.label} (the first leads to ${first}, this one to ${target.label})`, pointer: link.pointer, graph: kind, activity: source.label });
      return;
    }
    if (knownExits.get(source)?.has(link.exit) === false) {
      findings.push({ code: 'unknown-exit', message: `${source.label} (${source.type}) has no exit named ${link.exit}`, pointer: link.pointer, graph: kind, activity: source.label });
    }
    source.exits[link.exit] = link.to;
    target.incoming.push({ from: link.from, exit: link.exit });
  });
  for (const activity of activities) {
    activity.unlinkedExits = (activity.knownExits ?? []).filter((exit) => !Object.hasOwn(activity.exits, exit));
  }
  const start = activities.find((a) => START_TYPES.has(a.type))?.id;
  const entries = kind === 'main' ? (start ? [start] : []) : activities.filter((a) => a.type === 'event').map((a) => a.id);
  for (const id of reachableIds(entries, (id) => exitTargetsOf(byId.get(id)))) byId.get(id)!.reachable = true;
  return { kind, activities, links, start: kind === 'main' ? start : undefined, pointer: pointerOf(base) };
}

function buildActivity(key: string, raw: Json, pointer: string, position: Position | undefined): Activity {
  const properties = asObject(raw.properties);
  const { props, ui } = canonicalProperties(properties);
  const isEvent = isEventActivity(raw);
  const activityName = typeof properties.activityName === 'string' ? properties.activityName : '';
  const type = isEvent && (activityName === '' || activityName === 'Event') ? 'event' : activityName || 'unknown';
  // Exports write the label twice (`name`, `properties.name`); an empty one is no label.
  const label = optionalString(raw.name) || optionalString(properties.name) || key;
  const activity: Activity = {
    id: key,
    label,
    type,
    group: typeof raw.group === 'string' ? raw.group : '',
    props,
    ui,
    pointer,
    exits: Object.create(null) as Record<string, string>,
    knownExits: knownExitsOf(type, props),
    unlinkedExits: [],
    incoming: [],
    reachable: false,
  };
  if (position) activity.position = position;
  if (type === 'event') activity.event = eventOf(label, props);
  return activity;
}

/** Plain keys are canonical; `x:suffix` and `x_suffix` copies of a plain key `x` are UI display data. */
function canonicalProperties(properties: Json): { props: Json; ui: Json } {
  const props: Json = Object.create(null);
  const ui: Json = Object.create(null);
  // Keys by index, not Object.entries' pairs: every property of every activity passes here.
  const keys = Object.keys(properties);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = properties[key];
    const colon = key.indexOf(':');
    if (colon > 0) {
      ui[key] = value;
      continue;
    }
    const copyOf = underscoreCopyOf(key);
    if (copyOf && Object.hasOwn(properties, copyOf.base)) {
      const colonKey = `${copyOf.base}:${copyOf.suffix}`;
      if (!Object.hasOwn(properties, colonKey)) ui[colonKey] = value;
      continue;
    }
    props[key] = value;
  }
  return { props, ui };
}

const UI_SUFFIXES = new Set(['name', 'type', 'input', 'radioName']);

/** `x_name` → {base: 'x', suffix: 'name'} (likewise `_type`, `_input`, `_radioName`); a string test, as every key of every activity passes here. */
function underscoreCopyOf(key: string): { base: string; suffix: string } | undefined {
  const underscore = key.lastIndexOf('_');
  if (underscore < 1) return undefined;
  const suffix = key.slice(underscore + 1);
  return UI_SUFFIXES.has(suffix) ? { base: key.slice(0, underscore), suffix } : undefined;
}

function eventOf(label: string, props: Json): { name: string; display: string } {
  const name = optionalString(props.eventSpecificationName) || label;
  const spec = eventSpec(name) ?? eventSpec(label);
  const display = optionalString(props.displayName) || optionalString(props.event) || spec?.display || name;
  return { name, display };
}

function buildHandlers(events: FlowGraph, onEvents: Json): EventHandler[] {
  const nodes = events.activities.filter((a) => a.type === 'event');
  const mapped = new Map<string, string>();
  for (const [name, id] of Object.entries(onEvents)) if (typeof id === 'string' && activityById(events, id)) mapped.set(id, name);
  const order = (name: string) => {
    const index = EVENT_CATALOGUE.findIndex((e) => e.name === name);
    return index < 0 ? EVENT_CATALOGUE.length : index;
  };
  // Each activity's distinct targets, once: a walk per event node must not go through an activity's
  // every link again (100 event nodes × 200,000 links on one activity took 14 s).
  const targets = new Map(events.activities.map((a) => [a.id, [...new Set(Object.values(a.exits))]]));
  return nodes
    .map((node) => {
      const name = node.event?.name ?? mapped.get(node.id) ?? node.label;
      const reaches = reachableIds([node.id], (id) => targets.get(id)).filter((id) => id !== node.id);
      const handler: EventHandler = { name, display: node.event?.display ?? name, nodeId: node.id, reaches };
      if (node.exits.out) handler.target = node.exits.out;
      return handler;
    })
    // In English collation, not the machine's (Windows and macOS give Node the user's language: in
    // Czech `ch` sorts after `h`): the same order, and the same messages, on every machine.
    .sort((a, b) => order(a.name) - order(b.name) || a.name.localeCompare(b.name, 'en'));
}

/** Where an activity's exits lead; undefined for no activity (a link's end that is missing). */
function exitTargetsOf(activity: Activity | undefined): string[] | undefined {
  return activity && Object.values(activity.exits);
}

/** An event node of an event flow (OnGlobalError, AgentAnswered, …), as exported. */
export function isEventActivity(raw: Json): boolean {
  return raw.group === 'event' || asObject(raw.properties).activityId === 'event';
}

function buildVariables(raw: unknown, findings: Finding[], maxDepth: number): Variable[] {
  const variables: Variable[] = [];
  const seen = new Set<string>();
  (Array.isArray(raw) ? raw : []).forEach((item, index) => {
    const v = asObject(item);
    const pointer = pointerOf(['variables', index]);
    const name = String(v.name);
    const type = String(v.type).toUpperCase();
    const rawDefault = v.value === null || v.value === undefined ? null : String(v.value);
    if (seen.has(name)) findings.push({ code: 'duplicate-variable', message: `declares the flow variable ${name} a second time`, pointer });
    seen.add(name);
    const parsed = parseDefault(type, rawDefault);
    if (parsed.ok) assertDefaultNesting(name, parsed.value, maxDepth);
    if (!parsed.ok) findings.push({ code: 'default-unparseable', message: `variable ${name}: default ${JSON.stringify(rawDefault)} is not a valid ${type}`, pointer });
    variables.push({ name, type, rawDefault, defaultValue: parsed.ok ? parsed.value : null, source: optionalString(v.source), pointer });
  });
  return variables;
}

/**
 * A JSON default is a text parsed here, after the loader measured the file's nesting: a default of
 * 100 000 brackets (a string within the string limit) would give the model a value that overflows
 * the stack of whatever reads it next (too-deep, as in the file).
 */
function assertDefaultNesting(name: string, value: unknown, maxDepth: number): void {
  try {
    assertNesting(value, { ...DEFAULT_LIMITS, maxDepth });
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    throw new LoadError('too-deep', `variable ${clipPointer(name, 80)}: its JSON default is nested deeper than the limit of ${levels(maxDepth)}`);
  }
}

/** A default value as its type reads it: "0" → 0, "false" → false, "{}" → {}, "null"/null → null (non-strings). */
function parseDefault(type: string, raw: string | null): { ok: true; value: unknown } | { ok: false } {
  if (raw === null) return { ok: true, value: null };
  const text = raw.trim();
  switch (type) {
    case 'STRING':
    case 'DATETIME':
      return { ok: true, value: raw };
    case 'INTEGER':
    case 'DECIMAL':
      if (text === '' || /^null$/i.test(text)) return { ok: true, value: null };
      if ((type === 'INTEGER' ? INTEGER_TEXT : DECIMAL_TEXT).test(text)) {
        return { ok: true, value: Number(text) };
      }
      return { ok: false };
    case 'BOOLEAN':
      if (text === '' || /^null$/i.test(text)) return { ok: true, value: null };
      if (/^(true|false)$/i.test(text)) return { ok: true, value: text.toLowerCase() === 'true' };
      return { ok: false };
    case 'JSON':
      if (text === '') return { ok: true, value: null };
      try {
        return { ok: true, value: JSON.parse(text) };
      } catch {
        return { ok: false };
      }
    default:
      return { ok: true, value: raw };
  }
}

function findDuplicateLabels(graphs: FlowGraph[], findings: Finding[]): void {
  const seen = new Map<string, Activity>();
  for (const graph of graphs) {
    for (const activity of graph.activities) {
      if (seen.has(activity.label)) {
        findings.push({ code: 'duplicate-label', message: `two activities are labelled ${activity.label}`, pointer: activity.pointer, graph: graph.kind, activity: activity.label });
      } else seen.set(activity.label, activity);
    }
  }
}

function generationOf(exported: Json): FormatGeneration {
  if ('associatedChannels' in exported || 'flowOutcome' in exported) return '2026';
  if ('__typename' in exported) return '2025-graphql';
  if (!('settings' in exported)) return '2024';
  return '2025';
}

/** The version counter, written as a number or (the schema allows it) as digits; anything else, Infinity (`1e999`) included, is left out. */
function versionOf(value: unknown): number | undefined {
  const version = typeof value === 'string' && INTEGER_TEXT.test(value.trim()) ? Number(value) : value;
  return typeof version === 'number' && Number.isSafeInteger(version) ? version : undefined;
}

function positionOf(widget: unknown): Position | undefined {
  const point = asObject(asObject(widget).point);
  return typeof point.x === 'number' && typeof point.y === 'number' && Number.isFinite(point.x) && Number.isFinite(point.y)
    ? { x: point.x, y: point.y }
    : undefined;
}

function asObject(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function optionalString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
