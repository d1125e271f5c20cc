/**
 * Random damage to flow exports, as fast-check arbitraries: structural mutations of the parsed
 * JSON (keys deleted, renamed, retyped, values swapped, strings truncated or made huge, deep
 * nesting, duplicate ids, links to nowhere, cycles) and text mutations of the file (truncation,
 * random bytes, BOMs, wrapping). Plus hostile strings shared by every fuzz file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fixturePath } from '../../helpers.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every fixture file (flows and unreadable), relative to fixtures/. */
export const FIXTURE_FILES: string[] = [
  ...readdirSync(fixturePath('flows')).filter((f) => f.endsWith('.json')).sort().map((f) => `flows/${f}`),
  ...readdirSync(fixturePath('unreadable')).sort().map((f) => `unreadable/${f}`),
];
export const FLOW_FILES = FIXTURE_FILES.filter((f) => f.startsWith('flows/'));

const textCache = new Map<string, string>();
/** The fixture's text (cached). */
export function fixtureText(file: string): string {
  let text = textCache.get(file);
  if (text === undefined) {
    text = readFileSync(fixturePath(file), 'utf8');
    textCache.set(file, text);
  }
  return text;
}

/** A fresh parsed copy of a flow fixture (BOM stripped). */
export function fixtureJson(file: string): Json {
  return JSON.parse(fixtureText(file).replace(/^\uFEFF/, '')) as Json;
}

/** Names that are dangerous as object keys or that break naive code. */
export const HOSTILE_NAMES = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', 'toJSON', 'then', 'length', '', ' ', 'out', 'error', 'default'];

/** Strings an attacker (or a careless attendee) may put anywhere in an export. */
export const HOSTILE_STRINGS = [
  ...HOSTILE_NAMES,
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
  ']]><x>',
  '<!--',
  '&amp;&lt;',
  '{{',
  '}}',
  '{{ "".constructor.constructor("globalThis.pwned=1")() }}',
  '{{ a.__proto__.polluted }}',
  '{% for x in y %}',
  '$[?(@.constructor.constructor("globalThis.pwned=1")())]',
  '$..[?(@.x && (globalThis.pwned=1))]',
  'http://127.0.0.1:9/',
  'http://169.254.169.254/latest/meta-data',
  'file:///etc/passwd',
  'data:text/plain,hi',
  '=HYPERLINK("http://x")',
  '+cmd|"/c calc"!A1',
  '@SUM(1)',
  '| a | b |\n|---|',
  '[link](javascript:alert(1))',
  '\u0000',
  '\u0007\u001b[31m',
  '\ud800',
  '\udfff\ud800',
  '\u202e',
  '\ufeff',
  '\r\n',
  '😀',
  '../../../etc/passwd',
  'C:\\Windows\\win.ini',
  'NaN',
  '-0',
  '1e400',
  '%s%n',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...HOSTILE_STRINGS)).map(([a, b]) => a + b) },
);

/** An object whose keys are hostile names (`{"toString": 1}` breaks `String(value)`). */
const hostileObject: fc.Arbitrary<Json> = fc.dictionary(fc.constantFrom(...HOSTILE_NAMES), fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>, { maxKeys: 3 });

/** A random JSON value, hostile strings included. */
export const anyJson: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom<Json>(null, true, false, 0, -1, 1e308, -1e-308, 2 ** 53 + 1, [], {}, '', [null], { '': null }) },
  { weight: 1, arbitrary: hostileObject },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileObject, hostileString), { maxLength: 3 }) },
);

export type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'rename'; at: number; name: string }
  | { op: 'retype'; at: number; value: Json }
  | { op: 'swap'; at: number; other: number }
  | { op: 'truncate'; at: number; keep: number }
  | { op: 'huge'; at: number; size: number; unit: string }
  | { op: 'nest'; at: number; depth: number; kind: 'array' | 'object' }
  | { op: 'duplicate-activity'; at: number; other: number; sameId: boolean }
  | { op: 'dangling-link'; at: number; end: 'sourceActivityId' | 'targetActivityId'; id: string }
  | { op: 'extra-link'; from: number; to: number; exit: string; events: boolean }
  | { op: 'set-property'; at: number; key: string; value: Json }
  | { op: 'retype-property'; at: number; key: number; value: Json };

