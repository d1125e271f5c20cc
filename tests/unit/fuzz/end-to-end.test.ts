/**
 * End-to-end fuzzing: the real solution export (and the other fixtures) damaged at the JSON level —
 * structure mutated, hostile text in labels, expressions, URLs, prompts and variable names, links
 * rewired — graded with `gradeFlow` and rendered with every writer of reports/index.ts. Each case:
 * nothing throws, the JSON report matches schemas/report.schema.json, no markup from the export
 * reaches HTML/SVG/XML, CSV and Markdown keep their shape, and grading twice gives the same report.
 * Plus JSONPath parse settings: random paths against random bodies fail only with the simulator's
 * own errors, and a definite path of names and indexes reads what Jayway JsonPath reads.
 */
import { test } from '@playwright/test';
import Ajv from 'ajv';
import fc from 'fast-check';
import reportSchema from '../../../schemas/report.schema.json' with { type: 'json' };
import { findMission } from '../../../checks/index.js';
import { gradeFlow } from '../../../engine/grade.js';
import type { GradeReport } from '../../../engine/report.js';
import { CallState, type ActivityRun } from '../../../engine/simulator/context.js';
import { ActivityError, NotSimulatedError } from '../../../engine/simulator/errors.js';
import { applyParseSettings } from '../../../engine/simulator/parse-settings.js';
import { convertToType } from '../../../engine/simulator/variables.js';
import { NO_COLOR, renderConsole, renderCsv, renderDashboard, renderHtmlReport, renderJson, renderJunit, renderMarkdown } from '../../../reports/index.js';
import { fixtureJson, FLOW_FILES, hostileString, HOSTILE_NAMES, mutate, mutations, propertyAttacks, type Json, type Mutation } from './mutations.js';
import { checkNoPollution } from './outcomes.js';
import { template } from './pebble-arbitraries.js';
import { checkConsole, checkCsv, checkHtml, checkMarkdown, checkXml, MARKUP } from './report-checks.js';
import { check, fuzz, summarise } from './support.js';

test.afterAll(() => summarise('end-to-end'));
test.describe.configure({ timeout: 900_000 });

const mission = findMission('callback-on-global-error')!;
const options = (fileName: string) => ({ mission, fileName, now: () => new Date(0), tool: { name: 'flowgrade', version: 'fuzz' } });

/** Text an attacker puts where the export has text: markup, templates, URLs, control characters. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 1, arbitrary: template },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('http://', 'https://', 'ftp://', '//', 'javascript:'), hostileString).map(([a, b]) => a + b) },
  // Markup that only exists once Pebble has run (a prompt, a Set Variable value, a URL shown in the trace).
  { weight: 1, arbitrary: fc.constantFrom('{{ "<im" ~ "g src=x onerror=alert(1)>" }}', '{{ "PGltZyBzcmM9eCBvbmVycm9yPWFsZXJ0KDEpPg==" | base64decode }}', '{{ "<scr" ~ "ipt>alert(1)</scr" ~ "ipt>" | raw }}', '{{ "%3Cimg%20onerror%3D1%3E" }}', '{{ ["<img src=x onerror=alert(1)>"] | join }}', 'Hello {{ "<i" }}{{ "mg src=x onerror=alert(1)>" }}') },
);

/** An edit of the export that keeps its structure and changes its text (labels, templates, URLs, exits, names). */
type TextEdit =
  | { op: 'label'; at: number; text: string }
  | { op: 'property'; at: number; key: string; text: string }
  | { op: 'exit'; at: number; text: string }
  | { op: 'variable'; at: number; field: 'name' | 'value' | 'description'; text: string }
  | { op: 'flow-name'; text: string }
  | { op: 'point'; at: number; x: Json; y: Json }
  | { op: 'activity-id'; at: number; id: string };

const TEXT_KEYS = ['expression', 'httpRequestUrl', 'httpRequestBody', 'srcVariable', 'expr', 'value', 'description', 'callbackDialNumber', 'queueId', 'connectorId:name'];