const pick = fc.nat();
const exitName = fc.constantFrom('out', 'default', 'error', 'true', 'false', 'timeout', 'invalid', 'failure', '1', '2', '3', '__proto__', 'constructor', 'nope');
const propertyKey = fc.constantFrom(
  'activityName', 'name', 'menuLinks', 'expression', 'expr', 'srcVariable', 'httpRequestUrl', 'httpRequestMethod', 'httpRequestBody',
  'httpRequestPath', 'authenticated', 'outputVariableArray', 'contentType', 'setVariablesArray', 'promptsTts', 'httpRequestHeaders',
  'httpQueryParameters', 'connectorId:name', 'callbackDialNumber', 'queueId', 'menuLinks:input', '__proto__', 'constructor', 'toString',
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: pick }),
  fc.record({ op: fc.constant('rename' as const), at: pick, name: fc.oneof(fc.constantFrom(...HOSTILE_NAMES), fc.string({ maxLength: 8 }), fc.integer({ min: 600, max: 20_000 }).map((n) => 'k'.repeat(n))) }),
  fc.record({ op: fc.constant('retype' as const), at: pick, value: anyJson }),
  fc.record({ op: fc.constant('swap' as const), at: pick, other: pick }),
  fc.record({ op: fc.constant('truncate' as const), at: pick, keep: fc.nat({ max: 40 }) }),
  fc.record({ op: fc.constant('huge' as const), at: pick, size: fc.integer({ min: 1_000, max: 1_200_000 }), unit: fc.constantFrom('x', '{{', '[', '<', '\\', '"', 'é', '😀', '{{ a }}') }),
  fc.record({ op: fc.constant('nest' as const), at: pick, depth: fc.integer({ min: 1, max: 120 }), kind: fc.constantFrom('array' as const, 'object' as const) }),
  fc.record({ op: fc.constant('duplicate-activity' as const), at: pick, other: pick, sameId: fc.boolean() }),
  fc.record({ op: fc.constant('dangling-link' as const), at: pick, end: fc.constantFrom('sourceActivityId' as const, 'targetActivityId' as const), id: fc.oneof(fc.constantFrom(...HOSTILE_NAMES), fc.string({ maxLength: 10 })) }),
  fc.record({ op: fc.constant('extra-link' as const), from: pick, to: pick, exit: exitName, events: fc.boolean() }),
  fc.record({ op: fc.constant('set-property' as const), at: pick, key: propertyKey, value: anyJson }),
  fc.record({ op: fc.constant('retype-property' as const), at: pick, key: pick, value: anyJson }),
);

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });

/** Values that break code trusting the type of a property: `{"toString": 1}`, lists of them, hostile text. */
export const hostileValue: fc.Arbitrary<Json> = fc.oneof(hostileString, hostileObject, fc.array(fc.oneof(hostileObject, hostileString, fc.constant(null)), { minLength: 1, maxLength: 3 }), anyJson);

/** Existing properties of random activities replaced by hostile values (the keys stay: only the values lie). */
export const propertyAttacks = fc.array(
  fc.record({ op: fc.constant('retype-property' as const), at: pick, key: pick, value: hostileValue }),
  { minLength: 1, maxLength: 12 },
);

/** Applies mutations in order to a copy of `root`. */
export function mutate(root: Json, list: readonly Mutation[]): Json {
  let doc: Json = structuredClone(root);
  for (const m of list) doc = applyOne(doc, m);
  return doc;
}