/** Where the diagram draws a widget: numbers far away, negative, fractional, or not numbers at all. */
const coordinate: fc.Arbitrary<Json> = fc.oneof(
  fc.integer({ min: -5_000, max: 5_000 }),
  fc.double({ noNaN: true }),
  fc.constantFrom<Json>(1e308, -1e308, 2 ** 53 + 1, -0, 0.1, null, '12', 'NaN', 'Infinity', '1e400', true, [], {}, '"><svg onload=alert(1)>'),
);

const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ op: fc.constant('label' as const), at: fc.nat(), text: hostileText }),
  fc.record({ op: fc.constant('property' as const), at: fc.nat(), key: fc.constantFrom(...TEXT_KEYS), text: hostileText }),
  fc.record({ op: fc.constant('exit' as const), at: fc.nat(), text: fc.oneof(hostileText, fc.constantFrom('out', 'default', 'error', 'true', 'false', '1', '2', '3', ...HOSTILE_NAMES)) }),
  fc.record({ op: fc.constant('variable' as const), at: fc.nat(), field: fc.constantFrom('name' as const, 'value' as const, 'description' as const), text: hostileText }),
  fc.record({ op: fc.constant('flow-name' as const), text: hostileText }),
  fc.record({ op: fc.constant('point' as const), at: fc.nat(), x: coordinate, y: coordinate }),
  fc.record({ op: fc.constant('activity-id' as const), at: fc.nat(), id: fc.oneof(hostileText, fc.constantFrom('a/b', '~0', '~1', 'x:out', 'x\u0000y', '#fg-check-x', '" onmouseover="alert(1)')) }),
);

type Obj = Record<string, Json>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function processes(doc: Json): Obj[] {
  if (!isObj(doc)) return [];
  const out: Obj[] = [];
  if (isObj(doc.process)) out.push(doc.process);
  const events = isObj(doc.eventFlows) ? doc.eventFlows.eventsMap : undefined;
  if (isObj(events)) for (const flow of Object.values(events)) if (isObj(flow) && isObj(flow.process)) out.push(flow.process);
  return out;
}

/** Applies text edits in place (on a copy made by the caller). */
function editText(doc: Json, edits: readonly TextEdit[]): Json {
  const activities = processes(doc).flatMap((p) => (isObj(p.activities) ? Object.values(p.activities).filter(isObj) : []));
  const links = processes(doc).flatMap((p) => (Array.isArray(p.links) ? p.links.filter(isObj) : []));
  const variables = isObj(doc) && Array.isArray(doc.variables) ? doc.variables.filter(isObj) : [];
  const diagrams = isObj(doc) ? [doc.diagram, ...(isObj(doc.eventFlows) && isObj(doc.eventFlows.eventsMap) ? Object.values(doc.eventFlows.eventsMap).map((f) => (isObj(f) ? f.diagram : null)) : [])] : [];
  const widgets = diagrams.flatMap((d) => (isObj(d) && isObj(d.widgets) ? Object.values(d.widgets).filter(isObj) : []));
  for (const e of edits) {
    switch (e.op) {
      case 'label': {
        const a = activities[e.at % Math.max(1, activities.length)];
        if (!a) break;
        a.name = e.text;
        if (isObj(a.properties)) (a.properties.name = e.text), (a.properties.activityName = e.text);
        break;
      }
      case 'property': {
        const a = activities[e.at % Math.max(1, activities.length)];
        if (a && isObj(a.properties)) a.properties[e.key] = e.text;
        break;
      }
      case 'exit': {
        const l = links[e.at % Math.max(1, links.length)];
        if (!l) break;
        l.conditionExpr = e.text;
        if (isObj(l.properties)) l.properties.value = e.text;
        break;
      }
      case 'variable': {
        const v = variables[e.at % Math.max(1, variables.length)];
        if (v) v[e.field] = e.text;
        break;
      }
      case 'flow-name':
        if (isObj(doc)) doc.name = e.text;
        break;
      case 'activity-id': {
        // Renamed everywhere it is used (the activities map, its id, links, diagram widgets): the flow stays whole.
        const owners = processes(doc).filter((p) => isObj(p.activities));
        const all = owners.flatMap((p) => Object.keys(p.activities as Obj).map((key) => ({ p, key })));
        const pick = all[e.at % Math.max(1, all.length)];
        if (!pick || e.id === '' || Object.hasOwn(pick.p.activities as Obj, e.id)) break;
        const map = pick.p.activities as Obj;
        const activity = map[pick.key];
        const renamed: Obj = {};
        for (const [k, v] of Object.entries(map)) Object.defineProperty(renamed, k === pick.key ? e.id : k, { value: v, enumerable: true, writable: true, configurable: true });
        pick.p.activities = renamed;
        if (isObj(activity)) activity.id = e.id;
        for (const l of Array.isArray(pick.p.links) ? pick.p.links.filter(isObj) : []) {
          if (l.sourceActivityId === pick.key) l.sourceActivityId = e.id;
          if (l.targetActivityId === pick.key) l.targetActivityId = e.id;
        }
        for (const d of diagrams) {
          if (!isObj(d) || !isObj(d.widgets) || !Object.hasOwn(d.widgets, pick.key)) continue;
          Object.defineProperty(d.widgets, e.id, { value: d.widgets[pick.key], enumerable: true, writable: true, configurable: true });
          delete d.widgets[pick.key];
        }
        break;
      }
      case 'point': {
        const w = widgets[e.at % Math.max(1, widgets.length)];
        if (w) w.point = isObj(w.point) ? { ...w.point, x: e.x, y: e.y } : { x: e.x, y: e.y };
        break;
      }
    }
  }
  return doc;
}