function applyOne(doc: Json, m: Mutation): Json {
  switch (m.op) {
    case 'delete':
      return edit(doc, m.at, (parent, key) => {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
      });
    case 'rename':
      return edit(doc, m.at, (parent, key) => {
        if (Array.isArray(parent)) return;
        const value = parent[key as string];
        delete parent[key as string];
        Object.defineProperty(parent, m.name, { value, enumerable: true, writable: true, configurable: true });
      });
    case 'retype':
      return replaceAt(doc, m.at, () => structuredClone(m.value));
    case 'swap': {
      const all = allPaths(doc);
      const a = all[m.at % all.length];
      const b = all[m.other % all.length];
      if (a.length === 0 || b.length === 0 || isPrefix(a, b) || isPrefix(b, a)) return doc;
      const va = get(doc, a);
      const vb = get(doc, b);
      set(doc, a, vb);
      set(doc, b, va);
      return doc;
    }
    case 'truncate':
      return replaceAt(doc, m.at, (v) => (typeof v === 'string' ? v.slice(0, Math.min(m.keep, v.length)) : v), (v) => typeof v === 'string');
    case 'huge':
      return replaceAt(doc, m.at, () => m.unit.repeat(Math.ceil(m.size / m.unit.length)).slice(0, m.size));
    case 'nest':
      return replaceAt(doc, m.at, (v) => {
        let out: Json = v;
        for (let i = 0; i < m.depth; i++) out = m.kind === 'array' ? [out] : { n: out };
        return out;
      });
    case 'duplicate-activity': {
      const activities = activityMaps(doc);
      if (activities.length === 0) return doc;
      const map = activities[m.at % activities.length];
      const keys = Object.keys(map);
      if (keys.length === 0) return doc;
      const source = map[keys[m.other % keys.length]];
      const copy = structuredClone(source);
      const newKey = m.sameId ? keys[(m.other + 1) % keys.length] : `dup-${m.other}`;
      Object.defineProperty(map, newKey, { value: copy, enumerable: true, writable: true, configurable: true });
      return doc;
    }
    case 'dangling-link': {
      const links = linkObjects(doc);
      if (links.length === 0) return doc;
      links[m.at % links.length][m.end] = m.id;
      return doc;
    }
    case 'extra-link': {
      const process = m.events ? eventsProcess(doc) : mainProcess(doc);
      if (!process) return doc;
      const activities = asRecord(process.activities);
      const links = process.links;
      const ids = activities ? Object.keys(activities) : [];
      if (ids.length === 0 || !Array.isArray(links)) return doc;
      links.push({
        id: `fuzz-${m.from}-${m.to}`,
        sourceActivityId: ids[m.from % ids.length],
        targetActivityId: ids[m.to % ids.length],
        conditionExpr: m.exit,
        properties: { value: m.exit },
      });
      return doc;
    }
    case 'set-property':
    case 'retype-property': {
      const all = activityMaps(doc).flatMap((map) => Object.values(map));
      const target = all.length > 0 ? asRecord(all[m.at % all.length]) : undefined;
      const properties = target ? asRecord(target.properties) : undefined;
      if (!properties) return doc;
      const existing = Object.keys(properties);
      const key = m.op === 'set-property' ? m.key : existing.length > 0 ? existing[m.key % existing.length] : 'name';
      Object.defineProperty(properties, key, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
      return doc;
    }
  }
}

/** Text-level damage of a serialised export. */
export type TextMutation =
  | { op: 'cut'; at: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'flip'; at: number; byte: number }
  | { op: 'bom' }
  | { op: 'template-body' }
  | { op: 'double-encode' };

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ op: fc.constant('cut' as const), at: pick }),
  fc.record({ op: fc.constant('insert' as const), at: pick, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant('flip' as const), at: pick, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('bom' as const) }),
  fc.record({ op: fc.constant('template-body' as const) }),
  fc.record({ op: fc.constant('double-encode' as const) }),
);