/** Damage to an export: text edits, structural mutations, wrong-typed properties, or a mix. */
const damage: fc.Arbitrary<{ structural: readonly Mutation[]; text: readonly TextEdit[] }> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ structural: fc.constant<Mutation[]>([]), text: fc.array(textEdit, { minLength: 1, maxLength: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ structural: mutations, text: fc.constant<TextEdit[]>([]) }) },
  { weight: 1, arbitrary: fc.record({ structural: propertyAttacks, text: fc.array(textEdit, { maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ structural: mutations, text: fc.array(textEdit, { minLength: 1, maxLength: 4 }) }) },
);

/** Files to damage: the solution most of the time (every check has something to find there). */
const file = fc.oneof({ weight: 3, arbitrary: fc.constant('flows/solution.json') }, { weight: 1, arbitrary: fc.constantFrom(...FLOW_FILES) });

/** Elements no report has (and the export cannot add): counted in every rendered page. */
const REPORT_ELEMENTS = [/<img\b/i, /<iframe\b/i, /<object\b/i, /<embed\b/i, /<base\b/i, /<form\b/i, /<svg\b[^>]*\sonload/i];
function checkElements(name: string, html: string, patterns: RegExp[]): void {
  for (const pattern of patterns) check(!pattern.test(html), () => `${name}: ${pattern} in ${JSON.stringify(html.slice(Math.max(0, html.search(pattern) - 80), html.search(pattern) + 80))}`);
}

const validate = new Ajv({ allErrors: false, strict: false, formats: { 'date-time': true } }).compile(reportSchema);
const hrefs = (r: GradeReport) => `report-${r.checks.length}.html`;

test('fuzz: damaged exports graded end to end render safely in every format, the same way twice', async () => {
  await fuzz(
    'end-to-end/grade-and-render',
    fc.asyncProperty(file, damage, async (name, { structural, text }) => {
      const doc = editText(mutate(fixtureJson(name), structural), text);
      const input = JSON.stringify(doc) ?? 'null';
      const report = await gradeFlow(input, options(name));
      const again = await gradeFlow(input, options(name));
      const json = renderJson(report);
      check(json === renderJson(again), () => `grading twice differs: ${report.verdict}/${again.verdict}`);
      check(validate(JSON.parse(json)), () => `report does not match schemas/report.schema.json: ${JSON.stringify(validate.errors?.[0])}`);
      if (report.verdict === 'ungradable') check(report.error !== undefined && !/[\r\n]/.test(report.error.message), 'ungradable without a one-line error');
      const crashed = report.checks.filter((c) => c.status === 'errored');
      check(crashed.length === 0, () => `check ${crashed[0].id} crashed: ${crashed[0].message}`);
      const html = renderHtmlReport(report);
      checkHtml('html', html);
      checkElements('html', html, REPORT_ELEMENTS);
      const numbers = /\s(?:x|y|x1|y1|x2|y2|cx|cy|r|rx|ry|width|height|d|points|viewBox|transform)="[^"]*(?:NaN|Infinity|undefined)[^"]*"/.exec(html);
      check(numbers === null, () => `html: ${numbers![0]} (a coordinate or size that is not a number)`);
      checkHtml('dashboard', renderDashboard([report, again], { reportHref: hrefs }));
      checkConsole(renderConsole(report, { color: NO_COLOR }));
      checkXml(renderJunit([report]));
      checkCsv(renderCsv([report, again]), 2);
      checkMarkdown(renderMarkdown([report]));
      checkNoPollution();
    }),
    0.1,
  );
});

// ---- JSONPath parse settings ----

const NAMES = ['a', 'b', 'value', '0', '1', '10', 'x-y', 'é', 'length', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '$', 'true', 'null', 'A B', '_', 'a.b'];
/** Names dot notation can carry (no spaces, dots or brackets). */
const DOT_NAMES = NAMES.filter((n) => !/[\s.[\]]/.test(n));

/** Random JSON whose keys are the names paths use. */
const body: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('', 'text', '+14085267209', '0'), fc.double({ noNaN: true, noDefaultInfinity: true })) as fc.Arbitrary<Json>,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...NAMES), tie('v'), { maxKeys: 4 }) as fc.Arbitrary<Json>,
  ),
})).v;

type Step = { kind: 'name'; name: string; bracket: boolean } | { kind: 'index'; index: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('name' as const), name: fc.constantFrom(...DOT_NAMES), bracket: fc.constant(false) }),
  fc.record({ kind: fc.constant('name' as const), name: fc.constantFrom(...NAMES), bracket: fc.constant(true) }),
  fc.record({ kind: fc.constant('index' as const), index: fc.integer({ min: -5, max: 5 }) }),
);

/** The path of the steps, `$`-rooted or not (`a.b`, `[0].a`, as Flow Designer also takes). */
const pathOf = (steps: Step[], rooted: boolean) => {
  const text = steps.map((s) => (s.kind === 'index' ? `[${s.index}]` : s.bracket ? `['${s.name}']` : `.${s.name}`)).join('');
  return rooted ? `$${text}` : text.replace(/^\./, '');
};

/** What Jayway JsonPath reads at a definite path: a name only a key of an object, an index only an item of a list. */
function oracle(json: unknown, steps: Step[]): unknown {
  let node = json;
  for (const s of steps) {
    if (s.kind === 'name') {
      if (!isObj(node) || !Object.hasOwn(node, s.name)) return undefined;
      node = node[s.name];
    } else {
      if (!Array.isArray(node)) return undefined;
      const at = s.index < 0 ? node.length + s.index : s.index;
      if (at < 0 || at >= node.length) return undefined;
      node = node[at];
    }
  }
  return node;
}

/** An HTTP Request activity run reduced to what the parse settings read and write. */
function parseRun(rows: { outputVariable: string; jsonPathExp: string }[], type = 'STRING'): { run: ActivityRun; written: Map<string, unknown> } {
  const written = new Map<string, unknown>();
  const run = {
    activity: { label: 'GET_CBID', props: { contentType: 'JSON', outputVariableArray: rows }, ui: {} },
    vars: { isDeclared: () => true, typeOf: () => type, setVariable: (name: string, value: unknown) => void written.set(name, value) },
    call: new CallState({}),
  } as unknown as ActivityRun;
  return { run, written };
}

test('fuzz: a definite JSONPath of names and indexes reads what Jayway JsonPath reads', async () => {
  await fuzz(
    'end-to-end/jsonpath-oracle',
    fc.property(body, fc.array(step, { minLength: 1, maxLength: 4 }), fc.boolean(), (json, steps, rooted) => {
      const path = pathOf(steps, rooted || (steps[0].kind === 'name' && (steps[0].bracket || steps[0].name === '$'))); // unrooted `$` and `['a']` read otherwise
      const { run, written } = parseRun([{ outputVariable: 'v', jsonPathExp: path }]);
      try {
        applyParseSettings(run, JSON.stringify(json));
      } catch (error) {
        check(error instanceof NotSimulatedError || error instanceof ActivityError, () => `${path}: ${error instanceof Error ? error.stack : String(error)}`);
        return; // refused in so many words (an operator character in a name, …): not a wrong value
      }
      const expected = json === null ? undefined : oracle(json, steps);
      const want = expected === undefined ? '' : convertToType(expected, 'STRING', 'v');
      check(JSON.stringify(written.get('v')) === JSON.stringify(want), () => `${path} on ${JSON.stringify(json)}: got ${JSON.stringify(written.get('v'))}, Jayway gives ${JSON.stringify(want)}`);
      checkNoPollution();
    }),
    0.5,
  );
});