export function mutateText(bytes: Uint8Array, list: readonly TextMutation[]): Uint8Array {
  let out = bytes;
  for (const m of list) {
    switch (m.op) {
      case 'cut':
        out = out.slice(0, out.length === 0 ? 0 : m.at % out.length);
        break;
      case 'insert': {
        const at = out.length === 0 ? 0 : m.at % out.length;
        out = concat(out.slice(0, at), m.bytes, out.slice(at));
        break;
      }
      case 'flip':
        if (out.length > 0) {
          out = out.slice();
          out[m.at % out.length] = m.byte;
        }
        break;
      case 'bom':
        out = concat(new Uint8Array([0xef, 0xbb, 0xbf]), out);
        break;
      case 'template-body':
        out = new TextEncoder().encode(JSON.stringify({ name: 'template', flow: new TextDecoder().decode(out) }));
        break;
      case 'double-encode':
        out = new TextEncoder().encode(JSON.stringify(new TextDecoder().decode(out)));
        break;
    }
  }
  return out;
}

/** Maximum array/object nesting of a JSON value. */
export function depthOf(value: Json): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  let max = 0;
  for (const child of children) max = Math.max(max, depthOf(child));
  return max + 1;
}

/** Length of the longest string or object key in a JSON value. */
export function longestStringOf(value: Json): number {
  if (typeof value === 'string') return value.length;
  if (value === null || typeof value !== 'object') return 0;
  if (Array.isArray(value)) return Math.max(0, ...value.map(longestStringOf));
  return Math.max(0, ...Object.entries(value).map(([key, child]) => Math.max(key.length, longestStringOf(child))));
}

// --- helpers -------------------------------------------------------------------------------

function allPaths(doc: Json, max = 20_000): Path[] {
  const out: Path[] = [];
  const stack: [Json, Path][] = [[doc, []]];
  while (stack.length > 0 && out.length < max) {
    const [value, at] = stack.pop()!;
    out.push(at);
    if (value !== null && typeof value === 'object') {
      if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, [...at, i]]));
      else for (const key of Object.keys(value)) stack.push([value[key], [...at, key]]);
    }
  }
  return out;
}

function get(doc: Json, at: Path): Json {
  let value: Json = doc;
  for (const key of at) value = (value as Record<string, Json>)[key as string];
  return value;
}

function set(doc: Json, at: Path, value: Json): void {
  const parent = get(doc, at.slice(0, -1)) as Record<string, Json>;
  Object.defineProperty(parent, at[at.length - 1] as string, { value, enumerable: true, writable: true, configurable: true });
}

/** Runs `change` on the parent and key of a non-root path. */
function edit(doc: Json, index: number, change: (parent: Record<string, Json> | Json[], key: string | number) => void): Json {
  const all = allPaths(doc).filter((p) => p.length > 0);
  if (all.length === 0) return doc;
  const at = all[index % all.length];
  change(get(doc, at.slice(0, -1)) as Record<string, Json>, at[at.length - 1]);
  return doc;
}

function replaceAt(doc: Json, index: number, replace: (value: Json) => Json, eligible: (value: Json) => boolean = () => true): Json {
  const all = allPaths(doc).filter((p) => eligible(get(doc, p)));
  if (all.length === 0) return doc;
  const at = all[index % all.length];
  if (at.length === 0) return replace(doc);
  set(doc, at, replace(get(doc, at)));
  return doc;
}

function isPrefix(a: Path, b: Path): boolean {
  return a.length <= b.length && a.every((k, i) => k === b[i]);
}

function asRecord(value: unknown): Record<string, Json> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Json>) : undefined;
}

function mainProcess(doc: Json): Record<string, Json> | undefined {
  return asRecord(asRecord(doc)?.process);
}

function eventsProcess(doc: Json): Record<string, Json> | undefined {
  return asRecord(asRecord(asRecord(asRecord(asRecord(doc)?.eventFlows)?.eventsMap)?.GLOBAL_EVENTS)?.process);
}

function activityMaps(doc: Json): Record<string, Json>[] {
  return [mainProcess(doc), eventsProcess(doc)].map((p) => asRecord(p?.activities)).filter((m): m is Record<string, Json> => m !== undefined);
}

function linkObjects(doc: Json): Record<string, Json>[] {
  return [mainProcess(doc), eventsProcess(doc)]
    .flatMap((p) => (Array.isArray(p?.links) ? p.links : []))
    .map(asRecord)
    .filter((l): l is Record<string, Json> => l !== undefined);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