/** Steps that make a path indefinite: a wildcard (`.*`, `[*]`), a slice, a union of indexes. */
type WideStep = Step | { kind: 'wild'; bracket: boolean } | { kind: 'slice'; from?: number; to?: number } | { kind: 'union'; indexes: number[] } | { kind: 'scan'; name: string };
const wideStep: fc.Arbitrary<WideStep> = fc.oneof(
  { weight: 3, arbitrary: step },
  fc.record({ kind: fc.constant('wild' as const), bracket: fc.boolean() }),
  fc.oneof(
    fc.record({ kind: fc.constant('slice' as const), from: fc.nat({ max: 4 }), to: fc.nat({ max: 5 }) }),
    fc.record({ kind: fc.constant('slice' as const), from: fc.nat({ max: 4 }) }),
    fc.record({ kind: fc.constant('slice' as const), to: fc.nat({ max: 5 }) }),
    fc.record({ kind: fc.constant('slice' as const), from: fc.integer({ min: -4, max: -1 }) }),
  ),
  fc.record({ kind: fc.constant('union' as const), indexes: fc.array(fc.integer({ min: -3, max: 4 }), { minLength: 2, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('scan' as const), name: fc.constantFrom(...DOT_NAMES) }),
);

const wideText = (s: WideStep): string =>
  s.kind === 'wild' ? (s.bracket ? '[*]' : '.*')
  : s.kind === 'slice' ? `[${s.from ?? ''}:${s.to ?? ''}]`
  : s.kind === 'union' ? `[${s.indexes.join(',')}]`
  : s.kind === 'scan' ? `..${s.name}`
  : pathOf([s], true).slice(1);

/** Jayway's matches of a path with wildcards, slices and unions: every match, in document order; missing leaves skipped. */
function wideOracle(json: unknown, steps: WideStep[]): unknown[] {
  let nodes: unknown[] = [json];
  for (const s of steps) {
    const next: unknown[] = [];
    for (const node of nodes) {
      if (s.kind === 'name' || s.kind === 'index') {
        const v = oracle(node, [s]);
        if (v !== undefined) next.push(v);
      } else if (s.kind === 'scan') {
        // Every value of the key at any depth (order aside: compared as a multiset).
        const walk = (n: unknown): void => {
          if (isObj(n) && Object.hasOwn(n, s.name)) next.push(n[s.name]);
          if (Array.isArray(n)) n.forEach(walk);
          else if (isObj(n)) Object.keys(n).forEach((k) => walk(n[k]));
        };
        walk(node);
      } else if (s.kind === 'wild') {
        if (Array.isArray(node)) next.push(...node);
        else if (isObj(node)) next.push(...Object.keys(node).map((k) => node[k]));
      } else if (Array.isArray(node)) {
        const n = node.length;
        if (s.kind === 'slice') {
          const from = s.from === undefined ? 0 : s.from < 0 ? Math.max(0, n + s.from) : Math.min(s.from, n);
          const to = s.to === undefined ? n : Math.min(s.to, n);
          for (let i = from; i < to; i++) next.push(node[i]);
        } else {
          for (const i of s.indexes) {
            const at = i < 0 ? n + i : i;
            if (at >= 0 && at < n) next.push(node[at]);
          }
        }
      }
    }
    nodes = next;
  }
  return nodes;
}

test('fuzz: an indefinite JSONPath (wildcards, slices, unions of indexes) gives the list of what Jayway matches', async () => {
  await fuzz(
    'end-to-end/jsonpath-indefinite',
    fc.property(body, fc.array(wideStep, { minLength: 1, maxLength: 4 }), (json, steps) => {
      if (steps.every((s) => s.kind === 'name' || s.kind === 'index')) return; // definite: the other property
      const path = `$${steps.map(wideText).join('')}`;
      const { run, written } = parseRun([{ outputVariable: 'v', jsonPathExp: path }]);
      try {
        applyParseSettings(run, JSON.stringify(json));
      } catch (error) {
        check(error instanceof NotSimulatedError || error instanceof ActivityError, () => `${path}: ${error instanceof Error ? error.stack : String(error)}`);
        return;
      }
      const matches = json === null ? [] : wideOracle(json, steps);
      const want = matches.length === 0 ? '' : convertToType(matches, 'STRING', 'v');
      const got = written.get('v');
      // A deep scan's matches are compared in any order (Jayway's order is its walk's).
      const scan = steps.some((s) => s.kind === 'scan');
      const sorted = (v: unknown) => (typeof v === 'string' && v.startsWith('[') ? (JSON.parse(v) as unknown[]).map((x) => JSON.stringify(x)).sort().join('\n') : JSON.stringify(v));
      check(scan ? sorted(got) === sorted(want) : JSON.stringify(got) === JSON.stringify(want), () => `${path} on ${JSON.stringify(json)}: got ${JSON.stringify(got)}, Jayway gives ${JSON.stringify(want)}`);
    }),
    0.5,
  );
});

/** Paths from JSONPath's grammar, with its errors and the characters that trip parsers. */
const rawPath: fc.Arbitrary<string> = fc.oneof(
  fc.array(
    fc.oneof(
      fc.constantFrom('$', '.', '..', '[', ']', '*', '?', '(', ')', '@', '~', '^', '`', "'", '"', '\\', ',', ':', ' ', '-', '0', '1', '-1', 'a', 'length()', '#', '!', '&&', '||', '=='),
      step.map((s) => pathOf([s], false)),
      fc.constantFrom('[*]', '[0:2]', '[1:]', '[:-1]', '[0,1]', "['a','b']", '[?(@.a)]', '[(@.length-1)]', '[?(@.a == 1)]', '..*', '.*', "[' a ']", '[ 0 ]', '[0 : 1]', '[a]', '[]', '[-0]', '[01]', '[1e3]', '[9999999999999999999]'),
    ),
    { maxLength: 8 },
  ).map((parts) => parts.join('')),
  fc.string({ maxLength: 30 }),
);

test('fuzz: random JSONPath settings against random bodies fill the variable or fail with the simulator\'s own error', async () => {
  await fuzz(
    'end-to-end/jsonpath-random',
    fc.property(body, fc.array(rawPath, { minLength: 1, maxLength: 3 }), fc.constantFrom('STRING', 'JSON', 'INTEGER', 'DECIMAL', 'BOOLEAN', 'DATETIME'), fc.boolean(), (json, paths, type, notJson) => {
      const { run, written } = parseRun(paths.map((p, i) => ({ outputVariable: `v${i}`, jsonPathExp: p })), type);
      const text = notJson ? `<html>${JSON.stringify(json)}` : JSON.stringify(json);
      const once = outcome(() => applyParseSettings(run, text), written, paths);
      const second = parseRun(paths.map((p, i) => ({ outputVariable: `v${i}`, jsonPathExp: p })), type);
      const twice = outcome(() => applyParseSettings(second.run, text), second.written, paths);
      check(once === twice, () => `not deterministic for ${JSON.stringify(paths)}`);
      checkNoPollution();
    }),
    0.5,
  );
});

function outcome(run: () => void, written: Map<string, unknown>, paths: string[]): string {
  try {
    run();
  } catch (error) {
    check(error instanceof NotSimulatedError || error instanceof ActivityError, () => `${JSON.stringify(paths)}: ${error instanceof Error ? error.stack : String(error)}`);
    check(!/[\r\n]/.test(error.message) && error.message.length < 2_000, () => `not a one-line message: ${JSON.stringify(error.message.slice(0, 300))}`);
    return `error:${error.message}`;
  }
  const values = [...written.values()];
  for (const v of values) check(JSON.stringify(JSON.parse(JSON.stringify(v) ?? 'null')) === (JSON.stringify(v) ?? 'null'), 'a variable holds something that is not plain JSON');
  return JSON.stringify(values);
}

// ---- Output file names from attendee ids ----

/** Attendee ids built from the pieces that make names clash: case, `-n` suffixes, dots, reserved names, unsafe characters. */
const attendee: fc.Arbitrary<string> = fc
  .array(fc.constantFrom('a', 'A', 'b', '-', '-2', '-3', '2', '.', '..', '.x', 'nul', 'NUL', 'con', 'com1', 'lpt9', 'index', 'Grades', 'junit', 'summary', '_', '__', ' ', '/', '\\', 'é', '😀', '\u0000', '<', 'k'.repeat(40)), { maxLength: 6 })
  .map((parts) => parts.join(''));

test('fuzz: every attendee gets a safe, unique report file name, the same in a shard as in the whole run', async () => {
  const { assignFileNames, nameClashKey } = await import('../../../cli/grade/file-names.js');
  const reserved = (name: string) => ['index', 'grades', 'junit', 'summary'].includes(name.toLowerCase()) || /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i.test(name.split('.')[0]);
  await fuzz(
    'end-to-end/file-names',
    fc.property(fc.array(attendee, { maxLength: 30 }), (ids) => {
      const names = assignFileNames(ids);
      check(names.length === ids.length, 'a name per attendee');
      const lower = names.map((n) => n.toLowerCase());
      check(new Set(lower).size === names.length, () => `two attendees share a file name: ${JSON.stringify(ids)} → ${JSON.stringify(names)}`);
      for (const name of names) {
        check(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name) && name.length <= 100, () => `unsafe file name ${JSON.stringify(name)}`);
        check(!reserved(name), () => `reserved file name ${JSON.stringify(name)} from ${JSON.stringify(ids)}`);
      }
      // A shard holds whole keys (nameClashKey): it must name its attendees as the whole run does.
      const keys = ids.map(nameClashKey);
      for (const key of new Set(keys)) {
        const shard = ids.filter((_, i) => keys[i] === key);
        const alone = assignFileNames(shard);
        const inRun = names.filter((_, i) => keys[i] === key);
        check(JSON.stringify(alone) === JSON.stringify(inRun), () => `key ${key}: ${JSON.stringify(shard)} named ${JSON.stringify(alone)} alone, ${JSON.stringify(inRun)} in ${JSON.stringify(ids)}`);
      }
    }),
  );
});

// ---- Command-line option values ----

/** Option values pasted from anywhere: near misses of valid values, hostile text, numbers at the edges. */
const optionValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '0', '1', '-1', '01', '1.5', '1e3', '0x10', '١٢', '9'.repeat(25), '500', '10000', '10001', 'NaN', 'Infinity', '20MB', '0.5B', '1 KB', '1kb', '99999999GB', '1GBB'),
  fc.constantFrom('+14694096861', '+1', '14694096861', '+', '++1', '+1 469 409 6861', 'tel:+14694096861'),
  fc.constantFrom('2025-08-01', '2025-08-01T09:00:00Z', '2025-02-30', '2025-08-01T25:00:00Z', '2025-08-01T09:00:00+25:00', '+275760-09-13T00:00:00Z', '-000001-01-01T00:00:00Z', '2025-08-01T09:00:00.1234567Z', '1970-01-01T00:00:00Z'),
  fc.constantFrom('WantCallback=3', 'WantCallback=1,2,3', '=3', 'WantCallback=', 'WantCallback', '__proto__=1', 'constructor=1', 'a=b=c', 'WantCallback=' + '1,'.repeat(500)),
  fc.constantFrom('400', '401', '429', 'timeout', '200', '999', 'callback-on-global-error', 'nope', '__proto__', 'toString'),
  fc.constantFrom('x=http://127.0.0.1:9', 'WxCC=https://api.example', 'WxCC=javascript:alert(1)', 'WxCC=', 'WxCC=file:///etc/passwd', 'WxCC=http://[::1', '__proto__=http://x'),
  hostileString,
);

const OPTIONS = {
  check: ['--lab', '--dnis', '--connector', '--max-size', '--max-depth', '--max-steps', '--max-visits', '--now', '--attendee', '--format'],
  simulate: ['--dtmf', '--ani', '--dnis', '--connector', '--tasks-status', '--business-hours', '--max-size', '--now', '--format'],
} as const;

test('fuzz: any option values give a result or one usage error with exit code 2, never an internal error', async () => {
  const { run } = await import('../../../cli/main.js');
  const solution = 'fixtures/flows/solution.json';
  await fuzz(
    'end-to-end/cli-options',
    fc.asyncProperty(
      fc.constantFrom('check' as const, 'simulate' as const),
      fc.array(fc.tuple(fc.nat(), optionValue), { minLength: 1, maxLength: 4 }),
      fc.constantFrom('json', 'text', 'console', 'junit', 'markdown', 'html'),
      // Mostly the solution; sometimes a file name that is not there, hostile text in it.
      fc.oneof({ weight: 4, arbitrary: fc.constant(solution) }, { weight: 1, arbitrary: hostileString.map((name) => `no-such-dir/${name}.json`) }),
      async (command, pairs, format, file) => {
        const names = OPTIONS[command];
        const args = pairs.flatMap(([at, value]) => [names[at % names.length], value]);
        const argv = ['node', 'flowgrade', command, file, '--format', format, ...args];
        let stdout = '';
        let stderr = '';
        const code = await run(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false, color: false });
        check([0, 1, 2].includes(code), `exit code ${code} for ${JSON.stringify(argv.slice(2))}`);
        check(!/internal error/i.test(stderr), () => `${JSON.stringify(argv.slice(2))}: ${stderr.slice(0, 500)}`);
        if (code === 2 && stderr === '') {
          // An ungradable export: its report, on stdout, says why.
          check(stdout.trim() !== '', () => `exit 2 without a word for ${JSON.stringify(argv.slice(2))}`);
        } else if (code === 2) {
          // A usage error: one line saying what is wrong.
          const lines = stderr.trimEnd().split('\n');
          check(lines.length === 1 && lines[0].trim() !== '', () => `exit 2 with ${lines.length} lines for ${JSON.stringify(argv.slice(2))}: ${JSON.stringify(stderr.slice(0, 600))}`);
        }
        check(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(stderr), () => `a control character on stderr: ${JSON.stringify(stderr.slice(0, 300))}`);
        if (code !== 2 && format === 'json') JSON.parse(stdout); // a result is whole JSON
      },
    ),
    0.2,
  );
});

// ---- Where a syntax error is ----

/** Small JSON texts with a few characters cut, inserted or replaced by JSON's own punctuation. */
const brokenJson: fc.Arbitrary<string> = fc
  .tuple(
    fc.json({ maxDepth: 3 }),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '\\', '-', '0', '1', 'e', '.', 't', 'n', ' ', '\n', '\u0001', 'x', '+', "'", '\\u12', '\u00e9', '9'.repeat(450), '"' + 'x'.repeat(450))), { minLength: 1, maxLength: 3 }),
  )
  .map(([text, edits]) => {
    let out = text;
    for (const [at, cut, insert] of edits) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + insert + out.slice(i + cut);
    }
    return out;
  });

test('fuzz: a syntax error is placed where JSON.parse itself says it is', async () => {
  const { jsonErrorOffset } = await import('../../../engine/json-error-offset.js');
  await fuzz(
    'end-to-end/json-error-offset',
    fc.property(brokenJson, (text) => {
      let message: string;
      try {
        JSON.parse(text);
        check(jsonErrorOffset(text) === -1, () => `${JSON.stringify(text)} parses, yet an error is placed at ${jsonErrorOffset(text)}`);
        return;
      } catch (error) {
        message = (error as Error).message;
      }
      const offset = jsonErrorOffset(text);
      check(offset >= 0, () => `${JSON.stringify(text)} does not parse (${message}), yet no error is found`);
      const position = /at position (\d+)/.exec(message);
      // V8 points into a bad token (after `-`, at a bad escape); the scanner may point at its start.
      const sameToken = (at: number) => offset === at || (text[at] === '\\' && offset > at && offset <= at + 6) || (offset < at && /^(?:[^\s,:{}[\]"]+|"(?:[^"\\]|\\.)*\\?)$/s.test(text.slice(offset, at)));
      if (position) check(sameToken(Number(position[1])), () => `${JSON.stringify(text)}: placed at ${offset}, JSON.parse says ${message}`);
    }),
  );
});
